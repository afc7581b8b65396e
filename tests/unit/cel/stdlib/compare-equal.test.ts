// Ordering and equality. Cross-type rules: cel-go common/types/compare.go; NaN texts: OBSERVED.md
// ("From 10,000 random expressions"); examples from cel-go common/stdlib/standard.go docs.
import { describe, expect, it } from 'vitest';
import { celEquals } from '../../../../src/engine/cel/stdlib/index.js';
import { T } from '../../../../src/engine/cel/types.js';
import { CelMap, Duration, Optional, TypeValue, newJsonObject, type CelValue } from '../../../../src/engine/cel/values.js';
import { call, dur, errText, ts, u } from './lib.js';

describe('ordering', () => {
  const cases: [string, CelValue, CelValue, boolean | string][] = [
    ['less_bool', false, true, true],
    ['less_int64', -2n, 3n, true],
    ['less_int64_double', 1n, 1.1, true],
    ['less_int64_uint64', 1n, u(2), true],
    ['less_uint64_int64', u(1), -1n, false],
    ['less_uint64_double', u(1), 0.9, false],
    ['less_double_uint64', -1, u(1), true],
    ['less_double_int64', 2.1, 3n, true],
    ['less_string', 'cat', 'cab', false],
    ['less_string', 'a', 'b', true],
    ['less_bytes', new Uint8Array([1]), new Uint8Array([1, 0]), true],
    ['less_equals_uint64_double', u(1), 1.0, true],
    ['greater_double_int64', 3.0, 3n, false],
    ['greater_equals_int64_double', 1n, 1.0, true],
    ['greater_uint64_int64', u(0), -1n, true],
    ['less_timestamp', ts(1n), ts(2n), true],
    ['less_duration', dur(1n), dur(1000n), true],
    ['greater_equals_duration', dur(60n), dur(60n), true],
    // NaN operands cannot be ordered (OBSERVED.md)
    ['less_double', NaN, 1, 'NaN values cannot be ordered'],
    ['less_double', 1, NaN, 'NaN values cannot be ordered'],
    ['less_int64_double', 1n, NaN, 'NaN values cannot be ordered'],
    ['greater_equals_double', NaN, NaN, 'NaN values cannot be ordered'],
    ['less_double', NaN, 'a', 'NaN values cannot be ordered'],
    // other mixes (`dyn(1) < "a"` — OBSERVED.md)
    ['less_int64', 1n, 'a', 'no such overload'],
    ['less_string', 'a', 1n, 'no such overload'],
    ['less_int64', null, 1n, 'no such overload: _<_'],
    ['less_int64', [1n], 1n, 'no such overload: _<_'],
  ];
  for (const [id, l, r, want] of cases) {
    it(`${id}`, () => {
      const got = call(id, l, r);
      if (typeof want === 'string') expect(errText(got)).toBe(want);
      else expect(got).toBe(want);
    });
  }
  it('compares strings by code point (UTF-8 order), not UTF-16 units', () => {
    // U+FF61 < U+1F600 in code points, although 0xFF61 > 0xD83D as UTF-16 units
    expect(call('less_string', '\uff61', '\u{1f600}')).toBe(true);
  });
  it('large doubles against int64 bounds', () => {
    expect(call('greater_double_int64', 1e19, 2n ** 63n - 1n)).toBe(true);
    expect(call('less_double_int64', -1e19, -(2n ** 63n))).toBe(true);
    expect(call('greater_double_uint64', 1e20, u(2n ** 64n - 1n))).toBe(true);
  });
});

describe('celEquals (heterogeneous equality)', () => {
  const m = newJsonObject();
  m.a = 1n;
  const m2 = newJsonObject();
  m2.a = 1.0;
  const cases: [CelValue, CelValue, boolean][] = [
    [1n, 1.0, true],
    [1n, u(1), true],
    [u(1), 1.0, true],
    [1n, '1', false],
    [NaN, NaN, false],
    [null, null, true],
    [null, 0n, false],
    [0n, null, false],
    ['a', 'a', true],
    [true, 1n, false],
    [new Uint8Array([1, 2]), new Uint8Array([1, 2]), true],
    [[1n, 2n], [1.0, u(2)], true],
    [[1n], [1n, 2n], false],
    [m, m2, true],
    [new CelMap([[1n, 'a']]), new CelMap([[u(1), 'a']]), true],
    [new CelMap([[1n, 'a']]), m, false],
    [ts(1n, 5, 3600), ts(1n, 5, 0), true],
    [dur(5n), new Duration(5n), true],
    [new TypeValue(T.list(T.int)), new TypeValue(T.list(T.string)), true],
    [new TypeValue(T.int), new TypeValue(T.uint), false],
    [Optional.none, Optional.none, true],
    [Optional.of(1n), Optional.of(1.0), true],
    [Optional.of(1n), Optional.none, false],
    [9007199254740993n, 9007199254740992.0, true], // int converted to double (cel-go compareDoubleInt)
  ];
  cases.forEach(([a, b, want], i) => {
    it(`case ${i}`, () => expect(celEquals(a, b)).toBe(want));
  });
  it('equals / not_equals overloads', () => {
    expect(call('equals', 1n, 1.0)).toBe(true);
    expect(call('not_equals', 1n, 'a')).toBe(true);
  });
});
