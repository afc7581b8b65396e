// Cost model of the standard functions: cel-go interpreter/runtimecost.go (CostTracker.costCall,
// actualSize) for the runtime cost and checker/cost.go (coster.functionCost) for the static
// estimate. Estimates here are the call's own cost (argument costs are added by the checker).
import { CelMap, isJsonObject, isOptional, type CelValue } from '../values.js';
import type { CallEstimate, OverloadCost, SizeEstimate } from '../decls.js';
import { MAX, REGEX_STRING_LENGTH_COST_FACTOR, STRING_TRAVERSAL_COST_FACTOR, add, addSat, byFactor, fixed, mul, mulFactor, mulSat, sizeAt } from '../cost-math.js';
import { codePointLength } from './helpers.js';

/** cel-go's actualSize: the size of strings (code points), bytes, lists and maps; 1 otherwise. */
export function actualSize(v: CelValue): number {
  // Runs on every costed call. Short strings: a loop; longer ones: the native surrogate scan
  // (most strings have none).
  if (typeof v === 'string') return v.length < 24 ? codePointLength(v) : SURROGATE.test(v) ? codePointLength(v) : v.length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof Uint8Array) return v.length;
  if (v instanceof CelMap) return v.size;
  if (isOptional(v)) return v.present ? actualSize(v.value as CelValue) : 1;
  if (isJsonObject(v)) return Object.keys(v).length;
  return 1;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** O(n) in the size of argument `i` (startsWith, endsWith, bytes(string), string(bytes)). */
export function traversalCost(runtimeArg: number, estimateArg: number, resultSize?: (s: SizeEstimate) => SizeEstimate): OverloadCost {
  return {
    runtime: (args) => mulFactor(actualSize(args[runtimeArg]), STRING_TRAVERSAL_COST_FACTOR),
    estimate: (input) => {
      const s = sizeAt(input, estimateArg);
      const r: CallEstimate = { cost: byFactor(s, STRING_TRAVERSAL_COST_FACTOR) };
      return resultSize ? { ...r, resultSize: resultSize(s) } : r;
    },
  };
}

/** `@in` on a list: O(list size). */
export const inListCost: OverloadCost = {
  runtime: (args) => actualSize(args[1]),
  estimate: (input) => ({ cost: byFactor(sizeAt(input, 1), 1) }),
};

/** O(min(m, n)): ordering of strings and bytes, `==`, `!=`. */
export const minSizeCost: OverloadCost = {
  runtime: (args) => mulFactor(Math.min(actualSize(args[0]), actualSize(args[1])), STRING_TRAVERSAL_COST_FACTOR),
  estimate: (input) => {
    const l = sizeAt(input, 0);
    const r = sizeAt(input, 1);
    const smallestMax = Math.min(l.max, r.max);
    const min = smallestMax > 0 ? 1 : 0;
    return { cost: byFactor({ min, max: smallestMax }, STRING_TRAVERSAL_COST_FACTOR) };
  },
};

/** String and bytes concatenation: O(m + n); list concatenation costs 1. Result size is the sum. */
export function concatCost(isList: boolean): OverloadCost {
  return {
    runtime: (args) =>
      isList ? 1 : mulFactor(actualSize(args[0]) + actualSize(args[1]), STRING_TRAVERSAL_COST_FACTOR),
    estimate: (input) => {
      const l = sizeAt(input, 0);
      const r = sizeAt(input, 1);
      const size = add(l, r);
      return isList ? { cost: fixed(1), resultSize: size } : { cost: byFactor(size, STRING_TRAVERSAL_COST_FACTOR), resultSize: size };
    },
  };
}

/** `s.matches(re)` (member overload `matches_string` only; the global `matches` costs 1 in cel-go). */
export const matchesCost: OverloadCost = {
  runtime: (args) => {
    const strCost = mulFactor(1 + actualSize(args[0]), STRING_TRAVERSAL_COST_FACTOR);
    const reCost = mulFactor(actualSize(args[1]), REGEX_STRING_LENGTH_COST_FACTOR);
    return mulSat(strCost, reCost);
  },
  estimate: (input) => {
    const s = sizeAt(input, 0);
    const strCost = byFactor(add(s, fixed(1)), STRING_TRAVERSAL_COST_FACTOR);
    const reCost = byFactor(sizeAt(input, 1), REGEX_STRING_LENGTH_COST_FACTOR);
    return { cost: mul(strCost, reCost) };
  },
};

/** `s.contains(sub)`: O(n * m). */
export const containsCost: OverloadCost = {
  runtime: (args) =>
    mulSat(
      mulFactor(actualSize(args[0]), STRING_TRAVERSAL_COST_FACTOR),
      mulFactor(actualSize(args[1]), STRING_TRAVERSAL_COST_FACTOR),
    ),
  estimate: (input) => {
    const a = byFactor(sizeAt(input, 0), STRING_TRAVERSAL_COST_FACTOR);
    const b = byFactor(sizeAt(input, 1), STRING_TRAVERSAL_COST_FACTOR);
    return { cost: mul(a, b) };
  },
};

/** `&&`, `||`, `_?_:_` cost nothing themselves (the checker sums the branches specially). */
export const zeroCost: OverloadCost = {
  runtime: () => 0,
  estimate: () => ({ cost: fixed(0) }),
};

/** bytes(string): up to 4 bytes a code point. */
export const stringToBytesCost = traversalCost(0, 0, (s) => ({ min: s.min, max: Math.min(MAX, s.max * 4) }));
/** string(bytes): at least a code point per 4 bytes. */
export const bytesToStringCost = traversalCost(0, 0, (s) => ({ min: Math.floor(s.min / 4), max: s.max }));

/** strings.quote(s) (ext strings): O(n); the result adds quotes and at most doubles. */
export const quoteCost: OverloadCost = {
  runtime: (args) => mulFactor(actualSize(args[0]), STRING_TRAVERSAL_COST_FACTOR),
  estimate: (input) => {
    const sz = sizeAt(input, 0);
    return {
      cost: byFactor(sz, STRING_TRAVERSAL_COST_FACTOR),
      resultSize: { min: addSat(sz.min, 2), max: addSat(mulSat(sz.max, 2), 2) },
    };
  },
};

/** s.format(args) (ext strings): O(size of the format string). */
export const formatCost: OverloadCost = {
  runtime: (args) => mulFactor(actualSize(args[0]), STRING_TRAVERSAL_COST_FACTOR),
  estimate: (input) => ({ cost: byFactor(sizeAt(input, 0), STRING_TRAVERSAL_COST_FACTOR) }),
};

const COMPARISON_IDS = [
  'less_string',
  'greater_string',
  'less_equals_string',
  'greater_equals_string',
  'less_bytes',
  'greater_bytes',
  'less_equals_bytes',
  'greater_equals_bytes',
  'equals',
  'not_equals',
];

/**
 * The overload ids whose cost cel-go computes itself (checker/cost.go functionCost and
 * interpreter/runtimecost.go costCall), whatever cost the declaring library gives them.
 */
export const BUILTIN_COSTS: ReadonlyMap<string, OverloadCost> = new Map<string, OverloadCost>([
  ['starts_with_string', traversalCost(0, 1)],
  ['ends_with_string', traversalCost(0, 1)],
  ['string_to_bytes', stringToBytesCost],
  ['bytes_to_string', bytesToStringCost],
  ['strings_quote', quoteCost],
  ['string_format', formatCost],
  ['in_list', inListCost],
  ...COMPARISON_IDS.map((id): [string, OverloadCost] => [id, minSizeCost]),
  ['add_string', concatCost(false)],
  ['add_bytes', concatCost(false)],
  ['add_list', concatCost(true)],
  ['matches_string', matchesCost],
  ['contains_string', containsCost],
]);
