// The reference answers of the real upstream plugin (tests/fixtures/reference/*.result.json):
// beyond `expect`, the status, the error text and the patch must match exactly.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateScenarioText } from '../../../src/engine/index.js';
import { parseJsonPreservingInts, semanticNormalize } from '../../../src/engine/json/index.js';

const DIR = join(__dirname, '..', '..', 'fixtures', 'reference');

describe('reference results of k8s.io/apiserver v0.36.3', () => {
  for (const f of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
    const resultFile = join(DIR, f.replace(/\.yaml$/, '.result.json'));
    if (!existsSync(resultFile)) continue;
    it(f, () => {
      const want = parseJsonPreservingInts(readFileSync(resultFile, 'utf8')) as Record<string, unknown>;
      const got = evaluateScenarioText(readFileSync(join(DIR, f), 'utf8')).result!;
      expect(got.allowed).toBe(want.allowed);
      expect(got.error).toBe(want.error);
      const status = got.status && { code: got.status.code, reason: got.status.reason, message: got.status.message };
      const wantStatus = want.status as { code: bigint; reason: string; message: string } | null;
      expect(status).toEqual(wantStatus && { code: Number(wantStatus.code), reason: wantStatus.reason, message: wantStatus.message });
      expect(semanticNormalize(got.patch as never)).toEqual(semanticNormalize(want.patch as never));
      const outcomes = got.trace.filter((t) => t.outcome !== 'not-matched').map((t) => [t.outcome, t.reinvocation]);
      const wantOutcomes = (want.trace as { outcome: string; reinvocation: bigint }[]).map((t) => [t.outcome, Number(t.reinvocation)]);
      expect(outcomes).toEqual(wantOutcomes);
    });
  }
});
