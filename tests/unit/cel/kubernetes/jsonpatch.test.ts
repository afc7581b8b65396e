// apiserver pkg/cel/library/jsonpatch.go and reference/sample/cel/escapekey-tilde-slash.yaml.
import { describe, expect, it } from 'vitest';
import { jsonPatchLibrary } from '../../../../src/engine/cel/kubernetes/jsonpatch.js';
import { kubernetesLibraries } from '../../../../src/engine/cel/kubernetes/index.js';
import { call } from './helpers.js';

describe('jsonpatch.escapeKey', () => {
  it.each([
    ['~1/', '~01~1'],
    ['k8s.io/name', 'k8s.io~1name'],
    ['a~b', 'a~0b'],
    ['plain', 'plain'],
  ])('%j -> %j', (s, want) => expect(call(jsonPatchLibrary, 'string_jsonpatch_escapeKey_string', s)).toBe(want));
});

describe('kubernetesLibraries', () => {
  it('semver from 1.33 only', () => {
    expect(kubernetesLibraries('1.32').map((l) => l.name)).not.toContain('kubernetes.Semver');
    expect(kubernetesLibraries('1.33').map((l) => l.name)).toContain('kubernetes.Semver');
  });
  it('unique overload ids per function', () => {
    const seen = new Map<string, string>();
    for (const lib of kubernetesLibraries('1.36'))
      for (const f of lib.functions ?? [])
        for (const o of f.overloads) {
          expect(seen.has(o.id), `${o.id} in ${lib.name} and ${seen.get(o.id)}`).toBe(false);
          seen.set(o.id, lib.name);
        }
  });
});
