// cel-go's sets extension (ext/sets.go, cel-go v0.26.0), enabled in Kubernetes from 1.29
// (`ext.Sets()`): sets.contains, sets.equivalent, sets.intersects over list(T) x list(T).
// Membership uses CEL's heterogeneous equality (1 == 1.0 inside a list(dyn)); there is no
// cross-type overload, so `sets.contains([1, 2], [1.0])` does not type-check.
import type { Library, OverloadCost } from '../decls.js';
import { T } from '../types.js';
import { CelError, type CelValue } from '../values.js';
import { fn, global } from '../stdlib/build.js';
import { actualSize } from '../stdlib/costs.js';
import { addSat, mulSat, sizeAt } from '../cost-math.js';
import { celEquals } from '../stdlib/equality.js';
import { noSuchOverloadSig } from '../stdlib/helpers.js';

const listT = T.list(T.param('T'));

export function setsContains(list: readonly CelValue[], sub: readonly CelValue[]): boolean {
  return sub.every((x) => list.some((y) => celEquals(x, y)));
}

export function setsEquivalent(a: readonly CelValue[], b: readonly CelValue[]): boolean {
  return setsContains(a, b) && setsContains(b, a);
}

export function setsIntersects(a: readonly CelValue[], b: readonly CelValue[]): boolean {
  return a.some((x) => b.some((y) => celEquals(x, y)));
}

/** ext/sets.go trackSetsCost / estimateSetsCost: 1 + |a| * |b| * factor. */
function setsCost(factor: number): OverloadCost {
  return {
    runtime: (args) => 1 + Math.floor(actualSize(args[0]) * actualSize(args[1]) * factor),
    estimate: (input) => {
      const a = sizeAt(input, 0);
      const b = sizeAt(input, 1);
      const f = (x: number, y: number) => addSat(Math.ceil(mulSat(mulSat(x, y), factor)), 1);
      return { cost: { min: f(a.min, b.min), max: f(a.max, b.max) } };
    },
  };
}

function binary(name: string, op: (a: readonly CelValue[], b: readonly CelValue[]) => boolean) {
  return (args: readonly CelValue[]): CelValue => {
    for (const a of args) if (a instanceof CelError) return a;
    if (!Array.isArray(args[0]) || !Array.isArray(args[1])) return noSuchOverloadSig(name, args);
    return op(args[0], args[1]);
  };
}

export const setsLibrary: Library = {
  name: 'cel.lib.ext.sets',
  functions: [
    fn('sets.contains', [
      global('list_sets_contains_list', [listT, listT], T.bool, {
        typeParams: ['T'],
        impl: binary('sets.contains', setsContains),
        cost: setsCost(1),
      }),
    ]),
    fn('sets.equivalent', [
      global('list_sets_equivalent_list', [listT, listT], T.bool, {
        typeParams: ['T'],
        impl: binary('sets.equivalent', setsEquivalent),
        cost: setsCost(2),
      }),
    ]),
    fn('sets.intersects', [
      global('list_sets_intersects_list', [listT, listT], T.bool, {
        typeParams: ['T'],
        impl: binary('sets.intersects', setsIntersects),
        cost: setsCost(1),
      }),
    ]),
  ],
};
