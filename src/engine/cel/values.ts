// The runtime value model of our CEL interpreter.
//
// One representation is shared with the admission engine's JSON model, so the object under
// review is read by CEL without any conversion:
//   null, boolean, string            as themselves
//   int (int64)                      bigint, always within [-2^63, 2^63-1]
//   double                           number (a JSON number with a fraction or exponent)
//   list                             a JS array (never mutated once built)
//   map with string keys             a plain object (prototype Object.prototype or null);
//                                    always read with Object.hasOwn, never with `in`
// and, for what JSON cannot hold:
//   uint                             CelUint
//   bytes                            Uint8Array
//   map with other keys              CelMap
//   timestamp, duration              Timestamp, Duration
//   type values (`type(1)`, `int`)   TypeValue
//   optional                         Optional
//   messages / objects               StructValue (JSONPatch, Object.…, host-resolved types)
//   host opaque types                OpaqueValue subclasses (Quantity, IP, CIDR, URL, …)
//   errors                           CelError: errors are values, as in cel-go
import type { CelType } from './types.js';
import { isPlainObject, newJsonObject as newObject } from '../json/object.js';

export type JsonObject = { [key: string]: CelValue };

export type CelValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | CelUint
  | Uint8Array
  | readonly CelValue[]
  | JsonObject
  | CelMap
  | Timestamp
  | Duration
  | TypeValue
  | Optional
  | StructValue
  | OpaqueValue
  | CelError;

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
export const UINT64_MAX = 2n ** 64n - 1n;

/** An unsigned 64-bit integer. */
export class CelUint {
  constructor(readonly value: bigint) {}
}

/**
 * An error as a value. Evaluation propagates it like cel-go's types.Err; `exprId` is the id of
 * the expression that raised it, which the program maps to a source range.
 */
export class CelError {
  constructor(
    readonly message: string,
    public exprId?: number,
  ) {}
  toString(): string {
    return this.message;
  }
}

/** A point in time: seconds since the Unix epoch, nanoseconds, and the UTC offset it was written with. */
export class Timestamp {
  constructor(
    readonly seconds: bigint,
    readonly nanos: number,
    /** offset east of UTC in seconds; kept only so that string() prints the zone it was parsed in */
    readonly offsetSeconds: number = 0,
  ) {}
}

/** A signed span of time in nanoseconds (Go time.Duration range). */
export class Duration {
  constructor(readonly nanos: bigint) {}
}

/** A type as a value: the result of `type(x)`, or the identifiers `int`, `string`, `list`, … */
export class TypeValue {
  constructor(readonly type: CelType) {}
}

/** optional(T): `optional.none()` has no value. */
export class Optional {
  private constructor(
    readonly present: boolean,
    readonly value: CelValue | undefined,
  ) {}
  static readonly none = new Optional(false, undefined);
  static of(value: CelValue): Optional {
    return new Optional(true, value);
  }
}

/**
 * The behaviour of a host-resolved struct type (a protobuf message in cel-go): `JSONPatch`,
 * `Object`, `Object.spec.containers`, … Supplied by the environment's type provider.
 */
export interface StructType {
  readonly name: string;
  /** The declared type of a field, or undefined when the type has no such field (`undefined field 'x'`). */
  fieldType(field: string): CelType | undefined;
  /** Builds a value from evaluated fields (`Name{f: v}`); may return a CelError. */
  newValue(fields: ReadonlyMap<string, CelValue>): StructValue | CelError;
}

/** An instance of a StructType. Behaviour of select/has/equality is the type's. */
export abstract class StructValue {
  abstract readonly type: StructType;
  /** Field selection: the value, or a CelError such as `no such key: x`. */
  abstract get(field: string): CelValue;
  /** has(x.f); an error when presence cannot be decided without evaluating (lazy `variables`) */
  abstract has(field: string): boolean | CelError;
  abstract equals(other: StructValue): boolean;
  /** `==` with any value, when it can fail (lazy `variables`: any other value is no overload) */
  celEqualsOrError?(other: CelValue): boolean | CelError;
  /** For optional.ofNonZeroValue: true when no field is set. */
  abstract isZero(): boolean;
}

/** A value of an opaque host type (Quantity, IP, CIDR, URL, Semver, Authorizer, …). */
export abstract class OpaqueValue {
  /** e.g. { kind: 'opaque', name: 'kubernetes.Quantity', params: [] } */
  abstract readonly celType: CelType;
  /** CEL `==` between two values of this type. */
  abstract equals(other: OpaqueValue): boolean;
}

/** A map whose keys are not all strings (int, uint, bool keys; or mixed). */
export class CelMap {
  /** normalized key -> [original key, value] */
  private readonly index = new Map<string | bigint | boolean, [CelValue, CelValue]>();
  constructor(entries: Iterable<readonly [CelValue, CelValue]> = []) {
    for (const [k, v] of entries) this.index.set(normalizeKey(k) as string | bigint | boolean, [k, v]);
  }
  get size(): number {
    return this.index.size;
  }
  get(key: CelValue): CelValue | undefined {
    const n = normalizeKey(key);
    return n === undefined ? undefined : this.index.get(n)?.[1];
  }
  has(key: CelValue): boolean {
    const n = normalizeKey(key);
    return n !== undefined && this.index.has(n);
  }
  *entries(): IterableIterator<[CelValue, CelValue]> {
    for (const e of this.index.values()) yield e;
  }
  *keys(): IterableIterator<CelValue> {
    for (const [k] of this.index.values()) yield k;
  }
}

/**
 * Map keys are int, uint, bool or string; numerically equal int, uint and (integral) double
 * keys address the same entry, as cel-go's heterogeneous lookups do.
 */
function normalizeKey(key: CelValue): string | bigint | boolean | undefined {
  if (typeof key === 'string' || typeof key === 'bigint' || typeof key === 'boolean') return key;
  if (key instanceof CelUint) return key.value;
  if (typeof key === 'number' && Number.isInteger(key)) return BigInt(key);
  return undefined;
}

// ---- guards and small helpers shared by every part of the engine ----

// Cheap kind tests for the hot paths. `instanceof` slows down sevenfold when a class's `name`
// property has been redefined, which tsx and esbuild's keepNames do to every class; a prototype
// comparison is immune (no value class here is subclassed).
const ERROR_PROTO: object = CelError.prototype;
const OPTIONAL_PROTO: object = Optional.prototype;

export function isError(v: CelValue | undefined | object | symbol): v is CelError {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === ERROR_PROTO;
}

export function isOptional(v: CelValue | undefined): v is Optional {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === OPTIONAL_PROTO;
}

export function isCelError(v: unknown): v is CelError {
  return v instanceof CelError;
}

/** A string-keyed map held as a plain object (the JSON model). */
export function isJsonObject(v: unknown): v is JsonObject {
  return isPlainObject(v);
}

export function isCelMap(v: unknown): v is JsonObject | CelMap {
  return v instanceof CelMap || isJsonObject(v);
}

/**
 * The lists `+` made of two non-empty lists. cel-go keeps such a list as a concatList, which
 * converts to a native value through each element's Value() (an Object element becomes a plain
 * map), where any other list converts each element itself (cel-go common/types/list.go).
 */
const CONCATENATED = new WeakSet<readonly CelValue[]>();

export function concatenated(l: readonly CelValue[]): readonly CelValue[] {
  CONCATENATED.add(l);
  return l;
}

export function isConcatenated(l: readonly CelValue[]): boolean {
  return CONCATENATED.has(l);
}

export function isCelList(v: unknown): v is readonly CelValue[] {
  return Array.isArray(v);
}

export function mapSize(m: JsonObject | CelMap): number {
  return m instanceof CelMap ? m.size : Object.keys(m).length;
}

/** The value at `key`, or undefined when absent (callers raise `no such key`). */
export function mapGet(m: JsonObject | CelMap, key: CelValue): CelValue | undefined {
  if (m instanceof CelMap) return m.get(key);
  if (typeof key !== 'string') return undefined;
  return Object.hasOwn(m, key) ? m[key] : undefined;
}

export function* mapEntries(m: JsonObject | CelMap): IterableIterator<[CelValue, CelValue]> {
  if (m instanceof CelMap) {
    yield* m.entries();
    return;
  }
  for (const k of Object.keys(m)) yield [k, m[k]];
}

export function* mapKeys(m: JsonObject | CelMap): IterableIterator<CelValue> {
  if (m instanceof CelMap) {
    yield* m.keys();
    return;
  }
  yield* Object.keys(m);
}

/** A fresh string-keyed map that inherits nothing (json/object.ts). */
export function newJsonObject(): JsonObject {
  return newObject<CelValue>();
}

export function celInt(v: bigint): bigint | CelError {
  return v < INT64_MIN || v > INT64_MAX ? new CelError('integer overflow') : v;
}

export function celUint(v: bigint): CelUint | CelError {
  return v < 0n || v > UINT64_MAX ? new CelError('unsigned integer overflow') : new CelUint(v);
}
