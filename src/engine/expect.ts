// Checking a result against a scenario's `expect` (docs/scenario.md): the one definition used by
// `map-playground test`, the unit tests and the browser tests.
import { semanticContains, semanticEqual } from './json/index.js';
import type { Expect, JsonValue, Result } from './types.js';

export interface ExpectFailure {
  readonly field: 'allowed' | 'error' | 'object' | 'objectContains' | 'compileError';
  readonly message: string;
}

export function checkExpect(expect: Expect, result: Result): ExpectFailure[] {
  const failures: ExpectFailure[] = [];
  if (expect.allowed !== undefined && expect.allowed !== result.allowed) {
    const why = result.error ? `: ${result.error}` : '';
    failures.push({ field: 'allowed', message: `expected allowed: ${expect.allowed}, got ${result.allowed}${why}` });
  }
  if (expect.error !== undefined) {
    const got = result.error ?? '';
    if (!got.includes(expect.error)) {
      failures.push({ field: 'error', message: `expected the error to contain ${JSON.stringify(expect.error)}, got ${JSON.stringify(got)}` });
    }
  }
  if (expect.object !== undefined) {
    const d = semanticEqual(result.object as JsonValue, expect.object);
    if (!d.equal) failures.push({ field: 'object', message: `object differs at ${d.path}: ${d.detail}` });
  }
  if (expect.objectContains !== undefined) {
    const d = semanticContains(result.object as JsonValue, expect.objectContains);
    if (!d.equal) failures.push({ field: 'objectContains', message: `object differs at ${d.path}: ${d.detail}` });
  }
  if (expect.compileError !== undefined) {
    const found = result.diagnostics.some(
      (d) => d.severity === 'error' && (d.message.includes(expect.compileError!) || (d.detail ?? '').includes(expect.compileError!)),
    );
    if (!found) {
      const got = result.diagnostics.map((d) => d.message).join('; ') || 'none';
      failures.push({ field: 'compileError', message: `expected a diagnostic containing ${JSON.stringify(expect.compileError)}, got: ${got}` });
    }
  }
  return failures;
}
