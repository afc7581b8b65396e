// Every scenario with an `expect` — examples/, the upstream test ports and the reference answers
// of the real admission code under tests/fixtures/ — must produce what it expects.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExpect, evaluateScenarioText } from '../../src/engine/index.js';

const ROOT = join(__dirname, '..', '..');

function scenarioFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...scenarioFiles(p));
    else if (/\.ya?ml$/.test(e)) out.push(p);
  }
  return out;
}

for (const folder of ['examples', 'tests/fixtures']) {
  describe(folder, () => {
    for (const file of scenarioFiles(join(ROOT, folder))) {
      const text = readFileSync(file, 'utf8');
      if (!/^expect:/m.test(text)) continue;
      const name = relative(ROOT, file);
      const skip = /^skip:\s*(.+)$/m.exec(text);
      (skip ? it.skip : it)(name, () => {
        const evaluation = evaluateScenarioText(text);
        expect(evaluation.scenario, evaluation.diagnostics.map((d) => d.message).join('\n')).not.toBeNull();
        const failures = checkExpect(evaluation.scenario!.expect!, evaluation.result!);
        expect(failures.map((f) => f.message)).toEqual([]);
      });
    }
  });
}
