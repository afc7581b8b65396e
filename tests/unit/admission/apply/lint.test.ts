import { describe, expect, it } from 'vitest';
import { lintApplyConfiguration } from '../../../../src/engine/admission/apply/lint.js';
import type { CompiledMutation } from '../../../../src/engine/admission/policy.js';

const mutation = (source: string): CompiledMutation => ({
  index: 0,
  patchType: 'ApplyConfiguration',
  expression: { source, program: undefined, error: undefined, diagnostics: [] },
  path: [],
});
const POD = { group: '', version: 'v1', kind: 'Pod' };
const lint = (src: string) => lintApplyConfiguration(mutation(src), POD, new Map()).map((l) => [l.message, src.slice(l.range.start, l.range.end)]);

describe('ApplyConfiguration lint', () => {
  it('warns about undeclared fields', () => {
    expect(lint('Object{spec: Object.spec{hostNetwrk: true}}')).toEqual([['.spec.hostNetwrk is not a field of Pod: the merge fails with "field not declared in schema"', 'hostNetwrk: true']]);
  });
  it('warns about atomic fields and atomic structs, suggesting JSONPatch', () => {
    const r = lint('Object{spec: Object.spec{tolerations: [], initContainers: [Object.spec.initContainers{name: "x", args: ["a"]}], imagePullSecrets: [Object.spec.imagePullSecrets{name: "r"}]}}');
    expect(r.map(([m]) => m.split(':')[0])).toEqual(['.spec.tolerations is atomic in Pod', '.spec.initContainers.args is atomic in Pod', '.spec.imagePullSecrets is atomic in Pod']);
    expect(r[0][0]).toContain('use a JSONPatch mutation');
  });
  it('does not call an IntOrString field atomic (its type is also a scalar)', () => {
    expect(lint('Object{spec: Object.spec{containers: [Object.spec.containers{name: "a", livenessProbe: Object.spec.containers.livenessProbe{tcpSocket: Object.spec.containers.livenessProbe.tcpSocket{port: 8080}}}]}}')).toEqual([]);
  });
  it('is quiet for fine expressions and map entries', () => {
    expect(lint('Object{metadata: Object.metadata{labels: {"a": "b"}}, spec: Object.spec{containers: [Object.spec.containers{name: "a", image: "b"}]}}')).toEqual([]);
  });
});

describe('ApplyConfiguration lint of values', () => {
  it('warns about null and nested literals', () => {
    const r = lint('Object{spec: Object.spec{priority: null, containers: [Object.spec.containers{name: "a", env: [{"name": "A"}]}]}}');
    expect(r.map(([m]) => m.split(':')[0])).toEqual(['.spec.priority', '.spec.containers.env']);
    expect(r[1][1]).toBe('{"name": "A"}');
  });
});
