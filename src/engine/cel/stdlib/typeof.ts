// type(x) and the runtime type of values (cel-go's val.Type(): list and map values report
// `list(dyn)`/`map(dyn, dyn)`, i.e. the runtime names `list` and `map`).
import { T, type CelType } from '../types.js';
import { CelError, OpaqueValue, StructValue, TypeValue, type CelValue } from '../values.js';
import { kindOf } from './helpers.js';

export function typeOfValue(v: CelValue): CelType {
  switch (kindOf(v)) {
    case 'null':
      return T.null;
    case 'bool':
      return T.bool;
    case 'int':
      return T.int;
    case 'uint':
      return T.uint;
    case 'double':
      return T.double;
    case 'string':
      return T.string;
    case 'bytes':
      return T.bytes;
    case 'list':
      return T.list(T.dyn);
    case 'map':
      return T.map(T.dyn, T.dyn);
    case 'timestamp':
      return T.timestamp;
    case 'duration':
      return T.duration;
    case 'type':
      return T.type;
    case 'optional':
      return T.optional(T.dyn);
    case 'struct':
      return T.struct((v as StructValue).type.name);
    case 'opaque':
      return (v as OpaqueValue).celType;
    case 'error':
      return T.error;
  }
}

/** The implementation of `type(x)`. */
export function typeOfValueAsTypeValue(v: CelValue): CelValue {
  if (v instanceof CelError) return v;
  return new TypeValue(typeOfValue(v));
}

/** The type denotations available as identifiers (`int`, `list`, `google.protobuf.Timestamp`, …). */
export function typeDenotations(): { readonly name: string; readonly value: TypeValue }[] {
  const list: [string, CelType][] = [
    ['bool', T.bool],
    ['bytes', T.bytes],
    ['double', T.double],
    ['google.protobuf.Duration', T.duration],
    ['int', T.int],
    ['list', T.list(T.param('A'))],
    ['map', T.map(T.param('A'), T.param('B'))],
    ['null_type', T.null],
    ['string', T.string],
    ['google.protobuf.Timestamp', T.timestamp],
    ['type', T.type],
    ['uint', T.uint],
    ['optional_type', T.optional(T.param('T'))],
  ];
  return list.map(([name, t]) => ({ name, value: new TypeValue(t) }));
}
