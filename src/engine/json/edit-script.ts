// The edit script createPatch builds for two arrays (json/diff.ts): a Levenshtein table where
// equal elements are kept, ties prefer remove, then add, then replace, walked back from the end.
// Only a diagonal band of the table is filled: a cell whose cost is at most the band's half-width
// k is computed exactly within the band (its cheapest paths never leave it), and so is every
// decision on the way back when the total cost is at most k; otherwise k doubles. The script is
// the one the full table gives, in time proportional to (n + m) × cost.
import { deepEqual } from './equal.js';
import { isPlainObject } from './object.js';

export const Step = { Keep: 0, Remove: 1, Add: 2, Replace: 3 } as const;
export type Step = (typeof Step)[keyof typeof Step];

export interface ScriptStep {
  readonly s: Step;
  /** 1-based positions in the two arrays after the step (as in the table) */
  readonly i: number;
  readonly j: number;
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

/** deepEqual of a[i] and b[j]; with many comparisons per element, hashes spare most of them. */
function equality(a: readonly unknown[], b: readonly unknown[], hashed: boolean): (i: number, j: number) => boolean {
  if (!hashed) return (i, j) => deepEqual(a[i], b[j]);
  const ha = new Int32Array(a.length);
  const hb = new Int32Array(b.length);
  const doneA = new Uint8Array(a.length);
  const doneB = new Uint8Array(b.length);
  return (i, j) => {
    if (a[i] === b[j]) return true;
    if (!doneA[i]) {
      ha[i] = hashValue(a[i]);
      doneA[i] = 1;
    }
    if (!doneB[j]) {
      hb[j] = hashValue(b[j]);
      doneB[j] = 1;
    }
    return ha[i] === hb[j] && deepEqual(a[i], b[j]);
  };
}

const INF = 0x3fffffff;

/** The band of half-width k, or undefined when the cost exceeds k (and the band is not whole). */
function banded(n: number, m: number, k: number, eq: (i: number, j: number) => boolean): ScriptStep[] | undefined {
  const whole = k >= Math.max(n, m);
  const w = 2 * k + 1;
  const cost = new Int32Array((n + 1) * w).fill(INF);
  const step = new Uint8Array((n + 1) * w);
  for (let i = 0; i <= n; i++) {
    const hi = Math.min(m, i + k);
    for (let j = Math.max(0, i - k); j <= hi; j++) {
      const d = j - i + k; // the cell's column in the band: (i-1, j) is d + 1, (i, j-1) is d - 1
      const at = i * w + d;
      if (i === 0 && j === 0) {
        cost[at] = 0;
        continue;
      }
      if (i > 0 && j > 0 && eq(i - 1, j - 1)) {
        cost[at] = cost[at - w];
        step[at] = Step.Keep;
        continue;
      }
      let best = INF;
      let s: Step = Step.Remove;
      if (i > 0 && d + 1 < w && cost[at - w + 1] + 1 < best) {
        best = cost[at - w + 1] + 1;
        s = Step.Remove;
      }
      if (j > 0 && d > 0 && cost[at - 1] + 1 < best) {
        best = cost[at - 1] + 1;
        s = Step.Add;
      }
      if (i > 0 && j > 0 && cost[at - w] + 1 < best) {
        best = cost[at - w] + 1;
        s = Step.Replace;
      }
      cost[at] = best;
      step[at] = s;
    }
  }
  if (!whole && cost[n * w + (m - n + k)] > k) return undefined;
  const script: ScriptStep[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const s = step[i * w + (j - i + k)] as Step;
    script.push({ s, i, j });
    if (s === Step.Keep || s === Step.Replace) {
      i--;
      j--;
    } else if (s === Step.Remove) i--;
    else j--;
  }
  return script.reverse();
}

/** The edit script turning a into b, front to back. */
export function editScript(a: readonly unknown[], b: readonly unknown[]): ScriptStep[] {
  const n = a.length;
  const m = b.length;
  for (let k = Math.max(1, Math.abs(n - m)); ; k *= 2) {
    const script = banded(n, m, k, equality(a, b, 2 * k + 1 > 8));
    if (script) return script;
  }
}
