// Tiny AST builders and a tiny library, to test the evaluator without parser or checker.
import type { Expr, MapEntry } from '../../../../src/engine/cel/ast.js';
import type { Library, OverloadDecl } from '../../../../src/engine/cel/decls.js';
import { T } from '../../../../src/engine/cel/types.js';
import { CelError, type CelValue } from '../../../../src/engine/cel/values.js';

let next = 1;
const r = { start: 0, end: 0 };
const id = () => next++;

export const lit = (value: CelValue): Expr => ({ kind: 'literal', id: id(), range: r, value });
export const ident = (name: string): Expr => ({ kind: 'ident', id: id(), range: r, name });
export const sel = (operand: Expr, field: string, testOnly = false): Expr => ({ kind: 'select', id: id(), range: r, operand, field, testOnly });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: 'call', id: id(), range: r, fn, args });
export const mcall = (target: Expr, fn: string, ...args: Expr[]): Expr => ({ kind: 'call', id: id(), range: r, fn, target, args });
export const list = (...elements: Expr[]): Expr => ({ kind: 'list', id: id(), range: r, elements, optionalIndices: [] });
export const map = (...kv: [Expr, Expr][]): Expr => ({
  kind: 'map',
  id: id(),
  range: r,
  entries: kv.map(([key, value]): MapEntry => ({ id: id(), range: r, key, value, optional: false })),
});

/** `range.exists(v, pred)` as the parser expands it. */
export function exists(range: Expr, v: string, pred: Expr): Expr {
  return {
    kind: 'comprehension',
    id: id(),
    range: r,
    iterVar: v,
    iterRange: range,
    accuVar: '@result',
    accuInit: lit(false),
    loopCondition: call('@not_strictly_false', call('!_', ident('@result'))),
    loopStep: call('_||_', ident('@result'), pred),
    result: ident('@result'),
  };
}

/** `range.map(v, f)` as the parser expands it. */
export function mapMacro(range: Expr, v: string, f: Expr): Expr {
  return {
    kind: 'comprehension',
    id: id(),
    range: r,
    iterVar: v,
    iterRange: range,
    accuVar: '@result',
    accuInit: list(),
    loopCondition: lit(true),
    loopStep: call('_+_', ident('@result'), list(f)),
    result: ident('@result'),
  };
}

const g = (o: Omit<OverloadDecl, 'member'>): OverloadDecl => ({ member: false, ...o });

export const tinyLib: Library = {
  name: 'tiny',
  functions: [
    {
      name: '_+_',
      overloads: [
        g({ id: 'add_int64', params: [T.int, T.int], result: T.int, impl: ([a, b]) => (a as bigint) + (b as bigint) }),
        g({ id: 'add_list', params: [T.list(T.dyn), T.list(T.dyn)], result: T.list(T.dyn), impl: ([a, b]) => [...(a as CelValue[]), ...(b as CelValue[])] }),
      ],
    },
    {
      name: '_/_',
      overloads: [
        g({ id: 'divide_int64', params: [T.int, T.int], result: T.int, impl: ([a, b]) => (b === 0n ? new CelError('division by zero') : (a as bigint) / (b as bigint)) }),
      ],
    },
    { name: '!_', overloads: [g({ id: 'logical_not', params: [T.bool], result: T.bool, impl: ([a]) => !a })] },
    { name: '_==_', overloads: [g({ id: 'equals', params: [T.dyn, T.dyn], result: T.bool, impl: ([a, b]) => a === b })] },
    { name: '_<_', overloads: [g({ id: 'less_int64', params: [T.int, T.int], result: T.bool, impl: ([a, b]) => (a as bigint) < (b as bigint) })] },
    {
      name: 'int',
      overloads: [
        g({ id: 'string_to_int64', params: [T.string], result: T.int, impl: ([a]) => (/^-?\d+$/.test(a as string) ? BigInt(a as string) : new CelError(`cannot parse '${a}'`)) }),
      ],
    },
    {
      name: '@in',
      overloads: [g({ id: 'in_list', params: [T.dyn, T.list(T.dyn)], result: T.bool, impl: ([a, b]) => (b as CelValue[]).includes(a) })],
    },
  ],
};
