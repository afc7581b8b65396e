// Inline answers for the hottest overloads when the operands are of the plain expected kinds
// (string concatenation, equality of scalars, logical not). They give exactly what the standard
// library's implementation and cel-go's cost table give; anything else goes the ordinary way.
import type { CelValue } from '../values.js';
import { actualSize } from '../stdlib/costs.js';
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

export const FAST_BINARY: Record<string, FastBinary> = {
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

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A comparison of two ints (cost 1). */
function intCompare(test: (a: bigint, b: bigint) => boolean): FastBinary {
  return (f, a, b) => {
    if (typeof a !== 'bigint' || typeof b !== 'bigint') return undefined;
    f.cost += 1;
    return test(a, b);
  };
}

/** Int arithmetic (cost 1); an overflow goes to the library for its error. */
function intArith(op: (a: bigint, b: bigint) => bigint): FastBinary {
  return (f, a, b) => {
    if (typeof a !== 'bigint' || typeof b !== 'bigint') return undefined;
    const r = op(a, b);
    if (r < INT64_MIN || r > INT64_MAX) return undefined;
    f.cost += 1;
    return r;
  };
}

/** `s.startsWith(t)` and `s.endsWith(t)`: cel-go charges a traversal of the receiver. */
function stringAffix(test: (s: string, t: string) => boolean): FastBinary {
  return (f, a, b) => {
    if (typeof a !== 'string' || typeof b !== 'string') return undefined;
    f.cost += Math.ceil(actualSize(a) * TRAVERSAL);
    return test(a, b);
  };
}

Object.assign(FAST_BINARY, {
  less_int64: intCompare((a, b) => a < b),
  less_equals_int64: intCompare((a, b) => a <= b),
  greater_int64: intCompare((a, b) => a > b),
  greater_equals_int64: intCompare((a, b) => a >= b),
  add_int64: intArith((a, b) => a + b),
  subtract_int64: intArith((a, b) => a - b),
  starts_with_string: stringAffix((s, t) => s.startsWith(t)),
  ends_with_string: stringAffix((s, t) => s.endsWith(t)),
  contains_string: ((f, a, b) => {
    if (typeof a !== 'string' || typeof b !== 'string') return undefined;
    f.cost += Math.ceil(actualSize(a) * TRAVERSAL) * Math.ceil(actualSize(b) * TRAVERSAL);
    return a.includes(b);
  }) satisfies FastBinary,
});

export const FAST_UNARY: Readonly<Record<string, FastUnary>> = {
  logical_not: (f, a) => {
    if (typeof a !== 'boolean') return undefined;
    f.cost += 1;
    return !a;
  },
};
