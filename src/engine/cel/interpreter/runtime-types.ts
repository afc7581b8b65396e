// Runtime type tests and the Go spellings of values and types that cel-go puts in its messages.
import type { CelType } from '../types.js';
import {
  CelMap,
  CelUint,
  Duration,
  OpaqueValue,
  StructValue,
  Timestamp,
  TypeValue,
  isJsonObject,
  type CelValue,
} from '../values.js';
import { isError, isOptional } from './guards.js';

/**
 * Whether a value may be passed where an overload declares `t` (cel-go's
 * IsAssignableRuntimeType: only the kind is checked, never list/map parameters).
 */
export function matchesRuntimeType(t: CelType, v: CelValue): boolean {
  switch (t.kind) {
    case 'dyn':
    case 'param':
    case 'error':
      return true;
    case 'primitive':
      switch (t.name) {
        case 'int':
          return typeof v === 'bigint';
        case 'uint':
          return v instanceof CelUint;
        case 'double':
          return typeof v === 'number';
        case 'bool':
          return typeof v === 'boolean';
        case 'string':
          return typeof v === 'string';
        case 'bytes':
          return v instanceof Uint8Array;
        case 'null_type':
          return v === null;
        case 'timestamp':
          return v instanceof Timestamp;
        case 'duration':
          return v instanceof Duration;
      }
      return false;
    case 'list':
      return Array.isArray(v);
    case 'map':
      return v instanceof CelMap || isJsonObject(v);
    case 'type':
      return v instanceof TypeValue;
    case 'opaque':
      if (t.name === 'optional_type') return isOptional(v);
      return v instanceof OpaqueValue && v.celType.kind === 'opaque' && v.celType.name === t.name;
    case 'struct':
      return v instanceof StructValue && v.type.name === t.name;
  }
}

/** The CEL type name of a value, as `ref.Val.Type()` prints (`int`, `list`, `map`, …). */
export function celTypeName(v: CelValue): string {
  if (v === null) return 'null_type';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'double';
    case 'string':
      return 'string';
  }
  if (v instanceof CelUint) return 'uint';
  if (v instanceof Uint8Array) return 'bytes';
  if (Array.isArray(v)) return 'list';
  if (v instanceof CelMap || isJsonObject(v)) return 'map';
  if (v instanceof Timestamp) return 'google.protobuf.Timestamp';
  if (v instanceof Duration) return 'google.protobuf.Duration';
  if (v instanceof TypeValue) return 'type';
  if (isOptional(v)) return 'optional_type';
  if (v instanceof StructValue) return v.type.name;
  if (v instanceof OpaqueValue) return v.celType.kind === 'opaque' ? v.celType.name : 'opaque';
  if (isError(v)) return 'error';
  return 'unknown';
}

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
  return `*types.${celTypeName(v)}`;
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
      return goFloatV(v);
    case 'string':
      return v;
  }
  if (v instanceof CelUint) return v.value.toString();
  if (isError(v)) return v.message;
  return celTypeName(v);
}

/** Go's `%v` for a float64: strconv 'g' with the shortest digits; exponent form below 1e-4 and from 1e6. */
export function goFloatV(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  // Shortest round-trip digits, then Go's choice between %e and %f (eprec = 6 when shortest).
  const exp = n.toExponential(); // d.ddde±x
  const [mant, e] = exp.split('e');
  const x = Number(e);
  if (x < -4 || x >= 6) {
    const ee = Math.abs(x) < 10 ? `0${Math.abs(x)}` : `${Math.abs(x)}`;
    return `${mant}e${x < 0 ? '-' : '+'}${ee}`;
  }
  // Within [1e-4, 1e6) JavaScript's shortest form is Go's too.
  return n.toString();
}
