// Ported test vectors from apimachinery pkg/api/resource/quantity_test.go (v0.36.3):
// TestQuantityString (canonical / alternate spellings), TestQuantityParseEmit, plus the
// canonicalization facts the admission engine relies on.
import { describe, expect, it } from 'vitest';
import {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  subQuantities,
  parseQuantity,
  quantityAsApproximateFloat,
  quantityAsInt64,
  quantityToString,
  type Quantity,
} from '../../../src/engine/k8s/quantity.js';

const p = (s: string): Quantity => {
  const q = parseQuantity(s);
  if ('error' in q) throw new Error(q.error);
  return q;
};

// [canonical, alternate spelling ('' = none)]
const STRING_TABLE: [string, string][] = [
  ["1Gi", "1024Mi"],
  ["300Mi", "307200Ki"],
  ["6Ki", ""],
  ["1001Gi", "1025024Mi"],
  ["1Ti", "1024Gi"],
  ["5", "5000m"],
  ["500m", "0.5"],
  ["1G", "1000M"],
  ["1G", "0.001T"],
  ["1G", ""],
  ["1G", ""],
  ["1m", "1000u"],
  ["80m", ""],
  ["1080m", "1.08"],
  ["1080m", "1080000000n"],
  ["1080m", ""],
  ["300M", ""],
  ["1T", ""],
  ["1234567M", ""],
  ["1234567m", ""],
  ["3k", ""],
  ["1025", ""],
  ["0", ""],
  ["0", ""],
  ["1e9", ".001e12"],
  ["1e-3", "0.001e0"],
  ["1e-9", "1000e-12"],
  ["80e-3", ""],
  ["300e6", ""],
  ["1e12", ""],
  ["1e3", ""],
  ["3e3", ""],
  ["3k", ""],
  ["0", "00"],
  ["1n", ""],
  ["80n", ""],
  ["1080n", ""],
  ["1080n", ""],
  ["1080n", ""],
  ["1u", ""],
  ["80u", ""],
  ["1080u", ""],
];

const EMIT_TABLE: [string, string][] = [
  ["1Ki", "1Ki"],
  ["1Mi", "1Mi"],
  ["1Gi", "1Gi"],
  ["1024Mi", "1Gi"],
  ["1000M", "1G"],
  [".001Ki", "1024m"],
  [".000001Ki", "1024u"],
  [".000000001Ki", "1024n"],
  [".000000000001Ki", "2n"],
];

describe('TestQuantityString', () => {
  it.each(STRING_TABLE)('%s (alternate %s)', (canonical, alternate) => {
    const q = p(canonical);
    expect(q.s).toBe(canonical);
    if (alternate) {
      const a = p(alternate);
      expect(a.s).toBeUndefined();
      expect(quantityToString(a)).toBe(canonical);
    }
  });
});

describe('TestQuantityParseEmit', () => {
  it.each(EMIT_TABLE)('%s -> %s', (input, want) => {
    expect(quantityToString(p(input))).toBe(want);
    if (compareQuantities(p('-' + input), p('0')) !== 0) expect(quantityToString(p('-' + input))).toBe('-' + want);
  });
});

describe('TestQuantityParse errors', () => {
  it.each([
    ['', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1.1.M', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1+1.0M', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1Mi-', "unable to parse quantity's suffix"],
    ['10Mm', "unable to parse quantity's suffix"],
    ['1ki', "unable to parse quantity's suffix"],
  ])('%j', (s, err) => expect(parseQuantity(s)).toEqual({ error: err }));
});

describe('canonical forms used by admission', () => {
  it.each([
    ['0.5', '500m'],
    ['1024Mi', '1Gi'],
    ['1000m', '1'],
    ['1.5Gi', '1536Mi'],
    ['1000', '1k'],
    ['100m', '100m'],
    ['1e3', '1e3'],
    ['0.1', '100m'],
    ['2Gi', '2Gi'],
    ['1.5', '1500m'],
    ['8Ei', '9223372036854775807'],
  ])('%s -> %s', (s, want) => expect(canonicalQuantity(s)).toBe(want));
  it('not a quantity', () => expect(canonicalQuantity('abc')).toBeUndefined());
  it('int64 and float views', () => {
    expect(quantityAsInt64(p('1.5k'))).toBe(1500n);
    expect(quantityAsInt64(p('1.5Gi'))).toBeUndefined();
    expect(quantityAsInt64(p('1000m'))).toBeUndefined();
    expect(quantityAsApproximateFloat(p('50.703k'))).toBe(50703);
    expect(compareQuantities(p('10000T'), p('100Gi'))).toBe(1);
    expect(compareQuantities(p('50m'), p('100m'))).toBe(-1);
  });
});

describe('TestQuantityAddZeroPreservesSuffix / TestQuantitySubZeroPreservesSuffix', () => {
  it.each(['100m', '1Gi'])('%s', (v) => {
    expect(quantityToString(addQuantities(p(v), p('0')))).toBe(v);
    expect(quantityToString(addQuantities(p('0'), p(v)))).toBe(v);
    expect(quantityToString(subQuantities(p(v), p('0')))).toBe(v);
    expect(quantityToString(subQuantities(p('0'), p(v)))).toBe('-' + v);
  });
});

describe('TestAdd / TestSub values', () => {
  it.each([
    ['10', '10', '20', '0'],
    ['10', '1', '11', '9'],
    ['0', '50', '50', '-50'],
    ['50', '0', '50', '50'],
    ['0', '0', '0', '0'],
    ['1.5Gi', '512Mi', '2Gi', '1Gi'],
  ])('%s ± %s', (a, b, sum, diff) => {
    expect(compareQuantities(addQuantities(p(a), p(b)), p(sum))).toBe(0);
    expect(compareQuantities(subQuantities(p(a), p(b)), p(diff))).toBe(0);
  });
  it('TestQuantityCanocicalizeZero: 1000m - 1 prints 0', () => expect(quantityToString(subQuantities(p('1000m'), p('1')))).toBe('0'));
});
