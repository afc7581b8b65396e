// How cel-go reaches a standard operator's implementation at run time, and what it says when the
// operands do not fit (interpreter/interpretable.go evalUnary/evalBinary, common/types/types.go
// trait masks): the singleton implementation runs when the first operand has the operator's
// trait; otherwise a "receiver" value (string, timestamp, duration) answers `no such overload`,
// and any other value gives `no such overload: <function>`.
import { CelError, type CelValue } from '../values.js';
import { kindOf, type Kind } from './helpers.js';

export type Trait = 'adder' | 'subtractor' | 'multiplier' | 'divider' | 'modder' | 'negator' | 'comparer' | 'sizer' | 'matcher' | 'container' | 'indexer';

const TRAITS: Partial<Record<Kind, readonly Trait[]>> = {
  bool: ['comparer', 'negator'],
  bytes: ['adder', 'comparer', 'sizer'],
  double: ['adder', 'comparer', 'divider', 'multiplier', 'negator', 'subtractor'],
  duration: ['adder', 'comparer', 'negator', 'subtractor'],
  int: ['adder', 'comparer', 'divider', 'modder', 'multiplier', 'negator', 'subtractor'],
  string: ['adder', 'comparer', 'matcher', 'sizer'],
  timestamp: ['adder', 'comparer', 'subtractor'],
  uint: ['adder', 'comparer', 'divider', 'modder', 'multiplier', 'subtractor'],
  list: ['adder', 'container', 'indexer', 'sizer'],
  map: ['container', 'indexer', 'sizer'],
};

const RECEIVERS: ReadonlySet<Kind> = new Set<Kind>(['string', 'timestamp', 'duration']);

export function hasTrait(v: CelValue, t: Trait): boolean {
  return TRAITS[kindOf(v)]?.includes(t) ?? false;
}

/** The error when the first operand lacks the operator's trait. */
export function traitMismatch(fn: string, arg0: CelValue): CelError {
  if (arg0 instanceof CelError) return arg0;
  return RECEIVERS.has(kindOf(arg0)) ? new CelError('no such overload') : new CelError(`no such overload: ${fn}`);
}

/**
 * Wraps a singleton implementation: strict error propagation, the trait guard, then the op.
 * Every overload of the function shares the resulting implementation, as in cel-go.
 */
export function singleton(fn: string, trait: Trait | undefined, op: (args: readonly CelValue[]) => CelValue) {
  return (args: readonly CelValue[]): CelValue => {
    for (const a of args) if (a instanceof CelError) return a;
    if (trait && !hasTrait(args[0], trait)) return traitMismatch(fn, args[0]);
    return op(args);
  };
}
