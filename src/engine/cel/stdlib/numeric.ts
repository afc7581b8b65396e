// Cross-type numeric comparison, as cel-go common/types/compare.go defines it: int and uint
// compare exactly; a double compares with an int or uint after converting the integer to a
// double (so 9007199254740993 == 9007199254740992.0), with out-of-range doubles ordered first.
import { CelUint } from '../values.js';

const TWO_63 = 9223372036854775808; // float64(math.MaxInt64) and -float64(math.MinInt64)
const TWO_64 = 18446744073709551616; // float64(math.MaxUint64)

/** -1, 0, 1; callers handle NaN before calling. */
export function compareDouble(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDoubleInt(d: number, i: bigint): number {
  if (d < -TWO_63) return -1;
  if (d > TWO_63) return 1;
  return compareDouble(d, Number(i));
}

export function compareDoubleUint(d: number, u: bigint): number {
  if (d < 0) return -1;
  if (d > TWO_64) return 1;
  return compareDouble(d, Number(u));
}

export function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A numeric value's kind, or undefined for non-numbers. */
export type Num = { k: 'int'; v: bigint } | { k: 'uint'; v: bigint } | { k: 'double'; v: number };

export function asNum(x: unknown): Num | undefined {
  if (typeof x === 'bigint') return { k: 'int', v: x };
  if (typeof x === 'number') return { k: 'double', v: x };
  if (x instanceof CelUint) return { k: 'uint', v: x.value };
  return undefined;
}

/** Compares two numbers of any numeric kinds; NaN gives undefined. */
export function compareNum(a: Num, b: Num): number | undefined {
  if (a.k === 'double') {
    if (Number.isNaN(a.v)) return undefined;
    if (b.k === 'double') return Number.isNaN(b.v) ? undefined : compareDouble(a.v, b.v);
    return b.k === 'int' ? compareDoubleInt(a.v, b.v) : compareDoubleUint(a.v, b.v);
  }
  if (b.k === 'double') {
    if (Number.isNaN(b.v)) return undefined;
    const c = a.k === 'int' ? compareDoubleInt(b.v, a.v) : compareDoubleUint(b.v, a.v);
    return c === 0 ? 0 : -c;
  }
  // int/uint mixes compare exactly as mathematical integers
  return compareBig(a.v, b.v);
}
