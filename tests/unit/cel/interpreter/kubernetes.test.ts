// The evaluator in the Kubernetes mutation environment: patch types, regex planning, costs.
import { describe, expect, it } from 'vitest';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { kubernetesEnvironment } from '../../../../src/engine/cel/kubernetes/environment.js';
import { StructValue, type CelValue } from '../../../../src/engine/cel/values.js';

const env = newEnvironment(kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false }));
const pod: CelValue = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
};
const vars: Record<string, CelValue> = { object: pod, oldObject: null, request: { operation: 'CREATE' }, namespaceObject: null };

function evaluate(src: string) {
  const c = compile(src, env);
  if (!c.ok) return { stage: c.stage, message: c.diagnostics.map((d) => d.message).join('; ') };
  const r = c.program.evaluate(vars);
  return r.ok ? { value: r.value, cost: r.cost } : { error: r.error.message };
}

describe('kubernetes mutation environment', () => {
  it('builds JSONPatch values', () => {
    const r = evaluate('[JSONPatch{op: "add", path: "/metadata/labels", value: {"a": "b"}}]');
    expect('value' in r && Array.isArray(r.value) && r.value[0] instanceof StructValue).toBe(true);
    expect(evaluate('JSONPatch{op: "add", path: "/x"}.op')).toMatchObject({ value: 'add' });
  });
  it('builds Object values for apply configurations', () => {
    const r = evaluate('Object{metadata: Object.metadata{labels: {"a": "b"}}}');
    expect('value' in r && r.value instanceof StructValue).toBe(true);
  });
  it('compiles literal find() patterns while planning', () => {
    expect(evaluate("'abc'.find('[')")).toEqual({ stage: 'plan', message: 'error parsing regexp: missing closing ]: `[`' });
    expect(evaluate("'abc'.find('b')")).toMatchObject({ value: 'b' });
  });
  it('reads request fields as a map', () => {
    expect(evaluate('request.operation')).toMatchObject({ value: 'CREATE' });
    expect(evaluate('request.name')).toEqual({ error: 'no such key: name' });
    expect(evaluate('has(request.name)')).toMatchObject({ value: false });
  });
  it('the sidecar guard', () => {
    expect(evaluate('!has(object.spec.initContainers) || !object.spec.initContainers.exists(ic, ic.name == "mesh-proxy")')).toMatchObject({
      value: true,
    });
    expect(evaluate('!object.spec.initContainers.exists(ic, ic.name == "mesh-proxy")')).toEqual({ error: 'no such key: initContainers' });
  });
});
