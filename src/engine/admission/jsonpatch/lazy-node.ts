// The container model of gopkg.in/evanphx/json-patch.v4 (patch.go, v4.12.0 / v4.13.0), which
// decides the odd cases:
// - a node keeps its JSON text ("raw") and is decoded lazily into a map ("doc") or a slice
//   ("ary") when a path walks through it or `test` compares it;
// - decoding a map or slice turns every JSON `null` child into a nil node, which reads like an
//   absent key (get returns nil) but still counts as present for remove;
// - a node whose text is `null` (a patch value) decodes into a nil map: reading it gives
//   nothing, writing into it is a Go panic (assignment to entry in nil map);
// - scalars compare by their compact JSON text (the document's is encoding/json's; a patch
//   value's is protojson's re-compacted by encoding/json, which escapes the same characters).
// A node made from a value (LazyNode.fromValue) stands for that value's encodeJson text; the text
// is written only when something reads it, and decoding walks the value instead of the text.
import type { JsonValue } from '../../types.js';
import { parseJsonPreservingInts } from '../../json/parse.js';
import { isPlainObject, newJsonObject } from '../../json/object.js';
import { encodeJson, encodeJsonString, goFloatString } from '../../json/encode.js';
import { GoPanic, NIL_DEREF } from './go-text.js';

export type Which = 'raw' | 'doc' | 'ary';

export class LazyNode {
  private text: string | undefined;
  /** true when the text is encodeJson(src) (written on first read) */
  hasSrc = false;
  src: unknown = undefined;
  which: Which = 'raw';
  /** the decoded map; null is Go's nil map */
  doc: Map<string, LazyNode | null> | null = null;
  /** the decoded slice; null is Go's nil slice */
  ary: (LazyNode | null)[] | null = null;
  constructor(raw: string | undefined) {
    this.text = raw;
  }

  /** The node of `v`'s JSON text (`v` is never modified through the node). */
  static fromValue(v: unknown): LazyNode {
    const n = new LazyNode(undefined);
    n.hasSrc = true;
    n.src = v;
    return n;
  }

  /** compact JSON text; undefined stands for Go's nil *json.RawMessage */
  get raw(): string | undefined {
    if (this.hasSrc && this.text === undefined) this.text = encodeJson(this.src);
    return this.text;
  }

  set raw(text: string | undefined) {
    this.text = text;
    this.hasSrc = false;
    this.src = undefined;
  }
}

const isPlain = isPlainObject;

/** Whether encodeJson writes `v` as `null`. */
function encodesToNull(v: unknown): boolean {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') return true;
  return typeof v === 'object' && !Array.isArray(v) && !isPlain(v);
}

/** A string as decoding its encodeJson text gives it back (lone surrogates become U+FFFD). */
function reread(s: string): string {
  return /[\ud800-\udfff]/.test(s) ? (JSON.parse(encodeJsonString(s)) as string) : s;
}

/** The node's raw text is Go's nil (no text at all). */
export function rawIsNil(n: LazyNode): boolean {
  return !n.hasSrc && n.raw === undefined;
}

/** isArray(*raw) on a node whose raw text is not nil. */
export function nodeRawIsArray(n: LazyNode): boolean {
  return n.hasSrc ? Array.isArray(n.src) : rawIsArray(n.raw!);
}

/** The node `v` may be (Go nil) is dereferenced: panic when it is nil. */
export function deref(n: LazyNode | null | undefined): LazyNode {
  if (!n) throw new GoPanic(NIL_DEREF);
  return n;
}

/** End index of the JSON value starting at `i` in compact, valid text. */
function skipValue(t: string, i: number): number {
  const c = t[i];
  if (c === '"') {
    i++;
    while (t[i] !== '"') i += t[i] === '\\' ? 2 : 1;
    return i + 1;
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    for (;;) {
      const ch = t[i];
      if (ch === '"') {
        i = skipValue(t, i);
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
  }
  while (i < t.length && t[i] !== ',' && t[i] !== '}' && t[i] !== ']') i++;
  return i;
}

function child(text: string): LazyNode | null {
  return text === 'null' ? null : new LazyNode(text);
}

function childOf(v: unknown): LazyNode | null {
  return encodesToNull(v) ? null : LazyNode.fromValue(v);
}

/** decodeDoc of encodeJson(v), walking `v`. */
function decodeDocOf(v: unknown): { map: Map<string, LazyNode | null> | null } | undefined {
  if (encodesToNull(v)) return { map: null };
  if (typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const map = new Map<string, LazyNode | null>();
  for (const k of Object.keys(o)) map.set(reread(k), childOf(o[k]));
  return { map };
}

/** decodeAry of encodeJson(v), walking `v`. */
function decodeAryOf(v: unknown): { ary: (LazyNode | null)[] | null } | undefined {
  if (encodesToNull(v)) return { ary: null };
  if (!Array.isArray(v)) return undefined;
  const ary = new Array<LazyNode | null>(v.length);
  for (let i = 0; i < v.length; i++) ary[i] = childOf(v[i]);
  return { ary };
}

/** json.Unmarshal of `raw` into a partialDoc: the map, a nil map for `null`, or failure. */
function decodeDoc(raw: string): { map: Map<string, LazyNode | null> | null } | undefined {
  if (raw === 'null') return { map: null };
  if (raw[0] !== '{') return undefined;
  const map = new Map<string, LazyNode | null>();
  let i = 1;
  if (raw[i] === '}') return { map };
  for (;;) {
    const kEnd = skipValue(raw, i);
    const key = JSON.parse(raw.slice(i, kEnd)) as string;
    const vStart = kEnd + 1;
    const vEnd = skipValue(raw, vStart);
    map.set(key, child(raw.slice(vStart, vEnd)));
    i = vEnd + 1;
    if (raw[vEnd] === '}') return { map };
  }
}

/** json.Unmarshal of `raw` into a partialArray. */
function decodeAry(raw: string): { ary: (LazyNode | null)[] | null } | undefined {
  if (raw === 'null') return { ary: null };
  if (raw[0] !== '[') return undefined;
  const ary: (LazyNode | null)[] = [];
  let i = 1;
  if (raw[i] === ']') return { ary };
  for (;;) {
    const end = skipValue(raw, i);
    ary.push(child(raw.slice(i, end)));
    i = end + 1;
    if (raw[end] === ']') return { ary };
  }
}

/** lazyNode.intoDoc: false on a decode error (or a nil raw: ErrInvalid). */
export function intoDoc(n: LazyNode): boolean {
  if (n.which === 'doc') return true;
  return tryDoc(n);
}

export function intoAry(n: LazyNode): boolean {
  if (n.which === 'ary') return true;
  return tryAry(n);
}

/** lazyNode.tryDoc: decode the raw text as a map (whatever the node was before). */
export function tryDoc(n: LazyNode): boolean {
  if (rawIsNil(n)) return false;
  const d = n.hasSrc ? decodeDocOf(n.src) : decodeDoc(n.raw!);
  if (!d) return false;
  n.doc = d.map;
  n.which = 'doc';
  return true;
}

export function tryAry(n: LazyNode): boolean {
  if (rawIsNil(n)) return false;
  const d = n.hasSrc ? decodeAryOf(n.src) : decodeAry(n.raw!);
  if (!d) return false;
  n.ary = d.ary;
  n.which = 'ary';
  return true;
}

/** isArray(*raw): the text starts with `[` (after blanks; our texts are compact). */
export function rawIsArray(raw: string): boolean {
  return raw[0] === '[';
}

/** lazyNode.MarshalJSON (keys in insertion order; Go sorts them, which changes nothing here
 * but the order of the result's keys). */
export function marshalNode(n: LazyNode | null): string {
  if (n === null) return 'null';
  if (n.which === 'raw') return n.raw ?? 'null';
  if (n.which === 'doc') {
    if (n.doc === null) return 'null';
    const parts: string[] = [];
    for (const [k, v] of n.doc) parts.push(encodeJsonString(k) + ':' + marshalNode(v));
    return '{' + parts.join(',') + '}';
  }
  if (n.ary === null) return 'null';
  return '[' + n.ary.map(marshalNode).join(',') + ']';
}

/** The node as a value of the JSON model (numbers re-read from text, as decoding would). */
export function nodeToValue(n: LazyNode | null): JsonValue {
  if (n === null) return null;
  if (n.which === 'raw') {
    if (n.hasSrc) {
      try {
        return rereadValue(n.src, 0);
      } catch (e) {
        if (!(e instanceof NotPlain)) throw e;
      }
    }
    if (n.raw === undefined) return null;
    return parseJsonPreservingInts(n.raw) ?? null;
  }
  if (n.which === 'doc') {
    if (n.doc === null) return null;
    // json.Marshal of a decoded map writes its keys sorted (the decoder then meets unknown
    // fields and type errors in that order); untouched raw nodes keep their text's order
    const o = newJsonObject<JsonValue>();
    for (const k of [...n.doc.keys()].sort()) o[k] = nodeToValue(n.doc.get(k) ?? null);
    return o;
  }
  if (n.ary === null) return null;
  return n.ary.map(nodeToValue);
}

/** What rereadValue leaves to the text (non-finite numbers, extreme depth). */
class NotPlain {}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const MAX_DEPTH = 10000; // parseJson's (encoding/json's) nesting limit

/**
 * parseJsonPreservingInts(encodeJson(v)) without the text; throws NotPlain where that fails.
 * A list or map that would read back equal (same types, same strings) is returned as it is.
 */
function rereadValue(v: unknown, depth: number): JsonValue {
  if (depth > MAX_DEPTH) throw new NotPlain();
  switch (typeof v) {
    case 'string':
      return reread(v);
    case 'boolean':
      return v;
    case 'bigint':
      return v >= INT64_MIN && v <= INT64_MAX ? v : Number(v.toString());
    case 'number': {
      if (Number.isFinite(v) && !Number.isInteger(v)) return v; // its shortest text reads back as itself
      const r = Number.isFinite(v) ? parseJsonPreservingInts(goFloatString(v)) : undefined;
      if (r === undefined) throw new NotPlain();
      return r;
    }
  }
  if (encodesToNull(v)) return null;
  if (Array.isArray(v)) {
    let out: JsonValue[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = rereadValue(v[i], depth + 1);
      if (out === undefined && x !== v[i]) out = v.slice(0, i) as JsonValue[];
      if (out !== undefined) out.push(x);
    }
    return out ?? (v as JsonValue[]);
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  let out: { [k: string]: JsonValue } | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const key = reread(k);
    const x = rereadValue(o[k], depth + 1);
    if (out === undefined && (x !== o[k] || key !== k)) {
      out = newJsonObject<JsonValue>();
      for (let j = 0; j < i; j++) out[keys[j]] = o[keys[j]] as JsonValue;
    }
    if (out !== undefined) out[key] = x;
  }
  return out ?? (o as { [k: string]: JsonValue });
}

/** lazyNode.equal, including its nil dereferences (a null array element on either side). */
export function nodeEqual(nIn: LazyNode | null, oIn: LazyNode | null): boolean {
  const n = deref(nIn);
  if (n.which === 'raw') {
    if (!tryDoc(n) && !tryAry(n)) {
      const o = deref(oIn);
      if (o.which !== 'raw') return false;
      return (n.raw ?? '') === (o.raw ?? '');
    }
  }
  if (n.which === 'doc') {
    const o = deref(oIn);
    if (o.which === 'raw' && !tryDoc(o)) return false;
    if (o.which !== 'doc') return false;
    const nd = n.doc;
    const od = o.doc;
    if ((nd?.size ?? 0) !== (od?.size ?? 0)) return false;
    if (!nd) return true;
    for (const [k, v] of nd) {
      if (!od || !od.has(k)) return false;
      const ov = od.get(k) ?? null;
      if ((v === null) !== (ov === null)) return false;
      if (v === null) continue;
      if (!nodeEqual(v, ov)) return false;
    }
    return true;
  }
  const o = deref(oIn);
  if (o.which !== 'ary' && !tryAry(o)) return false;
  const na = n.ary ?? [];
  const oa = o.ary ?? [];
  if (na.length !== oa.length) return false;
  for (let i = 0; i < na.length; i++) {
    if (!nodeEqual(na[i], oa[i])) return false;
  }
  return true;
}
