// The state of one evaluation: variables, comprehension slots, the running cost and its limit.
import type { Range } from '../ast.js';
import type { CallContext } from '../decls.js';
import type { CelValue } from '../values.js';

/** Looks a variable up; undefined when the activation does not bind it. */
export type Lookup = (name: string) => CelValue | undefined;

/** Thrown (and caught by the program) when the cost limit is passed: cel-go panics the same way. */
export class CostLimitExceeded {
  static readonly instance = new CostLimitExceeded();
}

export class Frame {
  /** comprehension variables, by slot number assigned at plan time */
  readonly slots: CelValue[];
  /** per accumulator slot: the list the running comprehension built itself and may append to in place */
  readonly owned: unknown[];
  cost = 0;
  /** the last string built by concatenation and its code point count (saves re-scanning ropes) */
  lastConcat = '';
  lastConcatSize = 0;
  constructor(
    readonly lookup: Lookup,
    slotCount: number,
    readonly limit: number,
    readonly ctx: CallContext,
    readonly observe: ((exprId: number, range: Range, value: CelValue) => void) | undefined,
  ) {
    this.slots = new Array<CelValue>(slotCount).fill(null);
    this.owned = new Array<unknown>(slotCount).fill(undefined);
  }
}

/** Adds cost and stops the evaluation once the limit is passed. */
export function charge(f: Frame, amount: number): void {
  f.cost += amount;
  if (f.cost > f.limit) throw CostLimitExceeded.instance;
}

/** A planned expression. */
export type Closure = (f: Frame) => CelValue;
