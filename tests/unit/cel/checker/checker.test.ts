// Checker cases ported from cel-go v0.26 checker/checker_test.go (expected types and exact
// messages), on hand-built ASTs; positions are the offsets cel-go reports.
import { describe, expect, it } from 'vitest';
import { check, formatCelType, newCheckerEnv } from '../../../../src/engine/cel/checker/index.js';
import type { EnvironmentConfig, TypeProvider } from '../../../../src/engine/cel/decls.js';
import { T, type CelType } from '../../../../src/engine/cel/types.js';
import type { StructType } from '../../../../src/engine/cel/values.js';
import { B, testExt, testOptional, testStdlib } from './helpers.js';

const fields: Record<string, Record<string, CelType>> = {
  TestAllTypes: {
    single_int32: T.int,
    single_int64: T.int,
    single_value: T.dyn,
    single_struct: T.map(T.string, T.dyn),
    repeated_int64: T.list(T.int),
    single_nested_message: T.struct('NestedMessage'),
  },
  NestedMessage: { bb: T.int },
  JSONPatch: { op: T.string, path: T.string, from: T.string, value: T.dyn },
};
const provider: TypeProvider = {
  findStructType(name): StructType | undefined {
    const fs = fields[name];
    if (!fs) return undefined;
    return { name, fieldType: (f) => (Object.hasOwn(fs, f) ? fs[f] : undefined), newValue: () => undefined as never };
  },
};

function env(extra: Partial<EnvironmentConfig> = {}) {
  return newCheckerEnv({ libraries: [testStdlib, testOptional, testExt], typeProvider: provider, ...extra });
}

function run(build: (b: B) => ReturnType<B['int']>, extra: Partial<EnvironmentConfig> = {}) {
  const b = new B();
  const res = check(b.ast(build(b)), env(extra));
  return { ...res, out: formatCelType(res.outputType), errs: res.diagnostics.map((d) => `${d.range.start}: ${d.message}`) };
}

const vars = (...vs: [string, CelType][]) => ({ variables: vs.map(([name, type]) => ({ name, type })) });

describe('literals and identifiers', () => {
  it('types constants', () => {
    expect(run((b) => b.str('A')).out).toBe('string');
    expect(run((b) => b.uint(12)).out).toBe('uint');
    expect(run((b) => b.dbl(12.23)).out).toBe('double');
    expect(run((b) => b.nul()).out).toBe('null');
  });
  it('reports undeclared identifiers (checker_test `foo`)', () => {
    const r = run((b) => b.ident('foo'));
    expect(r.errs).toEqual(["0: undeclared reference to 'foo' (in container '')"]);
    expect(r.out).toBe('!error!');
  });
  it('resolves variables with a reference', () => {
    const r = run((b) => b.ident('x'), vars(['x', T.int]));
    expect(r.out).toBe('int');
    expect([...r.refs.values()]).toEqual([{ kind: 'variable', name: 'x' }]);
  });
  it('type identifiers are type values: `list == type([1])`', () => {
    const r = run((b) => b.call('_==_', [b.ident('list'), b.call('type', [b.list([b.int(1)])])]));
    expect(r.errs).toEqual([]);
    expect(formatCelType(r.types.get(1)!)).toBe('type(list(dyn))');
    expect(r.refs.get(1)).toEqual({ kind: 'type', type: T.list(T.param('A')) });
  });
  it('`type(null) == null_type`', () => {
    const r = run((b) => b.call('_==_', [b.call('type', [b.nul()]), b.ident('null_type')]));
    expect(r.errs).toEqual([]);
    expect(formatCelType(r.types.get(2)!)).toBe('type(null)');
  });
  it('`type(type) == type`', () => {
    const r = run((b) => b.call('_==_', [b.call('type', [b.ident('type')]), b.ident('type')]));
    expect(r.errs).toEqual([]);
    expect(formatCelType(r.types.get(2)!)).toBe('type(type(type))');
  });
  it('struct type names are type values', () => {
    const r = run((b) => b.ident('.JSONPatch'));
    expect(r.out).toBe('type(JSONPatch)');
    expect(r.expr).toMatchObject({ kind: 'ident', name: 'JSONPatch' });
  });
});

describe('lists and maps', () => {
  it('`[]` is list(dyn), `[1]` list(int), `[1, "A"]` list(dyn)', () => {
    expect(run((b) => b.list([])).out).toBe('list(dyn)');
    expect(run((b) => b.list([b.int(1)])).out).toBe('list(int)');
    expect(run((b) => b.list([b.int(1), b.str('A')])).out).toBe('list(dyn)');
  });
  it('`[] + [1,2,3,] + [4]` is list(int)', () => {
    const r = run((b) =>
      b.call('_+_', [b.call('_+_', [b.list([]), b.list([b.int(1), b.int(2), b.int(3)])]), b.list([b.int(4)])]),
    );
    expect(r.out).toBe('list(int)');
    expect(formatCelType(r.types.get(1)!)).toBe('list(int)');
  });
  it('`[1, 2u] + []` is list(dyn)', () => {
    expect(run((b) => b.call('_+_', [b.list([b.int(1), b.uint(2)]), b.list([])])).out).toBe('list(dyn)');
  });
  it('maps join keys and values', () => {
    expect(run((b) => b.map([[b.int(1), b.uint(2)], [b.int(2), b.uint(3)]])).out).toBe('map(int, uint)');
    expect(run((b) => b.map([[b.int(1), b.uint(2)], [b.uint(2), b.int(3)]])).out).toBe('map(dyn, dyn)');
    expect(run((b) => b.map([])).out).toBe('map(dyn, dyn)');
    expect(run((b) => b.sel(b.map([[b.str('a'), b.int(1)]]), 'a')).out).toBe('int');
  });
  it('nested literals `([[[1]], [[2]], [[3]]][0][0] + [2, 3, {...}])[3]` is dyn', () => {
    const r = run((b) => {
      const lll = b.list([1, 2, 3].map((i) => b.list([b.list([b.int(i)])])));
      const idx = b.call('_[_]', [b.call('_[_]', [lll, b.int(0)]), b.int(0)]);
      const m = b.map([[b.str('four'), b.map([[b.str('five'), b.str('six')]])]]);
      return b.call('_[_]', [b.call('_+_', [idx, b.list([b.int(2), b.int(3), m])]), b.int(3)]);
    });
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('dyn');
  });
  it('`[1] + [dyn("string")]` and the reverse are list(dyn)', () => {
    expect(run((b) => b.call('_+_', [b.list([b.int(1)]), b.list([b.call('dyn', [b.str('s')])])])).out).toBe('list(dyn)');
    expect(run((b) => b.call('_+_', [b.list([b.call('dyn', [b.str('s')])]), b.list([b.int(1)])])).out).toBe('list(dyn)');
  });
  it('`[].length`: type list(_var0) does not support field selection', () => {
    const r = run((b) => b.sel(b.list([], 0), 'length', 2));
    expect(r.errs).toEqual(["2: type 'list(_var0)' does not support field selection"]);
  });
});

describe('calls and overloads', () => {
  it('resolves operators with overload ids', () => {
    const r = run((b) => b.call('_+_', [b.int(1), b.int(2)]));
    expect(r.out).toBe('int');
    expect(r.refs.get(3)).toEqual({ kind: 'function', overloadIds: ['add_int64'] });
  });
  it('no matching overload prints argument types', () => {
    const r = run((b) => b.call('_+_', [b.int(1, 0), b.str('a', 4)], 2));
    expect(r.errs).toEqual(["2: found no matching overload for '_+_' applied to '(int, string)'"]);
  });
  it('`x + y` with list(TestAllTypes) and list(int)', () => {
    const r = run((b) => b.call('_+_', [b.ident('x'), b.ident('y', 4)], 2), vars(['x', T.list(T.struct('TestAllTypes'))], ['y', T.list(T.int)]));
    expect(r.errs).toEqual(["2: found no matching overload for '_+_' applied to '(list(TestAllTypes), list(int))'"]);
  });
  it('`x[1u]` has no index overload', () => {
    const r = run((b) => b.call('_[_]', [b.ident('x'), b.uint(1, 2)], 1), vars(['x', T.list(T.struct('TestAllTypes'))]));
    expect(r.errs).toEqual(["1: found no matching overload for '_[_]' applied to '(list(TestAllTypes), uint)'"]);
  });
  it('member calls print the receiver: `1.startsWith("a")`', () => {
    const r = run((b) => b.member(b.int(1), 'startsWith', [b.str('a')], 12));
    expect(r.errs).toEqual(["12: found no matching overload for 'startsWith' applied to 'int.(string)'"]);
  });
  it('call style is enforced (size is declared both ways, startsWith only as a method)', () => {
    expect(run((b) => b.call('startsWith', [b.str('a'), b.str('b')], 10)).errs).toEqual([
      "10: found no matching overload for 'startsWith' applied to '(string, string)'",
    ]);
    expect(run((b) => b.call('_==_', [b.call('size', [b.ident('x')]), b.member(b.ident('x'), 'size', [])]), vars(['x', T.list(T.int)])).errs).toEqual([]);
  });
  it('`x.single_int64 != null` has no overload', () => {
    const r = run((b) => b.call('_!=_', [b.sel(b.ident('x'), 'single_int64', 1), b.nul()], 15), vars(['x', T.struct('TestAllTypes')]));
    expect(r.errs).toEqual(["15: found no matching overload for '_!=_' applied to '(int, null)'"]);
  });
  it('null compares with messages, optionals and timestamps', () => {
    const r = run(
      (b) =>
        b.call('_&&_', [
          b.call('_==_', [b.ident('m'), b.nul()]),
          b.call('_&&_', [b.call('_==_', [b.nul(), b.ident('o')]), b.call('_!=_', [b.ident('t'), b.nul()])]),
        ]),
      vars(['m', T.struct('TestAllTypes')], ['o', T.optional(T.int)], ['t', T.timestamp]),
    );
    expect(r.errs).toEqual([]);
  });
  it('dyn operands pick every matching overload: `a.b + 1` is int, dyn + dyn is dyn', () => {
    expect(run((b) => b.call('_+_', [b.sel(b.ident('a'), 'b'), b.int(1)]), vars(['a', T.dyn])).out).toBe('int');
    const r = run((b) => b.call('_+_', [b.ident('a'), b.ident('a')]), vars(['a', T.dyn]));
    expect(r.out).toBe('dyn');
    const ref = r.refs.get(3);
    expect(ref?.kind === 'function' ? ref.overloadIds : []).toHaveLength(9);
  });
  it('`1 in dyn([1, 2, 3])` matches in_list and in_map', () => {
    const r = run((b) => b.call('@in', [b.int(1), b.call('dyn', [b.list([b.int(1), b.int(2), b.int(3)])])]));
    expect(r.out).toBe('bool');
    expect([...r.refs.values()].at(-1)).toEqual({ kind: 'function', overloadIds: ['in_list', 'in_map'] });
  });
  it('logical operators report each non-bool argument', () => {
    const r = run((b) => b.call('_&&_', [b.int(1, 0), b.bool(true, 5)], 2));
    expect(r.errs).toEqual(["0: expected type 'bool' but found 'int'"]);
  });
  it('`false && !true || false ? 2 : 3` is int', () => {
    const r = run((b) =>
      b.call('_?_:_', [b.call('_||_', [b.call('_&&_', [b.bool(false), b.call('!_', [b.bool(true)])]), b.bool(false)]), b.int(2), b.int(3)]),
    );
    expect(r.out).toBe('int');
  });
  it('ternary branches join: int and string give no overload', () => {
    const r = run((b) => b.call('_?_:_', [b.bool(true), b.int(1), b.str('a')], 5));
    expect(r.errs).toEqual(["5: found no matching overload for '_?_:_' applied to '(bool, int, string)'"]);
  });
  it('`int(1u) + int(uint("1"))`', () => {
    expect(run((b) => b.call('_+_', [b.call('int', [b.uint(1)]), b.call('int', [b.call('uint', [b.str('1')])])])).out).toBe('int');
  });
  it('cross-type comparisons are filtered unless enabled', () => {
    const le = (b: B) => b.call('_<=_', [b.int(1), b.dbl(1)], 2);
    expect(run(le).errs).toEqual(["2: found no matching overload for '_<=_' applied to '(int, double)'"]);
    expect(run(le, { crossTypeNumericComparisons: true }).errs).toEqual([]);
  });
  it('undeclared functions: `fun()`, `"string".fun()`', () => {
    expect(run((b) => b.call('fun', [], 3)).errs).toEqual(["3: undeclared reference to 'fun' (in container '')"]);
    expect(run((b) => b.member(b.str('string'), 'fun', [], 12)).errs).toEqual([
      "12: undeclared reference to 'fun' (in container '')",
    ]);
  });
});

describe('namespaced functions', () => {
  it('`sets.contains(a, b)` resolves to the global function and drops the target', () => {
    const r = run((b) => b.member(b.ident('sets'), 'contains', [b.list([b.int(1)]), b.list([b.int(1)])], 12));
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('bool');
    expect(r.expr).toMatchObject({ kind: 'call', fn: 'sets.contains' });
    expect(r.expr.kind === 'call' && r.expr.target).toBeFalsy();
    expect(r.refs.get(r.expr.id)).toEqual({ kind: 'function', overloadIds: ['list_sets_contains_list'] });
  });
  it('`sets.contains([1, 2], [1.0])` has no overload', () => {
    const r = run((b) => b.member(b.ident('sets'), 'contains', [b.list([b.int(1), b.int(2)]), b.list([b.dbl(1)])], 12));
    expect(r.errs).toEqual(["12: found no matching overload for 'sets.contains' applied to '(list(int), list(double))'"]);
  });
  it('`optional.none()` and `strings.quote(s)`', () => {
    expect(run((b) => b.member(b.ident('optional'), 'none', [])).out).toBe('optional_type(dyn)');
    expect(run((b) => b.member(b.ident('strings'), 'quote', [b.str('a')])).out).toBe('string');
  });
  it('`math.greatest(1, 2)` is undeclared twice (math and greatest)', () => {
    const r = run((b) => b.member(b.ident('math', 0), 'greatest', [b.int(1), b.int(2)], 13));
    expect(r.errs).toEqual([
      "0: undeclared reference to 'math' (in container '')",
      "13: undeclared reference to 'greatest' (in container '')",
    ]);
  });
  it('qualified variable names select as identifiers', () => {
    const r = run((b) => b.sel(b.ident('a'), 'b', 1), vars(['a.b', T.int]));
    expect(r.out).toBe('int');
    expect(r.expr).toEqual({ kind: 'ident', name: 'a.b', id: 2, range: { start: 1, end: 2 } });
  });
});

describe('field selection and structs', () => {
  it('selects struct fields and reports undefined ones', () => {
    const r = run(
      (b) =>
        b.call('_==_', [b.sel(b.sel(b.ident('x'), 'single_nested_message', 1), 'undefined', 23), b.sel(b.ident('x'), 'undefined', 38)]),
      vars(['x', T.struct('TestAllTypes')]),
    );
    expect(r.errs).toEqual(["23: undefined field 'undefined'", "38: undefined field 'undefined'"]);
  });
  it('`x.single_value + 1 / x.single_struct.y == 23` is bool', () => {
    const r = run(
      (b) =>
        b.call('_==_', [
          b.call('_+_', [b.sel(b.ident('x'), 'single_value'), b.call('_/_', [b.int(1), b.sel(b.sel(b.ident('x'), 'single_struct'), 'y')])]),
          b.int(23),
        ]),
      vars(['x', T.struct('TestAllTypes')]),
    );
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('bool');
  });
  it('selection on a scalar is an error; on dyn it is dyn', () => {
    expect(run((b) => b.sel(b.int(1), 'f', 1)).errs).toEqual(["1: type 'int' does not support field selection"]);
    expect(run((b) => b.sel(b.ident('d'), 'f'), vars(['d', T.dyn])).out).toBe('dyn');
  });
  it('has() is bool and still checks the field', () => {
    expect(run((b) => b.sel(b.ident('x'), 'single_int32', 5, true), vars(['x', T.struct('TestAllTypes')])).out).toBe('bool');
    expect(run((b) => b.sel(b.ident('x'), 'nope', 5, true), vars(['x', T.struct('TestAllTypes')])).errs).toEqual([
      "5: undefined field 'nope'",
    ]);
  });
  it('unresolvable message types', () => {
    const r = run((b) => b.sel(b.ident('x'), 'single_int32', 1), vars(['x', T.struct('Proto2Message')]));
    expect(r.errs).toEqual(["1: unexpected failed resolution of 'Proto2Message'"]);
  });
  it('struct literals check field types', () => {
    const ok = run((b) => b.struct('TestAllTypes', [['single_int32', b.int(1)], ['single_int64', b.int(2)]]));
    expect(ok.out).toBe('TestAllTypes');
    expect(ok.refs.get(ok.expr.id)).toEqual({ kind: 'type', type: T.struct('TestAllTypes') });
    expect(run((b) => b.struct('TestAllTypes', [['single_int32', b.uint(1), 25]], 12)).errs).toEqual([
      "25: expected type of field 'single_int32' is 'int' but provided type is 'uint'",
    ]);
    expect(run((b) => b.struct('TestAllTypes', [['single_int32', b.int(1), 25], ['undefined', b.int(2), 39]], 12)).errs).toEqual([
      "39: undefined field 'undefined'",
    ]);
    expect(run((b) => b.struct('JSONPatch', [['op', b.int(1), 10]], 9)).errs).toEqual([
      "10: expected type of field 'op' is 'string' but provided type is 'int'",
    ]);
  });
  it('`int{}`, `Msg{}` and `x{}`', () => {
    expect(run((b) => b.struct('int', [], 3)).errs).toEqual(["3: 'int' is not a message type"]);
    expect(run((b) => b.struct('Msg', [], 3)).errs).toEqual(["3: undeclared reference to 'Msg' (in container '')"]);
    expect(run((b) => b.struct('x', [], 1), vars(['x', T.int])).errs).toEqual(["1: 'int' is not a type"]);
  });
  it('google.protobuf.Timestamp{seconds: 20}', () => {
    expect(run((b) => b.struct('google.protobuf.Timestamp', [['seconds', b.int(20)]])).out).toBe('timestamp');
  });
});

describe('comprehensions', () => {
  it('`x.all(y, y == true)` on a bool range', () => {
    const r = run((b) => b.all(b.ident('x', 0), 'y', (b) => b.call('_==_', [b.ident('y'), b.bool(true)])), vars(['x', T.bool]));
    expect(r.errs).toEqual(["0: expression of type 'bool' cannot be range of a comprehension (must be list, map, or dynamic)"]);
  });
  it('`x.repeated_int64.map(x, double(x))` is list(double)', () => {
    const r = run(
      (b) => b.mapMacro(b.sel(b.ident('x'), 'repeated_int64'), 'x', (b) => b.call('double', [b.ident('x')])),
      vars(['x', T.struct('TestAllTypes')]),
    );
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('list(double)');
  });
  it('`[].map(x, [].map(y, x in y && y in x))`', () => {
    const r = run((b) =>
      b.mapMacro(b.list([]), 'x', (b) =>
        b.mapMacro(b.list([]), 'y', (b) =>
          b.call('_&&_', [b.call('@in', [b.ident('x'), b.ident('y')], 23), b.call('@in', [b.ident('y'), b.ident('x')], 32)]),
        ),
      ),
    );
    expect(r.errs).toEqual(["32: found no matching overload for '@in' applied to '(list(dyn), dyn)'"]);
  });
  it('`{}.map(c,[c,type(c)])` is list(list(dyn))', () => {
    const r = run((b) => b.mapMacro(b.map([]), 'c', (b) => b.list([b.ident('c'), b.call('type', [b.ident('c')])])));
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('list(list(dyn))');
  });
  it('iteration variables are scoped to the loop', () => {
    const r = run((b) =>
      b.call('_&&_', [b.all(b.list([b.int(1)]), 'y', (b) => b.call('_>_', [b.ident('y'), b.int(0)])), b.call('_<_', [b.ident('y', 38), b.int(5)])]),
    );
    expect(r.errs).toEqual(["38: undeclared reference to 'y' (in container '')"]);
  });
  it('two-variable comprehensions type (int, elem) for lists and (key, value) for maps', () => {
    const list = run((b) => b.mapMacro(b.list([b.str('a')]), 'i', (b) => b.list([b.ident('i'), b.ident('v')]), 0, 'v'));
    expect(list.errs).toEqual([]);
    expect(list.out).toBe('list(list(dyn))');
    const idx = run((b) => b.mapMacro(b.list([b.str('a')]), 'i', (b) => b.call('_+_', [b.ident('i'), b.int(1)]), 0, 'v'));
    expect(idx.out).toBe('list(int)');
    const map = run((b) => b.mapMacro(b.map([[b.str('k'), b.dbl(1)]]), 'k', (b) => b.ident('v'), 0, 'v'));
    expect(map.out).toBe('list(double)');
  });
  it('cel-go drops the cross-type filter after entering a comprehension', () => {
    const r = run((b) =>
      b.call('_&&_', [b.all(b.list([b.int(1)]), 'y', (b) => b.call('_<=_', [b.ident('y'), b.dbl(1)])), b.call('_<=_', [b.int(1), b.dbl(1)])]),
    );
    expect(r.errs).toEqual([]);
  });
});

describe('optionals', () => {
  it('`a.?b` on map(string, string) is optional_type(string)', () => {
    const r = run((b) => b.call('_?._', [b.ident('a'), b.str('b')]), vars(['a', T.map(T.string, T.string)]));
    expect(r.out).toBe('optional_type(string)');
    expect(r.refs.get(3)).toEqual({ kind: 'function', overloadIds: ['select_optional_field'] });
  });
  it('selection through an optional stays optional', () => {
    expect(run((b) => b.sel(b.ident('a'), 'b'), vars(['a', T.optional(T.map(T.string, T.string))])).out).toBe('optional_type(string)');
    expect(run((b) => b.sel(b.ident('a'), 'dynamic'), vars(['a', T.optional(T.dyn)])).out).toBe('optional_type(dyn)');
    expect(run((b) => b.sel(b.ident('a'), 'dynamic', 0, true), vars(['a', T.optional(T.dyn)])).out).toBe('bool');
  });
  it('`type(a.?b) == optional_type`', () => {
    const r = run((b) => b.call('_==_', [b.call('type', [b.call('_?._', [b.ident('a'), b.str('b')])]), b.ident('optional_type')]), vars(['a', T.map(T.string, T.string)]));
    expect(r.errs).toEqual([]);
    expect(r.refs.get(5)).toEqual({ kind: 'type', type: T.optional(T.param('A')) });
  });
  it('optional entries must be optional', () => {
    expect(run((b) => b.map([[b.str('key'), b.call('_?._', [b.map([[b.str('a'), b.str('b')]]), b.str('value')]), true]])).out).toBe(
      'map(string, string)',
    );
    expect(run((b) => b.map([[b.str('key', 2), b.str('hi', 9), true]])).errs).toEqual([
      "9: expected type 'optional_type(string)' but found 'string'",
    ]);
    expect(run((b) => b.list([b.ident('a'), b.ident('b'), b.str('world')], 0, [0, 1]), vars(['a', T.optional(T.string)], ['b', T.optional(T.string)])).out).toBe(
      'list(string)',
    );
    expect(run((b) => b.list([b.str('value', 2)], 0, [0])).errs).toEqual(["2: expected type 'optional_type(string)' but found 'string'"]);
    expect(run((b) => b.struct('TestAllTypes', [['single_int32', b.int(1, 28), 26, true]], 12)).errs).toEqual([
      "28: expected type 'optional_type(int)' but found 'int'",
    ]);
    expect(run((b) => b.struct('TestAllTypes', [['single_int32', b.call('_?._', [b.map([]), b.str('i')]), 26, true]], 12)).errs).toEqual([]);
  });
});

describe('homogeneous aggregate literals', () => {
  const on = { homogeneousAggregateLiterals: true };
  it('is off by default', () => {
    expect(run((b) => b.list([b.int(1), b.str('a')])).errs).toEqual([]);
  });
  it('`[1, "a"]` and `[dyn(1), "a"]`', () => {
    expect(run((b) => b.list([b.int(1, 1), b.str('a', 4)]), on).errs).toEqual(["4: expected type 'int' but found 'string'"]);
    expect(run((b) => b.list([b.call('dyn', [b.int(1)], 4), b.str('a', 9)]), on).errs).toEqual([
      "9: expected type 'dyn' but found 'string'",
    ]);
    expect(run((b) => b.list([b.str('a', 1), b.ident('o', 6)]), { ...on, ...vars(['o', T.dyn]) }).errs).toEqual([
      "6: expected type 'string' but found 'dyn'",
    ]);
  });
  it('`[[1], [2, [3]]]` reports the outer and the inner list', () => {
    const r = run((b) => b.list([b.list([b.int(1, 2)], 1), b.list([b.int(2, 7), b.list([b.int(3, 11)], 10)], 6)], 0), on);
    expect(r.errs).toEqual(["6: expected type 'list(int)' but found 'list(dyn)'", "10: expected type 'int' but found 'list(int)'"]);
  });
  it('maps report every mismatching key and value', () => {
    expect(run((b) => b.map([[b.str('a', 1), b.int(1, 6)], [b.str('b', 9), b.str('x', 14)]]), on).errs).toEqual([
      "14: expected type 'int' but found 'string'",
    ]);
    expect(run((b) => b.map([[b.int(1, 1), b.str('a', 4)], [b.uint(1, 9), b.str('b', 13)]]), on).errs).toEqual([
      "9: expected type 'int' but found 'uint'",
    ]);
  });
  it('lists passed to format are exempt, and optional entries compare their value type', () => {
    expect(run((b) => b.member(b.str('%s %d'), 'format', [b.list([b.str('a'), b.int(1)])]), on).errs).toEqual([]);
    expect(run((b) => b.list([b.ident('a'), b.str('w')], 0, [0]), { ...on, ...vars(['a', T.optional(T.string)]) }).errs).toEqual([]);
  });
  it('does not run when checking failed', () => {
    expect(run((b) => b.list([b.int(1), b.ident('nope', 4)]), on).errs).toEqual(["4: undeclared reference to 'nope' (in container '')"]);
  });
});

describe('environment', () => {
  it('reports conflicting declarations', () => {
    const r = run((b) => b.int(1), { variables: [{ name: 'int', type: T.string }] });
    expect(r.diagnostics.map((d) => d.message)).toEqual(["overlapping identifier for name 'int'"]);
  });
  it('keeps node ids and does not mutate the input', () => {
    const b = new B();
    const input = b.member(b.ident('sets'), 'contains', [b.list([]), b.list([])]);
    const before = JSON.stringify(input);
    const res = check(b.ast(input), env());
    expect(JSON.stringify(input)).toBe(before);
    expect(res.expr.id).toBe(input.id);
  });
});
