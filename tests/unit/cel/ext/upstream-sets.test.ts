// upstream: google/cel-go v0.26.0 ext/sets_test.go TestSets, TestSetsMembershipRewriter (values only)
// Kubernetes 1.29+ enables ext.Sets(). Runtime costs: Kubernetes evaluates with cel.OptOptimize,
// which folds constant list literals (10 each in upstream's figures), so the expected runtime
// cost is upstream's minus 10 per constant literal; estimates are not affected by folding.
// Mixed-type literals (rejected by Kubernetes' homogeneous-literal validator) are written with
// dyn() elements and checked for their value only (dyn() changes the cost).
import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/engine/cel/types.js';
import { value } from './eval-helper.js';
import { evalWithCost, type Vars } from './upstream-cost-helper.js';

// [expr, upstream estimate, upstream actual cost, constant list literals]
const COSTS: [string, number, number, number][] = [
  [`sets.contains([], [])`, 21, 21, 2],
  [`sets.contains([1], [])`, 21, 21, 2],
  [`sets.contains([1], [1])`, 22, 22, 2],
  [`sets.contains([1], [1, 1])`, 23, 23, 2],
  [`sets.contains([1, 1], [1])`, 23, 23, 2],
  [`sets.contains([2, 1], [1])`, 23, 23, 2],
  [`sets.contains([1, 2, 3, 4], [2, 3])`, 29, 29, 2],
  [`!sets.contains([1], [2])`, 23, 23, 2],
  [`!sets.contains([1], [1, 2])`, 24, 24, 2],
  [`sets.equivalent([], [])`, 21, 21, 2],
  [`sets.equivalent([1], [1])`, 23, 23, 2],
  [`sets.equivalent([1], [1, 1])`, 25, 25, 2],
  [`sets.equivalent([1, 1], [1])`, 25, 25, 2],
  [`!sets.equivalent([2, 1], [1])`, 26, 26, 2],
  [`!sets.equivalent([1], [1, 2])`, 26, 26, 2],
  [`sets.intersects([1], [1])`, 22, 22, 2],
  [`sets.intersects([1], [1, 1])`, 23, 23, 2],
  [`sets.intersects([1, 1], [1])`, 23, 23, 2],
  [`sets.intersects([2, 1], [1])`, 23, 23, 2],
  [`sets.intersects([1], [1, 2])`, 23, 23, 2],
  [`!sets.intersects([], [])`, 22, 22, 2],
  [`!sets.intersects([1], [])`, 22, 22, 2],
  [`!sets.intersects([1], [2])`, 23, 23, 2],
];

describe('upstream TestSets: costs', () => {
  for (const [src, est, actual, literals] of COSTS) {
    it(src, () => {
      const r = evalWithCost(src);
      expect(r.value).toBe(true);
      expect(r.actual).toBe(actual - 10 * literals);
      expect(r.estimate).toEqual({ min: est, max: est });
    });
  }
  const x: Vars = { x: [T.list(T.int), [5n, 4n, 3n, 2n, 1n]] };
  it('sets.contains(x, [1, 2, 3])', () => {
    const r = evalWithCost(`sets.contains(x, [1, 2, 3])`, x);
    expect([r.value, r.actual]).toEqual([true, 27 - 10]);
  });
  it('sets.contains(x, [1, 1, 1, 1, 1])', () => {
    const r = evalWithCost(`sets.contains(x, [1, 1, 1, 1, 1])`, x);
    expect([r.value, r.actual]).toEqual([true, 37 - 10]);
    expect(r.estimate.min).toBe(12);
  });
  it.skip('estimates with size hints (Go test API; Kubernetes sizes come from schemas)', () => {});
});

// Upstream's mixed literals, elements wrapped in dyn().
const MIXED = [
  `sets.contains([dyn(1), dyn(2)], [dyn(2u), dyn(2.0)])`,
  `sets.contains([dyn(1), dyn(2u)], [dyn(2), dyn(2.0)])`,
  `sets.contains([[1], [2, 3]], [[dyn(2), dyn(3.0)]])`,
  `!sets.contains([dyn(1)], [dyn(1.1), dyn(1u)])`,
  `sets.equivalent([dyn(1), dyn(2), dyn(3)], [dyn(3u), dyn(2.0), dyn(1)])`,
  `sets.equivalent([dyn([1.0]), dyn([2, 3])], [dyn([1]), dyn([dyn(2), dyn(3.0)])])`,
  `!sets.equivalent([dyn(1), dyn(2)], [dyn(2u), dyn(2), dyn(2.0)])`,
  `!sets.equivalent([dyn(1), dyn(2)], [dyn(1u), dyn(2), dyn(2.3)])`,
  `sets.intersects([dyn(1)], [dyn(1.0), dyn(2)])`,
  `sets.intersects([dyn(1), dyn(2)], [dyn(2u), dyn(2), dyn(2.0)])`,
  `sets.intersects([dyn(1), dyn(2)], [dyn(1u), dyn(2), dyn(2.3)])`,
  `sets.intersects([[1], [2, 3]], [dyn([1, 2]), dyn([dyn(2), dyn(3.0)])])`,
  `!sets.intersects([dyn(1)], [dyn("1"), dyn(2)])`,
  `!sets.intersects([dyn(1)], [dyn(1.1), dyn(2u)])`,
];

describe('upstream TestSets: mixed-type cases', () => {
  for (const src of MIXED) it(src, () => expect(value(src)).toBe(true));
});

describe('upstream TestSetsMembershipRewriter (values; the optimizer itself is not enabled by Kubernetes)', () => {
  const cases: [string, Vars, boolean][] = [
    [`a in [1, 2, 3, 4]`, { a: [T.int, 3n] }, true],
    [`a in [dyn('1'), dyn('2'), dyn('3'), dyn(4)]`, { a: [T.int, 3n] }, false],
    [`a in [dyn(1u), dyn('2'), dyn('3'), dyn(4)]`, { a: [T.int, 4n] }, true],
    [`a in [dyn(1u), dyn(2.0), dyn('3'), dyn(4)]`, { a: [T.int, 4n] }, true],
    [`a in [b, 32]`, { a: [T.int, 4n], b: [T.int, 4n] }, true],
    [`a in {b: c}`, { a: [T.int, 4n], b: [T.int, 42n], c: [T.int, 123n] }, false],
    [`a in {3: true}`, { a: [T.int, 4n] }, false],
    [`a in ["hello", "world"].map(i, i in ["goodbye", "world"], i + i)`, { a: [T.string, 'worldworld'] }, true],
  ];
  for (const [src, vars, want] of cases) it(src, () => expect(evalWithCost(src, vars).value).toBe(want));
  it.skip('enum membership (proto enums: none in Kubernetes CEL)', () => {});
});
