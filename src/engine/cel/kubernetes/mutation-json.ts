// The conversions the patchers apply to the values of mutation expressions (semantics.md §5.4,
// §6.2, §7.5):
//   objectToJson    ObjectVal.Value() / convertField (ApplyConfiguration)
//   celValueToJson  ConvertToNative(*structpb.Value) + protojson (a JSONPatch `value`)
import {
  CelError,
  CelMap,
  CelUint,
  Duration,
  OpaqueValue,
  Optional,
  Timestamp,
  TypeValue,
  isConcatenated,
  isJsonObject,
  mapEntries,
  type CelValue,
  type JsonObject,
} from '../values.js';
import { typeName } from '../types.js';
import { newJsonObject } from '../../json/object.js';
import { bytesToBase64 } from '../../k8s/go-values.js';
import { formatDuration, formatRfc3339Nano } from '../stdlib/timefmt.js';
import { JSONPatchValue, ObjectValue, goNativeTypeName } from './mutation-types.js';

export type JsonOut = null | boolean | string | bigint | number | JsonOut[] | { [key: string]: JsonOut } | RawCelValue;

/**
 * A value that convertField leaves unconverted (a nested CEL list or map literal, a null, a
 * timestamp, …): the Go value that reaches the consumer is not JSON. ApplyConfiguration turns it
 * into a structured-merge-diff type error; JSONPatch into a marshal error.
 */
export class RawCelValue {
  constructor(
    readonly value: CelValue,
    /** the Go type of the native value, as protobuf's `proto: invalid type: %T` prints it */
    readonly goType: string,
  ) {}
}

export type ConvertResult =
  | { readonly ok: true; readonly json: JsonOut }
  | { readonly ok: false; readonly error: string; readonly kind: 'convert' | 'marshal' | 'panic' };

/** Go's %q of an int64 map key: a quoted rune literal. */
function goQuoteRuneOfInt(v: bigint): string {
  if (v >= 0n && v <= 0x10ffffn && !(v >= 0xd800n && v <= 0xdfffn)) {
    const c = String.fromCodePoint(Number(v));
    if (/[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(c)) return c === "'" ? "'\\''" : c === '\\' ? "'\\\\'" : `'${c}'`;
    if (v < 0x20n || v === 0x7fn) return `'\\x${v.toString(16).padStart(2, '0')}'`;
    return v < 0x10000n ? `'\\u${v.toString(16).padStart(4, '0')}'` : `'\\U${v.toString(16).padStart(8, '0')}'`;
  }
  return `%!q(types.Int=${v})`;
}

/** A conversion failure (a class, never confused with a converted map). */
class ConvErr {
  constructor(
    readonly error: string,
    readonly panic = false,
  ) {}
}
const isError = (x: unknown): x is ConvErr => x instanceof ConvErr;

/** f over a list's elements, stopping at the first failure. */
function eachOf<T>(items: readonly T[], f: (x: T) => JsonOut | ConvErr): JsonOut[] | ConvErr {
  const out: JsonOut[] = [];
  for (const e of items) {
    const c = f(e);
    if (isError(c)) return c;
    out.push(c);
  }
  return out;
}

/** f over a map's values, written under `keys` in that order, stopping at the first failure. */
function eachValue<T>(o: { readonly [key: string]: T }, keys: readonly string[], f: (x: T) => JsonOut | ConvErr): { [key: string]: JsonOut } | ConvErr {
  const out = newJsonObject<JsonOut>();
  for (const k of keys) {
    const c = f(o[k]);
    if (isError(c)) return c;
    out[k] = c;
  }
  return out;
}

/**
 * Whether a list or map was built by CEL (a literal, a comprehension result) rather than read
 * from the input (`object`, `params`, …). Upstream the two have different Go representations:
 * convertField converts input data at any depth but leaves the elements of CEL-built
 * containers raw. Our value model cannot tell them apart, so the default guesses: a CelMap, or
 * a container holding Objects or non-JSON CEL values, is CEL-built; plain JSON data is input.
 * Callers that track literal-built containers can pass an exact predicate.
 */
export type IsCelBuilt = (v: readonly CelValue[] | JsonObject | CelMap) => boolean;

function isJsonData(v: CelValue): boolean {
  return v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number' || Array.isArray(v) || isJsonObject(v);
}

export const defaultIsCelBuilt: IsCelBuilt = (v) => {
  if (v instanceof CelMap) return true;
  const elems = Array.isArray(v) ? v : Object.values(v as JsonObject);
  return !elems.every(isJsonData);
};

function rawOf(v: CelValue): RawCelValue {
  if (v === null) return new RawCelValue(v, 'structpb.NullValue');
  if (Array.isArray(v)) return new RawCelValue(v, '[]ref.Val');
  if (v instanceof CelMap || isJsonObject(v)) return new RawCelValue(v, 'map[ref.Val]ref.Val');
  if (v instanceof Timestamp) return new RawCelValue(v, 'time.Time');
  if (v instanceof Duration) return new RawCelValue(v, 'time.Duration');
  if (v instanceof JSONPatchValue) return new RawCelValue(v, '*mutation.JSONPatchVal');
  if (v instanceof Optional) return new RawCelValue(v, v.present ? goNativeTypeName(v.value as CelValue) : '<nil>');
  if (v instanceof TypeValue) return new RawCelValue(v, 'string');
  if (v instanceof OpaqueValue) return new RawCelValue(v, typeName(v.celType));
  return new RawCelValue(v, goNativeTypeName(v));
}

/**
 * Scalars convert to themselves. Bytes and uints stay raw: a Go []byte and uint64, which
 * protobuf turns into base64 and a number, and structured-merge-diff refuses (uint64 is none
 * of its scalar kinds).
 */
function scalarNative(v: CelValue): JsonOut | undefined {
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number') return v;
  if (v instanceof CelUint) return new RawCelValue(v, 'uint64');
  if (v instanceof Uint8Array) return new RawCelValue(v, '[]uint8');
  return undefined;
}

/**
 * ObjectVal.Value() of an Object below the root: a conversion failure is not an error there but
 * a *types.Err value in its place (objects.go convertField returns Value() unchecked).
 */
function nestedObjectNative(o: ObjectValue, built: IsCelBuilt): JsonOut {
  const r = objectNative(o, built);
  return isError(r) ? new RawCelValue(new CelError(r.error), '*types.Err') : r;
}

/** Input data (native Go maps and lists) converts at any depth. */
function inputNative(v: CelValue, built: IsCelBuilt): JsonOut | ConvErr {
  if (v === null) return null;
  if (v instanceof ObjectValue) return nestedObjectNative(v, built);
  if (Array.isArray(v)) return eachOf(v, (e) => inputNative(e, built));
  if (isJsonObject(v)) {
    return eachValue(v, Object.keys(v), (x) => inputNative(x, built));
  }
  return scalarNative(v) ?? rawOf(v);
}

/** `elem.Value()` of an element of a CEL-built list or map. */
function elementNative(v: CelValue, built: IsCelBuilt): JsonOut | ConvErr {
  if (v instanceof ObjectValue) return nestedObjectNative(v, built);
  // types.Optional.Value(): the wrapped value's, or a Go nil for optional.none()
  if (v instanceof Optional) return v.present ? elementNative(v.value as CelValue, built) : null;
  if ((Array.isArray(v) || isJsonObject(v)) && !built(v)) return inputNative(v, built);
  return scalarNative(v) ?? rawOf(v);
}

/**
 * Whether converting these elements as input data or as a CEL-built container's could differ:
 * only nulls and nested lists and maps convert differently, so without them the (possibly
 * costly) origin question need not be asked.
 */
function originMatters(elems: readonly CelValue[]): boolean {
  for (const e of elems) if (e === null || Array.isArray(e) || isJsonObject(e)) return true;
  return false;
}

/** convertField (objects.go) of one field value. */
function convertField(v: CelValue, built: IsCelBuilt): JsonOut | ConvErr {
  if (v instanceof ObjectValue) return nestedObjectNative(v, built);
  // types.Optional.Value(): the wrapped value's, or nil for optional.none()
  if (v instanceof Optional) return v.present ? convertField(v.value as CelValue, built) : null;
  if (Array.isArray(v)) {
    if (originMatters(v) && !built(v)) return inputNative(v, built);
    return eachOf(v, (e) => elementNative(e, built));
  }
  if (v instanceof CelMap || isJsonObject(v)) {
    if (isJsonObject(v) && originMatters(Object.values(v)) && !built(v)) return inputNative(v, built);
    const out = newJsonObject<JsonOut>();
    for (const [k, e] of mapEntries(v)) {
      if (typeof k !== 'string') {
        const q = typeof k === 'bigint' ? goQuoteRuneOfInt(k) : k instanceof CelUint ? goQuoteRuneOfInt(k.value) : String(k);
        const t = typeof k === 'bigint' ? 'types.Int' : k instanceof CelUint ? 'types.Uint' : typeof k === 'boolean' ? 'types.Bool' : 'ref.Val';
        return new ConvErr(`map key ${q} is of type ${t}, not string`);
      }
      const c = elementNative(e, built);
      if (isError(c)) return c;
      out[k] = c;
    }
    return out;
  }
  return scalarNative(v) ?? rawOf(v);
}

function objectNative(o: ObjectValue, built: IsCelBuilt): JsonOut | ConvErr {
  const out = newJsonObject<JsonOut>();
  for (const [k, v] of o.fields) {
    const c = convertField(v, built);
    if (isError(c)) return new ConvErr(`fail to convert field "${k}": ${c.error}`);
    out[k] = c;
  }
  return out;
}

/**
 * ObjectVal.Value(): the map handed to structured-merge-diff for an ApplyConfiguration.
 * Unconverted parts are RawCelValue markers (ApplyConfiguration reports them as type errors).
 */
export function objectToJson(value: ObjectValue, isCelBuilt: IsCelBuilt = defaultIsCelBuilt): ConvertResult {
  const r = objectNative(value, isCelBuilt);
  if (isError(r)) return { ok: false, error: r.error, kind: 'convert' };
  return { ok: true, json: r };
}

const MAX_SAFE = 2n ** 53n - 1n;
const MARSHAL_PREFIX = 'JSONPath valueExpression evaluated to a type that could not marshal to JSON: ';

/** protojson's rendering of a float64 NumberValue, read back into our JSON model. */
function numberJson(x: number, marshalled = '*structpb.Value'): JsonOut | ConvErr {
  if (!Number.isFinite(x)) {
    // encoding/json calling structpb's MarshalJSON = protojson.Marshal, whose marshalKnownValue
    // rejects non-finite number_value (protobuf-go encoding/protojson/well_known_types.go)
    const v = Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
    return new ConvErr(`json: error calling MarshalJSON for type ${marshalled}: proto: google.protobuf.Value.number_value: invalid ${v} value`);
  }
  return Number.isInteger(x) && Math.abs(x) < 1e21 ? BigInt(x) : x;
}

/**
 * structpb.NewValue of a converted native value (inside an Object). ObjectVal.ConvertToNative
 * hands over a *structpb.Struct, which is what encoding/json marshals.
 */
function structpbJson(v: JsonOut): JsonOut | ConvErr {
  if (v instanceof RawCelValue) {
    if (v.value instanceof Uint8Array) return bytesToBase64(v.value);
    if (v.value instanceof CelUint) return numberJson(Number(v.value.value), '*structpb.Struct');
    return new ConvErr(`proto: invalid type: ${v.goType}`);
  }
  if (typeof v === 'bigint') return numberJson(Number(v), '*structpb.Struct');
  if (typeof v === 'number') return numberJson(v, '*structpb.Struct');
  if (Array.isArray(v)) return eachOf(v, structpbJson);
  if (v !== null && typeof v === 'object') {
    return eachValue(v as { [key: string]: JsonOut }, Object.keys(v).sort(), structpbJson);
  }
  return v;
}

/** protojson writes a Struct's fields in sorted key order (order.GenericKeyOrder). */
function sortedKeys(o: { [key: string]: JsonOut }): { [key: string]: JsonOut } {
  const keys = Object.keys(o);
  if (keys.every((k, i) => i === 0 || keys[i - 1] <= k)) return o;
  const out = newJsonObject<JsonOut>();
  for (const k of keys.sort()) out[k] = o[k];
  return out;
}

/** How the ConvertToNative errors of the Kubernetes CEL types name them. */
const OPAQUE_NATIVE_NAMES: Readonly<Record<string, string>> = {
  'kubernetes.Quantity': 'Quantity',
  'kubernetes.URL': 'URL',
  'net.IP': 'IP',
  'net.CIDR': 'CIDR',
  'kubernetes.Semver': 'Semver',
  'kubernetes.NamedFormat': 'Format',
};

/** ObjectVal.Value() (a map, or the conversion error) read back as a CEL value, then JSON. */
function objectValueJson(o: ObjectValue, built: IsCelBuilt): JsonOut | ConvErr {
  const r = objectNative(o, built);
  return isError(r) ? r : nativeJson(r, built);
}

/** A native Go value (types.NativeToValue) -> *structpb.Value, then JSON. */
function nativeJson(v: JsonOut, built: IsCelBuilt): JsonOut | ConvErr {
  if (v instanceof RawCelValue) return v.value instanceof CelError ? new ConvErr(v.value.message) : celJson(v.value, true, built);
  if (typeof v === 'bigint' || typeof v === 'number') return celJson(v, true, built);
  if (Array.isArray(v)) return eachOf(v, (e) => nativeJson(e, built));
  if (v !== null && typeof v === 'object') {
    return eachValue(v as { [key: string]: JsonOut }, Object.keys(v).sort(), (x) => nativeJson(x, built));
  }
  return v;
}

/** CEL value -> *structpb.Value (cel-go ConvertToNative), then JSON. */
function celJson(v: CelValue, nested: boolean, built: IsCelBuilt): JsonOut | ConvErr {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v >= -MAX_SAFE && v <= MAX_SAFE ? v : v.toString();
  if (v instanceof CelUint) return v.value <= MAX_SAFE ? v.value : v.value.toString();
  if (typeof v === 'number') return numberJson(v);
  if (v instanceof Uint8Array) return bytesToBase64(v);
  if (v instanceof Timestamp) return formatRfc3339Nano(v);
  if (v instanceof Duration) return formatDuration(v.nanos);
  if (v instanceof ObjectValue) {
    if (nested) {
      // 1.32-1.36: ObjectVal yields a *structpb.Struct where a *structpb.Value is expected
      return new ConvErr('reflect.Set: value of type *structpb.Struct is not assignable to type *structpb.Value', true);
    }
    const r = objectNative(v, built);
    if (isError(r)) return r;
    return structpbJson(r);
  }
  if (Array.isArray(v)) {
    // a concatenation converts its Object elements through Value(): no 1.32-1.36 panic there
    const viaValue = isConcatenated(v);
    return eachOf(v, (e) => viaValue && e instanceof ObjectValue ? objectValueJson(e, built) : celJson(e, true, built));
  }
  if (v instanceof CelMap || isJsonObject(v)) {
    const out = newJsonObject<JsonOut>();
    for (const [k, e] of mapEntries(v)) {
      if (typeof k !== 'string') return new ConvErr(`unsupported type conversion from '${typeof k === 'bigint' ? 'int' : k instanceof CelUint ? 'uint' : 'bool'}' to string`);
      const c = celJson(e, true, built);
      if (isError(c)) return c;
      out[k] = c;
    }
    return sortedKeys(out);
  }
  if (v instanceof JSONPatchValue) return new ConvErr('cannot convert to native type: *structpb.Value');
  // cel-go types.Optional.ConvertToNative converts the wrapped value
  if (v instanceof Optional) return v.present ? celJson(v.value as CelValue, nested, built) : new ConvErr('optional.none() dereference');
  // cel-go types.Type.ConvertToNative
  if (v instanceof TypeValue) return new ConvErr("type conversion not supported for 'type'");
  if (v instanceof OpaqueValue) {
    // apiserver pkg/cel/{quantity,url,ip,cidr,semver,format}.go; library/authz.go prints the type name
    const name = typeName(v.celType);
    return new ConvErr(`type conversion error from '${OPAQUE_NATIVE_NAMES[name] ?? name}' to '*structpb.Value'`);
  }
  return new ConvErr("type conversion error to '*structpb.Value'");
}

/**
 * The JSON of a JSONPatch operation's `value` (§6.2): ints beyond ±(2^53-1) become strings,
 * integral doubles read back as ints, Objects convert through convertField (their ints become
 * float64), bytes become base64. Failures carry the patcher's message; a list or map holding
 * Object values is the 1.32-1.36 apiserver panic (kind 'panic'). Run checkObjectTypeNames first.
 */
export function celValueToJson(value: CelValue, isCelBuilt: IsCelBuilt = defaultIsCelBuilt): ConvertResult {
  const r = celJson(value, false, isCelBuilt);
  if (isError(r)) {
    return r.panic ? { ok: false, error: r.error, kind: 'panic' } : { ok: false, error: MARSHAL_PREFIX + r.error, kind: 'marshal' };
  }
  return { ok: true, json: r };
}
