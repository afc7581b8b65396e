// The engine runs here, never on the page's thread: a runaway expression can only freeze this
// worker, which the page terminates (client.ts). Every failure becomes an error response.
import { evaluateScenarioText, EnvironmentCache, checkExpect } from '../../engine/index.js';
import { kubernetesEnvironment } from '../../engine/cel/kubernetes/environment.js';
import { formatType } from '../../engine/cel/types.js';
import { scenarioFromManifests, scenarioToText } from '../../engine/scenario/index.js';
import { KUBERNETES_VERSIONS, type KubernetesVersion } from '../../engine/types.js';
import type { Calls, Evaluated, FunctionHelp, Method, WorkerRequest, WorkerResponse } from './protocol.js';

// one per worker: compiled CEL environments are reused across edits
const cache = new EnvironmentCache();

function evaluate(text: string): Evaluated {
  const t0 = performance.now();
  const ev = evaluateScenarioText(text, { cache });
  return { scenario: ev.scenario, result: ev.result, diagnostics: ev.diagnostics, millis: performance.now() - t0 };
}

function library(version: string): FunctionHelp[] {
  const v = (KUBERNETES_VERSIONS as readonly string[]).includes(version) ? (version as KubernetesVersion) : KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1];
  const env = kubernetesEnvironment({ version: v, mode: 'stored', kind: 'mutation', hasParams: true, variables: [] });
  const byName = new Map<string, { member: boolean; global: boolean; signatures: string[] }>();
  for (const lib of env.libraries) {
    for (const fn of lib.functions ?? []) {
      if (!/^[A-Za-z]/.test(fn.name)) continue; // operators (_+_, @in, !_) are not completions
      const entry = byName.get(fn.name) ?? { member: false, global: false, signatures: [] };
      for (const o of fn.overloads) {
        const args = (o.member ? o.params.slice(1) : o.params).map(formatType).join(', ');
        const sig = o.member ? `${formatType(o.params[0])}.${fn.name}(${args}) -> ${formatType(o.result)}` : `${fn.name}(${args}) -> ${formatType(o.result)}`;
        if (!entry.signatures.includes(sig)) entry.signatures.push(sig);
        entry.member ||= o.member;
        entry.global ||= !o.member;
      }
      byName.set(fn.name, entry);
    }
  }
  return [...byName].map(([name, e]) => ({ name, ...e })).sort((a, b) => a.name.localeCompare(b.name));
}

function manifests(files: readonly { name: string; text: string }[]): Calls['manifests']['result'] {
  const r = scenarioFromManifests(files.map((f) => ({ text: f.text, fileName: f.name })));
  const messages = r.diagnostics.map((d) => `${d.file ?? ''}${d.location ? `:${d.location.line}:${d.location.column}` : ''}: ${d.message}`);
  if (!r.scenario) return { text: null, messages };
  return { text: scenarioToText(r.scenario, `From ${files.map((f) => f.name).join(', ')}, sorted by kind.`), messages };
}

function handle(req: WorkerRequest): unknown {
  const p = req.params as never;
  switch (req.method as Method) {
    case 'evaluate':
      return evaluate((p as Calls['evaluate']['params']).text);
    case 'check': {
      const evaluated = evaluate((p as Calls['check']['params']).text);
      const expect = evaluated.scenario?.expect;
      return { evaluated, failures: expect && evaluated.result ? checkExpect(expect, evaluated.result) : null };
    }
    case 'library':
      return { functions: library((p as Calls['library']['params']).version) };
    case 'manifests':
      return manifests((p as Calls['manifests']['params']).files);
  }
  throw new Error(`unknown method ${String(req.method)}`);
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  let res: WorkerResponse;
  try {
    res = { id: req.id, ok: true, value: handle(req) as never };
  } catch (err) {
    res = { id: req.id, ok: false, error: `the engine failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  try {
    self.postMessage(res);
  } catch (err) {
    self.postMessage({ id: req.id, ok: false, error: `the engine's answer could not be sent: ${String(err)}` } satisfies WorkerResponse);
  }
};
