// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/semver_test.go TestSemver
// Every case as a whole expression through the Kubernetes environment, which has semver v1 from
// 1.33 (the normalize overloads); cases upstream runs at library version 0 hold at v1 too.
import { describe, it } from 'vitest';
import { check, type Case } from './upstream-run.js';

const T = { value: true };
const F = { value: false };

const cases: Case[] = [
  ['parse', `semver("1.2.3")`, { equals: `semver("1.2.3")` }],
  ['parseInvalidVersion', `semver("v1.0")`, { errorMatch: /No Major.Minor.Patch elements found/ }],
  ['isSemver', `isSemver("1.2.3-beta.1+build.1")`, T],
  ['isSemver_empty_false', `isSemver("")`, F],
  ['isSemver_v_prefix_false', `isSemver("v1.0.0")`, F],
  ['isSemver_v_leading_whitespace_false', `isSemver(" 1.0.0")`, F],
  ['isSemver_v_contains_whitespace_false', `isSemver("1. 0.0")`, F],
  ['isSemver_v_trailing_whitespace_false', `isSemver("1.0.0 ")`, F],
  ['isSemver_leading_zeros_false', `isSemver("01.01.01")`, F],
  ['isSemver_major_only_false', `isSemver("1")`, F],
  ['isSemver_major_minor_only_false', `isSemver("1.1")`, F],
  ['isSemver_empty_normalize_false', `isSemver("", true)`, F],
  ['isSemver_v_leading_whitespace_normalize_false', `isSemver(" 1.0.0", true)`, F],
  ['isSemver_v_contains_whitespace_normalize_false', `isSemver("1. 0.0", true)`, F],
  ['isSemver_v_trailing_whitespace_normalize_false', `isSemver("1.0.0 ", true)`, F],
  ['isSemver_v_prefix_normalize_true', `isSemver("v1.0.0", true)`, T],
  ['isSemver_leading_zeros_normalize_true', `isSemver("01.01.01", true)`, T],
  ['isSemver_major_only_normalize_true', `isSemver("1", true)`, T],
  ['isSemver_major_minor_only_normalize_true', `isSemver("1.1", true)`, T],
  ['isSemver_noOverload', `isSemver([1, 2, 3])`, { compileMatch: /found no matching overload for 'isSemver' applied to.*/ }],
  ['equality_normalize', `semver("v01.01", true) == semver("1.1.0")`, T],
  ['equality_reflexivity', `semver("1.2.3") == semver("1.2.3")`, T],
  ['inequality', `semver("1.2.3") == semver("1.0.0")`, F],
  ['semver_less', `semver("1.0.0").isLessThan(semver("1.2.3"))`, T],
  ['semver_less_false', `semver("1.0.0").isLessThan(semver("1.0.0"))`, F],
  ['semver_greater', `semver("1.2.3").isGreaterThan(semver("1.0.0"))`, T],
  ['semver_greater_false', `semver("1.0.0").isGreaterThan(semver("1.0.0"))`, F],
  ['compare_equal', `semver("1.2.3").compareTo(semver("1.2.3"))`, { value: 0n }],
  ['compare_less', `semver("1.0.0").compareTo(semver("1.2.3"))`, { value: -1n }],
  ['compare_greater', `semver("1.2.3").compareTo(semver("1.0.0"))`, { value: 1n }],
  ['major', `semver("1.2.3").major()`, { value: 1n }],
  ['minor', `semver("1.2.3").minor()`, { value: 2n }],
  ['patch', `semver("1.2.3").patch()`, { value: 3n }],
];

describe('TestSemver', () => {
  for (const [name, expr, want] of cases) it(name, () => check(expr, want));
});
