// A minimal RFC 6902 patch from one JSON value to another, built the way npm `rfc6902`'s
// createPatch builds it (objects: removed keys, then added keys, then changed keys recursively;
// arrays: a Levenshtein edit script of remove / add / replace steps, a replaced element being
// diffed recursively). So prepending an element is one `add …/0`, appending is one `add …/-`,
// and dropping the first element is one `remove …/0`.
import type { JsonValue } from '../types.js';
import { deepClone, deepEqual, isPlainObject } from './equal.js';
import { escapePointerToken } from './pointer.js';

export type PatchOperation =
  | { op: 'add'; path: string; value: JsonValue }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: JsonValue };

/** Above this many cells the array edit script is not searched; the array is replaced whole. */
const MAX_CELLS = 4_000_000;

export function createPatch(from: unknown, to: unknown): PatchOperation[] {
  const ops: PatchOperation[] = [];
  diffAny(from, to, '', ops);
  return ops;
}

function diffAny(a: unknown, b: unknown, ptr: string, ops: PatchOperation[]): void {
  if (a === b) return;
  if (isPlainObject(a) && isPlainObject(b)) return diffObjects(a, b, ptr, ops);
  if (Array.isArray(a) && Array.isArray(b)) return diffArrays(a, b, ptr, ops);
  if (!deepEqual(a, b)) ops.push({ op: 'replace', path: ptr, value: deepClone(b) as JsonValue });
}

function diffObjects(a: Record<string, unknown>, b: Record<string, unknown>, ptr: string, ops: PatchOperation[]): void {
  for (const k of Object.keys(a)) {
    if (!Object.hasOwn(b, k)) ops.push({ op: 'remove', path: `${ptr}/${escapePointerToken(k)}` });
  }
  for (const k of Object.keys(b)) {
    if (!Object.hasOwn(a, k)) ops.push({ op: 'add', path: `${ptr}/${escapePointerToken(k)}`, value: deepClone(b[k]) as JsonValue });
  }
  for (const k of Object.keys(a)) {
    if (Object.hasOwn(b, k)) diffAny(a[k], b[k], `${ptr}/${escapePointerToken(k)}`, ops);
  }
}

/**
 * A 32-bit hash with deepEqual(a, b) => hash(a) === hash(b) (object key order ignored). It only
 * needs to tell most unequal elements apart, so it reads the first levels and strings' tails.
 */
function hashString(s: string, h: number): number {
  h = Math.imul(h ^ s.length, 0x01000193);
  for (let i = Math.max(0, s.length - 12); i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

const HASH_DEPTH = 3;

function hashValue(v: unknown, depth = 0): number {
  switch (typeof v) {
    case 'string':
      return hashString(v, 0x811c9dc5);
    case 'number':
      return hashString(String(v), 0x1234567); // String(-0) is "0", as -0 === 0
    case 'bigint':
      return hashString(v.toString(), 0x7654321);
    case 'boolean':
      return v ? 1 : 2;
  }
  if (v === null || v === undefined) return 3;
  if (Array.isArray(v)) {
    let h = 0x2345678 ^ v.length;
    if (depth < HASH_DEPTH) for (let i = 0; i < v.length; i++) h = Math.imul(h ^ hashValue(v[i], depth + 1), 0x01000193);
    return h;
  }
  if (isPlainObject(v)) {
    // a sum of per-entry hashes does not depend on the key order
    let h = 0x3456789;
    if (depth < HASH_DEPTH) for (const k of Object.keys(v)) h = (h + Math.imul(hashString(k, 0x811c9dc5) ^ hashValue(v[k], depth + 1), 0x2c1b3c6d)) | 0;
    return h;
  }
  return 4; // other objects are equal only to themselves
}

const enum Step {
  Keep,
  Remove,
  Add,
  Replace,
}

function diffArrays(a: readonly unknown[], b: readonly unknown[], ptr: string, ops: PatchOperation[]): void {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    ops.push({ op: 'replace', path: ptr, value: deepClone(b) as JsonValue });
    return;
  }
  // Equal arrays give no operation (every step keeps): spare the edit script.
  if (n === m && deepEqual(a, b)) return;
  // cost[i][j]: edits turning a[0..i) into b[0..j); ties prefer remove, then add, then replace.
  // Elements with different hashes are not deepEqual: the hashes spare most comparisons.
  // (Short arrays compare directly: hashing walks every element whole.)
  const hashed = n * m > 64;
  const ha = hashed ? a.map((x) => hashValue(x)) : [];
  let hb: number[] = [];
  if (hashed) {
    // elements both arrays hold (the same objects) are hashed once
    const seen = new Map<unknown, number>();
    for (let i = 0; i < n; i++) if (typeof a[i] === 'object' && a[i] !== null) seen.set(a[i], ha[i]);
    hb = b.map((x) => seen.get(x) ?? hashValue(x));
  }
  const w = m + 1;
  const cost = new Uint32Array((n + 1) * w);
  const step = new Uint8Array((n + 1) * w);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const at = i * w + j;
      if (i === 0 && j === 0) continue;
      if (i > 0 && j > 0 && (!hashed || ha[i - 1] === hb[j - 1]) && deepEqual(a[i - 1], b[j - 1])) {
        cost[at] = cost[at - w - 1];
        step[at] = Step.Keep;
        continue;
      }
      let best = Infinity;
      let s = Step.Remove;
      if (i > 0 && cost[at - w] + 1 < best) {
        best = cost[at - w] + 1;
        s = Step.Remove;
      }
      if (j > 0 && cost[at - 1] + 1 < best) {
        best = cost[at - 1] + 1;
        s = Step.Add;
      }
      if (i > 0 && j > 0 && cost[at - w - 1] + 1 < best) {
        best = cost[at - w - 1] + 1;
        s = Step.Replace;
      }
      cost[at] = best;
      step[at] = s;
    }
  }
  // Walk back from (n, m), then emit front to back, shifting indices by what was added/removed.
  const script: { s: Step; i: number; j: number }[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const s = step[i * w + j];
    script.push({ s, i, j });
    if (s === Step.Keep || s === Step.Replace) {
      i--;
      j--;
    } else if (s === Step.Remove) i--;
    else j--;
  }
  script.reverse();
  let shift = 0;
  for (const { s, i: si, j: sj } of script) {
    if (s === Step.Keep) continue;
    if (s === Step.Add) {
      // inserted before original element si (0-based), i.e. at index si + shift
      const index = si + shift;
      const token = index < n + shift ? String(index) : '-';
      ops.push({ op: 'add', path: `${ptr}/${token}`, value: deepClone(b[sj - 1]) as JsonValue });
      shift++;
    } else if (s === Step.Remove) {
      ops.push({ op: 'remove', path: `${ptr}/${si - 1 + shift}` });
      shift--;
    } else {
      diffAny(a[si - 1], b[sj - 1], `${ptr}/${si - 1 + shift}`, ops);
    }
  }
}
