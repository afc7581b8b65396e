// cel-go's lists extension (ext/lists.go, cel-go v0.26.0) at version 3, as Kubernetes 1.34+
// configures it (`ext.Lists(ext.ListsVersion(3))`, apiserver pkg/cel/environment/base.go):
// slice, flatten, sort, sortBy (a macro expanding to the internal member function
// `@sortByAssociatedKeys`), lists.range, reverse, distinct; with the version-3 cost trackers.
import type { CallEstimate, Library, OverloadCost, SizeEstimate } from '../decls.js';
import { T, type CelType } from '../types.js';
import { CelError, CelUint, Duration, Timestamp, type CelValue } from '../values.js';
import { fn, member, global } from '../stdlib/build.js';
import { actualSize } from '../stdlib/costs.js';
import { MAX, STRING_TRAVERSAL_COST_FACTOR, addSat, mulSat, sizeAt } from '../cost-math.js';
import { celEquals } from '../stdlib/equality.js';
import { compareBytes, compareStrings, kindOf, noSuchOverloadSig } from '../stdlib/helpers.js';
import { compareTimestamps } from '../stdlib/timecore.js';
import { goSortSlice } from './gosort.js';

const TP = T.param('T');
const listT = T.list(TP);
const LIST_CREATE_BASE_COST = 10; // cel-go common.ListCreateBaseCost
const CALL_COST = 1;

/** The element types sort accepts, with cel-go's TypeName() used in the overload ids. */
const COMPARABLE: readonly [string, CelType][] = [
  ['int', T.int],
  ['uint', T.uint],
  ['double', T.double],
  ['bool', T.bool],
  ['google.protobuf.Duration', T.duration],
  ['google.protobuf.Timestamp', T.timestamp],
  ['string', T.string],
  ['bytes', T.bytes],
];

// ---- implementations ----

/**
 * lists.range(n). A result above 1,000,000 elements always exceeds Kubernetes' per-call cost
 * limit (its tracked cost is n + 11), so it is refused with that error instead of being built.
 */
export function listsRange(n: bigint): CelValue {
  if (n > 1_000_000n) return new CelError('operation cancelled: actual cost limit exceeded');
  const out: bigint[] = [];
  for (let i = 0n; i < n; i++) out.push(i);
  return out;
}

export function slice(list: readonly CelValue[], start: bigint, end: bigint): CelValue {
  if (start < 0n || end < 0n) return new CelError(`cannot slice(${start}, ${end}), negative indexes not supported`);
  if (start > end) return new CelError(`cannot slice(${start}, ${end}), start index must be less than or equal to end index`);
  if (BigInt(list.length) < end) return new CelError(`cannot slice(${start}, ${end}), list is length ${list.length}`);
  return list.slice(Number(start), Number(end));
}

export function flatten(list: readonly CelValue[], depth: bigint): CelValue {
  if (depth < 0n) return new CelError('level must be non-negative');
  const out: CelValue[] = [];
  const rec = (l: readonly CelValue[], d: bigint) => {
    for (const v of l) {
      if (!Array.isArray(v) || d === 0n) out.push(v);
      else rec(v, d - 1n);
    }
  };
  rec(list, depth);
  return out;
}

export function distinct(list: readonly CelValue[]): CelValue {
  const out: CelValue[] = [];
  for (const v of list) if (!out.some((o) => celEquals(v, o))) out.push(v);
  return out;
}

const COMPARABLE_KINDS = new Set(['int', 'uint', 'double', 'bool', 'duration', 'timestamp', 'string', 'bytes']);

/** cel-go's Compare of two values of the same kind; undefined when they cannot be ordered (NaN). */
function compareSameKind(a: CelValue, b: CelValue): number | undefined {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof CelUint && b instanceof CelUint) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b);
  if (a instanceof Timestamp && b instanceof Timestamp) return compareTimestamps(a, b);
  if (a instanceof Duration && b instanceof Duration) return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
  return undefined;
}

/**
 * cel-go's sortListByAssociatedKeys: Go's sort.Slice over the indices (not stable; reproduced
 * exactly by goSortSlice), comparing keys of the first key's type only.
 */
export function sortByAssociatedKeys(list: readonly CelValue[], keys: readonly CelValue[]): CelValue {
  if (list.length !== keys.length) {
    return new CelError(
      `@sortByAssociatedKeys() expected a list of the same size as the associated keys list, but got ${list.length} and ${keys.length} elements respectively`,
    );
  }
  if (list.length === 0) return list;
  const kind = kindOf(keys[0]);
  if (!COMPARABLE_KINDS.has(kind)) return new CelError('list elements must be comparable');
  let failed = false;
  const idx = list.map((_, i) => i);
  goSortSlice(
    idx.length,
    (i, j) => {
      const ki = keys[idx[i]];
      const kj = keys[idx[j]];
      if (kindOf(ki) !== kind || kindOf(kj) !== kind) {
        failed = true;
        return false;
      }
      return compareSameKind(ki, kj) === -1;
    },
    (i, j) => {
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    },
  );
  if (failed) return new CelError('list elements must have the same type');
  return idx.map((i) => list[i]);
}

// ---- costs (ext/lists.go version 3 trackers and estimators) ----

function allocating(factor: number, size: number): number {
  return Math.floor(size * factor) + CALL_COST + LIST_CREATE_BASE_COST;
}

function selfCompare(l: CelValue): number {
  const n = actualSize(l);
  if (!Array.isArray(l) || n === 0) return allocating(2, 0);
  const k = kindOf(l[0]);
  return allocating(k === 'string' || k === 'bytes' ? 2 + STRING_TRAVERSAL_COST_FACTOR : 2, n * n);
}

function estimateAllocating(factor: number, size: SizeEstimate): CallEstimate {
  const c = (x: number) => addSat(addSat(Math.ceil(mulSat(x, factor)), CALL_COST), LIST_CREATE_BASE_COST);
  return { cost: { min: c(size.min), max: c(size.max) }, resultSize: size };
}

const square = (s: SizeEstimate): SizeEstimate => ({ min: mulSat(s.min, s.min), max: mulSat(s.max, s.max) });

const outputSizeCost = (estimate: OverloadCost['estimate']): OverloadCost => ({
  runtime: (_args, result) => allocating(1, actualSize(result)),
  estimate,
});

const flattenCost: OverloadCost = {
  runtime: (args) => allocating(args.length === 2 && typeof args[1] === 'bigint' ? Number(args[1]) : 1, actualSize(args[0])),
  // the depth literal is not visible to estimators here; cel-go uses it when it is a literal
  estimate: (input) => estimateAllocating(input.args.length === 2 ? MAX : 1, sizeAt(input, 0)),
};

function sortCost(byKeys: boolean, elem: string): OverloadCost {
  const factor = elem === 'string' || elem === 'bytes' ? 2 + STRING_TRAVERSAL_COST_FACTOR : 2;
  return {
    runtime: (args) => selfCompare(args[byKeys ? 1 : 0]),
    estimate: (input) => estimateAllocating(factor, square(sizeAt(input, byKeys ? 1 : 0))),
  };
}

// ---- declarations ----

const isList = (v: CelValue): v is readonly CelValue[] => Array.isArray(v);

function strict(name: string, ok: (a: readonly CelValue[]) => boolean, f: (a: readonly CelValue[]) => CelValue) {
  return (args: readonly CelValue[]): CelValue => {
    for (const a of args) if (a instanceof CelError) return a;
    return ok(args) ? f(args) : noSuchOverloadSig(name, args);
  };
}

const sortImpl = strict('sort', (a) => isList(a[0]), (a) => sortByAssociatedKeys(a[0] as CelValue[], a[0] as CelValue[]));
const sortByImpl = strict('@sortByAssociatedKeys', (a) => isList(a[0]) && isList(a[1]), (a) =>
  sortByAssociatedKeys(a[0] as CelValue[], a[1] as CelValue[]),
);

/** The name of the internal function the `sortBy` macro expands to. */
export const SORT_BY_ASSOCIATED_KEYS = '@sortByAssociatedKeys';

export const listsLibrary: Library = {
  name: 'cel.lib.ext.lists',
  macros: ['sortBy'],
  functions: [
    fn('slice', [
      member('list_slice', [listT, T.int, T.int], listT, {
        typeParams: ['T'],
        impl: strict('slice', (a) => isList(a[0]) && typeof a[1] === 'bigint' && typeof a[2] === 'bigint', (a) =>
          slice(a[0] as CelValue[], a[1] as bigint, a[2] as bigint),
        ),
        cost: outputSizeCost((input) => estimateAllocating(1, sizeAt(input, 0))),
      }),
    ]),
    fn('flatten', [
      member('list_flatten', [T.list(listT)], listT, {
        typeParams: ['T'],
        impl: strict('flatten', (a) => isList(a[0]), (a) => flatten(a[0] as CelValue[], 1n)),
        cost: flattenCost,
      }),
      member('list_flatten_int', [T.list(T.dyn), T.int], T.list(T.dyn), {
        impl: strict('flatten', (a) => isList(a[0]) && typeof a[1] === 'bigint', (a) => flatten(a[0] as CelValue[], a[1] as bigint)),
        cost: flattenCost,
      }),
    ]),
    fn(
      'sort',
      COMPARABLE.map(([name, t]) => member(`list_${name}_sort`, [T.list(t)], T.list(t), { impl: sortImpl, cost: sortCost(false, name) })),
    ),
    fn(
      SORT_BY_ASSOCIATED_KEYS,
      COMPARABLE.map(([name, t]) =>
        member(`list_${name}_sortByAssociatedKeys`, [listT, T.list(t)], listT, {
          typeParams: ['T'],
          impl: sortByImpl,
          cost: sortCost(true, name),
        }),
      ),
    ),
    fn('lists.range', [
      global('lists_range', [T.int], T.list(T.int), {
        impl: strict('lists.range', (a) => typeof a[0] === 'bigint', (a) => listsRange(a[0] as bigint)),
        cost: outputSizeCost(() => estimateAllocating(1, { min: MAX, max: MAX })),
      }),
    ]),
    fn('reverse', [
      member('list_reverse', [listT], listT, {
        typeParams: ['T'],
        impl: strict('reverse', (a) => isList(a[0]), (a) => [...(a[0] as CelValue[])].reverse()),
        cost: outputSizeCost((input) => estimateAllocating(1, sizeAt(input, 0))),
      }),
    ]),
    fn('distinct', [
      member('list_distinct', [listT], listT, {
        typeParams: ['T'],
        impl: strict('distinct', (a) => isList(a[0]), (a) => {
          const l = a[0] as CelValue[];
          return l.length === 0 ? l : distinct(l);
        }),
        cost: {
          runtime: (args) => selfCompare(args[0]),
          estimate: (input) => estimateAllocating(2, square(sizeAt(input, 0))),
        },
      }),
    ]),
  ],
};
