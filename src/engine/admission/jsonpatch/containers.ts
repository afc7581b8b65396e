// partialDoc and partialArray of evanphx/json-patch v4 (patch.go): get / set / add / remove on a
// decoded map or slice, with the library's index rules (negative indices supported, as
// Kubernetes leaves SupportNegativeIndices at its default of true) and error texts.
import { GoPanic, NIL_MAP_WRITE, goAtoi } from './go-text.js';
import { LazyNode } from './lazy-node.js';

/** A failure inside the library: the error text, and whether it wraps ErrTestFailed. */
export interface PatchError {
  readonly message: string;
  readonly testFailed?: boolean;
}

export type GetResult = { node: LazyNode | null } | { error: PatchError };

export interface Container {
  get(key: string): GetResult;
  set(key: string, val: LazyNode | null): PatchError | undefined;
  add(key: string, val: LazyNode | null): PatchError | undefined;
  remove(key: string): PatchError | undefined;
}

const invalidIndex = (idx: bigint): PatchError => ({
  message: `Unable to access invalid index: ${idx}: invalid index referenced`,
});

/** The map of `holder` (a node whose `doc` field the container points at). */
export function docContainer(holder: LazyNode): Container {
  return {
    get(key) {
      return { node: holder.doc?.get(key) ?? null };
    },
    set(key, val) {
      if (!holder.doc) throw new GoPanic(NIL_MAP_WRITE);
      holder.doc.set(key, val);
      return undefined;
    },
    add(key, val) {
      if (!holder.doc) throw new GoPanic(NIL_MAP_WRITE);
      holder.doc.set(key, val);
      return undefined;
    },
    remove(key) {
      if (!holder.doc || !holder.doc.has(key)) {
        return { message: `Unable to remove nonexistent key: ${key}: missing value` };
      }
      holder.doc.delete(key);
      return undefined;
    },
  };
}

/** The slice of `holder`. */
export function aryContainer(holder: LazyNode): Container {
  const items = (): (LazyNode | null)[] => holder.ary ?? [];
  return {
    get(key) {
      const p = goAtoi(key);
      if (!p.ok) return { error: { message: p.error } };
      const len = BigInt(items().length);
      let idx = p.value;
      if (idx < 0n) {
        if (idx < -len) return { error: invalidIndex(idx) };
        idx += len;
      }
      if (idx >= len) return { error: invalidIndex(idx) };
      return { node: items()[Number(idx)] };
    },
    set(key, val) {
      const p = goAtoi(key);
      if (!p.ok) return { message: p.error };
      const len = BigInt(items().length);
      let idx = p.value;
      if (idx < 0n) {
        if (idx < -len) return invalidIndex(idx);
        idx += len;
      }
      const a = items();
      if (idx >= BigInt(a.length)) throw new GoPanic('runtime error: index out of range');
      a[Number(idx)] = val;
      holder.ary = a;
      return undefined;
    },
    add(key, val) {
      if (key === '-') {
        holder.ary = [...items(), val];
        return undefined;
      }
      const p = goAtoi(key);
      if (!p.ok) return { message: `value was not a proper array index: '${key}': ${p.error}` };
      const cur = items();
      const size = BigInt(cur.length + 1);
      let idx = p.value;
      if (idx >= size) return invalidIndex(idx);
      if (idx < 0n) {
        if (idx < -size) return invalidIndex(idx);
        idx += size;
      }
      const i = Number(idx);
      holder.ary = [...cur.slice(0, i), val, ...cur.slice(i)];
      return undefined;
    },
    remove(key) {
      const p = goAtoi(key);
      if (!p.ok) return { message: p.error };
      const cur = items();
      const len = BigInt(cur.length);
      let idx = p.value;
      if (idx >= len) return invalidIndex(idx);
      if (idx < 0n) {
        if (idx < -len) return invalidIndex(idx);
        idx += len;
      }
      const i = Number(idx);
      holder.ary = [...cur.slice(0, i), ...cur.slice(i + 1)];
      return undefined;
    },
  };
}

/** The container a node stands for once decoded (`which` is doc or ary). */
export function containerOf(n: LazyNode): Container {
  return n.which === 'ary' ? aryContainer(n) : docContainer(n);
}
