// Logical operators, the conditional and equality (cel-go common/stdlib/standard.go).
// `_?_:_`, `_&&_`, `_||_` and `@not_strictly_false` are non-strict and evaluated specially by the
// interpreter; the implementations below give the same answers for already-evaluated operands.
import type { FunctionDecl } from '../decls.js';
import { T } from '../types.js';
import { CelError, type CelValue } from '../values.js';
import { A, fn, global, type Impl } from './build.js';
import { minSizeCost, zeroCost } from './costs.js';
import { celEquals, celEqualsOrError } from './equality.js';
import { noSuchOverload } from './helpers.js';

/** `a && b` with operands already evaluated: false wins over errors; otherwise the first error. */
export function logicalAnd(l: CelValue, r: CelValue): CelValue {
  if (l === false || r === false) return false;
  if (l === true && r === true) return true;
  if (l !== true) return l instanceof CelError ? l : noSuchOverload(l);
  return r instanceof CelError ? r : noSuchOverload(r);
}

/** `a || b` with operands already evaluated: true wins over errors; otherwise the first error. */
export function logicalOr(l: CelValue, r: CelValue): CelValue {
  if (l === true || r === true) return true;
  if (l === false && r === false) return false;
  if (l !== false) return l instanceof CelError ? l : noSuchOverload(l);
  return r instanceof CelError ? r : noSuchOverload(r);
}

const andImpl: Impl = (a) => logicalAnd(a[0], a[1]);
const orImpl: Impl = (a) => logicalOr(a[0], a[1]);
const condImpl: Impl = (a) => {
  if (a[0] === true) return a[1];
  if (a[0] === false) return a[2];
  return a[0] instanceof CelError ? a[0] : noSuchOverload(a[0]);
};
const notImpl: Impl = (a) => (typeof a[0] === 'boolean' ? !a[0] : noSuchOverload(a[0]));
/** Comprehension loop condition: anything but `false` keeps the loop going. */
const notStrictlyFalseImpl: Impl = (a) => (typeof a[0] === 'boolean' ? a[0] : true);
const eqImpl: Impl = (a) => {
  if (a[0] instanceof CelError) return a[0];
  if (a[1] instanceof CelError) return a[1];
  return celEqualsOrError(a[0], a[1]);
};
const neImpl: Impl = (a) => {
  if (a[0] instanceof CelError) return a[0];
  if (a[1] instanceof CelError) return a[1];
  // evalNe: Equal(...) != True, never an error
  return !celEquals(a[0], a[1]);
};

export function logicFunctions(): FunctionDecl[] {
  const tp = { typeParams: ['A'] } as const;
  return [
    fn('_?_:_', [global('conditional', [T.bool, A, A], A, { impl: condImpl, nonStrict: true, cost: zeroCost, ...tp })]),
    fn('_&&_', [global('logical_and', [T.bool, T.bool], T.bool, { impl: andImpl, nonStrict: true, cost: zeroCost })]),
    fn('_||_', [global('logical_or', [T.bool, T.bool], T.bool, { impl: orImpl, nonStrict: true, cost: zeroCost })]),
    fn('!_', [global('logical_not', [T.bool], T.bool, { impl: notImpl })]),
    fn('@not_strictly_false', [
      global('not_strictly_false', [T.bool], T.bool, { impl: notStrictlyFalseImpl, nonStrict: true }),
    ]),
    fn('_==_', [global('equals', [A, A], T.bool, { impl: eqImpl, cost: minSizeCost, ...tp })]),
    fn('_!=_', [global('not_equals', [A, A], T.bool, { impl: neImpl, cost: minSizeCost, ...tp })]),
  ];
}
