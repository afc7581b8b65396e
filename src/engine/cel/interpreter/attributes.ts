// Select and index as cel-go's attribute qualifiers do them (interpreter/attributes.go refQualify):
// the same rules, and the same messages, for maps, lists, structs and everything else.
import {
  CelError,
  CelMap,
  CelUint,
  INT64_MAX,
  StructValue,
  isJsonObject,
  isError,
  type CelValue,
} from '../values.js';
import { runtimeTypeName } from '../stdlib/helpers.js';
import { formatGoValue, goTypeName } from './runtime-types.js';

/** Marks an absent entry in presence-testing qualification. */
export const ABSENT: unique symbol = Symbol('absent');
export type Qualified = CelValue | typeof ABSENT;

export function noSuchKey(key: CelValue): CelError {
  return new CelError(`no such key: ${formatGoValue(key)}`);
}

function indexOutOfBounds(key: CelValue): CelError {
  return new CelError(`index out of bounds: ${formatGoValue(key)}`);
}

const SAFE = 2n ** 53n;
const NEG_SAFE = -SAFE;

/** cel-go's types.IndexOrError: an int index, or the error for keys lists cannot take. */
function listIndex(key: CelValue): number | CelError {
  if (typeof key === 'bigint') return key >= NEG_SAFE && key <= SAFE ? Number(key) : key > 0n ? Infinity : -1;
  if (typeof key === 'number') {
    if (Number.isInteger(key) && Math.abs(key) <= 2 ** 53) return key;
    return new CelError(`unsupported index value ${formatGoValue(key)} in list`);
  }
  if (key instanceof CelUint) {
    if (key.value <= INT64_MAX) return key.value <= SAFE ? Number(key.value) : Infinity;
    return new CelError(`unsupported index value ${formatGoValue(key)} in list`);
  }
  return new CelError(`unsupported index type '${runtimeTypeName(key)}' in list`);
}

/** Whether a value may be used as an index or key at all (cel-go's NewQualifier). */
export function invalidQualifier(key: CelValue): CelError | undefined {
  if (
    typeof key === 'string' ||
    typeof key === 'bigint' ||
    typeof key === 'number' ||
    typeof key === 'boolean' ||
    key instanceof CelUint
  )
    return undefined;
  if (isError(key)) return key;
  return new CelError(`invalid qualifier type: ${goTypeName(key)}`);
}

/**
 * Qualifies `obj` by `key`. With `presence`, a missing entry gives ABSENT instead of an error
 * (optional selection, has()).
 */
export function qualify(obj: CelValue, key: CelValue, presence: boolean): Qualified {
  if (isJsonObject(obj)) {
    if (typeof key === 'string' && Object.hasOwn(obj, key)) return obj[key];
    return presence ? ABSENT : noSuchKey(key);
  }
  if (Array.isArray(obj)) {
    const i = listIndex(key);
    if (typeof i !== 'number') return i;
    if (i >= 0 && i < obj.length) return obj[i];
    return presence ? ABSENT : indexOutOfBounds(key);
  }
  if (obj instanceof CelMap) {
    const v = obj.get(key);
    if (v !== undefined) return v;
    return presence ? ABSENT : noSuchKey(key);
  }
  if (obj instanceof StructValue) {
    if (typeof key !== 'string') return presence ? ABSENT : noSuchKey(key);
    if (presence) {
      const present = obj.has(key);
      if (present !== true) return present === false ? ABSENT : present;
    }
    return obj.get(key);
  }
  if (isError(obj)) return obj;
  return presence ? ABSENT : noSuchKey(key);
}

/** has(obj.key): presence only (maps: key present; structs: field set; others: false). */
export function presenceTest(obj: CelValue, key: CelValue): boolean | CelError {
  if (isJsonObject(obj)) return typeof key === 'string' && Object.hasOwn(obj, key);
  if (obj instanceof CelMap) return obj.has(key);
  if (obj instanceof StructValue) return typeof key === 'string' && obj.has(key);
  if (Array.isArray(obj)) {
    const i = listIndex(key);
    if (typeof i !== 'number') return i;
    return i >= 0 && i < obj.length;
  }
  if (isError(obj)) return obj;
  return false;
}
