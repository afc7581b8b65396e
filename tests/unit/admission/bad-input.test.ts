// Bad input gets a clear error at its place, never a crash or a hang (issue: "Speed and bad input").
import { describe, expect, it } from 'vitest';
import { evaluateScenarioText } from '../../../src/engine/index.js';

const POLICY = (expression: string, apiVersion = 'admissionregistration.k8s.io/v1'): string => `
policies:
- apiVersion: ${apiVersion}
  kind: MutatingAdmissionPolicy
  metadata: {name: p}
  spec:
    matchConstraints: {resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}]}
    failurePolicy: Fail
    reinvocationPolicy: Never
    mutations:
    - patchType: JSONPatch
      jsonPatch:
        expression: '${expression.replace(/'/g, "''")}'
`;
const CONFIGMAP = 'object: {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: default}, data: {a: b}}\n';

describe('bad input', () => {
  it('malformed YAML: a diagnostic with line and column, no result', () => {
    const e = evaluateScenarioText('object:\n  apiVersion: v1\n  kind: [ConfigMap\n');
    expect(e.result).toBeNull();
    expect(e.diagnostics[0].severity).toBe('error');
    expect(e.diagnostics[0].location?.line).toBeGreaterThanOrEqual(3);
  });

  it('an unknown kind: a diagnostic naming it, the way kubectl reports it', () => {
    const e = evaluateScenarioText('object: {apiVersion: example.com/v1, kind: Widget, metadata: {name: w}}\n');
    const messages = e.diagnostics.map((d) => d.message);
    expect(messages).toContain('no matches for kind "Widget" in version "example.com/v1"');
  });

  it('a policy in an API version the Kubernetes version does not serve', () => {
    const e = evaluateScenarioText('kubernetesVersion: "1.34"\n' + POLICY('[]') + CONFIGMAP);
    const d = e.diagnostics.find((x) => x.path === 'apiVersion');
    expect(d?.message).toContain('admissionregistration.k8s.io/v1');
    expect(d?.location?.line).toBe(4);
  });

  it('a 10,000-deep expression is a diagnostic, not a stack overflow', () => {
    const deep = '('.repeat(10_000) + '1' + ')'.repeat(10_000);
    const e = evaluateScenarioText(POLICY(`[JSONPatch{op: "add", path: "/data/x", value: string(${deep})}]`) + CONFIGMAP);
    expect(e.result?.allowed).toBe(false);
    expect(e.diagnostics.some((d) => /recursion|nest|depth/i.test(d.message))).toBe(true);
  });

  it('a runaway expression stops at the cost limit with kube-apiserver\'s message', () => {
    const runaway = '[JSONPatch{op: "add", path: "/data/x", value: string(lists.range(3000).map(i, lists.range(3000).map(j, i * j).sum()).sum())}]';
    const e = evaluateScenarioText(POLICY(runaway) + CONFIGMAP);
    expect(e.result?.allowed).toBe(false);
    expect(e.result?.error).toContain('operation cancelled: actual cost limit exceeded');
  });

  it('a 5 MB scenario is read and evaluated', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `  k${i}: "${'x'.repeat(90)}"`).join('\n');
    const text = POLICY('[JSONPatch{op: "add", path: "/data/size", value: string(size(object.data))}]') +
      `object:\n apiVersion: v1\n kind: ConfigMap\n metadata: {name: c, namespace: default}\n data:\n${big.replace(/^  /gm, '  ')}\n`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const e = evaluateScenarioText(text);
    expect(e.result?.allowed).toBe(true);
    expect((e.result?.object as { data: Record<string, string> }).data.size).toBe('50000');
  });

  it('hostile keys stay data', () => {
    const e = evaluateScenarioText(POLICY('[JSONPatch{op: "add", path: "/data/__proto__", value: "x"}]') + CONFIGMAP);
    expect(e.result?.allowed).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.hasOwn((e.result?.object as { data: object }).data, '__proto__')).toBe(true);
  });

  it('garbage in every field never throws', () => {
    for (const text of ['', 'null', '[]', '42', 'object: 7', 'policies: 5\nobject: {}', 'policies: [{spec: 1}]\nobject: {kind: Pod}', 'bindings: [1]\nobject: {apiVersion: v1, kind: Pod, metadata: {name: p}}']) {
      expect(() => evaluateScenarioText(text)).not.toThrow();
    }
  });
});
