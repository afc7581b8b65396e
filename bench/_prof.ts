import { stringify } from 'yaml';
import { admitCompiled, compileScenario, EnvironmentCache, readScenario } from '../src/engine/index.js';
import { pod } from './fixtures.js';
const POLICY = {
  apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingAdmissionPolicy', metadata: { name: 'sidecar' },
  spec: {
    matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] },
    matchConditions: [{ name: 'c', expression: '!object.spec.initContainers.exists(ic, ic.name == "mesh-proxy")' }],
    failurePolicy: 'Fail', reinvocationPolicy: 'IfNeeded',
    mutations: [{ patchType: 'JSONPatch', jsonPatch: { expression: '[JSONPatch{op: "add", path: "/spec/initContainers/-", value: Object.spec.initContainers{name: "mesh-proxy", image: "mesh-proxy/v1.0.0", restartPolicy: "Always"}}]' } }],
  },
};
const n = Number(process.argv[2] ?? 1);
const s = readScenario(stringify({ defaulting: false, policies: [POLICY], object: pod(n, n) })).scenario!;
const compiled = compileScenario(s, { cache: new EnvironmentCache() });
const t = performance.now();
let i = 0;
for (; i < (n > 50 ? 30 : 2000); i++) admitCompiled(compiled);
console.log(((performance.now() - t) / i).toFixed(3), 'ms per admission');
