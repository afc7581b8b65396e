// cel-go's two-variable comprehensions (ext/comprehensions.go, cel-go v0.22+; Kubernetes
// `ext.TwoVarComprehensions()` from 1.32): the macros all/exists/existsOne/exists_one (3 args),
// transformList, transformMap, transformMapEntry (3 or 4 args) are expanded by the parser;
// transformMap and transformMapEntry accumulate with the internal function `cel.@mapInsert`,
// implemented here. Inserting a key that is already present is an error
// (`insert failed: key <k> already exists`, common/types/map.go InsertMapKeyValue).
import type { Library } from '../decls.js';
import { T } from '../types.js';
import { CelError, CelMap, CelUint, isCelMap, mapEntries, mapGet, newJsonObject, type CelValue, type JsonObject } from '../values.js';
import { fn, global } from '../stdlib/build.js';
import { formatV, noSuchOverloadSig } from '../stdlib/helpers.js';

export const MAP_INSERT = 'cel.@mapInsert';

/** The macros this library adds (two-variable forms, selected by argument count). */
export const TWO_VAR_MACROS = ['all', 'exists', 'existsOne', 'exists_one', 'transformList', 'transformMap', 'transformMapEntry'] as const;

const K = T.param('K');
const V = T.param('V');
const mapKV = T.map(K, V);

/** A copy of `m` with k -> v added, or the duplicate-key error. */
export function mapInsert(m: JsonObject | CelMap, k: CelValue, v: CelValue): CelValue {
  if (mapGet(m, k) !== undefined) return new CelError(`insert failed: key ${formatV(k)} already exists`);
  if (!(m instanceof CelMap) && typeof k === 'string') {
    const out = newJsonObject();
    for (const key of Object.keys(m)) out[key] = m[key];
    out[k] = v;
    return out;
  }
  if (typeof k !== 'string' && typeof k !== 'bigint' && typeof k !== 'boolean' && !(k instanceof CelUint)) {
    return new CelError(`unsupported key type: ${formatV(k)}`);
  }
  return new CelMap([...mapEntries(m), [k, v]]);
}

export function mapInsertAll(target: JsonObject | CelMap, update: JsonObject | CelMap): CelValue {
  let m: CelValue = target;
  for (const [k, v] of mapEntries(update)) {
    m = mapInsert(m as JsonObject | CelMap, k, v);
    if (m instanceof CelError) return m;
  }
  return m;
}

export const twoVarComprehensionsLibrary: Library = {
  name: 'cel.lib.ext.comprev2',
  // `existsOne` is left to the environment: the parser enables macros by name, and Kubernetes
  // 1.32 (cel-go 0.22) has the 3-argument existsOne but not the 2-argument one.
  macros: TWO_VAR_MACROS.filter((m) => m !== 'existsOne'),
  functions: [
    fn(MAP_INSERT, [
      global('@mapInsert_map_key_value', [mapKV, K, V], mapKV, {
        typeParams: ['K', 'V'],
        impl: (args) => {
          for (const a of args) if (a instanceof CelError) return a;
          const m = args[0];
          if (!isCelMap(m)) return noSuchOverloadSig(MAP_INSERT, args);
          return mapInsert(m, args[1], args[2]);
        },
      }),
      global('@mapInsert_map_map', [mapKV, mapKV], mapKV, {
        typeParams: ['K', 'V'],
        impl: (args) => {
          for (const a of args) if (a instanceof CelError) return a;
          const [m, u] = args;
          if (!isCelMap(m) || !isCelMap(u)) return noSuchOverloadSig(MAP_INSERT, args);
          return mapInsertAll(m, u);
        },
      }),
    ]),
  ],
};
