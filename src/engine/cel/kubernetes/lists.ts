// Kubernetes lists library (apiserver pkg/cel/library/lists.go, v0 as used by 1.32-1.36):
// <list>.isSorted(), .sum(), .min(), .max() (error `min called on empty list`), .indexOf(x),
// .lastIndexOf(x). Costs: one traversal of the receiver (cost.go traversalCost).
import type { CallEstimate, CallEstimateInput, Library, OverloadCost, OverloadDecl } from '../decls.js';
import { T } from '../types.js';
import type { CelType } from '../types.js';
import { CelError, CelUint, Duration, isCelList, mapEntries, isCelMap } from '../values.js';
import type { CelValue } from '../values.js';
import { compare } from '../stdlib/comparison.js';
import { celEquals } from '../stdlib/equality.js';
import { add } from '../stdlib/arithmetic.js';
import { STRING_TRAVERSAL_COST_FACTOR, UNKNOWN_SIZE, costMul, costAdd, noSuchOverload, sizeTimes } from './common.js';
import { utf8Length } from '../../json/encode.js';

/** cost.go traversalCost: strings/bytes len × 0.1 (truncated), lists and maps summed, else 1. */
export function traversalCost(v: CelValue): number {
  if (typeof v === 'string') return Math.floor(utf8Length(v) * STRING_TRAVERSAL_COST_FACTOR);
  if (v instanceof Uint8Array) return Math.floor(v.length * STRING_TRAVERSAL_COST_FACTOR);
  if (isCelList(v)) {
    let c = 0;
    for (const e of v) c += traversalCost(e);
    return c;
  }
  if (isCelMap(v)) {
    let c = 0;
    for (const [k, e] of mapEntries(v)) c += traversalCost(k) + traversalCost(e);
    return c;
  }
  return 1;
}

/** cost.go estimate for isSorted/sum/min/max/indexOf/lastIndexOf on a list receiver. */
export function listTraversalEstimate(input: CallEstimateInput): CallEstimate {
  const target = input.args[0];
  if (!target) return { cost: { min: 1, max: 1 } };
  if (target.type.kind !== 'list') return { cost: sizeTimes(target.size, STRING_TRAVERSAL_COST_FACTOR) };
  let el = { min: 1, max: 1 };
  const k = target.type.elem;
  if (k.kind === 'primitive' && (k.name === 'string' || k.name === 'bytes')) el = costAdd(el, sizeTimes(UNKNOWN_SIZE, STRING_TRAVERSAL_COST_FACTOR));
  return { cost: costMul({ min: target.size.min, max: target.size.max }, el) };
}

const TRAVERSAL: OverloadCost = { runtime: (args) => traversalCost(args[0]), estimate: listTraversalEstimate };

const SUMMABLE: [string, CelType, CelValue][] = [
  ['int', T.int, 0n],
  ['uint', T.uint, new CelUint(0n)],
  ['double', T.double, 0],
  ['duration', T.duration, new Duration(0n)],
];
const COMPARABLE: [string, CelType][] = [
  ['int', T.int],
  ['uint', T.uint],
  ['double', T.double],
  ['bool', T.bool],
  ['duration', T.duration],
  ['timestamp', T.timestamp],
  ['string', T.string],
  ['bytes', T.bytes],
];

function isSorted(list: CelValue): CelValue {
  if (!isCelList(list)) return noSuchOverload(list);
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) === 1) return false;
  return true;
}

/**
 * The overload is chosen by the list's first element (runtimetypes.ts, as cel-go's
 * IsAssignableRuntimeType): `dyn([1.0, 2.0]).sum()` runs the double overload, from 0.0.
 */
function sum(list: CelValue, zero: CelValue): CelValue {
  if (!isCelList(list)) return noSuchOverload(list);
  let acc = zero;
  for (const e of list) {
    acc = add(acc, e);
    if (acc instanceof CelError) return acc;
  }
  return acc;
}

function extreme(name: 'min' | 'max', list: CelValue): CelValue {
  if (!isCelList(list)) return noSuchOverload(list);
  if (list.length === 0) return new CelError(`${name} called on empty list`);
  const prefer = name === 'min' ? 1 : -1;
  let result = list[0];
  for (let i = 1; i < list.length; i++) if (compare(result, list[i]) === prefer) result = list[i];
  return result;
}

function indexOf(list: CelValue, item: CelValue, last: boolean): CelValue {
  if (!isCelList(list)) return noSuchOverload(list);
  if (last) {
    for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], item)) return BigInt(i);
  } else {
    for (let i = 0; i < list.length; i++) if (celEquals(list[i], item)) return BigInt(i);
  }
  return -1n;
}

const memberList = (id: string, elem: CelType, result: CelType, impl: OverloadDecl['impl'], extra: CelType[] = [], typeParams?: string[]): OverloadDecl => ({
  id,
  member: true,
  params: [T.list(elem), ...extra],
  result,
  impl,
  cost: TRAVERSAL,
  ...(typeParams ? { typeParams } : {}),
});

const A = T.param('A');

export const listsLibrary: Library = {
  name: 'kubernetes.lists',
  functions: [
    { name: 'isSorted', overloads: COMPARABLE.map(([n, t]) => memberList(`list_${n}_is_sorted_bool`, t, T.bool, ([l]) => isSorted(l))) },
    { name: 'sum', overloads: SUMMABLE.map(([n, t, z]) => memberList(`list_${n}_sum_${n}`, t, t, ([l]) => sum(l, z))) },
    { name: 'max', overloads: COMPARABLE.map(([n, t]) => memberList(`list_${n}_max_${n}`, t, t, ([l]) => extreme('max', l))) },
    { name: 'min', overloads: COMPARABLE.map(([n, t]) => memberList(`list_${n}_min_${n}`, t, t, ([l]) => extreme('min', l))) },
    { name: 'indexOf', overloads: [memberList('list_a_index_of_int', A, T.int, ([l, x]) => indexOf(l, x, false), [A], ['A'])] },
    { name: 'lastIndexOf', overloads: [memberList('list_a_last_index_of_int', A, T.int, ([l, x]) => indexOf(l, x, true), [A], ['A'])] },
  ],
};
