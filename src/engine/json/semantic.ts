// Comparing objects the way scenario tests do (docs/scenario.md "Comparing objects"): two values
// are equal when they are equal after dropping, recursively, every null, every empty map and
// every empty list (Kubernetes' typed objects omit those), and resource quantities compare by
// value (`1000m` equals `1`, `1Gi` equals `1024Mi`).
//
// Choices made here:
// - list elements are never dropped (that would shift indices); an element that normalizes to
//   nothing compares as null;
// - two strings compare by quantity value when both parse as quantities; a number compares
//   with a quantity string by value too (a typed Quantity field written `cpu: 1` reads back "1");
// - ints and doubles compare by numeric value (1n equals 1.0).
import { compareQuantities, isQuantityError, parseQuantity, type Quantity } from '../k8s/quantity.js';
import { encodeJson } from './encode.js';
import { isPlainObject, newJsonObject } from './object.js';
import { escapePointerToken } from './pointer.js';
import type { JsonValue } from '../types.js';

export interface SemanticResult {
  readonly equal: boolean;
  /** JSON pointer of the first difference ("" for the root) */
  readonly path?: string;
  /** a one-line description: `expected <json>, got <json>` */
  readonly detail?: string;
}

const EQUAL: SemanticResult = { equal: true };

/**
 * Normalized values of objects already seen, to share between normalizations of objects that
 * share parts (the decoded object and the final one). Inputs and results must not be modified.
 */
export type NormalizeMemo = Map<object, unknown>;

/** Maps nearer the root than this are remembered (deeper ones are cheap to normalize again). */
const MEMO_DEPTH = 4;
/** what the memo holds for a map that normalizes to nothing */
const NOTHING = Symbol('nothing');

/** The value with nulls, empty maps and empty lists dropped recursively; undefined = nothing left. */
export function normalizeForComparison(v: unknown, memo?: NormalizeMemo): unknown {
  return normalize(v, memo, 0);
}

function normalize(v: unknown, memo: NormalizeMemo | undefined, depth: number): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object') return v;
  // Lists and maps with nothing to drop are returned as they are (copies only where needed).
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const n = normalize(x, memo, depth + 1);
      const y = n === undefined ? null : n;
      if (out === undefined && y !== x) out = v.slice(0, i);
      if (out !== undefined) out.push(y);
    }
    return out ?? v;
  }
  if (isPlainObject(v)) {
    const remember = memo !== undefined && depth < MEMO_DEPTH;
    if (remember) {
      const known = memo.get(v);
      if (known !== undefined) return known === NOTHING ? undefined : known;
    }
    const keys = Object.keys(v);
    let out: Record<string, unknown> | undefined;
    let any = false;
    for (let i = 0; i < keys.length; i++) {
      const x = v[keys[i]];
      const n = normalize(x, memo, depth + 1);
      if (out === undefined && (n === undefined || n !== x)) {
        out = {};
        for (let j = 0; j < i; j++) setData(out, keys[j], v[keys[j]]);
      }
      if (n !== undefined) {
        if (out !== undefined) setData(out, keys[i], n);
        any = true;
      }
    }
    const result = any ? (out ?? v) : undefined;
    if (remember) memo.set(v, result ?? NOTHING);
    return result;
  }
  return v;
}

/**
 * A property of a new normalized map. A literal keeps V8's fast properties (a null-prototype
 * object does not); `__proto__` is defined as an own property so that it stays plain data.
 */
function setData(o: Record<string, unknown>, k: string, value: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value, writable: true, enumerable: true, configurable: true });
  else o[k] = value;
}

/**
 * The value with nulls, empty maps and empty lists dropped recursively; when nothing is left of
 * the value itself, an empty value of its kind (`{}`, `[]`) or null.
 */
export function semanticNormalize(v: unknown, memo?: NormalizeMemo): JsonValue {
  const n = normalizeForComparison(v, memo);
  if (n !== undefined) return n as JsonValue;
  if (Array.isArray(v)) return [];
  if (isPlainObject(v)) return newJsonObject() as JsonValue;
  return null;
}

function quantityOf(v: unknown): Quantity | undefined {
  if (typeof v === 'string') {
    if (!/^[+-]?[0-9.]/.test(v)) return undefined;
    const q = parseQuantity(v);
    return isQuantityError(q) ? undefined : q;
  }
  if (typeof v === 'bigint') {
    const q = parseQuantity(v.toString());
    return isQuantityError(q) ? undefined : q;
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    const text = encodeJson(v);
    const q = parseQuantity(text.replace(/e\+?/, 'e'));
    return isQuantityError(q) ? undefined : q;
  }
  return undefined;
}

function scalarEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const na = typeof a === 'bigint' || typeof a === 'number';
  const nb = typeof b === 'bigint' || typeof b === 'number';
  if (na && nb) {
    if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
    const x = typeof a === 'bigint' ? a : b;
    const y = (typeof a === 'bigint' ? b : a) as number | bigint;
    if (typeof y === 'bigint') return x === y;
    return Number.isInteger(y) && BigInt(y) === x;
  }
  if (typeof a === 'string' || typeof b === 'string') {
    if (na || nb || (typeof a === 'string' && typeof b === 'string')) {
      const qa = quantityOf(a);
      const qb = quantityOf(b);
      if (qa && qb) return compareQuantities(qa, qb) === 0;
    }
  }
  return false;
}

function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  const s = encodeJson(v, { escapeHtml: false });
  return s.length > 200 ? s.slice(0, 197) + '...' : s;
}

function differ(path: string, expected: unknown, actual: unknown): SemanticResult {
  return { equal: false, path, detail: `expected ${show(expected)}, got ${show(actual)}` };
}

/** subset=false: full equality; subset=true: every field of `expected` is in `actual`. */
function compare(actual: unknown, expected: unknown, path: string, subset: boolean): SemanticResult {
  if (expected === undefined) return subset || actual === undefined ? EQUAL : differ(path, expected, actual);
  if (actual === undefined) return differ(path, expected, actual);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return differ(path, expected, actual);
    for (let i = 0; i < expected.length; i++) {
      const r = compare(actual[i], expected[i], `${path}/${i}`, subset);
      if (!r.equal) return r;
    }
    return EQUAL;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return differ(path, expected, actual);
    for (const k of Object.keys(expected)) {
      const r = compare(Object.hasOwn(actual, k) ? actual[k] : undefined, expected[k], `${path}/${escapePointerToken(k)}`, subset);
      if (!r.equal) return r;
    }
    if (!subset) {
      for (const k of Object.keys(actual)) {
        if (!Object.hasOwn(expected, k)) return differ(`${path}/${escapePointerToken(k)}`, undefined, actual[k]);
      }
    }
    return EQUAL;
  }
  return scalarEqual(actual, expected) ? EQUAL : differ(path, expected, actual);
}

/** Whether `actual` equals `expected` in the scenario sense; on a difference, where it is. */
export function semanticEqual(actual: unknown, expected: unknown): SemanticResult {
  return compare(normalizeForComparison(actual), normalizeForComparison(expected), '', false);
}

/** Whether every field of `subset` is present in `actual` with an equal value (lists compare
 * element by element, with the same length). */
export function semanticContains(actual: unknown, subset: unknown): SemanticResult {
  return compare(normalizeForComparison(actual), normalizeForComparison(subset), '', true);
}
