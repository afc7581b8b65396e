// Every scenario with an `expect` — examples/, the upstream test ports and the reference answers
// of the real admission code under tests/fixtures/ — must produce what it expects.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admit, admitCompiled, checkExpect, compileScenario, EnvironmentCache, evaluateScenarioText, readScenario } from '../../src/engine/index.js';

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

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

// Decoding shares the parts of the request object that decode to themselves, and later stages
// share what they leave alone: nothing may write into the scenario. A frozen scenario makes any
// such write throw, and a second admission of the same compiled scenario must answer the same.
describe('admission leaves its scenario untouched', () => {
  const files = ['examples', 'tests/fixtures/reference', 'tests/fixtures/upstream'].flatMap((f) => scenarioFiles(join(ROOT, f)));
  it(`${files.length} scenarios, frozen, admitted twice`, () => {
    const cache = new EnvironmentCache();
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const plain = readScenario(text).scenario;
      const frozen = readScenario(text).scenario;
      if (!plain || !frozen) continue;
      const expected = admit(plain, { cache });
      const compiled = compileScenario(deepFreeze(frozen), { cache });
      expect(admitCompiled(compiled), relative(ROOT, file)).toEqual(expected);
      expect(admitCompiled(compiled), relative(ROOT, file)).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
