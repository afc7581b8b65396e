// cel-go's heterogeneous equality (common/types/util.go Equal and each type's Equal method):
// numbers compare across int/uint/double (NaN equals nothing), values of different kinds are
// unequal (never an error), lists and maps compare deeply, null equals only null.
import {
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
import { kindOf } from './helpers.js';
import { typeName } from '../types.js';

export function celEquals(a: CelValue, b: CelValue): boolean {
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
      for (let i = 0; i < x.length; i++) if (!celEquals(x[i], b[i])) return false;
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
        if (!celEquals(v, w)) return false;
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
      return celEquals(x.value as CelValue, b.value as CelValue);
    }
    case 'struct':
      return b instanceof StructValue && (a as StructValue).equals(b);
    case 'opaque':
      return b instanceof OpaqueValue && (a as OpaqueValue).equals(b);
    default:
      return false;
  }
}
