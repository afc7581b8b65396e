// size(), `@in` and `_[_]` (cel-go common/stdlib/standard.go; list/map semantics from
// common/types/{list,map}.go; index errors as cel-go's attribute resolution reports them in
// interpreter/attributes.go refQualify: `index out of bounds: 5`, `no such key: b`).
import type { FunctionDecl } from '../decls.js';
import { T } from '../types.js';
import { CelError, CelMap, CelUint, StructValue, isJsonObject, mapGet, mapSize, type CelValue } from '../values.js';
import { A, B, fn, global, listA, mapAB, member, type Impl } from './build.js';
import { inListCost } from './costs.js';
import { singleton } from './dispatch.js';
import { celEquals } from './equality.js';
import { codePointLength, formatV, noSuchOverload, runtimeTypeName } from './helpers.js';

export function sizeOf(v: CelValue): CelValue {
  if (typeof v === 'string') return BigInt(codePointLength(v));
  if (v instanceof Uint8Array) return BigInt(v.length);
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof CelMap || isJsonObject(v)) return BigInt(mapSize(v));
  return noSuchOverload(v);
}

/** `x in container`: list membership by heterogeneous equality, map key presence. */
export function inContainer(elem: CelValue, container: CelValue): CelValue {
  if (elem instanceof CelError) return elem;
  if (container instanceof CelError) return container;
  if (Array.isArray(container)) {
    for (const v of container) if (celEquals(elem, v)) return true;
    return false;
  }
  if (container instanceof CelMap) return container.has(elem);
  if (isJsonObject(container)) return typeof elem === 'string' && Object.hasOwn(container, elem);
  return new CelError('no such overload');
}

/** cel-go's types.IndexOrError: the list position of an int, or an integral double/uint. */
function listIndex(idx: CelValue): number | bigint | CelError {
  if (typeof idx === 'bigint') return idx;
  if (typeof idx === 'number') {
    if (Number.isInteger(idx) && idx > -9223372036854775808 && idx < 9223372036854775808) return BigInt(idx);
    return new CelError(`unsupported index value ${formatV(idx)} in list`);
  }
  if (idx instanceof CelUint) {
    if (idx.value <= 9223372036854775807n) return idx.value;
    return new CelError(`unsupported index value ${formatV(idx)} in list`);
  }
  return new CelError(`unsupported index type '${runtimeTypeName(idx)}' in list`);
}

/** `container[index]` with cel-go's messages; undefined-free. */
export function index(container: CelValue, idx: CelValue): CelValue {
  if (container instanceof CelError) return container;
  if (idx instanceof CelError) return idx;
  if (Array.isArray(container)) {
    const i = listIndex(idx);
    if (i instanceof CelError) return i;
    if (i >= 0 && i < container.length) return container[Number(i)];
    return new CelError(`index out of bounds: ${formatV(idx)}`);
  }
  if (container instanceof CelMap || isJsonObject(container)) {
    const v = mapGet(container, idx);
    return v === undefined ? new CelError(`no such key: ${formatV(idx)}`) : v;
  }
  if (container instanceof StructValue && typeof idx === 'string') return container.get(idx);
  return new CelError(`no such key: ${formatV(idx)}`);
}

const sizeImpl: Impl = singleton('size', 'sizer', (a) => sizeOf(a[0]));
const inImpl: Impl = (a) => inContainer(a[0], a[1]);
const indexImpl: Impl = (a) => index(a[0], a[1]);

export function collectionFunctions(): FunctionDecl[] {
  const tpA = { typeParams: ['A'] } as const;
  const tpAB = { typeParams: ['A', 'B'] } as const;
  return [
    fn('_[_]', [
      global('index_list', [listA, T.int], A, { impl: indexImpl, ...tpA }),
      global('index_map', [mapAB, A], B, { impl: indexImpl, ...tpAB }),
    ]),
    fn('@in', [
      global('in_list', [A, listA], T.bool, { impl: inImpl, cost: inListCost, ...tpA }),
      global('in_map', [A, mapAB], T.bool, { impl: inImpl, ...tpAB }),
    ]),
    fn('size', [
      global('size_bytes', [T.bytes], T.int, { impl: sizeImpl }),
      member('bytes_size', [T.bytes], T.int, { impl: sizeImpl }),
      global('size_list', [listA], T.int, { impl: sizeImpl, ...tpA }),
      member('list_size', [listA], T.int, { impl: sizeImpl, ...tpA }),
      global('size_map', [mapAB], T.int, { impl: sizeImpl, ...tpAB }),
      member('map_size', [mapAB], T.int, { impl: sizeImpl, ...tpAB }),
      global('size_string', [T.string], T.int, { impl: sizeImpl }),
      member('string_size', [T.string], T.int, { impl: sizeImpl }),
    ]),
  ];
}
