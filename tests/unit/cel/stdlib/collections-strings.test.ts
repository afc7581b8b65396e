// size, in, index, contains/startsWith/endsWith (cel-go common/types/{string,list,map}.go,
// interpreter/attributes.go for index texts; reference scenario nosuchkey-map-index).
import { describe, expect, it } from 'vitest';
import { CelError, CelMap, newJsonObject, type CelValue } from '../../../../src/engine/cel/values.js';
import { index } from '../../../../src/engine/cel/stdlib/index.js';
import { call, errText, u } from './lib.js';

describe('size', () => {
  it('counts code points, bytes, elements', () => {
    expect(call('size_string', 'héllo😀')).toBe(6n);
    expect(call('string_size', '')).toBe(0n);
    expect(call('size_bytes', new Uint8Array(3))).toBe(3n);
    expect(call('list_size', [1n, 2n])).toBe(2n);
    const m = newJsonObject();
    m.a = 1n;
    expect(call('size_map', m)).toBe(1n);
    expect(call('map_size', new CelMap([[1n, 1n]]))).toBe(1n);
  });
  it('rejects non-sizers', () => {
    expect(errText(call('size_string', 1n))).toBe('no such overload: size');
  });
});

describe('@in', () => {
  it('lists use heterogeneous equality', () => {
    expect(call('in_list', 2n, [1n, 2.0])).toBe(true);
    expect(call('in_list', 'a', ['b', 'c'])).toBe(false);
    expect(call('in_list', u(1), [1n])).toBe(true);
  });
  it('maps test key presence', () => {
    const m = newJsonObject();
    m.key1 = 'v';
    expect(call('in_map', 'key1', m)).toBe(true);
    expect(call('in_map', 1n, m)).toBe(false);
    expect(call('in_map', 3n, new CelMap([[1n, 'one']]))).toBe(false);
    expect(call('in_map', 1.0, new CelMap([[1n, 'one']]))).toBe(true);
    expect(call('in_map', u(1), new CelMap([[1n, 'one']]))).toBe(true);
  });
  it('non-containers', () => {
    expect(errText(call('in_list', 1n, 'abc'))).toBe('no such overload');
  });
});

describe('index', () => {
  const m = newJsonObject();
  m.a = 1n;
  const cases: [CelValue, CelValue, CelValue | string][] = [
    [[1n, 2n, 3n], 1n, 2n],
    [[1n, 2n, 3n], 1.0, 2n],
    [[1n, 2n, 3n], u(2), 3n],
    [[1n, 2n, 3n], 5n, 'index out of bounds: 5'],
    [[1n, 2n, 3n], -1n, 'index out of bounds: -1'],
    [[1n], 1.5, 'unsupported index value 1.5 in list'],
    [[1n], 'a', "unsupported index type 'string' in list"],
    [m, 'a', 1n],
    [m, 'b', 'no such key: b'],
    [m, 1n, 'no such key: 1'],
    [new CelMap([[1n, 'x']]), u(1), 'x'],
    [new CelMap([[true, 'x']]), false, 'no such key: false'],
  ];
  cases.forEach(([c, k, want], i) => {
    it(`case ${i}`, () => {
      const got = index(c, k);
      if (typeof want === 'string' && got instanceof CelError) expect(got.message).toBe(want);
      else expect(got).toEqual(want);
    });
  });
});

describe('string functions', () => {
  it('contains / startsWith / endsWith', () => {
    expect(call('contains_string', 'hello world', 'o w')).toBe(true);
    expect(call('contains_string', 'hello', '')).toBe(true);
    expect(call('starts_with_string', 'hello', 'he')).toBe(true);
    expect(call('ends_with_string', 'hello', 'lo')).toBe(true);
    expect(call('ends_with_string', 'hello', 'he')).toBe(false);
    expect(errText(call('contains_string', 1n, 'a'))).toBe('no such overload');
  });
  it('matches searches (unanchored) with RE2 syntax', () => {
    expect(call('matches_string', '123-456', '^[0-9]+(-[0-9]+)?$')).toBe(true);
    expect(call('matches', 'hello', 'ell')).toBe(true);
    expect(call('matches_string', 'a\nb', 'a.b')).toBe(false);
    expect(errText(call('matches_string', 'abc', 'x('))).toBe('error parsing regexp: missing closing ): `x(`');
    expect(errText(call('matches_string', 1n, 'a'))).toBe('no such overload: matches');
  });
});
