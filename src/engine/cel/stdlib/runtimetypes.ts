// Runtime type agreement between a value and a declared parameter type (cel-go
// Type.IsAssignableRuntimeType, used by the type guards of non-singleton overloads), and
// cel-go's function-level dynamic dispatch over several candidate overloads.
import type { CallContext, OverloadDecl } from '../decls.js';
import type { CelType } from '../types.js';
import { CelError, OpaqueValue, Optional, StructValue, TypeValue, type CelValue } from '../values.js';
import { kindOf, noSuchOverloadSig } from './helpers.js';

export function matchesRuntimeType(t: CelType, v: CelValue): boolean {
  switch (t.kind) {
    case 'dyn':
    case 'param':
      return true;
    case 'error':
      return v instanceof CelError;
    case 'primitive': {
      const k = kindOf(v);
      return t.name === 'null_type' ? k === 'null' : k === t.name;
    }
    case 'list':
      return kindOf(v) === 'list';
    case 'map':
      return kindOf(v) === 'map';
    case 'type':
      return v instanceof TypeValue;
    case 'opaque':
      if (t.name === 'optional_type') return v instanceof Optional;
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
