// End-to-end checker cases on parsed source, with the exact text cel-go prints
// (checker/checker_test.go v0.26 and observed Kubernetes compile errors in the shared reference).
import { describe, expect, it } from 'vitest';
import { check, formatCelErrors, formatCelType, newCheckerEnv } from '../../../../src/engine/cel/checker/index.js';
import type { EnvironmentConfig, TypeProvider } from '../../../../src/engine/cel/decls.js';
import { parse } from '../../../../src/engine/cel/parser/index.js';
import { standardLibraries } from '../../../../src/engine/cel/stdlib/index.js';
import { T, type CelType } from '../../../../src/engine/cel/types.js';
import type { StructType } from '../../../../src/engine/cel/values.js';
import { testExt } from './helpers.js';

const fields: Record<string, Record<string, CelType>> = {
  TestAllTypes: {
    single_int32: T.int,
    single_int64: T.int,
    repeated_int32: T.list(T.int),
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

function compile(source: string, vars: [string, CelType][] = [], extra: Partial<EnvironmentConfig> = {}) {
  const config: EnvironmentConfig = {
    libraries: [...standardLibraries(), testExt],
    variables: vars.map(([name, type]) => ({ name, type })),
    typeProvider: provider,
    crossTypeNumericComparisons: true,
    homogeneousAggregateLiterals: true,
    ...extra,
  };
  const parsed = parse(source, { optionalSyntax: true });
  if (!parsed.ok) throw new Error(formatCelErrors(source, parsed.diagnostics));
  const res = check(parsed.ast, newCheckerEnv(config));
  return { type: formatCelType(res.outputType), errors: formatCelErrors(source, res.diagnostics) };
}

const caret = (source: string, ...errs: [number, number, string][]) =>
  errs.map(([l, c, m]) => `ERROR: <input>:${l}:${c}: ${m}\n | ${source.split('\n')[l - 1]}\n | ${'.'.repeat(c - 1)}^`).join('\n');

const allTypes: [string, CelType] = ['x', T.struct('TestAllTypes')];

describe('checker_test.go error cases', () => {
  const cases: [string, [string, CelType][], [number, number, string][], Partial<EnvironmentConfig>?][] = [
    ['foo', [], [[1, 1, "undeclared reference to 'foo' (in container '')"]]],
    ['x + y', [['x', T.list(T.struct('TestAllTypes'))], ['y', T.list(T.int)]], [[1, 3, "found no matching overload for '_+_' applied to '(list(TestAllTypes), list(int))'"]]],
    ['x[1u]', [['x', T.list(T.struct('TestAllTypes'))]], [[1, 2, "found no matching overload for '_[_]' applied to '(list(TestAllTypes), uint)'"]]],
    ['x[2].single_int32 == 23', [['x', T.map(T.string, T.struct('TestAllTypes'))]], [[1, 2, "found no matching overload for '_[_]' applied to '(map(string, TestAllTypes), int)'"]]],
    [
      'x.single_nested_message.undefined == x.undefined && has(x.single_int32) && has(x.repeated_int32)',
      [allTypes],
      [
        [1, 24, "undefined field 'undefined'"],
        [1, 39, "undefined field 'undefined'"],
      ],
    ],
    ['x.single_int64 != null', [allTypes], [[1, 16, "found no matching overload for '_!=_' applied to '(int, null)'"]]],
    ['x.repeated_int64.exists(y, y > 10) && y < 5', [allTypes], [[1, 39, "undeclared reference to 'y' (in container '')"]]],
    [
      'x.all(e, 0)',
      [allTypes],
      [
        [1, 1, "expression of type 'TestAllTypes' cannot be range of a comprehension (must be list, map, or dynamic)"],
        [1, 10, "expected type 'bool' but found 'int'"],
      ],
    ],
    ['1 + x', [], [[1, 5, "undeclared reference to 'x' (in container '')"]]],
    ['[].map(x, [].map(y, x in y && y in x))', [], [[1, 33, "found no matching overload for '@in' applied to '(list(dyn), dyn)'"]]],
    ['int{}', [], [[1, 4, "'int' is not a message type"]]],
    ['Msg{}', [], [[1, 4, "undeclared reference to 'Msg' (in container '')"]]],
    ['fun()', [], [[1, 4, "undeclared reference to 'fun' (in container '')"]]],
    ["'string'.fun()", [], [[1, 13, "undeclared reference to 'fun' (in container '')"]]],
    ['[].length', [], [[1, 3, "type 'list(_var0)' does not support field selection"]]],
    [
      '1 <= 1.0 && 1u <= 1.0 && 1.0 <= 1 && 1.0 <= 1u && 1 <= 1u && 1u <= 1',
      [],
      [
        [1, 3, "found no matching overload for '_<=_' applied to '(int, double)'"],
        [1, 16, "found no matching overload for '_<=_' applied to '(uint, double)'"],
        [1, 30, "found no matching overload for '_<=_' applied to '(double, int)'"],
        [1, 42, "found no matching overload for '_<=_' applied to '(double, uint)'"],
        [1, 53, "found no matching overload for '_<=_' applied to '(int, uint)'"],
        [1, 65, "found no matching overload for '_<=_' applied to '(uint, int)'"],
      ],
      { crossTypeNumericComparisons: false },
    ],
    ["{?'key': 'hi'}", [], [[1, 10, "expected type 'optional_type(string)' but found 'string'"]]],
    ["[?'value']", [], [[1, 3, "expected type 'optional_type(string)' but found 'string'"]]],
    ['TestAllTypes{?single_int32: 1}', [], [[1, 29, "expected type 'optional_type(int)' but found 'int'"]]],
    ['undef()', [], [[1, 6, "undeclared reference to 'undef' (in container '')"]]],
    ['TestAllTypes{single_int32: 1u}', [], [[1, 26, "expected type of field 'single_int32' is 'int' but provided type is 'uint'"]]],
    ['TestAllTypes{single_int32: 1, undefined: 2}', [], [[1, 40, "undefined field 'undefined'"]]],
  ];
  for (const [src, vars, errs, extra] of cases) {
    it(src, () => {
      expect(compile(src, vars, extra ?? {}).errors).toBe(caret(src, ...errs));
    });
  }
});

describe('checker_test.go typed cases', () => {
  const cases: [string, string, [string, CelType][]?][] = [
    ['[1, "A"]', 'list(dyn)'],
    ['{1:2u, 2u:3}', 'map(dyn, dyn)'],
    ['[] + [1,2,3,] + [4]', 'list(int)'],
    ['size(x) == x.size()', 'bool', [['x', T.list(T.int)]]],
    ['int(1u) + int(uint("1"))', 'int'],
    ['false && !true || false ? 2 : 3', 'int'],
    ['1.0 + 2.0 * 3.0 - 1.0 / 2.20202 != 66.6', 'bool'],
    ['list == type([1]) && map == type({1:2u})', 'bool'],
    ['1 in dyn([1, 2, 3])', 'bool'],
    ['type(null) == null_type', 'bool'],
    ['type(type) == type', 'bool'],
    ['([[[1]], [[2]], [[3]]][0][0] + [2, 3, {"four": {"five": "six"}}])[3]', 'dyn'],
    ['[1].map(x, [x, x]).map(x, [x, x])', 'list(list(list(int)))'],
    ['x.repeated_int64.map(x, double(x))', 'list(double)', [allTypes]],
    ['x.repeated_int64.map(x, x > 0, double(x))', 'list(double)', [allTypes]],
    ['{}.map(c,[c,type(c)])', 'list(list(dyn))'],
    ['type(a.?b) == optional_type', 'bool', [['a', T.map(T.string, T.string)]]],
    ["{?'key': {'a': 'b'}.?value}.key", 'string'],
    ['sets.contains([1], [1, 2])', 'bool'],
  ];
  for (const [src, type, vars] of cases) {
    it(src, () => {
      const r = compile(src, vars ?? [], { homogeneousAggregateLiterals: false });
      expect(r.errors).toBe('');
      expect(r.type).toBe(type);
    });
  }
});

describe('Kubernetes compile errors (shared reference samples)', () => {
  it('double modulo (cel/double-mod-compile)', () => {
    const src = '[JSONPatch{op: "add", path: "/data/result", value: string(5.0 % 2.0)}]';
    expect(compile(src).errors).toBe(caret(src, [1, 63, "found no matching overload for '_%_' applied to '(double, double)'"]));
  });
  it('int plus uint (cel/int-plus-uint-compile)', () => {
    const src = '[JSONPatch{op: "add", path: "/data/result", value: string(1 + 1u)}]';
    expect(compile(src).errors).toBe(caret(src, [1, 61, "found no matching overload for '_+_' applied to '(int, uint)'"]));
  });
  it('undeclared params (matching/param-ref-without-paramkind)', () => {
    const src = '[JSONPatch{op: "add", path: "/data/p", value: params == null ? "null" : "set"}]';
    expect(compile(src).errors).toBe(caret(src, [1, 47, "undeclared reference to 'params' (in container '')"]));
  });
  it('heterogeneous map literal (jsonpatch/path-empty-replace-map-literal)', () => {
    const src = '[\n  JSONPatch{op: "replace", path: "", value: {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "app-config"}}}\n]';
    expect(compile(src).errors).toBe(caret(src, [2, 99, "expected type 'string' but found 'map(string, string)'"]));
  });
  it('`[dyn(1), "a"]` and a dyn element among strings', () => {
    expect(compile('[dyn(1), "a"]').errors).toBe(caret('[dyn(1), "a"]', [1, 10, "expected type 'dyn' but found 'string'"]));
    const src = '["a", object.metadata.name]';
    expect(compile(src, [['object', T.dyn]]).errors).toBe(caret(src, [1, 22, "expected type 'string' but found 'dyn'"]));
  });
  it('JSONPatch field types', () => {
    const src = 'JSONPatch{op: 1}';
    expect(compile(src).errors).toBe(caret(src, [1, 13, "expected type of field 'op' is 'string' but provided type is 'int'"]));
  });
  it('math.greatest is undeclared', () => {
    const src = 'math.greatest(1, 2)';
    expect(compile(src).errors).toBe(
      caret(src, [1, 1, "undeclared reference to 'math' (in container '')"], [1, 14, "undeclared reference to 'greatest' (in container '')"]),
    );
  });
  it('the list given to format is exempt', () => {
    expect(compile('"%s %d".format(["a", 1])').errors).toBe('');
  });
});
