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

export type Observer = (exprId: number, range: Range, value: CelValue) => void;

/** One evaluation's state. A program keeps one spare frame and reuses it (see reset). */
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
    public lookup: Lookup,
    slotCount: number,
    public limit: number,
    readonly ctx: CallContext,
    public observe: Observer | undefined,
  ) {
    this.slots = new Array<CelValue>(slotCount).fill(null);
    this.owned = new Array<unknown>(slotCount).fill(undefined);
  }

  /** Prepares a used frame for another evaluation. */
  reset(lookup: Lookup, limit: number, observe: Observer | undefined): void {
    this.lookup = lookup;
    this.limit = limit;
    this.observe = observe;
    this.cost = 0;
    this.lastConcat = '';
    this.lastConcatSize = 0;
  }

  /** Drops what the evaluation left behind (values would otherwise stay reachable). */
  clear(): void {
    const n = this.slots.length;
    for (let i = 0; i < n; i++) {
      this.slots[i] = null;
      this.owned[i] = undefined;
    }
    this.lastConcat = '';
  }
}

/** Adds cost and stops the evaluation once the limit is passed. */
export function charge(f: Frame, amount: number): void {
  f.cost += amount;
  if (f.cost > f.limit) throw CostLimitExceeded.instance;
}

/** A planned expression. */
export type Closure = (f: Frame) => CelValue;
