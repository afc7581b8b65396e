// Admission end to end: ours per admission (compile excluded, reported apart) against the real
// upstream plugin's numbers measured on this machine (k8s.io/apiserver v0.36.3, Go 1.26, 1 thread).
import { existsSync, readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { admitCompiled, compileScenario, EnvironmentCache, readScenario } from '../src/engine/index.js';
import type { Scenario } from '../src/engine/index.js';
import { pod } from './fixtures.js';
import { formatNs, measure, table } from './measure.js';

const UPSTREAM_NS = { sidecar: 183_000, label: 115_000, big: 8_200_000, fifty: 6_200_000 };

function scenarioOf(text: string): Scenario {
  const r = readScenario(text);
  if (!r.scenario) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.scenario;
}

export const SIDECAR_POLICY = {
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'MutatingAdmissionPolicy',
  metadata: { name: 'sidecar-policy.example.com' },
  spec: {
    matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] },
    matchConditions: [{ name: 'does-not-already-have-sidecar', expression: '!object.spec.initContainers.exists(ic, ic.name == "mesh-proxy")' }],
    failurePolicy: 'Fail',
    reinvocationPolicy: 'IfNeeded',
    mutations: [{
      patchType: 'JSONPatch',
      jsonPatch: { expression: '[JSONPatch{op: "add", path: "/spec/initContainers/-", value: Object.spec.initContainers{name: "mesh-proxy", image: "mesh-proxy/v1.0.0", restartPolicy: "Always"}}]' },
    }],
  },
};

export function labelPolicy(i: number): unknown {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingAdmissionPolicy',
    metadata: { name: `label-${i}` },
    spec: {
      matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] },
      failurePolicy: 'Fail',
      reinvocationPolicy: 'Never',
      mutations: [{ patchType: 'ApplyConfiguration', applyConfiguration: { expression: `Object{metadata: Object.metadata{labels: {"label-${i}": "yes"}}}` } }],
    },
  };
}

function admissionRow(name: string, text: string, upstream: number | undefined): string[] {
  const cache = new EnvironmentCache();
  const scenario = scenarioOf(text);
  const compileM = measure(`${name} compile`, () => compileScenario(scenario, { cache }), { samples: 7 });
  const compiled = compileScenario(scenario, { cache });
  const first = admitCompiled(compiled);
  const m = measure(name, () => admitCompiled(compiled), { samples: 11 });
  return [
    name,
    formatNs(m.medianNs),
    formatNs(compileM.medianNs),
    upstream ? formatNs(upstream) : '–',
    upstream ? `${(m.medianNs / upstream).toFixed(2)}` : '–',
    first.allowed ? 'admitted' : `rejected: ${(first.error ?? '').slice(0, 40)}`,
  ];
}

export function admissionBench(): string {
  const rows: string[][] = [];
  // next to this file under tsx; from the repository root when bundled (scripts/bench.sh)
  const beside = new URL('../examples/sidecar-injection.yaml', import.meta.url);
  const defaultText = readFileSync(existsSync(beside) ? beside : 'examples/sidecar-injection.yaml', 'utf8');
  rows.push(admissionRow('default scenario (examples/sidecar-injection.yaml)', defaultText, undefined));
  rows.push(admissionRow('sidecar policy, small Pod', stringify({ defaulting: false, policies: [SIDECAR_POLICY], object: pod(1, 1) }), UPSTREAM_NS.sidecar));
  rows.push(admissionRow('one ApplyConfiguration label', stringify({ defaulting: false, policies: [labelPolicy(0)], object: pod(1, 1) }), UPSTREAM_NS.label));
  rows.push(admissionRow('sidecar policy, Pod with 200 init + 200 containers', stringify({ defaulting: false, policies: [SIDECAR_POLICY], object: pod(200, 200) }), UPSTREAM_NS.big));
  rows.push(admissionRow('50 ApplyConfiguration label policies', stringify({ defaulting: false, policies: Array.from({ length: 50 }, (_, i) => labelPolicy(i)), object: pod(1, 1) }), UPSTREAM_NS.fifty));
  return table(['admission (compile excluded)', 'ours, median', 'compile, median', 'upstream', 'ours/upstream', 'answer'], rows);
}

/** How time grows with the size of the Pod (should be linear: ratio ≈ 2 per doubling). */
export function growthBench(): string {
  const rows: string[][] = [];
  let previous: number | undefined;
  for (const n of [25, 50, 100, 200, 400]) {
    const cache = new EnvironmentCache();
    const compiled = compileScenario(scenarioOf(stringify({ defaulting: false, policies: [SIDECAR_POLICY], object: pod(n, n) })), { cache });
    const m = measure(`growth ${n}`, () => admitCompiled(compiled), { samples: 7 });
    rows.push([`${n} init + ${n} containers`, formatNs(m.medianNs), previous ? `${(m.medianNs / previous).toFixed(2)}×` : '–']);
    previous = m.medianNs;
  }
  return table(['Pod size (sidecar policy)', 'median per admission', 'vs previous (doubling)'], rows);
}
