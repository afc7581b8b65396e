// Profiling driver for one admission scenario of bench/admission.ts, e.g.
//   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-admission.ts sidecar 2000
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { admitCompiled, compileScenario, EnvironmentCache, readScenario } from '../src/engine/index.js';
import { labelPolicy, SIDECAR_POLICY } from './admission.js';
import { pod } from './fixtures.js';

const [which = 'sidecar', countText = '1000'] = process.argv.slice(2);
const doc: Record<string, unknown> =
  which === 'big' ? { defaulting: false, policies: [SIDECAR_POLICY], object: pod(200, 200) }
  : which === 'huge' ? { defaulting: false, policies: [SIDECAR_POLICY], object: pod(400, 400) }
  : which === 'label' ? { defaulting: false, policies: [labelPolicy(0)], object: pod(1, 1) }
  : which === 'fifty' ? { defaulting: false, policies: Array.from({ length: 50 }, (_, i) => labelPolicy(i)), object: pod(1, 1) }
  : { defaulting: false, policies: [SIDECAR_POLICY], object: pod(1, 1) };
// `example`: the default scenario of the site (examples/sidecar-injection.yaml, run from the repository root)
const text = which === 'example' ? readFileSync('examples/sidecar-injection.yaml', 'utf8') : stringify(doc);
const scenario = readScenario(text).scenario!;
const compiled = compileScenario(scenario, { cache: new EnvironmentCache() });
const count = Number(countText);
for (let i = 0; i < Math.min(count, 20); i++) admitCompiled(compiled); // warm-up
const t = performance.now();
const cpu = process.cpuUsage();
for (let i = 0; i < count; i++) admitCompiled(compiled);
const used = process.cpuUsage(cpu);
// On a shared machine the CPU time (user + system) is steadier than the wall time.
console.log(`${which}: ${((performance.now() - t) / count).toFixed(3)} ms wall, ${((used.user + used.system) / 1000 / count).toFixed(3)} ms CPU per admission`);
