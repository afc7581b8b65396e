// The ApplyConfiguration path's shortcuts give the answers of the long way round: a merge with a
// request's memo of valid live values equals one without (same result or same error, in every
// release, for valid and invalid live objects alike), untouched live parts come back as the same
// objects, and the shared schemas equal freshly built ones.
import { describe, expect, it } from 'vitest';
import { applyStructuredMergeDiff } from '../../../src/engine/admission/apply/smd.js';
import { KnownValidByOptions } from '../../../src/engine/admission/apply/known.js';
import type { SmdValue } from '../../../src/engine/admission/apply/values.js';
import { BuiltinSchemas, builtinSchemas } from '../../../src/engine/schema/builtin.js';
import type { TypeRef } from '../../../src/engine/schema/types.js';
import { encodeJson } from '../../../src/engine/json/index.js';
import type { KubernetesVersion } from '../../../src/engine/types.js';

const VERSIONS: KubernetesVersion[] = ['1.32', '1.33', '1.34', '1.35', '1.36'];
const show = (v: unknown): string => encodeJson(v);

const container = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  image: `img/${name}`,
  ports: [{ containerPort: 80n, protocol: 'TCP' }],
  env: [{ name: 'A', value: '1' }],
  resources: { limits: { cpu: '1' } },
  ...extra,
});
const podWith = (spec: Record<string, unknown>, labels: Record<string, string> = { app: 'x' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels },
  spec,
});

const LIVES: Record<string, unknown> = {
  plain: podWith({ containers: [container('a'), container('b')], volumes: [{ name: 'v', emptyDir: {} }], nodeSelector: { d: 's' } }),
  duplicateKeys: podWith({ containers: [container('a'), container('a')] }),
  missingKey: podWith({ containers: [{ image: 'x' }] }),
  undeclared: podWith({ containers: [container('a', { bogus: 1n })], extra: { y: 1n } }),
  wrongType: podWith({ containers: [container('a', { ports: 'nope' })] }),
  emptyParts: podWith({ containers: [], volumes: [], nodeSelector: {} }),
};
const PATCHES: Record<string, unknown> = {
  label: { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { l: 'y' } } },
  sameLabel: { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { app: 'x' } } },
  container: { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'b', image: 'new' }] } },
  newContainer: { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', image: 'c' }] } },
  atomic: { apiVersion: 'v1', kind: 'Pod', spec: { nodeSelector: { d: 'q' }, containers: [{ name: 'a', command: ['x'] }] } },
  undeclared: { apiVersion: 'v1', kind: 'Pod', spec: { nope: 1n } },
};

describe('ApplyConfiguration merge with a request memo', () => {
  const fresh: TypeRef = () => new BuiltinSchemas().classAtom('V1Pod');
  for (const version of VERSIONS) {
    it(`equals the merge without one (${version})`, () => {
      const shared = builtinSchemas(version);
      const root: TypeRef = () => shared.classAtom('V1Pod');
      const plainRoot: TypeRef = () => new BuiltinSchemas(version).classAtom('V1Pod');
      for (const [ln, live] of Object.entries(LIVES)) {
        const memo = new KnownValidByOptions();
        // the same live object merged repeatedly, as 50 policies of one request do
        for (let round = 0; round < 3; round++) {
          for (const [pn, patch] of Object.entries(PATCHES)) {
            const want = applyStructuredMergeDiff(plainRoot, live as SmdValue, patch as SmdValue, version);
            const got = applyStructuredMergeDiff(root, live as SmdValue, patch as SmdValue, version, memo);
            expect(show(got), `${ln} + ${pn}, round ${round}`).toBe(show(want));
          }
        }
      }
    });
  }

  it('returns untouched live parts as the same objects', () => {
    const live = LIVES.plain as { spec: { containers: unknown[] }; metadata: { labels: unknown } };
    const memo = new KnownValidByOptions();
    const r = applyStructuredMergeDiff(fresh, live as never, PATCHES.label as SmdValue, '1.36', memo);
    expect(r.ok).toBe(true);
    const out = (r as unknown as { value: typeof live }).value;
    expect(out.spec).toBe(live.spec);
    expect(out.metadata).not.toBe(live.metadata);
    const r2 = applyStructuredMergeDiff(fresh, live as never, PATCHES.container as SmdValue, '1.36');
    const out2 = (r2 as unknown as { value: typeof live }).value;
    expect(out2.spec.containers[0]).toBe(live.spec.containers[0]);
    expect(out2.spec.containers[1]).not.toBe(live.spec.containers[1]);
    expect(out2.metadata).toBe(live.metadata);
  });

  it('the shared schemas equal freshly built ones', () => {
    for (const version of VERSIONS) {
      const a = builtinSchemas(version).classAtom('V1PodSpec').map!;
      const b = new BuiltinSchemas(version).classAtom('V1PodSpec').map!;
      expect([...a.fields.keys()]).toEqual([...b.fields.keys()]);
      expect(a.relationship).toBe(b.relationship);
      expect(builtinSchemas(version)).toBe(builtinSchemas(version));
    }
  });
});
