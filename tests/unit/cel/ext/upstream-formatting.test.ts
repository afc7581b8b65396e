// upstream: google/cel-go v0.26.0 ext/formatting_test.go TestStringFormat, TestStringFormatHeterogeneousLiterals, TestLiteralOutput
// End to end through `"<format>".format([<args>])` in the Kubernetes environment (strings v2:
// the version-1 formatter, locale en_US, with the compile-time format validator). Locale cases
// (fr_FR, nl_NL-only output) and proto message cases do not apply. Upstream's `%e` output has
// U+202F around `×` (x/text before v0.23): Kubernetes 1.32, so those run as 1.32.
// Runtime costs: OptOptimize folds constant argument lists (10), maps (30) and type conversions
// of constants (1 each), so the expected figure is upstream's minus those; estimates are upstream's.
import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/engine/cel/types.js';
import { CelMap, CelUint, Duration, Timestamp } from '../../../../src/engine/cel/values.js';
import { compileError, value } from './eval-helper.js';
import { evalWithCost, type Vars } from './upstream-cost-helper.js';

const q = (s: string) => JSON.stringify(s);

// [format, args, output, upstream runtime cost (= estimate), folded cost]
const CASES: [string, string, string, number, number][] = [
  ['no substitution', '', 'no substitution', 12, 10],
  ['str is %s and some more', '"filler"', 'str is filler and some more', 13, 10],
  ['%% and also %%', '', '% and also %', 12, 10],
  ['%%%s%%', '"text"', '%text%', 11, 10],
  ['%s%%', '"percent on the right"', 'percent on the right%', 11, 10],
  ['%%%s', '"percent on the left"', '%percent on the left', 11, 10],
  ['%d %d %d, %s %s %s, %d %d %d, %s %s %s', '1, 2, 3, "A", "B", "C", 4, 5, 6, "D", "E", "F"', '1 2 3, A B C, 4 5 6, D E F', 14, 10],
  ['%.3f', '1.2345', '1.234', 11, 10],
  ['this is 5 in binary: %b', '5', 'this is 5 in binary: 101', 13, 10],
  ['this is -5 in binary: %b', '-5', 'this is -5 in binary: -101', 13, 10],
  ['unsigned 64 in binary: %b', 'uint(64)', 'unsigned 64 in binary: 1000000', 14, 11],
  ['bit set from bool: %b', 'true', 'bit set from bool: 1', 13, 10],
  ['%o', '11', '13', 11, 10],
  ['%o', '-11', '-13', 11, 10],
  ['this is an unsigned octal: %o', 'uint(65535)', 'this is an unsigned octal: 177777', 14, 11],
  ['%x is 30 in hexadecimal', '30', '1e is 30 in hexadecimal', 13, 10],
  ['%X is 20 in hexadecimal', '30', '1E is 20 in hexadecimal', 13, 10],
  ['%x is -30 in hexadecimal', '-30', '-1e is -30 in hexadecimal', 13, 10],
  ['%X is 6000 in hexadecimal', 'uint(6000)', '1770 is 6000 in hexadecimal', 14, 11],
  ['%x', '"Hello world!"', '48656c6c6f20776f726c6421', 11, 10],
  ['%X', '"Hello world!"', '48656C6C6F20776F726C6421', 11, 10],
  ['%x', 'b"byte string"', '6279746520737472696e67', 11, 10],
  ['%x', 'b"\\x00\\x00byte string\\x00"', '00006279746520737472696e6700', 11, 10],
  ['%X', 'b"byte string"', '6279746520737472696E67', 11, 10],
  ['%f', '2.71828', '2.718280', 11, 10],
  ['%s', '2.71', '2.71', 11, 10],
  ['%s', '[2.71]', '[2.710000]', 21, 20],
  ['%s', '0.000000002', '2e-09', 11, 10],
  ['%s', '[0.000000002]', '[0.000000]', 21, 20],
  ['%f', '"NaN"', 'NaN', 11, 10],
  ['%f', '"Infinity"', '∞', 11, 10],
  ['%f', '"-Infinity"', '-∞', 11, 10],
  ['%d', 'uint(64)', '64', 12, 11],
  ['null: %s', 'null', 'null: null', 11, 10],
  ['%s', '999999999999', '999999999999', 11, 10],
  ['some bytes: %s', 'b"xyz"', 'some bytes: xyz', 12, 10],
  ['type is %s', 'type("test string")', 'type is string', 12, 11],
  ['%s', 'timestamp("2023-02-03T23:31:20+00:00")', '2023-02-03T23:31:20Z', 12, 11],
  ['%s', 'duration("1h45m47s")', '6347s', 12, 11],
  ['%s', 'duration("2ns")', '0.000000002s', 12, 11],
  ['%s', '["abc", 3.14, null, [9, 8, 7, 6], timestamp("2023-02-03T23:31:20Z")]', '["abc", 3.140000, null, [9, 8, 7, 6], timestamp("2023-02-03T23:31:20Z")]', 32, 31],
  [
    '%s',
    '{"key1": b"xyz", "key5": null, "key2": duration("2h"), "key4": true, "key3": 2.71828}',
    '{"key1":b"xyz", "key2":duration("7200s"), "key3":2.718280, "key4":true, "key5":null}',
    42,
    41,
  ],
  ['map with multiple key types: %s', '{1: "value1", uint(2): "value2", true: double("NaN")}', 'map with multiple key types: {1:"value1", 2:"value2", true:"NaN"}', 46, 42],
  ['true bool: %s, false bool: %s', 'true, false', 'true bool: true, false bool: false', 13, 10],
];

describe('upstream TestStringFormat: literal arguments', () => {
  for (const [f, args, out, cost, folded] of CASES) {
    it(`${f} [${args}]`, () => {
      const r = evalWithCost(`${q(f)}.format([${args}])`);
      expect(r.value).toBe(out);
      expect(r.actual).toBe(cost - folded);
      expect(r.estimate).toEqual({ min: cost, max: cost });
    });
  }
  it('percent sign escape sequence support', () => {
    const r = evalWithCost(`"\\u0025\\u0025escaped \\u0025s\\u0025\\u0025".format(["percent"])`);
    expect([r.value, r.actual, r.estimate]).toEqual(['%escaped percent%', 12 - 10, { min: 12, max: 12 }]);
  });
  it('values without cost figures upstream', () => {
    expect(value(`"%s".format([double("NaN")])`)).toBe('NaN');
    expect(value(`"%s".format([double("Inf")])`)).toBe('+Inf');
    expect(value(`"%s".format([double("-Inf")])`)).toBe('-Inf');
    expect(value(`"%s".format([[double("NaN"),double("+Inf"), double("-Inf")]])`)).toBe('["NaN", "+Inf", "-Inf"]');
  });
  it('%e (x/text before v0.23: Kubernetes 1.32)', () => {
    const v = { version: '1.32' } as const;
    expect(value(`"%.6e".format([1052.032911275])`, v)).toBe('1.052033\u202f\u00d7\u202f10\u2070\u00b3');
    expect(value(`"%e".format([2.71828])`, v)).toBe('2.718280\u202f\u00d7\u202f10\u2070\u2070');
    expect(value(`"unescaped unicode: %e, escaped unicode: %e".format([2.71828, 2.71828])`, v)).toBe(
      'unescaped unicode: 2.718280\u202f×\u202f10⁰⁰, escaped unicode: 2.718280\u202f\u00d7\u202f10\u2070\u2070',
    );
  });
  it.skip('locale support / comma separator locale (fr_FR: Kubernetes sets no locale)', () => {});
  it.skip('message field support, object cases (proto message types: none in Kubernetes CEL)', () => {});
});

// [format, variables, output, upstream runtime cost = estimate]
const DYN: [string, Vars, string, number][] = [
  ['dynamic string: %s', { dynStr: [T.dyn, 'a string'] }, 'dynamic string: a string', 13],
  ['dynIntStr: %s dynDoubleStr: %s', { dynIntStr: [T.dyn, 32n], dynDoubleStr: [T.dyn, 56.8] }, 'dynIntStr: 32 dynDoubleStr: 56.8', 15],
  ['dynamic int: %d', { dynInt: [T.dyn, 128n] }, 'dynamic int: 128', 13],
  ['dynamic unsigned int: %d', { dynUnsignedInt: [T.dyn, new CelUint(256n)] }, 'dynamic unsigned int: 256', 14],
  ['dynamic hex int: %x', { dynHexInt: [T.dyn, 22n] }, 'dynamic hex int: 16', 13],
  ['dynamic hex int: %X (uppercase)', { dynHexInt: [T.dyn, 26n] }, 'dynamic hex int: 1A (uppercase)', 15],
  ['dynamic hex int: %x (unsigned)', { dynUnsignedHexInt: [T.dyn, new CelUint(500n)] }, 'dynamic hex int: 1f4 (unsigned)', 14],
  ['dynamic double: %.3f', { dynDouble: [T.dyn, 4.5] }, 'dynamic double: 4.500', 13],
  ['NaN: %f, infinity: %f', { dynNaN: [T.dyn, NaN], dynInf: [T.dyn, Infinity] }, 'NaN: NaN, infinity: ∞', 15],
  ['dyntype timestamp: %s', { dynTime: [T.dyn, new Timestamp(1257894000n, 0)] }, 'dyntype timestamp: 2009-11-10T23:00:00Z', 14],
  ['dyntype duration: %s', { dynDuration: [T.dyn, new Duration(8747_000_000_000n)] }, 'dyntype duration: 8747s', 13],
  ['dyntype list: %s', { dynList: [T.dyn, [6n, 4.2, 'a string']] }, 'dyntype list: [6, 4.200000, "a string"]', 13],
  [
    'dyntype map: %s',
    { dynMap: [T.dyn, new CelMap([['strKey', 'x'], [true, 42n], [6n, new Duration(422_000_000_000n)]])] },
    'dyntype map: {"strKey":"x", 6:duration("422s"), true:42}',
    13,
  ],
];

describe('upstream TestStringFormat: dyn variables', () => {
  for (const [f, vars, out, cost] of DYN) {
    it(f, () => {
      const r = evalWithCost(`${q(f)}.format([${Object.keys(vars).join(', ')}])`, vars);
      expect(r.value).toBe(out);
      expect(r.actual).toBe(cost);
      expect(r.estimate).toEqual({ min: cost, max: cost });
    });
  }
  it('scientific notation (1.32)', () => {
    expect(value(`"(dyntype) e: %e".format([dyn(2.71828)])`, { version: '1.32' })).toBe('(dyntype) e: 2.718280\u202f\u00d7\u202f10\u2070\u2070');
  });
});

// Kubernetes has the format validator, so upstream's runtime errors for literal arguments
// (skipCompileCheck) are compile errors here too.
const ERRORS: [string, string, string][] = [
  ['%a', '1', 'could not parse formatting clause: unrecognized formatting clause "a"'],
  ['%d %d %d', '0, 1', 'index 2 out of range'],
  ['string is %b', '"abc"', 'error during formatting: only integers and bools can be formatted as binary, was given string'],
  ['%d', 'duration("30m2s")', 'error during formatting: decimal clause can only be used on integers, was given google.protobuf.Duration'],
  ['octal: %o', '"a string"', 'error during formatting: octal clause can only be used on integers, was given string'],
  ['double is %x', '0.5', 'error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given double'],
  ['double is %E', '0.5', 'could not parse formatting clause: unrecognized formatting clause "E"'],
  ['null: %d', 'null', 'error during formatting: decimal clause can only be used on integers, was given null_type'],
  ['null: %e', 'null', 'error during formatting: scientific clause can only be used on doubles, was given null_type'],
  ['null: %f', 'null', 'error during formatting: fixed-point clause can only be used on doubles, was given null_type'],
  ['null: %x', 'null', 'error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given null_type'],
  ['null: %X', 'null', 'error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given null_type'],
  ['null: %b', 'null', 'error during formatting: only integers and bools can be formatted as binary, was given null_type'],
  ['null: %o', 'null', 'error during formatting: octal clause can only be used on integers, was given null_type'],
  ['%s %s', '"abc"', 'index 1 out of range'],
  ['%s %s', '"abc", "def", "ghi"', 'too many arguments supplied to string.format (expected 2, got 3)'],
  ['filler %', '', 'unexpected end of string'],
  ['%j', '123', 'could not parse formatting clause: unrecognized formatting clause "j"'],
  ['int is %d', '5.2', 'error during formatting: decimal clause can only be used on integers'],
  ['double is %f', 'true', 'error during formatting: fixed-point clause can only be used on doubles'],
  ['double is %.34', '5.0', 'could not parse formatting clause: error while parsing precision: could not find end of precision specifier'],
  ['double is %e', 'true', 'error during formatting: scientific clause can only be used on doubles'],
  ['string is %b', '"a string"', 'error during formatting: only integers and bools can be formatted as binary'],
  ['%x is a double', '2.5', 'error during formatting: only integers, byte buffers, and strings can be formatted as hex'],
  ['%X is a double', '2.5', 'error during formatting: only integers, byte buffers, and strings can be formatted as hex'],
  ['an octal: %o', '3.14', 'error during formatting: octal clause can only be used on integers'],
];

describe('upstream TestStringFormat: errors', () => {
  for (const [f, args, err] of ERRORS) it(`${f} [${args}]`, () => expect(compileError(`${q(f)}.format([${args}])`)).toContain(err));
});

describe('upstream TestStringFormatHeterogeneousLiterals', () => {
  const cases: [string, string][] = [
    [`"list: %s".format([[[1, 2, [3.0, 4]]]])`, `list: [[1, 2, [3.000000, 4]]]`],
    [`"list size: %d".format([[[1, 2, [3.0, 4]]].size()])`, `list size: 1`],
    [`"list element: %s".format([[[1, 2, [3.0, 4]]][0]])`, `list element: [1, 2, [3.000000, 4]]`],
  ];
  for (const [src, out] of cases) it(src, () => expect(value(src)).toBe(out));
});

// The formatted text of a literal reads back as an equal literal. Mixed literals compile in
// Kubernetes only inside format()'s argument list, so the comparison runs there too.
describe('upstream TestLiteralOutput', () => {
  const literals: [string, string][] = [
    [
      'map',
      `{"key1": b"xyz", false: [11, 12, 13, timestamp("2019-10-12T07:20:50.52Z")], 42: {uint(64): 2.7}, "key5": type(int), "key2": duration("2h"), "key4": true, "key3": 2.71828, "null": null}`,
    ],
    ['list', `["abc", 3.14, uint(32), b"def", null, type(string), duration("7m"), [9, 8, 7, 6], timestamp("2023-02-03T23:31:20Z")]`],
  ];
  for (const [kind, lit] of literals) {
    it(kind, () => {
      const text = value(`"%s".format([${lit}])`) as string;
      expect(value(`"%s %s".format([type(${text}) == ${kind}, ${text} == ${lit}])`)).toBe('true true');
    });
  }
});
