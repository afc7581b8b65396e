// Every expression of @bufbuild/cel-spec's test data (cel-spec conformance suite, cel-go
// parser_test.go and ext/comprehensions_test.go, as extracted by cel-es) that cel-go parses must
// parse, to the same tree (cel-go's ToDebugString, compared without whitespace).
import { describe, expect, it } from 'vitest';
import { tests as comprehension } from '@bufbuild/cel-spec/testdata/comprehension.js';
import { tests as conformance } from '@bufbuild/cel-spec/testdata/conformance.js';
import { tests as parsing } from '@bufbuild/cel-spec/testdata/parsing.js';
import type { SerializedIncrementalTestSuite, SerializedIncrementalTest } from '@bufbuild/cel-spec/testdata/tests.js';
import { parse } from '../../../../src/engine/cel/parser/index.js';
import { debugString, displayErrors, strip } from './debug.js';

const STANDARD = {
  macros: new Set(['has', 'all', 'exists', 'exists_one', 'existsOne', 'map', 'filter']),
  twoVarComprehensions: false,
};

function collect(s: SerializedIncrementalTestSuite, path: string, out: [string, SerializedIncrementalTest][]): void {
  for (const t of s.tests ?? []) out.push([`${path}/${t.original.name ?? t.original.expr}`, t]);
  for (const sub of s.suites ?? []) collect(sub, `${path}/${sub.name}`, out);
}

for (const suite of [conformance, parsing, comprehension]) {
  const all: [string, SerializedIncrementalTest][] = [];
  collect(suite, suite.name, all);
  const parsed = all.filter(([, t]) => t.ast !== undefined);
  describe(`${suite.name} (${parsed.length} parsable of ${all.length})`, () => {
    it('parses every expression cel-go parses, to the same tree', () => {
      const failures: string[] = [];
      for (const [name, t] of parsed) {
        // With the Kubernetes defaults (every macro) it must parse too; the comprehension suite
        // holds ext/comprehensions.go's macro-argument error cases (tested in macros.test.ts).
        const k8s = parse(t.original.expr);
        if (!k8s.ok && suite !== comprehension) failures.push(`${name} (defaults): ${displayErrors(t.original.expr, k8s.diagnostics)}`);
        // cel-es generated these trees with cel-go's standard macros only (no ext libraries).
        const r = parse(t.original.expr, STANDARD);
        if (!r.ok) {
          failures.push(`${name}: ${JSON.stringify(t.original.expr)}\n${displayErrors(t.original.expr, r.diagnostics)}`);
          continue;
        }
        const got = strip(debugString(r.ast.expr, false));
        if (got !== strip(t.ast!)) failures.push(`${name}: ${JSON.stringify(t.original.expr)}\n got ${got}\nwant ${strip(t.ast!)}`);
      }
      expect(failures.slice(0, 10).join('\n\n')).toBe('');
      expect(failures.length).toBe(0);
    });
  });
}
