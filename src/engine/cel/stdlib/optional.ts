// The optional library (cel-go cel/library.go optionalLib, version 2 as Kubernetes 1.33+ uses):
// optional.of, optional.ofNonZeroValue, optional.none, value, hasValue, or, orValue, first,
// last, optional.unwrap, unwrapOpt, and the declarations of `_?._`, `_[?_]` and the index
// overloads on optional receivers. Runtime helpers for the interpreter's optional selection and
// indexing are exported here (optSelectField, optIndex, optionalIndex).
import type { FunctionDecl } from '../decls.js';
import { T } from '../types.js';
import {
  CelError,
  CelMap,
  CelUint,
  Duration,
  Optional,
  StructValue,
  Timestamp,
  isJsonObject,
  mapGet,
  mapSize,
  type CelValue,
} from '../values.js';
import { fn, global, member, type Impl } from './build.js';
import { formatV } from './helpers.js';
import { index } from './collections.js';
import { guarded } from './runtimetypes.js';

const V = T.param('V');
const K = T.param('K');
const optV = T.optional(V);
const listV = T.list(V);
const mapKV = T.map(K, V);

/** traits.Zeroer: the zero value of each kind (structs decide for themselves). */
export function isZeroValue(v: CelValue): boolean {
  if (v === null) return true;
  if (v === false || v === '' || v === 0n) return true;
  if (typeof v === 'number') return v === 0;
  if (v instanceof CelUint) return v.value === 0n;
  if (v instanceof Uint8Array) return v.length === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof CelMap || isJsonObject(v)) return mapSize(v) === 0;
  if (v instanceof Duration) return v.nanos === 0n;
  // Go's Time.IsZero: 0001-01-01T00:00:00Z (not the Unix epoch)
  if (v instanceof Timestamp) return v.seconds === -62135596800n && v.nanos === 0;
  if (v instanceof StructValue) return v.isZero();
  return false;
}

/** opt.value(): the value, or `optional.none() dereference`. */
export function optionalValue(o: Optional): CelValue {
  return o.present ? (o.value as CelValue) : new CelError('optional.none() dereference');
}

/** `a.or(b)` once both are evaluated (the interpreter short-circuits: b only when a is none). */
export function optionalOr(a: CelValue, b: CelValue): CelValue {
  if (!(a instanceof Optional)) return a;
  return a.present ? a : b;
}

/** `a.orValue(b)` once both are evaluated (short-circuit as for `or`). */
export function optionalOrValue(a: CelValue, b: CelValue): CelValue {
  if (!(a instanceof Optional)) return a;
  return a.present ? (a.value as CelValue) : b;
}

function unwrap(list: CelValue): CelValue {
  const out: CelValue[] = [];
  for (const v of list as readonly CelValue[]) {
    if (!(v instanceof Optional)) return new CelError(`value ${formatV(v)} is not optional`);
    if (v.present) out.push(v.value as CelValue);
  }
  return out;
}

/**
 * `x.?f` at run time: optional.of(x.f) when the field/key is present, otherwise optional.none();
 * an optional receiver is unwrapped first (none stays none). Non-container receivers give none.
 */
export function optSelectField(receiver: CelValue, field: string): CelValue {
  if (receiver instanceof CelError) return receiver;
  if (receiver instanceof Optional) {
    if (!receiver.present) return Optional.none;
    receiver = receiver.value as CelValue;
  }
  if (receiver instanceof CelMap || isJsonObject(receiver)) {
    const v = mapGet(receiver, field);
    return v === undefined ? Optional.none : Optional.of(v);
  }
  if (Array.isArray(receiver)) return optIndex(receiver, field);
  if (receiver instanceof StructValue) {
    const present = receiver.has(field);
    if (present !== true) return present === false ? Optional.none : present;
    const v = receiver.get(field);
    return v instanceof CelError ? v : Optional.of(v);
  }
  return Optional.none;
}

/**
 * `x[?k]` at run time: optional.of(x[k]) when the index/key is present, otherwise none; an
 * optional receiver is unwrapped first. Index type errors remain errors.
 */
export function optIndex(receiver: CelValue, key: CelValue): CelValue {
  if (receiver instanceof CelError) return receiver;
  if (key instanceof CelError) return key;
  if (receiver instanceof Optional) {
    if (!receiver.present) return Optional.none;
    receiver = receiver.value as CelValue;
  }
  if (Array.isArray(receiver)) {
    const v = index(receiver, key);
    if (v instanceof CelError) return v.message.startsWith('index out of bounds') ? Optional.none : v;
    return Optional.of(v);
  }
  if (receiver instanceof CelMap || isJsonObject(receiver)) {
    const v = mapGet(receiver, key);
    return v === undefined ? Optional.none : Optional.of(v);
  }
  if (receiver instanceof StructValue && typeof key === 'string') return optSelectField(receiver, key);
  return new CelError(`no such key: ${formatV(key)}`);
}

/**
 * `opt[k]` (index on an optional receiver; cel-go attributes.go applyQualifiers): none stays
 * none, and once the receiver is optional every qualification is a presence test, so an absent
 * key or index gives none as `[?k]` does.
 */
export function optionalIndex(receiver: CelValue, key: CelValue): CelValue {
  if (!(receiver instanceof Optional)) return index(receiver, key);
  return optIndex(receiver, key);
}

const ofImpl: Impl = (a) => (a[0] instanceof CelError ? a[0] : Optional.of(a[0]));
const ofNonZeroImpl: Impl = (a) => (a[0] instanceof CelError ? a[0] : isZeroValue(a[0]) ? Optional.none : Optional.of(a[0]));

export function optionalFunctions(): FunctionDecl[] {
  const tpV = { typeParams: ['V'] } as const;
  const tpKV = { typeParams: ['K', 'V'] } as const;
  const optGuard = (name: string, op: (o: Optional) => CelValue): Impl =>
    guarded(name, [optV], (a) => op(a[0] as Optional));
  const listGuard = (name: string, op: (l: readonly CelValue[]) => CelValue): Impl =>
    guarded(name, [listV], (a) => op(a[0] as readonly CelValue[]));
  return [
    fn('optional.of', [global('optional_of', [V], optV, { impl: ofImpl, ...tpV })]),
    fn('optional.ofNonZeroValue', [global('optional_ofNonZeroValue', [V], optV, { impl: ofNonZeroImpl, ...tpV })]),
    fn('optional.none', [global('optional_none', [], optV, { impl: () => Optional.none, ...tpV })]),
    fn('value', [member('optional_value', [optV], V, { impl: optGuard('value', optionalValue), ...tpV })]),
    fn('hasValue', [member('optional_hasValue', [optV], T.bool, { impl: optGuard('hasValue', (o) => o.present), ...tpV })]),
    fn('or', [
      member('optional_or_optional', [optV, optV], optV, {
        // cel-go's evalOptionalOr: a receiver that is not an optional is returned as it is
        impl: (a) => optionalOr(a[0], a[1]),
        ...tpV,
      }),
    ]),
    fn('orValue', [
      member('optional_orValue_value', [optV, V], V, {
        impl: (a) => optionalOrValue(a[0], a[1]),
        ...tpV,
      }),
    ]),
    fn('_?._', [global('select_optional_field', [T.dyn, T.string], optV, { impl: (a) => optSelectField(a[0], a[1] as string), ...tpV })]),
    fn('_[?_]', [
      global('list_optindex_optional_int', [listV, T.int], optV, { impl: (a) => optIndex(a[0], a[1]), ...tpV }),
      global('optional_list_optindex_optional_int', [T.optional(listV), T.int], optV, { impl: (a) => optIndex(a[0], a[1]), ...tpV }),
      global('map_optindex_optional_value', [mapKV, K], optV, { impl: (a) => optIndex(a[0], a[1]), ...tpKV }),
      global('optional_map_optindex_optional_value', [T.optional(mapKV), K], optV, { impl: (a) => optIndex(a[0], a[1]), ...tpKV }),
    ]),
    fn('_[_]', [
      global('optional_list_index_int', [T.optional(listV), T.int], optV, { impl: (a) => optionalIndex(a[0], a[1]), ...tpV }),
      global('optional_map_index_value', [T.optional(mapKV), K], optV, { impl: (a) => optionalIndex(a[0], a[1]), ...tpKV }),
    ]),
    fn('last', [member('list_last', [listV], optV, { impl: listGuard('last', (l) => (l.length ? Optional.of(l[l.length - 1]) : Optional.none)), ...tpV })]),
    fn('first', [member('list_first', [listV], optV, { impl: listGuard('first', (l) => (l.length ? Optional.of(l[0]) : Optional.none)), ...tpV })]),
    fn('optional.unwrap', [global('optional_unwrap', [T.list(optV)], listV, { impl: guarded('optional.unwrap', [T.list(optV)], (a) => unwrap(a[0])), ...tpV })]),
    fn('unwrapOpt', [member('optional_unwrapOpt', [T.list(optV)], listV, { impl: guarded('unwrapOpt', [T.list(optV)], (a) => unwrap(a[0])), ...tpV })]),
  ];
}
