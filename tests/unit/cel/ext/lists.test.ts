// ext lists v3 (cel-go v0.26.0 ext/lists.go), Kubernetes 1.34+. Cases ported from
// ext/lists_test.go (TestLists, TestListsCosts); heterogeneous literals that Kubernetes'
// homogeneous-literal check rejects are tested on the implementations instead.
import { describe, expect, it } from 'vitest';
import { compileError, run, runtimeError, value } from './eval-helper.js';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { kubernetesEnvironment } from '../../../../src/engine/cel/kubernetes/environment.js';
import { distinct, flatten, sortByAssociatedKeys } from '../../../../src/engine/cel/ext/lists.js';
import { CelError } from '../../../../src/engine/cel/values.js';

const TRUE_EXPRS = [
  `lists.range(4) == [0,1,2,3]`,
  `lists.range(0) == []`,
  `[5,1,2,3].reverse() == [3,2,1,5]`,
  `[].reverse() == []`,
  `[1].reverse() == [1]`,
  `['are', 'you', 'as', 'bored', 'as', 'I', 'am'].reverse() == ['am', 'I', 'as', 'bored', 'as', 'you', 'are']`,
  `[false, true, true].reverse().reverse() == [false, true, true]`,
  `[1,2,3,4].slice(0, 4) == [1,2,3,4]`,
  `[1,2,3,4].slice(0, 0) == []`,
  `[1,2,3,4].slice(1, 1) == []`,
  `[1,2,3,4].slice(4, 4) == []`,
  `[1,2,3,4].slice(1, 3) == [2, 3]`,
  `dyn([]).flatten() == []`,
  `dyn([1,2,3,4]).flatten() == [1,2,3,4]`,
  `[[1], [2, 3]].flatten() == [1, 2, 3]`,
  `[[[1]], [[2, 3]]].flatten(2).size() == 3`,
  `[].sort() == []`,
  `[1].sort() == [1]`,
  `[4, 3, 2, 1].sort() == [1, 2, 3, 4]`,
  `["d", "a", "b", "c"].sort() == ["a", "b", "c", "d"]`,
  `[].sortBy(e, e) == []`,
  `["a"].sortBy(e, e) == ["a"]`,
  `[-3, 1, -5, -2, 4].sortBy(e, -(e * e)) == [-5, 4, -3, -2, 1]`,
  `[-3, 1, -5, -2, 4].map(e, e * 2).sortBy(e, -(e * e)) == [-10, 8, -6, -4, 2]`,
  `lists.range(3).sortBy(e, -e) == [2, 1, 0]`,
  `["a", "c", "b", "first"].sortBy(e, e == "first" ? "" : e) == ["first", "a", "b", "c"]`,
  `[{'x':4}, {'x':3}].sortBy(m, m['x']) == [{'x':3}, {'x':4}]`,
  `[].distinct() == []`,
  `[1].distinct() == [1]`,
  `[-2, 5, -2, 1, 1, 5, -2, 1].distinct() == [-2, 5, 1]`,
  `['c', 'a', 'a', 'b', 'a', 'b', 'c', 'c'].distinct() == ['c', 'a', 'b']`,
  `[[1], [1], [2]].distinct() == [[1], [2]]`,
  `[duration('1s'), duration('1000ms')].distinct() == [duration('1s')]`,
  `[timestamp('2024-01-01T00:00:00Z'), timestamp(0)].sort() == [timestamp(0), timestamp('2024-01-01T00:00:00Z')]`,
];

describe('ext lists v3 (cel-go lists_test.go)', () => {
  for (const src of TRUE_EXPRS) it(src, () => expect(value(src)).toBe(true));
  const errors: [string, string][] = [
    [`[1,2,3,4].slice(3, 0)`, 'cannot slice(3, 0), start index must be less than or equal to end index'],
    [`[1,2,3,4].slice(0, 10)`, 'cannot slice(0, 10), list is length 4'],
    [`[1,2,3,4].slice(-5, 10)`, 'cannot slice(-5, 10), negative indexes not supported'],
    [`[1,2,3,4].slice(-5, -3)`, 'cannot slice(-5, -3), negative indexes not supported'],
    [`[[1]].flatten(-1)`, 'level must be non-negative'],
    [`[].flatten(-1)`, 'level must be non-negative'],
    [`(dyn(["d"]) + dyn([3, 2])).sort()`, 'list elements must have the same type'],
    [`[1, 2].slice(1, 5).sum()`, 'cannot slice(1, 5), list is length 2'],
    [`dyn([[1], [2]]).sort()`, 'list elements must be comparable'],
  ];
  for (const [src, err] of errors) it(`error: ${src}`, () => expect(runtimeError(src)).toBe(err));
  it('no such overload on non-lists', () => {
    expect(runtimeError(`dyn({}).flatten()`)).toMatch(/^no such overload/);
    expect(runtimeError(`[].flatten(dyn('1'))`)).toMatch(/^no such overload/);
  });
});

describe('ext lists: implementations', () => {
  it('flatten keeps non-list elements', () => {
    expect(flatten([1n, [2n, [3n, 4n]]], 1n)).toEqual([1n, 2n, [3n, 4n]]);
    expect(flatten([1n, 2n, [], [], [3n, 4n]], 1n)).toEqual([1n, 2n, 3n, 4n]);
    expect(flatten([1n, [2n, [3n, 4n]]], 2n)).toEqual([1n, 2n, 3n, 4n]);
  });
  it('distinct uses heterogeneous equality', () => {
    expect(distinct([1n, 2.0, 'c', 3n, 'c', 1n])).toEqual([1n, 2.0, 'c', 3n]);
    expect(distinct([1n, 1.0, 2n])).toEqual([1n, 2n]);
  });
  it('sortByAssociatedKeys', () => {
    expect(sortByAssociatedKeys(['a', 'b', 'c'], [2n, 1n, 2n])).toEqual(['b', 'a', 'c']);
    expect(sortByAssociatedKeys(['a'], [1n, 2n])).toEqual(
      new CelError('@sortByAssociatedKeys() expected a list of the same size as the associated keys list, but got 1 and 2 elements respectively'),
    );
    expect(sortByAssociatedKeys([1n, 2n], [1n, 2.0])).toEqual(new CelError('list elements must have the same type'));
  });
});

// Upstream's expectations include 10 per list literal (ListCreateBaseCost). Kubernetes evaluates
// with cel.OptOptimize, which folds constant literals into constants that cost nothing, so the
// expectations below are upstream's minus the literals.
describe('ext lists: costs (lists_test.go TestListsCosts, constant literals folded)', () => {
  const cases: [string, number][] = [
    [`lists.range(4) == [0, 1, 2, 3]`, 26 - 10],
    [`[[1, 2], [3]].flatten(1) == [1, 2, 3]`, 2 + 1 + 10 + 1],
    [`[1, 2, 3].distinct() == [1, 2, 3]`, 50 - 20],
    [`[2, 3, 1].sort() == [1, 2, 3]`, 50 - 20],
    [`['b', 'a'].sort() == ['a', 'b']`, Math.floor(4 * 2.1) + 1 + 10 + 1],
  ];
  for (const [src, cost] of cases) {
    it(`${src} costs ${cost}`, () => {
      const r = run(src);
      expect(r).toEqual({ value: true });
      const env = newEnvironment(kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false }));
      const c = compile(src, env);
      if (!c.ok) throw new Error('compile');
      const e = c.program.evaluate({});
      expect(e.cost).toBe(cost);
    });
  }
});

describe('ext lists: OBSERVED probes', () => {
  it('sortBy, distinct, range, flatten depth', () => {
    expect(value(`['ccc', 'a', 'bb'].sortBy(s, size(s)).join(',')`)).toBe('a,bb,ccc');
    expect(value(`[1, 1, 2, 1, 3].distinct().map(x, string(x)).join(',')`)).toBe('1,2,3');
    expect(value(`lists.range(4).sum()`)).toBe(6n);
  });
  it('sortBy target restrictions come from the macro', () => {
    expect(compileError(`lists.range(3).sortBy(1, 1)`)).toBeDefined();
  });
});

describe("ext lists: Go's sort.Slice order (pdqsort, not stable)", () => {
  it('sorts long lists correctly and deterministically', () => {
    const n = 200;
    const keys = Array.from({ length: n }, (_, i) => BigInt((i * 7919) % 13));
    const list = keys.map((_, i) => BigInt(i));
    const out = sortByAssociatedKeys(list, keys) as bigint[];
    const sortedKeys = out.map((i) => keys[Number(i)]);
    expect([...sortedKeys]).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(out).size).toBe(n);
  });
  it('insertion sort below 13 elements is stable', () => {
    expect(value(`['b1', 'a1', 'b2', 'a2'].sortBy(s, s.substring(0, 1))`)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });
});
