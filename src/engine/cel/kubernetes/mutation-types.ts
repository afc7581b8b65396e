// The patch types of MutatingAdmissionPolicy expressions (apiserver pkg/cel/mutation/**,
// Kubernetes 1.32-1.36):
//   JSONPatch           mutation/jsonpatch.go: fields op, path, from (string) and value (dyn)
//   Object, Object.<p>  mutation/dynamic/objects.go + typeresolver.go: any name that is `Object`
//                       or starts with `Object.`; every field name is accepted and is dyn
// and the conversions the patchers apply to their values (see also docs/semantics.md §5.4,
// §5.5, §6.2, §7.5):
//   checkObjectTypeNames  ObjectVal.CheckTypeNamesMatchFieldPathNames, with the patchers'
//                         `type mismatch: ` prefix
//   objectToJson          ObjectVal.Value() / convertField (ApplyConfiguration)
//   celValueToJson        ConvertToNative(*structpb.Value) + protojson (JSONPatch `value`)
import type { TypeProvider } from '../decls.js';
import { T, type CelType } from '../types.js';
import {
  CelError,
  CelMap,
  CelUint,
  Duration,
  OpaqueValue,
  Optional,
  StructValue,
  Timestamp,
  TypeValue,
  isJsonObject,
  mapEntries,
  newJsonObject,
  type CelValue,
  type JsonObject,
  type StructType,
} from '../values.js';
import { runtimeTypeNameOfType } from '../stdlib/typenames.js';
import { celEquals } from '../stdlib/equality.js';
import { durationString, timestampString } from '../ext/formatting.js';

export const JSONPATCH_TYPE_NAME = 'JSONPatch';
export const OBJECT_TYPE_NAME = 'Object';

// ---- JSONPatch ----

const JSONPATCH_STRING_FIELDS = ['op', 'path', 'from'] as const;

/** Go's %T of the native value of a CEL value (for the JSONPatch constructor's messages). */
function goNativeTypeName(v: CelValue): string {
  if (v === null) return 'structpb.NullValue';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (v instanceof CelUint) return 'uint64';
  if (v instanceof Uint8Array) return '[]uint8';
  if (Array.isArray(v)) return '[]ref.Val';
  if (v instanceof CelMap || isJsonObject(v)) return 'map[ref.Val]ref.Val';
  if (v instanceof Timestamp) return 'time.Time';
  if (v instanceof Duration) return 'time.Duration';
  if (v instanceof ObjectValue) return 'map[string]interface {}';
  if (v instanceof JSONPatchValue) return '*mutation.JSONPatchVal';
  return 'interface {}';
}

export class JSONPatchValue extends StructValue {
  readonly type: StructType = jsonPatchType;
  constructor(
    readonly op: string,
    readonly path: string,
    readonly from: string,
    /** undefined when the field was not set */
    readonly value: CelValue | undefined,
  ) {
    super();
  }
  get(field: string): CelValue {
    switch (field) {
      case 'op':
        return this.op;
      case 'path':
        return this.path;
      case 'from':
        return this.from;
      case 'value':
        // upstream returns a nil value here; we answer null (unverified)
        return this.value === undefined ? null : this.value;
    }
    return new CelError(`unsupported indexer: ${field}`);
  }
  has(field: string): boolean {
    switch (field) {
      case 'op':
        return this.op.length > 0;
      case 'path':
        return this.path.length > 0;
      case 'from':
        return this.from.length > 0;
      case 'value':
        return this.value !== undefined;
    }
    return false;
  }
  equals(other: StructValue): boolean {
    if (!(other instanceof JSONPatchValue)) return false;
    if (this.op !== other.op || this.from !== other.from || this.path !== other.path) return false;
    if ((this.value === undefined) !== (other.value === undefined)) return false;
    if (this.value === undefined) return true;
    return celEquals(this.value, other.value as CelValue);
  }
  isZero(): boolean {
    return false;
  }
}

export const jsonPatchType: StructType = {
  name: JSONPATCH_TYPE_NAME,
  fieldType(field: string): CelType | undefined {
    if ((JSONPATCH_STRING_FIELDS as readonly string[]).includes(field)) return T.string;
    if (field === 'value') return T.dyn;
    return undefined;
  },
  newValue(fields: ReadonlyMap<string, CelValue>): StructValue | CelError {
    const s: Record<string, string> = { op: '', path: '', from: '' };
    let value: CelValue | undefined;
    for (const [name, v] of fields) {
      if (v instanceof CelError) return v;
      if ((JSONPATCH_STRING_FIELDS as readonly string[]).includes(name)) {
        if (typeof v !== 'string') return new CelError(`unexpected type ${goNativeTypeName(v)} for JSONPatchType '${name}' field`);
        s[name] = v;
      } else if (name === 'value') value = v;
      else return new CelError(`unexpected JSONPatchType field: ${name}`);
    }
    return new JSONPatchValue(s.op, s.path, s.from, value);
  },
};

// ---- Object ----

export function isObjectTypeName(name: string): boolean {
  return name === OBJECT_TYPE_NAME || name.startsWith(OBJECT_TYPE_NAME + '.');
}

/** Strict Go reflect.DeepEqual of two field values (what ObjectVal equality uses). */
function deepEqualField(a: CelValue, b: CelValue): boolean {
  if (a === null || typeof a !== 'object') return typeof a === typeof b && (Number.isNaN(a) ? false : a === b);
  if (a instanceof ObjectValue) return b instanceof ObjectValue && a.equals(b);
  if (a instanceof CelUint) return b instanceof CelUint && a.value === b.value;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (a instanceof Timestamp) return b instanceof Timestamp && a.seconds === b.seconds && a.nanos === b.nanos && a.offsetSeconds === b.offsetSeconds;
  if (a instanceof Duration) return b instanceof Duration && a.nanos === b.nanos;
  // CEL lists and maps hold function values upstream, which DeepEqual never finds equal
  return false;
}

export class ObjectValue extends StructValue {
  readonly type: StructType;
  constructor(
    readonly typeName: string,
    readonly fields: ReadonlyMap<string, CelValue>,
  ) {
    super();
    this.type = objectType(typeName);
  }
  /**
   * Field selection reads the converted native map: an unset field is null, a nested Object
   * reads as a plain map (objects.go Field.GetFrom over ObjectVal.Value()).
   */
  get(field: string): CelValue {
    const v = this.fields.get(field);
    if (v === undefined) return null;
    return nativeView(v);
  }
  has(field: string): boolean {
    return this.fields.has(field);
  }
  equals(other: StructValue): boolean {
    if (!(other instanceof ObjectValue) || other.typeName !== this.typeName) return false;
    if (other.fields.size !== this.fields.size) return false;
    for (const [k, v] of this.fields) {
      const w = other.fields.get(k);
      if (w === undefined || !deepEqualField(v, w)) return false;
    }
    return true;
  }
  isZero(): boolean {
    return this.fields.size === 0;
  }
}

/** How CEL sees a field value read back from an Object: nested Objects become plain maps. */
function nativeView(v: CelValue): CelValue {
  if (v instanceof ObjectValue) {
    const m = newJsonObject();
    for (const [k, f] of v.fields) m[k] = nativeView(f);
    return m;
  }
  if (Array.isArray(v)) return v.map((e) => (e instanceof ObjectValue ? nativeView(e) : e));
  // types.Optional.Value() unwraps (none reads as null)
  if (v instanceof Optional) return v.present ? nativeView(v.value as CelValue) : null;
  return v;
}

export function objectType(name: string): StructType {
  return {
    name,
    fieldType: () => T.dyn,
    newValue(fields) {
      for (const v of fields.values()) if (v instanceof CelError) return v;
      return new ObjectValue(name, new Map(fields));
    },
  };
}

/** The type provider of the patch types (mutation.DynamicTypeResolver + JSONPatch). */
export const mutationTypeProvider: TypeProvider = {
  findStructType(name: string): StructType | undefined {
    const n = name.startsWith('.') ? name.slice(1) : name;
    if (n === JSONPATCH_TYPE_NAME) return jsonPatchType;
    if (isObjectTypeName(n)) return objectType(n);
    return undefined;
  },
};

// ---- the type-name check ----

function typeCheck(v: CelValue, path: readonly string[], errs: string[]): void {
  if (v instanceof ObjectValue) {
    const expected = path.join('.');
    if (v.typeName !== expected) {
      errs.push(`unexpected type name "${v.typeName}", expected "${expected}", which matches field name path from root Object type`);
    }
    for (const [k, f] of v.fields) typeCheck(f, [...path, k], errs);
    return;
  }
  // intermediate lists and maps are transparent
  if (Array.isArray(v)) for (const e of v) typeCheck(e, path, errs);
  else if (v instanceof CelMap || isJsonObject(v)) for (const [, e] of mapEntries(v)) typeCheck(e, path, errs);
}

/**
 * The runtime check that nested `Object.<path>` names follow the field path from the root
 * (errors in field order; upstream iterates a Go map, so its order is random). Returns the
 * patchers' message `type mismatch: …` (several violations joined by newlines), or undefined.
 */
export function checkObjectTypeNames(value: ObjectValue, expectedRootName?: string): string | undefined {
  const errs: string[] = [];
  typeCheck(value, [expectedRootName ?? value.typeName], errs);
  return errs.length ? `type mismatch: ${errs.join('\n')}` : undefined;
}

// ---- conversion to JSON ----

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
  if (v instanceof OpaqueValue) return new RawCelValue(v, runtimeTypeNameOfType(v.celType));
  return new RawCelValue(v, goNativeTypeName(v));
}

/** Scalars convert to themselves (bytes stay raw: protobuf turns them into base64 later). */
function scalarNative(v: CelValue): JsonOut | undefined {
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number') return v;
  if (v instanceof CelUint) return v.value;
  if (v instanceof Uint8Array) return new RawCelValue(v, '[]uint8');
  return undefined;
}

/** Input data (native Go maps and lists) converts at any depth. */
function inputNative(v: CelValue, built: IsCelBuilt): JsonOut | ConvErr {
  if (v === null) return null;
  if (v instanceof ObjectValue) return objectNative(v, built);
  if (Array.isArray(v)) {
    const out: JsonOut[] = [];
    for (const e of v) {
      const c = inputNative(e, built);
      if (isError(c)) return c;
      out.push(c);
    }
    return out;
  }
  if (isJsonObject(v)) {
    const out = Object.create(null) as { [key: string]: JsonOut };
    for (const k of Object.keys(v)) {
      const c = inputNative(v[k], built);
      if (isError(c)) return c;
      out[k] = c;
    }
    return out;
  }
  return scalarNative(v) ?? rawOf(v);
}

/** `elem.Value()` of an element of a CEL-built list or map. */
function elementNative(v: CelValue, built: IsCelBuilt): JsonOut | ConvErr {
  if (v instanceof ObjectValue) return objectNative(v, built);
  if ((Array.isArray(v) || isJsonObject(v)) && !built(v)) return inputNative(v, built);
  return scalarNative(v) ?? rawOf(v);
}

/** convertField (objects.go) of one field value. */
function convertField(v: CelValue, built: IsCelBuilt): JsonOut | ConvErr {
  if (v instanceof ObjectValue) return objectNative(v, built);
  // types.Optional.Value(): the wrapped value's, or nil for optional.none()
  if (v instanceof Optional) return v.present ? convertField(v.value as CelValue, built) : null;
  if (Array.isArray(v)) {
    if (!built(v)) return inputNative(v, built);
    const out: JsonOut[] = [];
    for (const e of v) {
      const c = elementNative(e, built);
      if (isError(c)) return c;
      out.push(c);
    }
    return out;
  }
  if (v instanceof CelMap || isJsonObject(v)) {
    if (isJsonObject(v) && !built(v)) return inputNative(v, built);
    const out = Object.create(null) as { [key: string]: JsonOut };
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
  const out = Object.create(null) as { [key: string]: JsonOut };
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
function numberJson(x: number): JsonOut | ConvErr {
  if (!Number.isFinite(x)) {
    // encoding/json calling structpb's MarshalJSON (protojson); exact text unverified
    return new ConvErr(`json: error calling MarshalJSON for type *structpb.Value: invalid value ${Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf'}`);
  }
  return Number.isInteger(x) && Math.abs(x) < 1e21 ? BigInt(x) : x;
}

/** structpb.NewValue of a converted native value (inside an Object). */
function structpbJson(v: JsonOut): JsonOut | ConvErr {
  if (v instanceof RawCelValue) {
    if (v.value instanceof Uint8Array) return base64(v.value);
    return new ConvErr(`proto: invalid type: ${v.goType}`);
  }
  if (typeof v === 'bigint') return numberJson(Number(v));
  if (typeof v === 'number') return numberJson(v);
  if (Array.isArray(v)) {
    const out: JsonOut[] = [];
    for (const e of v) {
      const c = structpbJson(e);
      if (isError(c)) return c;
      out.push(c);
    }
    return out;
  }
  if (v !== null && typeof v === 'object') {
    const out = Object.create(null) as { [key: string]: JsonOut };
    for (const k of Object.keys(v)) {
      const c = structpbJson((v as { [key: string]: JsonOut })[k]);
      if (isError(c)) return c;
      out[k] = c;
    }
    return out;
  }
  return v;
}

function base64(b: Uint8Array): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += A[(n >> 18) & 63] + A[(n >> 12) & 63] + (i + 1 < b.length ? A[(n >> 6) & 63] : '=') + (i + 2 < b.length ? A[n & 63] : '=');
  }
  return out;
}

/** CEL value -> *structpb.Value (cel-go ConvertToNative), then JSON. */
function celJson(v: CelValue, nested: boolean, built: IsCelBuilt): JsonOut | ConvErr {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v >= -MAX_SAFE && v <= MAX_SAFE ? v : v.toString();
  if (v instanceof CelUint) return v.value <= MAX_SAFE ? v.value : v.value.toString();
  if (typeof v === 'number') return numberJson(v);
  if (v instanceof Uint8Array) return base64(v);
  if (v instanceof Timestamp) return timestampString(v);
  if (v instanceof Duration) return durationString(v);
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
    const out: JsonOut[] = [];
    for (const e of v) {
      const c = celJson(e, true, built);
      if (isError(c)) return c;
      out.push(c);
    }
    return out;
  }
  if (v instanceof CelMap || isJsonObject(v)) {
    const out = Object.create(null) as { [key: string]: JsonOut };
    for (const [k, e] of mapEntries(v)) {
      if (typeof k !== 'string') return new ConvErr(`unsupported type conversion from '${typeof k === 'bigint' ? 'int' : k instanceof CelUint ? 'uint' : 'bool'}' to string`);
      const c = celJson(e, true, built);
      if (isError(c)) return c;
      out[k] = c;
    }
    return out;
  }
  if (v instanceof JSONPatchValue) return new ConvErr('cannot convert to native type: *structpb.Value');
  if (v instanceof Optional) return new ConvErr("type conversion error from optional_type to '*structpb.Value'");
  if (v instanceof TypeValue) return new ConvErr("type conversion error from 'type' to '*structpb.Value'");
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
