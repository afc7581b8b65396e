// The google/cel-spec conformance suite (as shipped in @bufbuild/cel-spec) over the sections a
// Kubernetes CEL environment can answer. Prints the pass rate per section; asserts the overall rate.
// CONFORMANCE_VERBOSE=1 lists every failure.
import { describe, expect, it } from 'vitest';
import { tests } from '@bufbuild/cel-spec/testdata/conformance.js';
import { runCase, type Outcome } from './conformance/runner.js';

const SECTIONS = [
  'basic',
  'comparisons',
  'conversions',
  'fields',
  'fp_math',
  'integer_math',
  'lists',
  'logic',
  'macros',
  'macros2',
  'optionals',
  'parse',
  'plumbing',
  'string',
  'string_ext',
  'timestamps',
  'type_deductions',
];

/** The pass rate (of cases not skipped) the suite must keep. */
const REQUIRED_RATE = 0.97;

interface Row {
  section: string;
  pass: number;
  fail: number;
  skip: number;
  failures: string[];
  skips: Map<string, number>;
}

interface Suite {
  name: string;
  suites?: Suite[];
  tests?: { original: { name?: string; expr: string } & Record<string, unknown> }[];
}

type Case = NonNullable<Suite['tests']>[number];

function collect(s: Suite, prefix: string, out: { name: string; t: Case }[]): void {
  for (const t of s.tests ?? []) out.push({ name: `${prefix}${t.original.name ?? t.original.expr}`, t });
  for (const sub of s.suites ?? []) collect(sub, `${prefix}${sub.name}/`, out);
}

const rows: Row[] = [];

describe('cel-spec conformance', () => {
  for (const section of SECTIONS) {
    it(section, () => {
      const suite = (tests.suites ?? []).find((s) => s.name === section) as Suite | undefined;
      expect(suite).toBeDefined();
      const cases: { name: string; t: Case }[] = [];
      collect(suite!, '', cases);
      const row: Row = { section, pass: 0, fail: 0, skip: 0, failures: [], skips: new Map() };
      for (const { name, t } of cases) {
        let o: Outcome;
        try {
          o = runCase(section, name, t.original);
        } catch (e) {
          o = { kind: 'fail', why: `threw ${e instanceof Error ? e.message : String(e)}` };
        }
        row[o.kind]++;
        if (o.kind === 'fail') row.failures.push(`${name}: ${t.original.expr} -> ${o.why}`);
        if (o.kind === 'skip') row.skips.set(o.why, (row.skips.get(o.why) ?? 0) + 1);
      }
      rows.push(row);
    });
  }

  it('meets the pass rate', () => {
    const table = rows.map((r) => ({
      section: r.section,
      pass: r.pass,
      fail: r.fail,
      skip: r.skip,
      rate: r.pass + r.fail ? `${((100 * r.pass) / (r.pass + r.fail)).toFixed(1)}%` : '-',
    }));
    const pass = rows.reduce((n, r) => n + r.pass, 0);
    const fail = rows.reduce((n, r) => n + r.fail, 0);
    const skip = rows.reduce((n, r) => n + r.skip, 0);
    table.push({ section: 'TOTAL', pass, fail, skip, rate: `${((100 * pass) / Math.max(1, pass + fail)).toFixed(1)}%` });
    console.table(table);
    if (process.env.CONFORMANCE_VERBOSE) {
      for (const r of rows) for (const f of r.failures) console.log(`[${r.section}] ${f}`);
      for (const r of rows) for (const [why, n] of r.skips) console.log(`skip [${r.section}] ${n} x ${why}`);
    }
    expect(pass / Math.max(1, pass + fail)).toBeGreaterThanOrEqual(REQUIRED_RATE);
  });
});
