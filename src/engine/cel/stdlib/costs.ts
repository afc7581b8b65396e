// Cost model of the standard functions: cel-go interpreter/runtimecost.go (CostTracker.costCall,
// actualSize) for the runtime cost and checker/cost.go (coster.functionCost) for the static
// estimate. Estimates here are the call's own cost (argument costs are added by the checker).
// Factors from cel-go common/cost.go: StringTraversalCostFactor 0.1, RegexStringLengthCostFactor 0.25.
import { CelMap, Optional, isJsonObject, mapSize, type CelValue } from '../values.js';
import type { CallEstimate, CallEstimateInput, CostEstimate, OverloadCost, SizeEstimate } from '../decls.js';
import { codePointLength } from './helpers.js';

export const STRING_TRAVERSAL_COST_FACTOR = 0.1;
export const REGEX_STRING_LENGTH_COST_FACTOR = 0.25;
/** math.MaxUint64 as a number (saturation bound of cel-go's cost arithmetic). */
export const MAX_COST = 18446744073709551615;

export function addSat(x: number, y: number): number {
  const r = x + y;
  return r >= MAX_COST ? MAX_COST : r;
}

export function mulSat(x: number, y: number): number {
  if (y !== 0 && x > MAX_COST / y) return MAX_COST;
  const r = x * y;
  return r >= MAX_COST ? MAX_COST : r;
}

/** cel-go's multiplyByCostFactor: ceil(x * f), saturating. */
export function byFactor(x: number, f: number): number {
  if (x > 0 && f > 0 && x > MAX_COST / f) return MAX_COST;
  const c = Math.ceil(x * f);
  return c >= MAX_COST ? MAX_COST : c;
}

/** cel-go's actualSize: the size of strings (code points), bytes, lists and maps; 1 otherwise. */
export function actualSize(v: CelValue): number {
  if (typeof v === 'string') return codePointLength(v);
  if (v instanceof Uint8Array) return v.length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof CelMap || isJsonObject(v)) return mapSize(v);
  if (v instanceof Optional && v.present) return actualSize(v.value as CelValue);
  return 1;
}

const UNKNOWN_SIZE: SizeEstimate = { min: 0, max: MAX_COST };

export function sizeAt(input: CallEstimateInput, i: number): SizeEstimate {
  return input.args[i]?.size ?? UNKNOWN_SIZE;
}

function sizeByFactor(s: SizeEstimate, f: number): CostEstimate {
  return { min: byFactor(s.min, f), max: byFactor(s.max, f) };
}

function fixed(n: number): CallEstimate {
  return { cost: { min: n, max: n } };
}

/** O(n) in the size of argument `i` (startsWith, endsWith, bytes(string), string(bytes)). */
export function traversalCost(runtimeArg: number, estimateArg: number, resultSize?: (s: SizeEstimate) => SizeEstimate): OverloadCost {
  return {
    runtime: (args) => byFactor(actualSize(args[runtimeArg]), STRING_TRAVERSAL_COST_FACTOR),
    estimate: (input) => {
      const s = sizeAt(input, estimateArg);
      const r: CallEstimate = { cost: sizeByFactor(s, STRING_TRAVERSAL_COST_FACTOR) };
      return resultSize ? { ...r, resultSize: resultSize(s) } : r;
    },
  };
}

/** `@in` on a list: O(list size). */
export const inListCost: OverloadCost = {
  runtime: (args) => actualSize(args[1]),
  estimate: (input) => ({ cost: sizeByFactor(sizeAt(input, 1), 1) }),
};

/** O(min(m, n)): ordering of strings and bytes, `==`, `!=`. */
export const minSizeCost: OverloadCost = {
  runtime: (args) => byFactor(Math.min(actualSize(args[0]), actualSize(args[1])), STRING_TRAVERSAL_COST_FACTOR),
  estimate: (input) => {
    const l = sizeAt(input, 0);
    const r = sizeAt(input, 1);
    const smallestMax = Math.min(l.max, r.max);
    const min = smallestMax > 0 ? 1 : 0;
    return { cost: sizeByFactor({ min, max: smallestMax }, STRING_TRAVERSAL_COST_FACTOR) };
  },
};

/** String and bytes concatenation: O(m + n); list concatenation costs 1. Result size is the sum. */
export function concatCost(isList: boolean): OverloadCost {
  return {
    runtime: (args) =>
      isList ? 1 : byFactor(actualSize(args[0]) + actualSize(args[1]), STRING_TRAVERSAL_COST_FACTOR),
    estimate: (input) => {
      const l = sizeAt(input, 0);
      const r = sizeAt(input, 1);
      const size = { min: addSat(l.min, r.min), max: addSat(l.max, r.max) };
      return isList ? { ...fixed(1), resultSize: size } : { cost: sizeByFactor(size, STRING_TRAVERSAL_COST_FACTOR), resultSize: size };
    },
  };
}

/** `s.matches(re)` (member overload `matches_string` only; the global `matches` costs 1 in cel-go). */
export const matchesCost: OverloadCost = {
  runtime: (args) => {
    const strCost = byFactor(1 + actualSize(args[0]), STRING_TRAVERSAL_COST_FACTOR);
    const reCost = byFactor(actualSize(args[1]), REGEX_STRING_LENGTH_COST_FACTOR);
    return mulSat(strCost, reCost);
  },
  estimate: (input) => {
    const s = sizeAt(input, 0);
    const strCost = sizeByFactor({ min: addSat(s.min, 1), max: addSat(s.max, 1) }, STRING_TRAVERSAL_COST_FACTOR);
    const reCost = sizeByFactor(sizeAt(input, 1), REGEX_STRING_LENGTH_COST_FACTOR);
    return { cost: { min: mulSat(strCost.min, reCost.min), max: mulSat(strCost.max, reCost.max) } };
  },
};

/** `s.contains(sub)`: O(n * m). */
export const containsCost: OverloadCost = {
  runtime: (args) =>
    mulSat(
      byFactor(actualSize(args[0]), STRING_TRAVERSAL_COST_FACTOR),
      byFactor(actualSize(args[1]), STRING_TRAVERSAL_COST_FACTOR),
    ),
  estimate: (input) => {
    const a = sizeByFactor(sizeAt(input, 0), STRING_TRAVERSAL_COST_FACTOR);
    const b = sizeByFactor(sizeAt(input, 1), STRING_TRAVERSAL_COST_FACTOR);
    return { cost: { min: mulSat(a.min, b.min), max: mulSat(a.max, b.max) } };
  },
};

/** `&&`, `||`, `_?_:_` cost nothing themselves (the checker sums the branches specially). */
export const zeroCost: OverloadCost = {
  runtime: () => 0,
  estimate: () => fixed(0),
};
