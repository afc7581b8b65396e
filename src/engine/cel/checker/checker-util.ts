// Small helpers of the checker: literal types, qualified names, well-known message types.
import type { Expr } from '../ast.js';
import { T, type CelType } from '../types.js';
import { CelUint } from '../values.js';

/** Well-known protobuf message names for types instantiated by name (`google.protobuf.Timestamp{}`). */
export function wellKnownTypeName(t: CelType): string | undefined {
  if (t.kind === 'dyn') return 'google.protobuf.Value';
  if (t.kind === 'primitive') {
    if (t.name === 'timestamp') return 'google.protobuf.Timestamp';
    if (t.name === 'duration') return 'google.protobuf.Duration';
    if (t.name === 'null_type') return 'google.protobuf.NullValue';
  }
  if (t.kind === 'list' && t.elem.kind === 'dyn') return 'google.protobuf.ListValue';
  if (t.kind === 'map' && t.key.kind === 'primitive' && t.key.name === 'string' && t.value.kind === 'dyn') {
    return 'google.protobuf.Struct';
  }
  return undefined;
}

/** Fields of the well-known messages the Kubernetes registry knows, for when the provider does not. */
export const WELL_KNOWN_FIELDS: Readonly<Record<string, Readonly<Record<string, CelType>>>> = {
  'google.protobuf.Timestamp': { seconds: T.int, nanos: T.int },
  'google.protobuf.Duration': { seconds: T.int, nanos: T.int },
};

export function literalType(v: unknown): CelType | undefined {
  if (v === null) return T.null;
  switch (typeof v) {
    case 'boolean':
      return T.bool;
    case 'bigint':
      return T.int;
    case 'number':
      return T.double;
    case 'string':
      return T.string;
  }
  if (v instanceof CelUint) return T.uint;
  if (v instanceof Uint8Array) return T.bytes;
  return undefined;
}

/** `a.b.c` as a dotted name, when the expression is only identifiers and selections. */
export function toQualifiedName(e: Expr): string | undefined {
  if (e.kind === 'ident') return e.name;
  if (e.kind === 'select' && !e.testOnly) {
    const q = toQualifiedName(e.operand);
    return q === undefined ? undefined : `${q}.${e.field}`;
  }
  return undefined;
}

/** The container is always '' here, so a name resolves to itself (minus a leading dot). */
export function candidateName(name: string): string {
  return name.startsWith('.') ? name.slice(1) : name;
}

/** How cel-go prints an AST node with %v in `unsupported optional field selection` (approximate). */
export function describe(e: Expr): string {
  switch (e.kind) {
    case 'ident':
      return e.name;
    case 'literal':
      return String(e.value);
    default:
      return e.kind;
  }
}
