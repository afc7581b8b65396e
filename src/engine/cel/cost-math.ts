// Saturating uint64 arithmetic of cel-go's checker/cost.go and the cost constants of
// common/cost.go, on JS numbers: shared by the checker, the interpreter and every library's
// OverloadCost. MAX stands for math.MaxUint64 (as a double, which is how it also prints).
import type { CallEstimateInput, CostEstimate, SizeEstimate } from './decls.js';

export const MAX = 2 ** 64;

export type Est = { min: number; max: number };

export const fixed = (n: number): Est => ({ min: n, max: n });
export const unknownSize = (): Est => ({ min: 0, max: MAX });
export const UNKNOWN_SIZE: SizeEstimate = { min: 0, max: MAX };

/** The size estimate of argument `i` (the receiver first), unknown when absent. */
export function sizeAt(input: CallEstimateInput, i: number): SizeEstimate {
  return input.args[i]?.size ?? UNKNOWN_SIZE;
}

export function addSat(x: number, y: number): number {
  return y > 0 && x > MAX - y ? MAX : Math.min(MAX, x + y);
}

export function mulSat(x: number, y: number): number {
  if (y !== 0 && x > MAX / y) return MAX;
  return Math.min(MAX, x * y);
}

/** cel-go multiplyByCostFactor: ceil(x * factor), saturating. */
export function mulFactor(x: number, factor: number): number {
  if (x > 0 && factor > 0 && x > MAX / factor) return MAX;
  const c = Math.ceil(x * factor);
  return c >= MAX ? MAX : c;
}

export const add = (a: Est, b: Est): Est => ({ min: addSat(a.min, b.min), max: addSat(a.max, b.max) });
export const mul = (a: Est, b: Est): Est => ({ min: mulSat(a.min, b.min), max: mulSat(a.max, b.max) });
export const byFactor = (a: Est, f: number): Est => ({ min: mulFactor(a.min, f), max: mulFactor(a.max, f) });
export const union = (a: Est, b: Est): Est => ({ min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) });

export const toEstimate = (e: Est): CostEstimate & SizeEstimate => ({ min: e.min, max: e.max });

// common/cost.go
export const SELECT_AND_IDENT_COST = 1;
export const CONST_COST = 0;
export const LIST_CREATE_BASE_COST = 10;
export const MAP_CREATE_BASE_COST = 30;
export const STRUCT_CREATE_BASE_COST = 40;
export const STRING_TRAVERSAL_COST_FACTOR = 0.1;
export const REGEX_STRING_LENGTH_COST_FACTOR = 0.25;
