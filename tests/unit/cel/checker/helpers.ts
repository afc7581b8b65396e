// Test helpers: a hand-built AST builder (ranges given as start offsets) and a small standard
// library with cel-go's overload ids, enough to exercise the checker without the real stdlib.
import type { Expr, MapEntry, ParsedAst, StructField } from '../../../../src/engine/cel/ast.js';
import type { FunctionDecl, Library, OverloadDecl } from '../../../../src/engine/cel/decls.js';
import { T, type CelType } from '../../../../src/engine/cel/types.js';
import { CelUint } from '../../../../src/engine/cel/values.js';

export class B {
  private id = 0;
  private r(at: number) {
    return { id: ++this.id, range: { start: at, end: at + 1 } };
  }
  int(v: number, at = 0): Expr {
    return { kind: 'literal', value: BigInt(v), ...this.r(at) };
  }
  uint(v: number, at = 0): Expr {
    return { kind: 'literal', value: new CelUint(BigInt(v)), ...this.r(at) };
  }
  dbl(v: number, at = 0): Expr {
    return { kind: 'literal', value: v, ...this.r(at) };
  }
  str(v: string, at = 0): Expr {
    return { kind: 'literal', value: v, ...this.r(at) };
  }
  bool(v: boolean, at = 0): Expr {
    return { kind: 'literal', value: v, ...this.r(at) };
  }
  nul(at = 0): Expr {
    return { kind: 'literal', value: null, ...this.r(at) };
  }
  ident(name: string, at = 0): Expr {
    return { kind: 'ident', name, ...this.r(at) };
  }
  sel(operand: Expr, field: string, at = 0, testOnly = false): Expr {
    return { kind: 'select', operand, field, testOnly, ...this.r(at) };
  }
  call(fn: string, args: Expr[], at = 0): Expr {
    return { kind: 'call', fn, args, ...this.r(at) };
  }
  member(target: Expr, fn: string, args: Expr[], at = 0): Expr {
    return { kind: 'call', fn, target, args, ...this.r(at) };
  }
  list(elements: Expr[], at = 0, optionalIndices: number[] = []): Expr {
    return { kind: 'list', elements, optionalIndices, ...this.r(at) };
  }
  map(entries: [Expr, Expr, boolean?][], at = 0): Expr {
    const es: MapEntry[] = entries.map(([key, value, optional]) => ({ key, value, optional: !!optional, ...this.r(at) }));
    return { kind: 'map', entries: es, ...this.r(at) };
  }
  struct(typeName: string, fields: [string, Expr, number?, boolean?][], at = 0): Expr {
    const fs: StructField[] = fields.map(([name, value, fat, optional]) => ({
      name,
      value,
      optional: !!optional,
      ...this.r(fat ?? at),
    }));
    return { kind: 'struct', typeName, fields: fs, ...this.r(at) };
  }
  /** the expansion of `range.all(v, pred)` */
  all(range: Expr, v: string, pred: (b: B) => Expr, at = 0): Expr {
    const accuInit = this.bool(true, at);
    const cond = this.call('@not_strictly_false', [this.ident('@result', at)], at);
    const step = this.call('_&&_', [this.ident('@result', at), pred(this)], at);
    const result = this.ident('@result', at);
    return {
      kind: 'comprehension',
      iterVar: v,
      iterRange: range,
      accuVar: '@result',
      accuInit,
      loopCondition: cond,
      loopStep: step,
      result,
      macro: 'all',
      ...this.r(at),
    };
  }
  /** the expansion of `range.map(v, fn)` (or the two-variable transformList when v2 is given) */
  mapMacro(range: Expr, v: string, fn: (b: B) => Expr, at = 0, v2?: string): Expr {
    const accuInit = this.list([], at);
    const step = this.call('_+_', [this.ident('@result', at), this.list([fn(this)], at)], at);
    return {
      kind: 'comprehension',
      iterVar: v,
      iterVar2: v2,
      iterRange: range,
      accuVar: '@result',
      accuInit,
      loopCondition: this.bool(true, at),
      loopStep: step,
      result: this.ident('@result', at),
      macro: 'map',
      ...this.r(at),
    };
  }
  ast(expr: Expr, source = ''): ParsedAst {
    return { expr, source, maxId: this.id };
  }
}

const g = (id: string, params: CelType[], result: CelType): OverloadDecl => ({ id, member: false, params, result });
const m = (id: string, params: CelType[], result: CelType): OverloadDecl => ({ id, member: true, params, result });
const A = T.param('A');
const Bp = T.param('B');

function fns(): FunctionDecl[] {
  const num: [string, CelType][] = [
    ['int64', T.int],
    ['uint64', T.uint],
    ['double', T.double],
  ];
  const cmp = (op: string, name: string): FunctionDecl => {
    const overloads: OverloadDecl[] = [
      g(`${name}_bool`, [T.bool, T.bool], T.bool),
      ...num.map(([n, t]) => g(`${name}_${n}`, [t, t], T.bool)),
      g(`${name}_string`, [T.string, T.string], T.bool),
    ];
    for (const [n1, t1] of num) for (const [n2, t2] of num) if (n1 !== n2) overloads.push(g(`${name}_${n1}_${n2}`, [t1, t2], T.bool));
    return { name: op, overloads };
  };
  return [
    {
      name: '_+_',
      overloads: [
        g('add_bytes', [T.bytes, T.bytes], T.bytes),
        g('add_double', [T.double, T.double], T.double),
        g('add_duration_duration', [T.duration, T.duration], T.duration),
        g('add_duration_timestamp', [T.duration, T.timestamp], T.timestamp),
        g('add_timestamp_duration', [T.timestamp, T.duration], T.timestamp),
        g('add_int64', [T.int, T.int], T.int),
        g('add_list', [T.list(A), T.list(A)], T.list(A)),
        g('add_string', [T.string, T.string], T.string),
        g('add_uint64', [T.uint, T.uint], T.uint),
      ],
    },
    { name: '_-_', overloads: num.map(([n, t]) => g(`subtract_${n}`, [t, t], t)) },
    { name: '_/_', overloads: num.map(([n, t]) => g(`divide_${n}`, [t, t], t)) },
    { name: '_==_', overloads: [g('equals', [A, A], T.bool)] },
    { name: '_!=_', overloads: [g('not_equals', [A, A], T.bool)] },
    { name: '_&&_', overloads: [g('logical_and', [T.bool, T.bool], T.bool)] },
    { name: '_||_', overloads: [g('logical_or', [T.bool, T.bool], T.bool)] },
    { name: '!_', overloads: [g('logical_not', [T.bool], T.bool)] },
    { name: '@not_strictly_false', overloads: [g('not_strictly_false', [T.bool], T.bool)] },
    { name: '_?_:_', overloads: [g('conditional', [T.bool, A, A], A)] },
    {
      name: '_[_]',
      overloads: [g('index_list', [T.list(A), T.int], A), g('index_map', [T.map(A, Bp), A], Bp)],
    },
    {
      name: '@in',
      overloads: [g('in_list', [A, T.list(A)], T.bool), g('in_map', [A, T.map(A, Bp)], T.bool)],
    },
    {
      name: 'size',
      overloads: [
        g('size_string', [T.string], T.int),
        g('size_list', [T.list(A)], T.int),
        g('size_map', [T.map(A, Bp)], T.int),
        m('string_size', [T.string], T.int),
        m('list_size', [T.list(A)], T.int),
        m('map_size', [T.map(A, Bp)], T.int),
      ],
    },
    { name: 'startsWith', overloads: [m('starts_with_string', [T.string, T.string], T.bool)] },
    { name: 'contains', overloads: [m('contains_string', [T.string, T.string], T.bool)] },
    { name: 'dyn', overloads: [g('to_dyn', [A], T.dyn)] },
    { name: 'type', overloads: [g('type', [A], T.typeOf(A))] },
    { name: 'double', overloads: [g('int64_to_double', [T.int], T.double), g('string_to_double', [T.string], T.double)] },
    { name: 'int', overloads: [g('uint64_to_int64', [T.uint], T.int), g('string_to_int64', [T.string], T.int)] },
    { name: 'uint', overloads: [g('string_to_uint64', [T.string], T.uint)] },
    cmp('_<_', 'less'),
    cmp('_<=_', 'less_equals'),
    cmp('_>_', 'greater'),
  ];
}

export const testStdlib: Library = { name: 'test-std', functions: fns() };

export const testOptional: Library = {
  name: 'test-optional',
  functions: [
    { name: 'optional.of', overloads: [g('optional_of', [A], T.optional(A))] },
    { name: 'optional.none', overloads: [g('optional_none', [], T.optional(A))] },
    { name: 'value', overloads: [m('optional_value', [T.optional(A)], A)] },
    { name: '_[?_]', overloads: [g('optional_map_index_value', [T.map(A, Bp), A], T.optional(Bp))] },
  ],
  variables: [{ name: 'optional_type', type: T.typeOf(T.optional(A)) }],
};

export const testExt: Library = {
  name: 'test-ext',
  functions: [
    { name: 'sets.contains', overloads: [g('list_sets_contains_list', [T.list(A), T.list(A)], T.bool)] },
    { name: 'format', overloads: [m('string_format', [T.string, T.list(T.dyn)], T.string)] },
    { name: 'strings.quote', overloads: [g('strings_quote', [T.string], T.string)] },
  ],
};
