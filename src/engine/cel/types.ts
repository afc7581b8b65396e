// CEL types as the checker sees them (cel-go's types.Type), and their names in messages.

export type PrimitiveName =
  | 'int'
  | 'uint'
  | 'double'
  | 'bool'
  | 'string'
  | 'bytes'
  | 'null_type'
  | 'timestamp'
  | 'duration';

export type CelType =
  | { readonly kind: 'primitive'; readonly name: PrimitiveName }
  | { readonly kind: 'dyn' }
  | { readonly kind: 'error' }
  | { readonly kind: 'list'; readonly elem: CelType }
  | { readonly kind: 'map'; readonly key: CelType; readonly value: CelType }
  /** `type` (param undefined) or `type(T)` */
  | { readonly kind: 'type'; readonly param?: CelType }
  /**
   * Opaque host types, `optional_type(T)` included (name 'optional_type'). `object`: declared
   * with cel.ObjectType (a struct to cel-go's checker) but unknown to the type provider.
   */
  | { readonly kind: 'opaque'; readonly name: string; readonly params: readonly CelType[]; readonly object?: true }
  /** Struct / object types resolved by the environment's type provider (JSONPatch, Object.…, kubernetes.AdmissionRequest). */
  | { readonly kind: 'struct'; readonly name: string }
  /** A type parameter of an overload signature, e.g. `A` in `list(A).size()`. */
  | { readonly kind: 'param'; readonly name: string };

const prim = (name: PrimitiveName): CelType => ({ kind: 'primitive', name });

export const T = {
  int: prim('int'),
  uint: prim('uint'),
  double: prim('double'),
  bool: prim('bool'),
  string: prim('string'),
  bytes: prim('bytes'),
  null: prim('null_type'),
  timestamp: prim('timestamp'),
  duration: prim('duration'),
  dyn: { kind: 'dyn' } as CelType,
  error: { kind: 'error' } as CelType,
  type: { kind: 'type' } as CelType,
  list: (elem: CelType): CelType => ({ kind: 'list', elem }),
  map: (key: CelType, value: CelType): CelType => ({ kind: 'map', key, value }),
  typeOf: (param: CelType): CelType => ({ kind: 'type', param }),
  optional: (param: CelType): CelType => ({ kind: 'opaque', name: 'optional_type', params: [param] }),
  opaque: (name: string, ...params: CelType[]): CelType => ({ kind: 'opaque', name, params }),
  hostObject: (name: string): CelType => ({ kind: 'opaque', name, params: [], object: true }),
  struct: (name: string): CelType => ({ kind: 'struct', name }),
  param: (name: string): CelType => ({ kind: 'param', name }),
} as const;

/**
 * cel-go's Type.TypeName(): the runtime type name with parameters erased (`list`, `map`,
 * `google.protobuf.Timestamp`, …). Two type values are equal when these names are
 * (common/types/types.go Type.Equal).
 */
export function typeName(t: CelType): string {
  switch (t.kind) {
    case 'primitive':
      if (t.name === 'timestamp') return 'google.protobuf.Timestamp';
      if (t.name === 'duration') return 'google.protobuf.Duration';
      return t.name;
    case 'dyn':
    case 'list':
    case 'map':
    case 'type':
    case 'error':
      return t.kind;
    case 'opaque':
    case 'struct':
    case 'param':
      return t.name;
  }
}

/**
 * The type's name as cel-go prints it in messages (`list(int)`, `map(string, dyn)`,
 * `optional_type(string)`, `google.protobuf.Timestamp`, …).
 */
export function formatType(t: CelType): string {
  switch (t.kind) {
    case 'primitive':
    case 'dyn':
      return typeName(t);
    case 'error':
      return '*error*';
    case 'list':
      return `list(${formatType(t.elem)})`;
    case 'map':
      return `map(${formatType(t.key)}, ${formatType(t.value)})`;
    case 'type':
      return t.param ? `type(${formatType(t.param)})` : 'type';
    case 'opaque':
      return t.params.length ? `${t.name}(${t.params.map(formatType).join(', ')})` : t.name;
    case 'struct':
      return t.name;
    case 'param':
      return t.name;
  }
}
