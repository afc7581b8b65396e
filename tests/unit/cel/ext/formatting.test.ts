// `<string>.format(list)`: cel-go v0.26.0 ext/formatting.go (the version-1 formatter used by
// strings version 2, i.e. Kubernetes). Cases ported from ext/formatting_test.go TestStringFormat
// (locale en_US) and OBSERVED.md. Upstream's expectations for `%e` contain U+202F around `×`:
// that is x/text before v0.23 (golang/text 221d88c), i.e. Kubernetes 1.32; 1.33+ has none.
import { describe, expect, it } from 'vitest';
import { formatCallImpl } from '../../../../src/engine/cel/ext/formatting.js';
import { CelError, CelMap, CelUint, Duration, Timestamp, TypeValue } from '../../../../src/engine/cel/values.js';
import { T } from '../../../../src/engine/cel/types.js';
import { compileError, runtimeError, value } from './eval-helper.js';

const fmt = (f: string, args: unknown[], narrow = false) => {
  const r = formatCallImpl(f, args as never, narrow);
  return r instanceof CelError ? `ERR ${r.message}` : r;
};

describe('format: upstream TestStringFormat cases', () => {
  const cases: [string, unknown[], string][] = [
    ['no substitution', [], 'no substitution'],
    ['str is %s and some more', ['filler'], 'str is filler and some more'],
    ['%% and also %%', [], '% and also %'],
    ['%%%s%%', ['text'], '%text%'],
    ['%d %d %d, %s %s %s', [1n, 2n, 3n, 'A', 'B', 'C'], '1 2 3, A B C'],
    ['%.3f', [1.2345], '1.234'],
    ['this is 5 in binary: %b', [5n], 'this is 5 in binary: 101'],
    ['this is -5 in binary: %b', [-5n], 'this is -5 in binary: -101'],
    ['unsigned 64 in binary: %b', [new CelUint(64n)], 'unsigned 64 in binary: 1000000'],
    ['bit set from bool: %b', [true], 'bit set from bool: 1'],
    ['%o', [11n], '13'],
    ['%o', [-11n], '-13'],
    ['this is an unsigned octal: %o', [new CelUint(65535n)], 'this is an unsigned octal: 177777'],
    ['%x is 30 in hexadecimal', [30n], '1e is 30 in hexadecimal'],
    ['%X is 20 in hexadecimal', [30n], '1E is 20 in hexadecimal'],
    ['%x is -30 in hexadecimal', [-30n], '-1e is -30 in hexadecimal'],
    ['%X is 6000 in hexadecimal', [new CelUint(6000n)], '1770 is 6000 in hexadecimal'],
    ['%x', ['Hello world!'], '48656c6c6f20776f726c6421'],
    ['%X', ['Hello world!'], '48656C6C6F20776F726C6421'],
    ['%x', [new TextEncoder().encode('byte string')], '6279746520737472696e67'],
    ['%x', [new Uint8Array([0, 0, ...new TextEncoder().encode('byte string'), 0])], '00006279746520737472696e6700'],
    ['%f', [2.71828], '2.718280'],
    ['%s', [2.71], '2.71'],
    ['%s', [[2.71]], '[2.710000]'],
    ['%s', [0.000000002], '2e-09'],
    ['%s', [[0.000000002]], '[0.000000]'],
    ['%f', ['NaN'], 'NaN'],
    ['%f', ['Infinity'], '∞'],
    ['%f', ['-Infinity'], '-∞'],
    ['%s', [NaN], 'NaN'],
    ['%s', [Infinity], '+Inf'],
    ['%s', [-Infinity], '-Inf'],
    ['%s', [[NaN, Infinity, -Infinity]], '["NaN", "+Inf", "-Inf"]'],
    ['%d', [new CelUint(64n)], '64'],
    ['null: %s', [null], 'null: null'],
    ['%s', [999999999999n], '999999999999'],
    ['some bytes: %s', [new TextEncoder().encode('xyz')], 'some bytes: xyz'],
    ['type is %s', [new TypeValue(T.string)], 'type is string'],
    ['%s', [new Timestamp(1675467080n, 0)], '2023-02-03T23:31:20Z'],
    ['%s', [new Duration(6347_000_000_000n)], '6347s'],
    ['%s', [new Duration(2n)], '0.000000002s'],
    ['%s', [['abc', 3.14, null, [9n, 8n, 7n, 6n], new Timestamp(1675467080n, 0)]], '["abc", 3.140000, null, [9, 8, 7, 6], timestamp("2023-02-03T23:31:20Z")]'],
    [
      '%s',
      [{ key1: new TextEncoder().encode('xyz'), key5: null, key2: new Duration(7200_000_000_000n), key4: true, key3: 2.71828 }],
      '{"key1":b"xyz", "key2":duration("7200s"), "key3":2.718280, "key4":true, "key5":null}',
    ],
    ['map with multiple key types: %s', [new CelMap([[1n, 'value1'], [new CelUint(2n), 'value2'], [true, NaN]])], 'map with multiple key types: {1:"value1", 2:"value2", true:"NaN"}'],
    ['true bool: %s, false bool: %s', [true, false], 'true bool: true, false bool: false'],
    ['dyntype list: %s', [[6n, 4.2, 'a string']], 'dyntype list: [6, 4.200000, "a string"]'],
    ['%a', [1n], 'ERR could not parse formatting clause: unrecognized formatting clause "a"'],
    ['%d %d %d', [0n, 1n], 'ERR index 2 out of range'],
    ['string is %b', ['abc'], 'ERR error during formatting: only integers and bools can be formatted as binary, was given string'],
    ['%d', [new Duration(1n)], 'ERR error during formatting: decimal clause can only be used on integers, was given google.protobuf.Duration'],
    ['octal: %o', ['a string'], 'ERR error during formatting: octal clause can only be used on integers, was given string'],
    ['double is %x', [0.5], 'ERR error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given double'],
    ['double is %E', [0.5], 'ERR could not parse formatting clause: unrecognized formatting clause "E"'],
    ['null: %d', [null], 'ERR error during formatting: decimal clause can only be used on integers, was given null_type'],
    ['null: %e', [null], 'ERR error during formatting: scientific clause can only be used on doubles, was given null_type'],
    ['null: %f', [null], 'ERR error during formatting: fixed-point clause can only be used on doubles, was given null_type'],
  ];
  for (const [f, args, want] of cases) it(`${f} ${want}`, () => expect(fmt(f, args)).toBe(want));

  it('%e before and after x/text v0.23', () => {
    expect(fmt('%.6e', [1052.032911275], true)).toBe('1.052033\u202f\u00d7\u202f10\u2070\u00b3');
    expect(fmt('%e', [2.71828], true)).toBe('2.718280\u202f\u00d7\u202f10\u2070\u2070');
    expect(fmt('%.6e', [1052.032911275])).toBe('1.052033\u00d710\u2070\u00b3');
  });
});

describe('format: OBSERVED.md and x/text details', () => {
  it('scientific: superscripts, precision used as a width', () => {
    expect(fmt('%e', [1234.5678])).toBe('1.234568×10⁰³');
    expect(fmt('%.2e', [0.000123])).toBe('1.230000×10⁻⁰⁴');
    expect(fmt('%e', [0])).toBe('0.000000×10⁰⁰');
    expect(fmt('%e', [-1e300])).toBe('-1.000000×10³⁰⁰');
    expect(fmt('%.15e', [1234.5678])).toBe('  1.234568×10⁰³');
    expect(fmt('%e', [NaN])).toBe('   NaN');
  });
  it('fixed: grouping and half-even rounding on the exact value', () => {
    expect(fmt('%.2f', [1234.5])).toBe('1,234.50');
    expect(fmt('%.0f', [2.5])).toBe('2');
    expect(fmt('%.2f', [0.125])).toBe('0.12');
    expect(fmt('%.2f', [2.675])).toBe('2.67');
    expect(fmt('%.2f', [-0.001])).toBe('-0.00');
  });
  it('%s rules', () => {
    expect(fmt('%s', [[1n, 'a', 2.5]])).toBe('[1, "a", 2.500000]');
    expect(fmt('%s', [1.0])).toBe('1');
    expect(fmt('%s', [{ b: 1n, a: 2n }])).toBe('{"a":2, "b":1}');
    expect(fmt('%b', [true])).toBe('1');
    expect(fmt('%x', [-255n])).toBe('-ff');
    expect(fmt('%s', [['a\nb', 'é\u00ad']])).toBe('["a\\nb", "é\\u00ad"]');
  });
  it('parse errors', () => {
    expect(fmt('%', [])).toBe('ERR index 0 out of range');
    expect(fmt('%', [1n])).toBe('ERR unexpected end of string');
    expect(fmt('%.2', [1n])).toBe('ERR could not parse formatting clause: error while parsing precision: could not find end of precision specifier');
    expect(fmt('%é', [1n])).toBe('ERR could not parse formatting clause: unrecognized formatting clause "Ã"');
  });
});

describe('format: end to end', () => {
  it('evaluates', () => {
    expect(value(`'%d'.format([3u])`)).toBe('3');
    expect(value(`'100%%'.format([])`)).toBe('100%');
    expect(value(`'%s'.format([{'b': 1, 'a': 2}])`)).toBe('{"a":2, "b":1}');
    expect(value(`'%e'.format([1234.5678])`)).toBe('1.234568×10⁰³');
    expect(value(`'%e'.format([1234.5678])`, { version: '1.32' })).toBe('1.234568\u202f×\u202f10⁰³');
  });
  it('literal arguments are checked at compile time', () => {
    expect(compileError(`'%d'.format([1.5])`)).toContain('error during formatting: decimal clause can only be used on integers, was given double');
    expect(compileError(`'%.2f'.format([1])`)).toContain('error during formatting: fixed-point clause can only be used on doubles, was given int');
    expect(compileError(`'%s %s'.format(['a'])`)).toContain('index 1 out of range');
    expect(compileError(`'%q'.format([1])`)).toContain('could not parse formatting clause: unrecognized formatting clause "q"');
    expect(compileError(`'%s'.format(['a', 'b'])`)).toContain('too many arguments supplied to string.format (expected 1, got 2)');
    expect(compileError(`'%s'.format([optional.none()])`)).toContain(
      'error during formatting: string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given optional_type',
    );
  });
  it('dynamic arguments fail at run time', () => {
    expect(runtimeError(`'%d'.format([dyn(1.5)])`)).toBe('error during formatting: decimal clause can only be used on integers, was given double');
    expect(runtimeError(`'%s %s'.format(dyn(['a']))`)).toBe('index 1 out of range');
  });
});
