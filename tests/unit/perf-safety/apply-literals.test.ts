// ApplyConfiguration and JSONPatch literals convert the same whether or not their origin (CEL-built
// or input data) is asked: the snapshot was recorded before that question became conditional.
import { describe, expect, it } from 'vitest';
import { encodeJson } from '../../../src/engine/json/index.js';
import { admitCompiled, compileScenario, readScenario } from '../../../src/engine/index.js';

const show = (v: unknown): string => encodeJson(v);

describe('ApplyConfiguration literals convert the same whether their origin is asked or not', () => {
  const policy = (expression: string) => ({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingAdmissionPolicy',
    metadata: { name: 'p' },
    spec: {
      matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] },
      failurePolicy: 'Fail',
      reinvocationPolicy: 'Never',
      mutations: [{ patchType: 'ApplyConfiguration', applyConfiguration: { expression } }],
    },
  });
  const cases = [
    'Object{metadata: Object.metadata{labels: {"a": "b"}}}',
    'Object{metadata: Object.metadata{labels: object.metadata.labels}}',
    'Object{metadata: Object.metadata{labels: {"a": null}}}',
    'Object{metadata: Object.metadata{finalizers: ["x", "y"]}}',
    'Object{metadata: Object.metadata{finalizers: object.metadata.finalizers}}',
    'Object{metadata: Object.metadata{finalizers: [["x"]]}}',
    'Object{spec: Object.spec{nodeSelector: object.spec.nodeSelector}}',
    'Object{spec: Object.spec{containers: [object.spec.containers[0]]}}',
    'Object{spec: Object.spec{containers: object.spec.containers}}',
  ];
  it('gives the recorded answers', () => {
    for (const expression of cases) {
      const text = JSON.stringify({
        defaulting: false,
        policies: [policy(expression)],
        object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'x' }, finalizers: ['f'] }, spec: { nodeSelector: { d: 's' }, containers: [{ name: 'c', image: 'i' }] } },
      });
      const compiled = compileScenario(readScenario(text).scenario!);
      const r = admitCompiled(compiled);
      expect({ expression, r: show({ allowed: r.allowed, error: r.error, object: r.object, patch: r.patch, trace: r.trace }) }).toMatchSnapshot();
    }
  });
});
