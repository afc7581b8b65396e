// Built-in kinds as kube-apiserver holds them: JSON decoded into the Go struct (sigs.k8s.io/json,
// case-sensitive, strict errors collected) and rendered back the way encoding/json and
// runtime.DefaultUnstructuredConverter.ToUnstructured do (semantics.md §5.3, §6.1, §10.3):
// omitempty zero values dropped, non-omitempty nil slices/maps/pointers as null, structs always
// present, quantities canonical, times in UTC RFC 3339, map keys sorted.
import { CelUint, newJsonObject, type CelValue, type JsonObject } from '../cel/values.js';
import { isPlainObject } from '../json/object.js';
import { fieldExistsAt, goTypeName, structFields, structForKind, type GoField, type GoType } from './go-schema.js';
import { canonicalQuantityText, ERR_FORMAT_WRONG } from './quantity.js';
import { base64Error, bytesToBase64, foldSecretStringData, formatGoTime, goNumberText, jsonKind } from './go-values.js';

export interface KindRef {
  readonly group?: string;
  readonly version?: string;
  readonly kind: string;
  readonly apiVersion?: string;
  /** the simulated Kubernetes version (decides which fields the Go types have); default newest */
  readonly kubernetesVersion?: string;
}

const minorOf = (gvk: KindRef): number => (gvk.kubernetesVersion ? Number(gvk.kubernetesVersion.split('.')[1]) || 99 : 99);

export interface TypedResult {
  readonly value: JsonObject;
  /** unknown fields and values the Go type rejects (kube-apiserver would warn or refuse) */
  readonly warnings: string[];
  /** false when the kind is not in our table: the object is kept as written (unstructured) */
  readonly typed: boolean;
}

export type StrictResult = { readonly ok: true; readonly value: JsonObject } | { readonly ok: false; readonly error: string };

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function kindVersion(gvk: KindRef): string {
  if (gvk.version !== undefined) return gvk.version;
  const av = gvk.apiVersion ?? '';
  return av.slice(av.indexOf('/') + 1);
}

function kindStruct(gvk: KindRef): string | undefined {
  let group = gvk.group;
  let version = gvk.version;
  if ((group === undefined || version === undefined) && gvk.apiVersion !== undefined) {
    const i = gvk.apiVersion.indexOf('/');
    group = i < 0 ? '' : gvk.apiVersion.slice(0, i);
    version = i < 0 ? gvk.apiVersion : gvk.apiVersion.slice(i + 1);
  }
  return structForKind(group ?? '', version ?? '', gvk.kind);
}

const isMap = isPlainObject as (v: unknown) => v is JsonObject;

class ExitDecode {
  constructor(readonly message: string) {}
}

/** A struct's fields at one Kubernetes minor (JSON names are unique in our tables). */
interface StructTable {
  readonly fields: readonly GoField[];
  /** index in `fields` of each JSON name */
  readonly index: ReadonlyMap<string, number>;
  /** parallel to `fields`: what an absent field renders as (ABSENT_STRUCT: a fresh zero struct) */
  readonly absent: readonly (CelValue | typeof ABSENT_SKIPPED | typeof ABSENT_STRUCT)[];
  /** parallel to `fields`: whether the tag has omitzero at this minor (a zero time renders as nothing) */
  readonly omitzero: readonly boolean[];
  /** how many fields render even when absent */
  readonly renderedWhenAbsent: number;
}

/** an absent omitempty field whose zero value is empty: not rendered */
const ABSENT_SKIPPED: unique symbol = Symbol('skipped');
const ABSENT_STRUCT: unique symbol = Symbol('struct');

function absentRendering(f: GoField, omitzero: boolean): CelValue | typeof ABSENT_SKIPPED | typeof ABSENT_STRUCT {
  if (omitzero) return ABSENT_SKIPPED;
  if (f.type.k === 'struct') return ABSENT_STRUCT; // never empty; a new object each time
  const z = zero(f.type); // a scalar or null: shareable
  return f.omitempty && isEmptyValue(z, f.type) ? ABSENT_SKIPPED : z;
}

/** Derived immutable data, computed once per (minor, struct). */
const STRUCT_TABLES = new Map<number, Map<string, StructTable>>();

function tablesOf(minor: number): Map<string, StructTable> {
  let m = STRUCT_TABLES.get(minor);
  if (!m) STRUCT_TABLES.set(minor, (m = new Map()));
  return m;
}

function structTable(tables: Map<string, StructTable>, name: string, minor: number): StructTable {
  let t = tables.get(name);
  if (!t) {
    const index = new Map<string, number>();
    const fields: GoField[] = [];
    for (const f of structFields(name) ?? []) {
      if (!fieldExistsAt(f, minor) || index.has(f.json)) continue;
      index.set(f.json, fields.length);
      fields.push(f);
    }
    // encoding/json and ToUnstructured honour omitzero from Go 1.24 / apimachinery 0.34
    const omitzero = Object.freeze(fields.map((f) => f.omitzeroSince !== undefined && minor >= f.omitzeroSince));
    const absent = Object.freeze(fields.map((f, i) => absentRendering(f, omitzero[i])));
    t = Object.freeze({ fields: Object.freeze(fields), index, absent, omitzero, renderedWhenAbsent: absent.filter((a) => a !== ABSENT_SKIPPED).length });
    tables.set(name, t);
  }
  return t;
}

const UNSET: unique symbol = Symbol('unset');

/** A decoded value's JSON path (`spec.containers[0].name`), rendered only for unknown fields. */
function renderPath(segs: readonly (string | number)[], last: string): string {
  let out = '';
  for (const s of segs) out = typeof s === 'number' ? `${out}[${s}]` : out === '' ? s : `${out}.${s}`;
  return out === '' ? last : `${out}.${last}`;
}

/**
 * The struct renderings a decoding produced, by struct name. Decoding a rendering again as the
 * same struct gives an equal rendering without a problem, so a later decoding with the same memo
 * (same Kubernetes version and package) returns such an object as it is: the objects a patch left
 * alone are not decoded again. Renderings holding a value whose decoding is not a fixed point (a
 * time past year 9999, …) are not recorded. One memo per request; objects are never modified.
 */
export type DecodeMemo = Map<object, string>;

/** structs at most this many keys and indices deep are remembered in a DecodeMemo */
const MEMO_DEPTH = 6;

class Decoder {
  readonly unknown: string[] = [];
  saved: string | undefined;
  /** how many values so far render to something that would not decode to itself */
  private unstable = 0;
  /** the path of the value being decoded (keys and indices) */
  private readonly segs: (string | number)[] = [];
  private readonly tables: Map<string, StructTable>;
  constructor(
    private readonly pkg: string = 'v1',
    private readonly minor: number = 99,
    /** FromUnstructured (the ApplyConfiguration path) stores an out-of-range int by truncation */
    private readonly wrapIntegers = false,
    private readonly memo?: DecodeMemo,
  ) {
    this.tables = tablesOf(minor);
  }

  private typeError(value: string, structName: string, stack: readonly string[], t: GoType): void {
    const msg = `json: cannot unmarshal ${value} into Go struct field ${structName}.${stack.join('.')} of type ${goTypeName(t, this.pkg)}`;
    if (this.saved === undefined) this.saved = msg;
  }

  private fatal(message: string): never {
    throw new ExitDecode(message);
  }

  /** Decodes one value; returns the rendered JSON (null for nil). */
  value(v: CelValue | undefined, t: GoType, structName: string, stack: string[]): CelValue {
    if (v === undefined) return t.k === 'struct' ? this.struct({}, t.name, stack) : zero(t);
    // what Go's JSON encoding makes of CEL values that JSON cannot hold
    if (typeof v === 'object' && v !== null) {
      if (v instanceof CelUint) v = v.value;
      else if (v instanceof Uint8Array) v = bytesToBase64(v);
    }
    // the commonest cases first (as their switch cases below would answer)
    if (t.k === 'str' && typeof v === 'string') return v;
    if (t.k === 'struct' && v !== null && isMap(v)) return this.struct(v, t.name, stack);
    switch (t.k) {
      case 'ptr':
        if (v === null) return null;
        return this.value(v, t.elem, structName, stack);
      case 'raw':
        return v;
      case 'str':
        if (v === null) return '';
        if (typeof v === 'string') return v;
        this.typeError(jsonKind(v), structName, stack, t);
        return '';
      case 'bool':
        if (v === null) return false;
        if (typeof v === 'boolean') return v;
        this.typeError(jsonKind(v), structName, stack, t);
        return false;
      case 'i32':
      case 'i64': {
        if (v === null) return 0n;
        // an int in range is itself (goNumberText of a bigint is its digits)
        if (typeof v === 'bigint' && v >= (t.k === 'i32' ? INT32_MIN : INT64_MIN) && v <= (t.k === 'i32' ? INT32_MAX : INT64_MAX)) return v;
        if (typeof v === 'bigint' || typeof v === 'number') {
          const text = goNumberText(v);
          const ok = /^-?\d+$/.test(text);
          const n = ok ? BigInt(text) : 0n;
          const [lo, hi] = t.k === 'i32' ? [INT32_MIN, INT32_MAX] : [INT64_MIN, INT64_MAX];
          if (ok && n >= lo && n <= hi) return n;
          if (ok && this.wrapIntegers) return t.k === 'i32' ? BigInt.asIntN(32, n) : BigInt.asIntN(64, n);
          this.typeError(`number ${text}`, structName, stack, t);
          return 0n;
        }
        this.typeError(jsonKind(v), structName, stack, t);
        return 0n;
      }
      case 'f64':
        if (v === null) return 0;
        if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
        this.typeError(jsonKind(v), structName, stack, t);
        return 0;
      case 'qty': {
        if (v === null) return '0';
        const text = typeof v === 'string' ? v : typeof v === 'bigint' || typeof v === 'number' ? goNumberText(v) : undefined;
        if (text === undefined) this.fatal(ERR_FORMAT_WRONG);
        const canonical = canonicalQuantityText(text);
        if (typeof canonical !== 'string') this.fatal(canonical.error);
        if (canonical !== text && canonicalQuantityText(canonical) !== canonical) this.unstable++;
        return canonical;
      }
      case 'ios': {
        if (v === null) return 0n;
        if (typeof v === 'string') return v;
        if (typeof v === 'bigint' || typeof v === 'number') {
          const text = goNumberText(v);
          if (/^-?\d+$/.test(text) && BigInt(text) >= INT32_MIN && BigInt(text) <= INT32_MAX) return BigInt(text);
          this.fatal(`json: cannot unmarshal number ${text} into Go value of type int32`);
        }
        this.fatal(`json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`);
      }
      // falls through (unreachable)
      case 'time': {
        if (v === null) return null;
        if (typeof v !== 'string') this.fatal(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`);
        const r = formatGoTime(v);
        if (r === undefined) this.fatal(`parsing time ${JSON.stringify(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(v)} as "2006"`);
        if (r !== v && formatGoTime(r) !== r) this.unstable++;
        return r;
      }
      case 'bytes': {
        if (v === null) return null;
        if (typeof v !== 'string') {
          this.typeError(jsonKind(v), structName, stack, t);
          return null;
        }
        const bad = base64Error(v);
        if (bad !== undefined) {
          if (this.saved === undefined) this.saved = `illegal base64 data at input byte ${bad}`;
          return null;
        }
        const bytes = v.replace(/[\r\n]/g, '');
        if (bytes !== v && base64Error(bytes) !== undefined) this.unstable++;
        return bytes;
      }
      case 'slice': {
        if (v === null) return null;
        if (!Array.isArray(v)) {
          this.typeError(jsonKind(v), structName, stack, t);
          return null;
        }
        let items: CelValue[] | undefined; // a copy once an element decodes to something else
        for (let i = 0; i < v.length; i++) {
          this.segs.push(i);
          const got = this.value(v[i], t.elem, structName, stack);
          this.segs.pop();
          if (items !== undefined) items[i] = got;
          else if (got !== v[i]) (items = v.slice(0, i))[i] = got;
        }
        return items ?? v;
      }
      case 'map': {
        if (v === null) return null;
        if (!isMap(v)) {
          this.typeError(jsonKind(v), structName, stack, t);
          return null;
        }
        const keys = Object.keys(v);
        let sorted = true;
        for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1] < keys[i];
        if (!sorted) keys.sort();
        let out: JsonObject | undefined = sorted ? undefined : newJsonObject(); // a copy once it differs
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          this.segs.push(k);
          const got = this.value(v[k], t.elem, structName, stack);
          this.segs.pop();
          if (out !== undefined) out[k] = got;
          else if (got !== v[k]) {
            out = newJsonObject();
            for (let j = 0; j < i; j++) out[keys[j]] = v[keys[j]];
            out[k] = got;
          }
        }
        return out ?? v;
      }
      case 'struct': {
        if (v === null) return this.struct({}, t.name, stack);
        if (!isMap(v)) {
          this.typeError(jsonKind(v), structName, stack, t);
          return this.struct({}, t.name, stack);
        }
        return this.struct(v, t.name, stack);
      }
    }
  }

  /**
   * Decodes a struct. When every field decodes to itself, the keys come in Go field order, none
   * is dropped by omitempty and nothing absent would render, the rendering is the input object
   * itself (the usual case for an object already written the way the server renders it).
   */
  struct(v: JsonObject, name: string, stack: string[]): JsonObject {
    if (this.memo !== undefined && this.memo.get(v) === name) return v;
    const unstable = this.unstable;
    const table = structTable(this.tables, name, this.minor);
    const { fields, index } = table;
    // JSON keys are decoded in document order (which decides the first error); the rendering
    // is written in Go field order
    const keys = Object.keys(v);
    let decoded: (CelValue | typeof UNSET)[] | undefined; // allocated once the rendering differs
    let last = -1;
    let rendered = 0; // fields present that would render even when absent
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const i = index.get(key);
      if (i === undefined) {
        this.unknown.push(renderPath(this.segs, key));
        decoded ??= this.decodedSoFar(v, keys, k, table);
        continue;
      }
      const f = fields[i];
      const raw = v[key];
      stack.push(key);
      this.segs.push(key);
      const got = this.value(raw, f.type, name, stack);
      this.segs.pop();
      stack.pop();
      if (decoded !== undefined) decoded[i] = got;
      else if (got === raw && i > last && !omitted(table, i, got)) {
        last = i;
        if (table.absent[i] !== ABSENT_SKIPPED) rendered++;
      } else (decoded = this.decodedSoFar(v, keys, k, table))[i] = got;
    }
    let out: JsonObject = v;
    if (decoded !== undefined || rendered !== table.renderedWhenAbsent) {
      decoded ??= this.decodedSoFar(v, keys, keys.length, table);
      out = {};
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        const got = decoded[i];
        if (got === UNSET) {
          const a = table.absent[i];
          if (a === ABSENT_SKIPPED) continue;
          out[f.json] = a === ABSENT_STRUCT ? this.struct({}, (f.type as { name: string }).name, stack) : a;
        } else if (!omitted(table, i, got)) out[f.json] = got;
      }
    }
    // (deep structs are cheap to decode again: only those near the root are remembered)
    if (this.memo !== undefined && this.unstable === unstable && this.segs.length <= MEMO_DEPTH) this.memo.set(out, name);
    return out;
  }

  /** The decoded fields of the keys before `upto`, all of which decoded to themselves. */
  private decodedSoFar(v: JsonObject, keys: readonly string[], upto: number, table: StructTable): (CelValue | typeof UNSET)[] {
    const decoded: (CelValue | typeof UNSET)[] = new Array(table.fields.length).fill(UNSET);
    for (let k = 0; k < upto; k++) {
      const i = table.index.get(keys[k]);
      if (i !== undefined) decoded[i] = v[keys[k]];
    }
    return decoded;
  }
}

/** The rendering of a Go zero value of a non-struct type t. */
function zero(t: GoType): CelValue {
  switch (t.k) {
    case 'str':
      return '';
    case 'i32':
    case 'i64':
    case 'ios':
      return 0n;
    case 'f64':
      return 0;
    case 'bool':
      return false;
    case 'qty':
      return '0';
    default:
      return null; // pointers, slices, maps, bytes, time, raw (structs: Decoder.struct of {})
  }
}

/** Whether field i of a struct is left out of the rendering (omitempty, or omitzero of a zero time). */
function omitted(table: StructTable, i: number, rendered: CelValue): boolean {
  const f = table.fields[i];
  return (f.omitempty && isEmptyValue(rendered, f.type)) || (table.omitzero[i] && rendered === null);
}

/** encoding/json's isEmptyValue on the Go value behind a rendering. */
function isEmptyValue(rendered: CelValue, t: GoType): boolean {
  switch (t.k) {
    case 'str':
      return rendered === '';
    case 'i32':
    case 'i64':
      return rendered === 0n;
    case 'f64':
      return rendered === 0;
    case 'bool':
      return rendered === false;
    case 'ptr':
    case 'raw':
      return rendered === null;
    case 'slice':
    case 'bytes':
      return rendered === null || (Array.isArray(rendered) && rendered.length === 0) || rendered === '';
    case 'map':
      return rendered === null || (isMap(rendered) && Object.keys(rendered).length === 0);
    default:
      return false; // structs (including Quantity, IntOrString, Time) are never empty
  }
}

function run(obj: JsonObject, name: string, pkg: string, minor: number, wrapIntegers = false, memo?: DecodeMemo, internalRoundTrip = false): { value?: JsonObject; fatal?: string; saved?: string; unknown: string[] } {
  const d = new Decoder(pkg, minor, wrapIntegers, memo);
  try {
    let value = d.struct(obj, name, []);
    if (internalRoundTrip && name === 'Secret') value = foldSecretStringData(value);
    return { value, saved: d.saved, unknown: d.unknown };
  } catch (e) {
    if (e instanceof ExitDecode) return { fatal: e.message, unknown: d.unknown };
    return { fatal: `internal error: ${String(e)}`, unknown: d.unknown };
  }
}

/**
 * The object decoded as kube-apiserver would, rendered as ToUnstructured would. Kinds outside
 * the table are returned as written (`typed: false`). Problems become warnings, and the
 * offending fields are dropped (the server would refuse a request with a type error).
 */
export function toTypedJson(
  obj: JsonObject,
  gvk: KindRef,
  options: { wrapIntegers?: boolean; memo?: DecodeMemo; /** through the server's internal version and back */ internalRoundTrip?: boolean } = {},
): TypedResult {
  const name = kindStruct(gvk);
  if (!name) return { value: obj, warnings: [], typed: false };
  const r = run(obj, name, kindVersion(gvk), minorOf(gvk), options.wrapIntegers, options.memo, options.internalRoundTrip);
  const warnings = r.unknown.map((p) => `unknown field ${JSON.stringify(p)}`);
  if (r.fatal !== undefined || r.value === undefined) return { value: obj, warnings: [...warnings, r.fatal ?? 'cannot decode'], typed: false };
  if (r.saved) warnings.push(r.saved);
  return { value: r.value, warnings, typed: true };
}

/**
 * Strict decoding of a JSONPatch result: a type error (or a failing Quantity/IntOrString/Time)
 * is the error; otherwise unknown fields give `strict decoding error: unknown field "<path>"`.
 * Kinds outside the table decode as unstructured (always ok).
 */
export function decodeStrict(obj: JsonObject, gvk: KindRef, memo?: DecodeMemo, internalRoundTrip = false): StrictResult {
  const name = kindStruct(gvk);
  if (!name) return { ok: true, value: obj };
  const r = run(obj, name, kindVersion(gvk), minorOf(gvk), false, memo, internalRoundTrip);
  if (r.fatal !== undefined) return { ok: false, error: r.fatal };
  if (r.saved !== undefined) return { ok: false, error: r.saved };
  if (r.unknown.length > 0) return { ok: false, error: `strict decoding error: ${r.unknown.map((p) => `unknown field ${JSON.stringify(p)}`).join(', ')}` };
  return { ok: true, value: r.value! };
}

/** Whether our table covers a kind (else it is treated as unstructured). */
export function isTypedKind(gvk: KindRef): boolean {
  return kindStruct(gvk) !== undefined;
}
