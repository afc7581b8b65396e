// Two-variable comprehensions (cel-go v0.26.0 ext/comprehensions.go; Kubernetes 1.32+). Cases
// ported from ext/comprehensions_test.go TestTwoVarComprehensions (cel.bind, unavailable in
// Kubernetes, inlined) and TestTwoVarComprehensionsRuntimeErrors.
import { describe, expect, it } from 'vitest';
import { runtimeError, value } from './eval-helper.js';
import { mapInsert, mapInsertAll } from '../../../../src/engine/cel/ext/comprehensions.js';
import { CelError, CelMap, CelUint } from '../../../../src/engine/cel/values.js';

const TRUE_EXPRS = [
  `[1, 2, 3, 4].all(i, v, i < 5 && v > 0)`,
  `[1, 2, 3, 4].all(i, v, i < v)`,
  `[1, 2, 3, 4].all(i, v, i > v) == false`,
  `[1, 2, 3, 4].all(i, v, [1, 2, 3, 4, 5][?i].hasValue() && [1, 2, 3, 4, 5][i] == v)`,
  `['hello', 'world', 'hello!', 'worlds'].exists(i, v, v.startsWith('hello') && ['hello', 'world', 'hello!', 'worlds'][?(i+1)].optMap(next, next.endsWith('world')).orValue(false))`,
  `['hello', 'world', 'hello!', 'worlds'].existsOne(i, v, v.startsWith('hello') && ['hello', 'world', 'hello!', 'worlds'][?(i+1)].optMap(next, next.endsWith('world')).orValue(false))`,
  `['Hello', 'world'].transformList(i, v, "[%d]%s".format([i, v.lowerAscii()])) == ["[0]hello", "[1]world"]`,
  `['hello', 'world'].transformList(i, v, v.startsWith('greeting'), "[%d]%s".format([i, v])) == []`,
  `[1, 2, 3].transformList(indexVar, valueVar, (indexVar * valueVar) + valueVar) == [1, 4, 9]`,
  `[1, 2, 3].transformList(indexVar, valueVar, indexVar % 2 == 0, (indexVar * valueVar) + valueVar) == [1, 9]`,
  `['Hello', 'world'].transformMap(i, v, [v.lowerAscii()]) == {0: ['hello'], 1: ['world']}`,
  `['world', 'Hello'].transformMap(i, v, [v.lowerAscii()]).transformList(k, v, v).flatten().sort() == ['hello', 'world']`,
  `[1, 2, 3].transformMap(indexVar, valueVar, (indexVar * valueVar) + valueVar) == {0: 1, 1: 4, 2: 9}`,
  `[1, 2, 3].transformMap(indexVar, valueVar, indexVar % 2 == 0, (indexVar * valueVar) + valueVar) == {0: 1, 2: 9}`,
  `"key1:value1 key2:value2 key3:value3".split(" ").transformMapEntry(i, v, v.split(":").size() == 2 ? {v.split(":")[0]: v.split(":")[1]} : {}) == {'key1': 'value1', 'key2': 'value2', 'key3': 'value3'}`,
  `"key1:value1:extra key2:value2 key3".split(" ").transformMapEntry(i, v, {?v.split(":")[0]: v.split(":")[?1]}) == {'key1': 'value1', 'key2': 'value2'}`,
  `{'hello': 'world', 'hello!': 'world'}.all(k, v, k.startsWith('hello') && v == 'world')`,
  `{'hello': 'world', 'hello!': 'worlds'}.all(k, v, k.startsWith('hello') && v.endsWith('world')) == false`,
  `{'hello': 'world', 'hello!': 'worlds'}.exists(k, v, k.startsWith('hello') && v.endsWith('world'))`,
  `{'hello': 'world', 'hello!': 'worlds'}.existsOne(k, v, k.startsWith('hello') && v.endsWith('world'))`,
  `{'hello': 'world', 'hello!': 'worlds'}.exists_one(k, v, k.startsWith('hello') && v.endsWith('world'))`,
  `{'hello': 'world', 'hello!': 'wow, world'}.exists_one(k, v, k.startsWith('hello') && v.endsWith('world')) == false`,
  `{'Hello': 'world'}.transformList(k, v, "%s=%s".format([k.lowerAscii(), v])) == ["hello=world"]`,
  `dyn({'Hello': 'world'}).transformList(k, v, "%s=%s".format([k.lowerAscii(), v])) == ["hello=world"]`,
  `{'hello': 'world'}.transformList(k, v, k.startsWith('greeting'), "%s=%s".format([k, v])) == []`,
  `{'greeting': 'hello', 'farewell': 'goodbye'}.transformList(k, _, k).sort() == ['farewell', 'greeting']`,
  `{'greeting': 'hello', 'farewell': 'goodbye'}.transformList(_, v, v).sort() == ['goodbye', 'hello']`,
  `{'hello': 'world', 'goodbye': 'cruel world'}.transformMap(k, v, "%s, %s!".format([k, v])) == {'hello': 'hello, world!', 'goodbye': 'goodbye, cruel world!'}`,
  `dyn({'hello': 'world', 'goodbye': 'cruel world'}).transformMap(k, v, "%s, %s!".format([k, v])) == {'hello': 'hello, world!', 'goodbye': 'goodbye, cruel world!'}`,
  `{'hello': 'world', 'goodbye': 'cruel world'}.transformMap(k, v, v.startsWith('world'), "%s, %s!".format([k, v])) == {'hello': 'hello, world!'}`,
  `{'hello': 'world', 'greetings': 'tacocat'}.transformMapEntry(k, v, {}) == {}`,
  `{1: 2}.transformMapEntry(k, v, {v: k}) == {2: 1}`,
  `{1: 2, 3: 4, 5: 6}.transformMap(k, v, k % 3 == 0, v + 1) == {3: 5}`,
  `[].transformList(i, v, v) == []`,
  `[1].transformList(i, v, i) == [0]`,
  `[3, 2, 1].transformList(i, v, v > i, v) == [3, 2]`,
  `{}.transformMap(k, v, v + 1) == {}`,
  `{1: 2}.transformMap(k, v, v + 1) == {1: 3}`,
];

describe('two-variable comprehensions (cel-go comprehensions_test.go)', () => {
  for (const src of TRUE_EXPRS) it(src, () => expect(value(src)).toBe(true));
  it('duplicate keys', () => {
    expect(runtimeError(`[1, 1].transformMapEntry(i, v, {v: i})`)).toBe('insert failed: key 1 already exists');
    expect(runtimeError(`(dyn([0]) + dyn([0u])).transformMapEntry(i, v, {v: i})`)).toBe('insert failed: key 0 already exists');
    expect(runtimeError(`['a', 'a'].transformMapEntry(i, v, {v: i})`)).toBe('insert failed: key a already exists');
  });
  it('OBSERVED probe', () => {
    expect(value(`string({'a': 'x'}.transformMapEntry(k, v, {v: k})['x'])`)).toBe('a');
  });
});

describe('cel.@mapInsert', () => {
  it('inserts into a copy', () => {
    const m = { a: 1n } as Record<string, bigint>;
    expect(mapInsert(m, 'b', 2n)).toEqual({ a: 1n, b: 2n });
    expect(m).toEqual({ a: 1n });
    const c = mapInsert(m, 1n, 2n);
    expect(c).toBeInstanceOf(CelMap);
    expect(mapInsert(new CelMap([[1n, 'x']]), 1.0, 'y')).toEqual(new CelError('insert failed: key 1 already exists'));
    expect(mapInsert(new CelMap([[new CelUint(3n), 'x']]), 3n, 'y')).toEqual(new CelError('insert failed: key 3 already exists'));
    expect(mapInsertAll({ a: 1n }, { b: 2n, a: 3n })).toEqual(new CelError('insert failed: key a already exists'));
  });
});
