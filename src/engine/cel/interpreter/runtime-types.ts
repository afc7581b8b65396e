// The Go spellings of values and types that cel-go puts in the interpreter's messages (the
// runtime type tests and CEL type names are the standard library's).
import { runtimeTypeName } from '../stdlib/helpers.js';
import { formatGoFloat } from '../stdlib/numfmt.js';
import { CelMap, CelUint, Duration, StructValue, Timestamp, TypeValue, isError, isJsonObject, isOptional, type CelValue } from '../values.js';

/** Go's `%T` of the cel-go value (used by `got '%T', expected iterable type`). */
export function goTypeName(v: CelValue): string {
  if (v === null) return 'types.Null';
  switch (typeof v) {
    case 'boolean':
      return 'types.Bool';
    case 'bigint':
      return 'types.Int';
    case 'number':
      return 'types.Double';
    case 'string':
      return 'types.String';
  }
  if (v instanceof CelUint) return 'types.Uint';
  if (v instanceof Uint8Array) return 'types.Bytes';
  if (v instanceof Timestamp) return 'types.Timestamp';
  if (v instanceof Duration) return 'types.Duration';
  if (v instanceof TypeValue) return '*types.Type';
  if (isOptional(v)) return '*types.Optional';
  if (Array.isArray(v)) return '*types.baseList';
  if (v instanceof CelMap || isJsonObject(v)) return '*types.baseMap';
  if (v instanceof StructValue) return '*dynamic.ObjectVal';
  if (isError(v)) return '*types.Err';
  return `*types.${runtimeTypeName(v)}`;
}

/** Go's `%v` of a scalar CEL value (map keys and indexes in `no such key: %v`). */
export function formatGoValue(v: CelValue): string {
  if (v === null) return 'NULL_VALUE';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number':
      return formatGoFloat(v, 'v');
    case 'string':
      return v;
  }
  if (v instanceof CelUint) return v.value.toString();
  if (isError(v)) return v.message;
  return runtimeTypeName(v);
}
