// cel-go's heterogeneous equality (common/types/util.go Equal and each type's Equal method):
// numbers compare across int/uint/double (NaN equals nothing), values of different kinds are
// unequal, lists and maps compare deeply, null equals only null. The one error: a Kubernetes
// library value (quantity, ip, url, ...) compared with a value of another Go type answers
// `no such overload`; inside a list or map such an element only fails to be unequal.
import {
  CelError,
  CelMap,
  Duration,
  OpaqueValue,
  Optional,
  StructValue,
  Timestamp,
  TypeValue,
  mapEntries,
  mapGet,
  mapSize,
  type CelValue,
  type JsonObject,
} from '../values.js';
import { asNum, compareNum } from './numeric.js';
import { kindOf, noSuchOverload } from './helpers.js';
import { typeName } from '../types.js';

/** `==` where only `true` counts (list membership, sets, distinct, indexOf). */
export function celEquals(a: CelValue, b: CelValue): boolean {
  return celEqualsOrError(a, b) === true;
}

/** CEL `==` (types.Equal): a boolean, or the error of a Kubernetes value's Equal method. */
export function celEqualsOrError(a: CelValue, b: CelValue): boolean | CelError {
  if (a === null || b === null) return a === b;
  const ka = kindOf(a);
  switch (ka) {
    case 'int':
    case 'uint':
    case 'double': {
      const nb = asNum(b);
      if (!nb) return false;
      return compareNum(asNum(a)!, nb) === 0;
    }
    case 'bool':
    case 'string':
      return a === b;
    case 'bytes': {
      if (!(b instanceof Uint8Array)) return false;
      const x = a as Uint8Array;
      if (x.length !== b.length) return false;
      for (let i = 0; i < x.length; i++) if (x[i] !== b[i]) return false;
      return true;
    }
    case 'list': {
      if (!Array.isArray(b)) return false;
      const x = a as readonly CelValue[];
      if (x.length !== b.length) return false;
      // baseList.Equal stops at False only: an element error counts as equal
      for (let i = 0; i < x.length; i++) if (celEqualsOrError(x[i], b[i]) === false) return false;
      return true;
    }
    case 'map': {
      if (kindOf(b) !== 'map') return false;
      const x = a as JsonObject | CelMap;
      const y = b as JsonObject | CelMap;
      if (mapSize(x) !== mapSize(y)) return false;
      for (const [k, v] of mapEntries(x)) {
        const w = mapGet(y, k);
        if (w === undefined) return false;
        if (celEqualsOrError(v, w) === false) return false;
      }
      return true;
    }
    case 'timestamp':
      return b instanceof Timestamp && (a as Timestamp).seconds === b.seconds && (a as Timestamp).nanos === b.nanos;
    case 'duration':
      return b instanceof Duration && (a as Duration).nanos === b.nanos;
    case 'type':
      return b instanceof TypeValue && typeName((a as TypeValue).type) === typeName(b.type);
    case 'optional': {
      if (!(b instanceof Optional)) return false;
      const x = a as Optional;
      if (!x.present) return !b.present;
      if (!b.present) return false;
      return celEqualsOrError(x.value as CelValue, b.value as CelValue);
    }
    case 'struct': {
      const x = a as StructValue;
      if (x.celEqualsOrError) return x.celEqualsOrError(b);
      return b instanceof StructValue && x.equals(b);
    }
    case 'opaque': {
      const o = a as OpaqueValue & { celEqualsOrError?: (other: CelValue) => boolean | CelError };
      if (o.celEqualsOrError) return o.celEqualsOrError(b);
      // the Kubernetes types' Equal: `other.(IP)` etc. fails for any other type
      return b instanceof OpaqueValue && b.constructor === a.constructor ? o.equals(b) : noSuchOverload(b);
    }
    default:
      return false;
  }
}
