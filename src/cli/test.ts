// `map-playground test [PATHS…]`: every scenario with an `expect`, one line per case, then
// `N passed, N failed` (non-zero exit on any failure). This is what users put in CI.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { checkExpect, evaluateScenarioText } from '../engine/index.js';
import { flag, type ParsedArgs } from './args.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/;
const NOT_A_SCENARIO = /\.result(-[\w.]+)?\.json$/;

async function collect(path: string, out: string[]): Promise<void> {
  const s = await stat(path);
  if (s.isDirectory()) {
    const entries = (await readdir(path)).sort();
    for (const e of entries) if (!e.startsWith('.') && e !== 'node_modules') await collect(join(path, e), out);
  } else if (SCENARIO_FILE.test(path) && !NOT_A_SCENARIO.test(path)) {
    out.push(path);
  }
}

export interface CaseResult {
  readonly file: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly messages: readonly string[];
}

export async function runCase(file: string): Promise<CaseResult | undefined> {
  const text = await readFile(file, 'utf8');
  const evaluation = evaluateScenarioText(text);
  const expect = evaluation.scenario?.expect;
  if (!evaluation.scenario) {
    // A file that is not a scenario at all (a manifest, a README) is not a case.
    if (!/^expect:/m.test(text)) return undefined;
    return { file, status: 'failed', messages: evaluation.diagnostics.map((d) => `invalid scenario: ${d.message}`) };
  }
  if (evaluation.scenario.skip) return { file, status: 'skipped', messages: [evaluation.scenario.skip] };
  if (!expect || !evaluation.result) return undefined;
  const failures = checkExpect(expect, evaluation.result);
  return { file, status: failures.length ? 'failed' : 'passed', messages: failures.map((f) => f.message) };
}

export async function runTest(args: ParsedArgs): Promise<number> {
  const paths = args.positionals.length ? args.positionals : ['.'];
  const files: string[] = [];
  for (const p of paths) await collect(p, files);
  const quiet = flag(args, 'quiet', 'q') === 'true';
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of files) {
    const r = await runCase(file);
    if (!r) continue;
    const name = relative(process.cwd(), file) || file;
    if (r.status === 'passed') {
      passed++;
      if (!quiet) process.stdout.write(`PASS ${name}\n`);
    } else if (r.status === 'skipped') {
      skipped++;
      if (!quiet) process.stdout.write(`SKIP ${name}: ${r.messages.join('; ')}\n`);
    } else {
      failed++;
      process.stdout.write(`FAIL ${name}\n${r.messages.map((m) => `     ${m}`).join('\n')}\n`);
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  return failed ? 1 : 0;
}
