// Built-in kinds as kube-apiserver holds them: JSON decoded into the Go struct (sigs.k8s.io/json,
// case-sensitive, strict errors collected) and rendered back the way encoding/json and
// runtime.DefaultUnstructuredConverter.ToUnstructured do (semantics.md §5.3, §6.1, §10.3):
// omitempty zero values dropped, non-omitempty nil slices/maps/pointers as null, structs always
// present, quantities canonical, times in UTC RFC 3339, map keys sorted.
import { CelUint, newJsonObject, type CelValue, type JsonObject } from '../cel/values.js';
import { goTypeName, structFields, structForKind, type GoField, type GoType } from './go-schema.js';
import { parseQuantity, quantityToString, ERR_FORMAT_WRONG } from './quantity.js';
import { base64Encode, base64Error, bytesToBase64, formatGoTime } from './go-values.js';

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

function isMap(v: unknown): v is JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The JSON value kind encoding/json names in UnmarshalTypeError. */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || typeof v === 'number') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** A number as Go's encoding/json writes a float64 (or an int64). */
export function goNumberText(v: bigint | number): string {
  if (typeof v === 'bigint') return v.toString();
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return BigInt(v).toString();
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return v.toExponential().replace(/e([+-])(\d)$/, 'e$1$2');
  return String(v);
}

class ExitDecode {
  constructor(readonly message: string) {}
}

/** A struct's fields at one Kubernetes minor, with a slot per JSON name (the first field wins). */
interface StructTable {
  readonly fields: readonly GoField[];
  /** slot of each field's JSON name, parallel to `fields` */
  readonly slots: readonly number[];
  readonly slotCount: number;
  /** the first field of each JSON name, and its slot */
  readonly byJson: ReadonlyMap<string, { readonly field: GoField; readonly slot: number }>;
  /** parallel to `fields`: what an absent field renders as (ABSENT_STRUCT: a fresh zero struct) */
  readonly absent: readonly (CelValue | typeof ABSENT_SKIPPED | typeof ABSENT_STRUCT)[];
}

/** an absent omitempty field whose zero value is empty: not rendered */
const ABSENT_SKIPPED: unique symbol = Symbol('skipped');
const ABSENT_STRUCT: unique symbol = Symbol('struct');

function absentRendering(f: GoField): CelValue | typeof ABSENT_SKIPPED | typeof ABSENT_STRUCT {
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
    const fields = Object.freeze((structFields(name) ?? []).filter((f) => f.since <= minor));
    const byJson = new Map<string, { field: GoField; slot: number }>();
    for (const f of fields) if (!byJson.has(f.json)) byJson.set(f.json, Object.freeze({ field: f, slot: byJson.size }));
    const slots = Object.freeze(fields.map((f) => byJson.get(f.json)!.slot));
    t = Object.freeze({ fields, slots, slotCount: byJson.size, byJson, absent: Object.freeze(fields.map(absentRendering)) });
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
  /** canonical texts of the quantities seen in this decoding (the same few repeat) */
  private readonly quantities = new Map<string, string>();
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

  /** Whether a canonical quantity text parses back to itself. */
  private fixedQuantity(canonical: string): boolean {
    const known = this.quantities.get(canonical);
    if (known !== undefined) return known === canonical;
    const q = parseQuantity(canonical.trim());
    if ('error' in q) return false;
    const again = quantityToString(q);
    this.quantities.set(canonical, again);
    return again === canonical;
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
    if (v === undefined) return zero(t);
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
        let canonical = this.quantities.get(text);
        if (canonical === undefined) {
          const q = parseQuantity(text.trim());
          if ('error' in q) this.fatal(q.error);
          canonical = quantityToString(q);
          this.quantities.set(text, canonical);
        }
        if (canonical !== text && !this.fixedQuantity(canonical)) this.unstable++;
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
        const items = new Array<CelValue>(v.length);
        for (let i = 0; i < v.length; i++) {
          this.segs.push(i);
          items[i] = this.value(v[i], t.elem, structName, stack);
          this.segs.pop();
        }
        return items;
      }
      case 'map': {
        if (v === null) return null;
        if (!isMap(v)) {
          this.typeError(jsonKind(v), structName, stack, t);
          return null;
        }
        const out = newJsonObject();
        for (const k of sortedKeys(v)) {
          this.segs.push(k);
          out[k] = this.value(v[k], t.elem, structName, stack);
          this.segs.pop();
        }
        return out;
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

  struct(v: JsonObject, name: string, stack: string[]): JsonObject {
    if (this.memo !== undefined && this.memo.get(v) === name) return v;
    const unstable = this.unstable;
    const table = structTable(this.tables, name, this.minor);
    // JSON keys are decoded in document order (which decides the first error), the result is
    // written in Go field order
    const decoded: (CelValue | typeof UNSET)[] = new Array(table.slotCount);
    for (let i = 0; i < decoded.length; i++) decoded[i] = UNSET;
    for (const key of Object.keys(v)) {
      const entry = table.byJson.get(key);
      if (!entry) {
        this.unknown.push(renderPath(this.segs, key));
        continue;
      }
      const f = entry.field;
      stack.push(f.json);
      this.segs.push(f.json);
      decoded[entry.slot] = this.value(v[key], f.type, name, stack);
      this.segs.pop();
      stack.pop();
    }
    const out: JsonObject = {};
    const { fields, slots, absent } = table;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const got = decoded[slots[i]];
      if (got === UNSET) {
        const a = absent[i];
        if (a === ABSENT_SKIPPED) continue;
        out[f.json] = a === ABSENT_STRUCT ? zero(f.type) : a;
        continue;
      }
      if (f.omitempty && isEmptyValue(got, f.type)) continue;
      out[f.json] = got;
    }
    // (deep structs are cheap to decode again: only those near the root are remembered)
    if (this.memo !== undefined && this.unstable === unstable && this.segs.length <= MEMO_DEPTH) this.memo.set(out, name);
    return out;
  }
}

/** The rendering of a Go zero value of type t. */
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
    case 'struct':
      return new Decoder().struct({}, t.name, []);
    default:
      return null; // pointers, slices, maps, bytes, time, raw
  }
}

/** Object.keys(o).sort(), without sorting keys already in order (the usual case). */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return keys.sort();
  return keys;
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

function mergeStringData(secret: JsonObject): JsonObject {
  // v1 -> internal conversion of a Secret folds stringData into data (base64) and drops it
  const sd = secret.stringData;
  if (!isMap(sd)) return secret;
  const out: JsonObject = { ...secret };
  const data = newJsonObject();
  if (isMap(out.data)) for (const k of Object.keys(out.data)) data[k] = out.data[k];
  for (const k of Object.keys(sd)) {
    const v = sd[k];
    data[k] = base64Encode(typeof v === 'string' ? v : '');
  }
  const sorted = newJsonObject();
  for (const k of Object.keys(data).sort()) sorted[k] = data[k];
  delete out.stringData;
  if (Object.hasOwn(out, 'data')) out.data = sorted;
  // keep encoding/json field order: data before type
  const ordered: JsonObject = {};
  for (const k of Object.keys(out)) {
    if (k === 'type' && !Object.hasOwn(ordered, 'data')) ordered.data = sorted;
    ordered[k] = out[k];
  }
  if (!Object.hasOwn(ordered, 'data')) ordered.data = sorted;
  return ordered;
}

function run(obj: JsonObject, name: string, pkg: string, minor: number, wrapIntegers = false, memo?: DecodeMemo): { value?: JsonObject; fatal?: string; saved?: string; unknown: string[] } {
  const d = new Decoder(pkg, minor, wrapIntegers, memo);
  try {
    let value = d.struct(obj, name, []);
    if (name === 'Secret') value = mergeStringData(value);
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
export function toTypedJson(obj: JsonObject, gvk: KindRef, options: { wrapIntegers?: boolean; memo?: DecodeMemo } = {}): TypedResult {
  const name = kindStruct(gvk);
  if (!name) return { value: obj, warnings: [], typed: false };
  const r = run(obj, name, kindVersion(gvk), minorOf(gvk), options.wrapIntegers, options.memo);
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
export function decodeStrict(obj: JsonObject, gvk: KindRef, memo?: DecodeMemo): StrictResult {
  const name = kindStruct(gvk);
  if (!name) return { ok: true, value: obj };
  const r = run(obj, name, kindVersion(gvk), minorOf(gvk), false, memo);
  if (r.fatal !== undefined) return { ok: false, error: r.fatal };
  if (r.saved !== undefined) return { ok: false, error: r.saved };
  if (r.unknown.length > 0) return { ok: false, error: `strict decoding error: ${r.unknown.map((p) => `unknown field ${JSON.stringify(p)}`).join(', ')}` };
  return { ok: true, value: r.value! };
}

/** Whether our table covers a kind (else it is treated as unstructured). */
export function isTypedKind(gvk: KindRef): boolean {
  return kindStruct(gvk) !== undefined;
}
