// ext sets (cel-go v0.26.0 ext/sets.go), Kubernetes 1.29+. Cases ported from ext/sets_test.go;
// mixed-type literals that Kubernetes' homogeneous-literal check rejects are built with dyn().
import { describe, expect, it } from 'vitest';
import { compileError, value } from './eval-helper.js';
import { setsContains, setsEquivalent, setsIntersects } from '../../../../src/engine/cel/ext/sets.js';
import { CelUint } from '../../../../src/engine/cel/values.js';

const TRUE_EXPRS = [
  `sets.contains([], [])`,
  `sets.contains([1], [])`,
  `sets.contains([1], [1])`,
  `sets.contains([1], [1, 1])`,
  `sets.contains([1, 1], [1])`,
  `sets.contains([2, 1], [1])`,
  `sets.contains([1, 2, 3, 4], [2, 3])`,
  `sets.contains([1], [dyn(1.0), dyn(1)])`,
  `sets.contains([dyn(1), dyn(2.0), dyn(3u)], [dyn(1.0), dyn(2u), dyn(3)])`,
  `!sets.contains([1], [2])`,
  `!sets.contains([1], [1, 2])`,
  `!sets.contains([dyn(1)], [dyn("1"), dyn(1)])`,
  `sets.equivalent([], [])`,
  `sets.equivalent([1], [1])`,
  `sets.equivalent([1], [1, 1])`,
  `sets.equivalent([1, 1], [1])`,
  `sets.equivalent([dyn(1)], [dyn(1u), dyn(1.0)])`,
  `!sets.equivalent([2, 1], [1])`,
  `!sets.equivalent([1], [1, 2])`,
  `sets.intersects([1], [1])`,
  `sets.intersects([1], [1, 1])`,
  `sets.intersects([1, 1], [1])`,
  `sets.intersects([2, 1], [1])`,
  `sets.intersects([1], [1, 2])`,
  `!sets.intersects([], [])`,
  `!sets.intersects([1], [])`,
  `!sets.intersects([1], [2])`,
];

describe('ext sets (cel-go sets_test.go)', () => {
  for (const src of TRUE_EXPRS) it(src, () => expect(value(src)).toBe(true));
  it('nested lists use heterogeneous equality', () => {
    expect(setsContains([[1n], [2n, 3n]], [[2n, 3.0]])).toBe(true);
    expect(setsEquivalent([[1.0], [2n, 3n]], [[1n], [2n, 3.0]])).toBe(true);
    expect(setsIntersects([[1n], [2n, 3n]], [[1n, 2n], [2n, 3.0]])).toBe(true);
    expect(setsEquivalent([1n, 2n], [new CelUint(1n), 2n, 2.3])).toBe(false);
    expect(setsIntersects([1n], [1.1, new CelUint(2n)])).toBe(false);
  });
  it('no cross-type overload (OBSERVED)', () => {
    expect(compileError(`sets.contains([1, 2], [1.0])`)).toContain(
      "found no matching overload for 'sets.contains' applied to '(list(int), list(double))'",
    );
  });
  it('probe: sets.intersects([1], [2]) is false', () => {
    expect(value(`string(sets.intersects([1], [2]))`)).toBe('false');
  });
});
