// Ported from cel-go v0.26.0 parser/parser_test.go (testCases): the inputs with their expected
// adorned parse trees (P) and error texts (E), compared the way cel-go's test does (whitespace
// removed). Fixture extracted verbatim from the Go file: fixtures/celgo-parser-cases.json.
import { describe, expect, it } from 'vitest';
import { parse, type ParseOptions } from '../../../../src/engine/cel/parser/index.js';
import cases from './fixtures/celgo-parser-cases.json' with { type: 'json' };
import { debugString, displayErrors, strip } from './debug.js';

interface Case {
  I: string;
  P?: string;
  E?: string;
  M?: string;
  L?: string;
  Opts?: string;
}

/** cel-go's newTestParser: AllMacros, depth 32, recovery limits 4, no optional syntax. */
function optionsFor(c: Case): Partial<ParseOptions> | undefined {
  const o: Partial<ParseOptions> = {
    macros: new Set(['has', 'all', 'exists', 'exists_one', 'existsOne', 'map', 'filter']),
    optionalSyntax: false,
    twoVarComprehensions: false,
    identEscapeSyntax: false,
    maxRecursionDepth: 32,
    errorRecoveryLimit: 4,
    errorRecoveryLookaheadTokenLimit: 4,
  };
  const opts = c.Opts ?? '';
  if (opts.includes('EnableHiddenAccumulatorName(false)')) return undefined; // legacy __result__ not supported
  if (opts.includes('EnableOptionalSyntax(true)')) return { ...o, optionalSyntax: true };
  if (opts.includes('EnableIdentEscapeSyntax(true)')) return { ...o, identEscapeSyntax: true };
  if (opts.includes('ErrorReportingLimit(2)')) return { ...o, errorReportingLimit: 2 };
  if (opts.includes('ErrorRecoveryLimit(10)')) return { ...o, errorRecoveryLimit: 10, errorRecoveryLookaheadTokenLimit: 10 };
  return o;
}

/** Error cases whose later (recovery) errors we do not reproduce exactly; the first error must match. */
const FIRST_ERROR_ONLY = new Set<string>([]);

describe('cel-go parser_test.go cases', () => {
  (cases as Case[]).forEach((c, i) => {
    const opts = optionsFor(c);
    if (opts === undefined) return;
    it(`${i} ${JSON.stringify(c.I).slice(0, 70)}`, () => {
      const r = parse(c.I, opts);
      if (c.E) {
        expect(r.ok, 'expected errors').toBe(false);
        if (r.ok) return;
        const got = displayErrors(c.I, r.diagnostics);
        if (FIRST_ERROR_ONLY.has(c.I)) {
          const first = (s: string) => strip(s.split('ERROR:')[1] ?? '');
          expect(first(got)).toBe(first(c.E));
        } else {
          expect(strip(got)).toBe(strip(c.E));
        }
        return;
      }
      if (!r.ok) throw new Error(displayErrors(c.I, r.diagnostics));
      expect(strip(debugString(r.ast.expr))).toBe(strip(c.P ?? ''));
      if (c.L) expect(strip(debugString(r.ast.expr, true, c.I))).toBe(strip(c.L));
    });
  });
});
