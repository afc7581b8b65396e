// Runtime type agreement between a value and a declared parameter type (cel-go
// Type.IsAssignableRuntimeType, used by the type guards of non-singleton overloads), and
// cel-go's function-level dynamic dispatch over several candidate overloads.
import type { CallContext, OverloadDecl } from '../decls.js';
import type { CelType } from '../types.js';
import {
  CelError,
  CelMap,
  CelUint,
  Duration,
  OpaqueValue,
  StructValue,
  Timestamp,
  TypeValue,
  isError,
  isJsonObject,
  isOptional,
  type CelValue,
} from '../values.js';
import { noSuchOverloadSig } from './helpers.js';

/**
 * Whether a value may be passed where an overload declares `t`. A list or map is judged by its
 * first element (and key), an empty one matches, as cel-go's defaultIsAssignableRuntimeType
 * does. Direct tests per kind: the interpreter's dispatch calls this.
 */
export function matchesRuntimeType(t: CelType, v: CelValue): boolean {
  switch (t.kind) {
    case 'dyn':
    case 'param':
      return true;
    case 'error':
      return isError(v);
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
      return Array.isArray(v) && (v.length === 0 || matchesRuntimeType(t.elem, v[0]));
    case 'map': {
      if (v instanceof CelMap) {
        const first = v.entries().next();
        return first.done === true || (matchesRuntimeType(t.key, first.value[0]) && matchesRuntimeType(t.value, first.value[1]));
      }
      if (!isJsonObject(v)) return false;
      for (const k in v) return matchesRuntimeType(t.key, k) && matchesRuntimeType(t.value, v[k]);
      return true;
    }
    case 'type':
      return v instanceof TypeValue;
    case 'opaque':
      if (t.name === 'optional_type') return isOptional(v);
      return v instanceof OpaqueValue && v.celType.kind === 'opaque' && v.celType.name === t.name;
    case 'struct':
      return v instanceof StructValue && v.type.name === t.name;
  }
}

export function matchesRuntimeSignature(o: OverloadDecl, args: readonly CelValue[]): boolean {
  if (args.length !== o.params.length) return false;
  for (let i = 0; i < args.length; i++) if (!matchesRuntimeType(o.params[i], args[i])) return false;
  return true;
}

/**
 * A guarded implementation (cel-go decls guardedUnaryOp/guardedBinaryOp): when the arguments
 * do not agree with the overload's parameter types the answer is
 * `no such overload: <fn>(<runtime types>)`; an error argument is returned as is.
 */
export function guarded(
  fnName: string,
  params: readonly CelType[],
  op: (args: readonly CelValue[], ctx: CallContext) => CelValue,
): (args: readonly CelValue[], ctx: CallContext) => CelValue {
  return (args, ctx) => {
    for (const a of args) if (a instanceof CelError) return a;
    if (args.length !== params.length || params.some((p, i) => !matchesRuntimeType(p, args[i]))) {
      return noSuchOverloadSig(fnName, args);
    }
    return op(args, ctx);
  };
}

/**
 * cel-go's function-level dispatch, used when the checker left several candidate overloads
 * (e.g. `int(dyn(x))`): the first overload whose parameter types agree with the arguments runs;
 * none agreeing is `no such overload: <fn>(<runtime types>)`. Singleton functions (every overload
 * sharing one implementation, like the operators) run that implementation directly.
 */
export function dispatchOverloads(
  fnName: string,
  overloads: readonly OverloadDecl[],
  args: readonly CelValue[],
  ctx: CallContext,
): CelValue {
  // A singleton function (all overloads share one implementation) dispatches by itself.
  const first = overloads[0]?.impl;
  if (first && overloads.every((o) => o.impl === first)) return first(args, ctx);
  for (const o of overloads) {
    if (o.impl && matchesRuntimeSignature(o, args)) return o.impl(args, ctx);
  }
  return noSuchOverloadSig(fnName, args);
}
