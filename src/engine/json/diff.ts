// A minimal RFC 6902 patch from one JSON value to another, built the way npm `rfc6902`'s
// createPatch builds it (objects: removed keys, then added keys, then changed keys recursively;
// arrays: a Levenshtein edit script of remove / add / replace steps, a replaced element being
// diffed recursively). So prepending an element is one `add …/0`, appending is one `add …/-`,
// and dropping the first element is one `remove …/0`.
import type { JsonValue } from '../types.js';
import { deepClone, deepEqual } from './equal.js';
import { isPlainObject } from './object.js';
import { escapePointerToken } from './pointer.js';
import { editScript, Step } from './edit-script.js';

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

function diffArrays(a: readonly unknown[], b: readonly unknown[], ptr: string, ops: PatchOperation[]): void {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    ops.push({ op: 'replace', path: ptr, value: deepClone(b) as JsonValue });
    return;
  }
  // Equal arrays give no operation (every step keeps): spare the edit script.
  if (n === m && deepEqual(a, b)) return;
  const script = editScript(a, b);
  // Emit front to back, shifting indices by what was added/removed.
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
