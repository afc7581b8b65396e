// Inline answers for the hottest overloads when the operands are of the plain expected kinds
// (string concatenation, equality of scalars, logical not). They give exactly what the standard
// library's implementation and cel-go's cost table give; anything else goes the ordinary way.
import type { CelValue } from '../values.js';
import { actualSize } from './dispatch.js';
import type { Frame } from './frame.js';

/** Returns the answer, or undefined to fall back to the library implementation. */
export type FastBinary = (f: Frame, a: CelValue, b: CelValue) => CelValue | undefined;
export type FastUnary = (f: Frame, a: CelValue) => CelValue | undefined;

const TRAVERSAL = 0.1;

function scalar(a: CelValue): boolean {
  const t = typeof a;
  return t === 'string' || t === 'bigint' || t === 'boolean';
}

const equalsCost = (a: CelValue, b: CelValue): number => {
  if (typeof a === 'string' && typeof b === 'string') return Math.ceil(Math.min(actualSize(a), actualSize(b)) * TRAVERSAL);
  return 1; // ceil(min(1, 1) * 0.1): scalars have size 1
};

export const FAST_BINARY: Readonly<Record<string, FastBinary>> = {
  add_string: (f, a, b) => {
    if (typeof a !== 'string' || typeof b !== 'string') return undefined;
    // `"/a/" + x + "/b"`: the left operand is usually the previous concatenation, whose size is known.
    const size = (a === f.lastConcat ? f.lastConcatSize : actualSize(a)) + actualSize(b);
    f.cost += Math.ceil(size * TRAVERSAL);
    const r = a + b;
    f.lastConcat = r;
    f.lastConcatSize = size;
    return r;
  },
  equals: (f, a, b) => {
    // Same-kind scalars only: mixed numeric kinds and aggregates need heterogeneous equality.
    if (typeof a !== typeof b || !scalar(a)) return undefined;
    f.cost += equalsCost(a, b);
    return a === b;
  },
  not_equals: (f, a, b) => {
    if (typeof a !== typeof b || !scalar(a)) return undefined;
    f.cost += equalsCost(a, b);
    return a !== b;
  },
};

export const FAST_UNARY: Readonly<Record<string, FastUnary>> = {
  logical_not: (f, a) => {
    if (typeof a !== 'boolean') return undefined;
    f.cost += 1;
    return !a;
  },
};
