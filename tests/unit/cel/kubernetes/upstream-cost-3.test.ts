// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/cost_test.go TestSetsCost, TestSemverCost, TestTwoVariableComprehensionCost
// [expression, estimated min, estimated max, runtime cost, folded]; see upstream-cost-run.ts
// (folded: 10 per constant list literal, 30 per constant map literal, including the empty
// accumulator that transformList / transformMap / transformMapEntry start from).
import { describe, it } from 'vitest';
import { checkCost, type CostCase } from './upstream-cost-run.js';

// mixed-type list literals (e.g. [1.0, 1]) compile only without HomogeneousAggregateLiterals
const run = (cases: readonly CostCase[]) => it.each(cases.map((c) => [c[0], c] as const))('%s', (_src, c) => checkCost(c, false, true));

describe('TestSetsCost', () => {
  run([
    ['sets.contains([], [])', 21, 21, 21, 20],
    ['sets.contains([1], [])', 21, 21, 21, 20],
    ['sets.contains([1], [1])', 22, 22, 22, 20],
    ['sets.contains([1], [1, 1])', 23, 23, 23, 20],
    ['sets.contains([1, 1], [1])', 23, 23, 23, 20],
    ['sets.contains([2, 1], [1])', 23, 23, 23, 20],
    ['sets.contains([1, 2, 3, 4], [2, 3])', 29, 29, 29, 20],
    ['sets.contains([1], [1.0, 1])', 23, 23, 23, 20],
    ['sets.contains([1, 2], [2u, 2.0])', 25, 25, 25, 20],
    ['sets.contains([1, 2u], [2, 2.0])', 25, 25, 25, 20],
    ['sets.contains([1, 2.0, 3u], [1.0, 2u, 3])', 30, 30, 30, 20],
    ['sets.contains([[1], [2, 3]], [[2, 3.0]])', 53, 53, 53, 50],
    ['!sets.contains([1], [2])', 23, 23, 23, 20],
    ['!sets.contains([1], [1, 2])', 24, 24, 24, 20],
    ['!sets.contains([1], ["1", 1])', 24, 24, 24, 20],
    ['!sets.contains([1], [1.1, 1u])', 24, 24, 24, 20],
    ['sets.equivalent([], [])', 21, 21, 21, 20],
    ['sets.equivalent([1], [1])', 23, 23, 23, 20],
    ['sets.equivalent([1], [1, 1])', 25, 25, 25, 20],
    ['sets.equivalent([1, 1], [1])', 25, 25, 25, 20],
    ['sets.equivalent([1], [1u, 1.0])', 25, 25, 25, 20],
    ['sets.equivalent([1, 2, 3], [3u, 2.0, 1])', 39, 39, 39, 20],
    ['sets.equivalent([[1.0], [2, 3]], [[1], [2, 3.0]])', 69, 69, 69, 60],
    ['!sets.equivalent([2, 1], [1])', 26, 26, 26, 20],
    ['!sets.equivalent([1], [1, 2])', 26, 26, 26, 20],
    ['!sets.equivalent([1, 2], [2u, 2, 2.0])', 34, 34, 34, 20],
    ['!sets.equivalent([1, 2], [1u, 2, 2.3])', 34, 34, 34, 20],
    ['sets.intersects([1], [1])', 22, 22, 22, 20],
    ['sets.intersects([1], [1, 1])', 23, 23, 23, 20],
    ['sets.intersects([1, 1], [1])', 23, 23, 23, 20],
    ['sets.intersects([2, 1], [1])', 23, 23, 23, 20],
    ['sets.intersects([1], [1, 2])', 23, 23, 23, 20],
    ['sets.intersects([1], [1.0, 2])', 23, 23, 23, 20],
    ['sets.intersects([1, 2], [2u, 2, 2.0])', 27, 27, 27, 20],
    ['sets.intersects([1, 2], [1u, 2, 2.3])', 27, 27, 27, 20],
    ['sets.intersects([[1], [2, 3]], [[1, 2], [2, 3.0]])', 65, 65, 65, 60],
    ['!sets.intersects([], [])', 22, 22, 22, 20],
    ['!sets.intersects([1], [])', 22, 22, 22, 20],
    ['!sets.intersects([1], [2])', 23, 23, 23, 20],
    ['!sets.intersects([1], ["1", 2])', 24, 24, 24, 20],
    ['!sets.intersects([1], [1.1, 2u])', 24, 24, 24, 20],
  ]);
});

describe('TestSemverCost', () => {
  run([
    ['semver("1.0.0")', 1, 1, 1],
    ['semver("1234.56789012345.67890123456789")', 4, 4, 4],
    ['isSemver("1.0.0")', 1, 1, 1],
    ['isSemver("1234.56789012345.67890123456789")', 4, 4, 4],
    ['semver("1.2.3").major()', 2, 2, 2],
    ['semver("1.2.3").minor()', 2, 2, 2],
    ['semver("1.2.3").patch()', 2, 2, 2],
    ['semver("1.0.0").isLessThan(semver("1.1.0"))', 3, 3, 3],
    ['semver("1.1.0").isGreaterThan(semver("1.0.0"))', 3, 3, 3],
    ['semver("1.0.0").compareTo(semver("1.2.3"))', 3, 3, 3],
  ]);
});

describe('TestTwoVariableComprehensionCost', () => {
  run([
    ["{'a': 1, 'b': 2}.all(k, v, v > 0)", 37, 41, 41, 30],
    ["{'a': 1, 'b': 2}.exists(k, v, v > 0)", 39, 43, 40, 30],
    ["{'a': 1, 'b': 2}.existsOne(k, v, v > 0)", 38, 40, 40, 30],
    ["{'a': 1, 'b': 2}.transformMap(k, v, v + 1)", 71, 71, 71, 60],
    ["{'a': 1, 'b': 2}.transformMap(k, v, v < 5, v + 1)", 67, 75, 75, 60],
    ["{'a': 1, 'b': 2}.transformMapEntry(k, v, {k: v + 1})", 131, 131, 131, 60],
    ["{'a': 1, 'b': 2}.transformMapEntry(k, v, v < 5, {k: v + 1})", 67, 135, 135, 60],
    ['[1, 2].all(i, v, v > 0)', 17, 21, 21, 10],
    ['[1, 2].exists(i, v, v > 0)', 19, 23, 20, 10],
    ['[1, 2].existsOne(i, v, v > 0)', 18, 20, 20, 10],
    ['[1, 2].transformList(i, v, v + 1)', 49, 49, 49, 20],
    ['[1, 2].transformList(i, v, v < 5, v + 1)', 27, 53, 53, 20],
  ]);
});
