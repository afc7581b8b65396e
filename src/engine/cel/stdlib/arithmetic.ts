// Arithmetic operators `_+_ _-_ _*_ _/_ _%_ -_` (cel-go common/stdlib/standard.go; semantics of
// common/types/{int,uint,double,string,bytes,list,timestamp,duration}.go and overflow.go).
// Each function is a cel-go singleton: all its overloads share one implementation that dispatches
// on the runtime operands.
import type { FunctionDecl } from '../decls.js';
import { T } from '../types.js';
import { CelError, CelUint, Duration, Timestamp, UINT64_MAX, concatenated, type CelValue } from '../values.js';
import { fn, global, listA, type Impl } from './build.js';
import { concatCost } from './costs.js';
import { singleton } from './dispatch.js';
import { noSuchOverload } from './helpers.js';
import { addTimestampDuration, checkedInt, subtractTimestampDuration, subtractTimestamps } from './timecore.js';

const uintOverflow = () => new CelError('unsigned integer overflow');

function checkedUint(v: bigint): CelUint | CelError {
  return v < 0n || v > UINT64_MAX ? uintOverflow() : new CelUint(v);
}

export function add(l: CelValue, r: CelValue): CelValue {
  if (typeof l === 'bigint') return typeof r === 'bigint' ? checkedInt(l + r) : noSuchOverload(r);
  if (typeof l === 'number') return typeof r === 'number' ? l + r : noSuchOverload(r);
  if (typeof l === 'string') return typeof r === 'string' ? l + r : noSuchOverload(r);
  if (l instanceof CelUint) return r instanceof CelUint ? checkedUint(l.value + r.value) : noSuchOverload(r);
  if (l instanceof Uint8Array) {
    if (!(r instanceof Uint8Array)) return noSuchOverload(r);
    const out = new Uint8Array(l.length + r.length);
    out.set(l, 0);
    out.set(r, l.length);
    return out;
  }
  if (Array.isArray(l)) {
    if (!Array.isArray(r)) return noSuchOverload(r);
    if (l.length === 0) return r;
    if (r.length === 0) return l;
    return concatenated([...l, ...r]);
  }
  if (l instanceof Timestamp) return r instanceof Duration ? addTimestampDuration(l, r.nanos) : noSuchOverload(r);
  if (l instanceof Duration) {
    if (r instanceof Duration) {
      const v = checkedInt(l.nanos + r.nanos);
      return v instanceof CelError ? v : new Duration(v);
    }
    if (r instanceof Timestamp) return addTimestampDuration(r, l.nanos);
    return noSuchOverload(r);
  }
  return noSuchOverload(l);
}

export function subtract(l: CelValue, r: CelValue): CelValue {
  if (typeof l === 'bigint') return typeof r === 'bigint' ? checkedInt(l - r) : noSuchOverload(r);
  if (typeof l === 'number') return typeof r === 'number' ? l - r : noSuchOverload(r);
  if (l instanceof CelUint) return r instanceof CelUint ? checkedUint(l.value - r.value) : noSuchOverload(r);
  if (l instanceof Timestamp) {
    if (r instanceof Duration) return subtractTimestampDuration(l, r.nanos);
    if (r instanceof Timestamp) return subtractTimestamps(l, r);
    return noSuchOverload(r);
  }
  if (l instanceof Duration) {
    if (!(r instanceof Duration)) return noSuchOverload(r);
    const v = checkedInt(l.nanos - r.nanos);
    return v instanceof CelError ? v : new Duration(v);
  }
  return noSuchOverload(l);
}

export function multiply(l: CelValue, r: CelValue): CelValue {
  if (typeof l === 'bigint') return typeof r === 'bigint' ? checkedInt(l * r) : noSuchOverload(r);
  if (typeof l === 'number') return typeof r === 'number' ? l * r : noSuchOverload(r);
  if (l instanceof CelUint) return r instanceof CelUint ? checkedUint(l.value * r.value) : noSuchOverload(r);
  return noSuchOverload(l);
}

export function divide(l: CelValue, r: CelValue): CelValue {
  if (typeof l === 'bigint') {
    if (typeof r !== 'bigint') return noSuchOverload(r);
    if (r === 0n) return new CelError('division by zero');
    return checkedInt(l / r); // MinInt64 / -1 is the only overflow
  }
  if (typeof l === 'number') return typeof r === 'number' ? l / r : noSuchOverload(r);
  if (l instanceof CelUint) {
    if (!(r instanceof CelUint)) return noSuchOverload(r);
    if (r.value === 0n) return new CelError('division by zero');
    return new CelUint(l.value / r.value);
  }
  return noSuchOverload(l);
}

export function modulo(l: CelValue, r: CelValue): CelValue {
  if (typeof l === 'bigint') {
    if (typeof r !== 'bigint') return noSuchOverload(r);
    if (r === 0n) return new CelError('modulus by zero');
    if (r === -1n && l === -(2n ** 63n)) return new CelError('integer overflow');
    return l % r; // truncated remainder (sign of the dividend), like Go
  }
  if (l instanceof CelUint) {
    if (!(r instanceof CelUint)) return noSuchOverload(r);
    if (r.value === 0n) return new CelError('modulus by zero');
    return new CelUint(l.value % r.value);
  }
  return noSuchOverload(l);
}

export function negate(v: CelValue): CelValue {
  if (typeof v === 'bigint') return checkedInt(-v);
  if (typeof v === 'number') return -v;
  if (v instanceof Duration) {
    const n = checkedInt(-v.nanos);
    return n instanceof CelError ? n : new Duration(n);
  }
  return noSuchOverload(v); // bool has the negator trait but `-true` is `no such overload`
}

const addImpl: Impl = singleton('_+_', 'adder', (a) => add(a[0], a[1]));
const subImpl: Impl = singleton('_-_', 'subtractor', (a) => subtract(a[0], a[1]));
const mulImpl: Impl = singleton('_*_', 'multiplier', (a) => multiply(a[0], a[1]));
const divImpl: Impl = singleton('_/_', 'divider', (a) => divide(a[0], a[1]));
const modImpl: Impl = singleton('_%_', 'modder', (a) => modulo(a[0], a[1]));
const negImpl: Impl = singleton('-_', 'negator', (a) => negate(a[0]));

const { int, uint, double, string, bytes, timestamp, duration } = T;

export function arithmeticFunctions(): FunctionDecl[] {
  const A = { typeParams: ['A'] } as const;
  return [
    fn('_+_', [
      global('add_bytes', [bytes, bytes], bytes, { impl: addImpl, cost: concatCost(false) }),
      global('add_double', [double, double], double, { impl: addImpl }),
      global('add_duration_duration', [duration, duration], duration, { impl: addImpl }),
      global('add_duration_timestamp', [duration, timestamp], timestamp, { impl: addImpl }),
      global('add_timestamp_duration', [timestamp, duration], timestamp, { impl: addImpl }),
      global('add_int64', [int, int], int, { impl: addImpl }),
      global('add_list', [listA, listA], listA, { impl: addImpl, cost: concatCost(true), ...A }),
      global('add_string', [string, string], string, { impl: addImpl, cost: concatCost(false) }),
      global('add_uint64', [uint, uint], uint, { impl: addImpl }),
    ]),
    fn('_/_', [
      global('divide_double', [double, double], double, { impl: divImpl }),
      global('divide_int64', [int, int], int, { impl: divImpl }),
      global('divide_uint64', [uint, uint], uint, { impl: divImpl }),
    ]),
    fn('_%_', [
      global('modulo_int64', [int, int], int, { impl: modImpl }),
      global('modulo_uint64', [uint, uint], uint, { impl: modImpl }),
    ]),
    fn('_*_', [
      global('multiply_double', [double, double], double, { impl: mulImpl }),
      global('multiply_int64', [int, int], int, { impl: mulImpl }),
      global('multiply_uint64', [uint, uint], uint, { impl: mulImpl }),
    ]),
    fn('-_', [
      global('negate_double', [double], double, { impl: negImpl }),
      global('negate_int64', [int], int, { impl: negImpl }),
    ]),
    fn('_-_', [
      global('subtract_double', [double, double], double, { impl: subImpl }),
      global('subtract_duration_duration', [duration, duration], duration, { impl: subImpl }),
      global('subtract_int64', [int, int], int, { impl: subImpl }),
      global('subtract_timestamp_duration', [timestamp, duration], timestamp, { impl: subImpl }),
      global('subtract_timestamp_timestamp', [timestamp, timestamp], duration, { impl: subImpl }),
      global('subtract_uint64', [uint, uint], uint, { impl: subImpl }),
    ]),
  ];
}
