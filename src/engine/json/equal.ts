// Structural equality and copying of JSON-model values. Types are strict: the int 1n and the
// double 1 are different values here (use semanticEqual for test comparisons).
import type { JsonValue } from '../types.js';
import { isPlainObject, newJsonObject } from './object.js';

/** True when `a` and `b` are the same JSON value (object key order ignored; 1n !== 1). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) {
      if (!Object.hasOwn(b, k) || !deepEqual(a[k], b[k])) return false;
    }
    return true;
  }
  return false;
}

/** A deep copy; objects are created with a null prototype, so any key is plain data. */
export function deepClone<T extends JsonValue>(v: T): T;
export function deepClone(v: unknown): unknown;
export function deepClone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => deepClone(x));
  if (isPlainObject(v)) {
    const o = newJsonObject();
    for (const k of Object.keys(v)) o[k] = deepClone(v[k]);
    return o;
  }
  return v;
}

