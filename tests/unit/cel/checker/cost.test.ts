// Static cost estimates from cel-go v0.26 checker/cost_test.go (same expressions, hints and
// expected ranges), on hand-built ASTs.
import { describe, expect, it } from 'vitest';
import { check, estimateCost, newCheckerEnv, type CostHints } from '../../../../src/engine/cel/checker/index.js';
import type { Library, TypeProvider } from '../../../../src/engine/cel/decls.js';
import type { Expr } from '../../../../src/engine/cel/ast.js';
import { T, type CelType } from '../../../../src/engine/cel/types.js';
import type { StructType } from '../../../../src/engine/cel/values.js';
import { B, testStdlib } from './helpers.js';

const extra: Library = {
  name: 'cost-extra',
  functions: [
    { name: 'matches', overloads: [{ id: 'matches_string', member: true, params: [T.string, T.string], result: T.bool }] },
    {
      name: 'getFullYear',
      overloads: [
        {
          id: 'timestamp_to_year',
          member: true,
          params: [T.timestamp],
          result: T.int,
          cost: { estimate: () => ({ cost: { min: 7, max: 7 } }) },
        },
      ],
    },
  ],
};
const provider: TypeProvider = {
  findStructType(name): StructType | undefined {
    if (name !== 'TestAllTypes') return undefined;
    return { name, fieldType: (f) => (f === 'single_int32' ? T.int : undefined), newValue: () => undefined as never };
  },
};

/** cel-go's testCostEstimator: hints by dotted path give {0, n}; bytes are {0, 12}. */
const hinted = (hints: Record<string, number>, presenceTestHasCost?: boolean): CostHints => ({
  estimateSize(path, type) {
    const h = hints[path.join('.')];
    if (h !== undefined) return { min: 0, max: h };
    if (type.kind === 'primitive' && type.name === 'bytes') return { min: 0, max: 12 };
    return undefined;
  },
  presenceTestHasCost,
});

function cost(build: (b: B) => Expr, vars: [string, CelType][] = [], hints: CostHints = hinted({})) {
  const b = new B();
  const env = newCheckerEnv({
    libraries: [testStdlib, extra],
    variables: vars.map(([name, type]) => ({ name, type })),
    typeProvider: provider,
  });
  const res = check(b.ast(build(b)), env);
  expect(res.diagnostics).toEqual([]);
  return estimateCost(res, env, hints);
}

const allTypes = T.struct('TestAllTypes');
const all = (b: B, range: Expr, v: string, pred: (b: B) => Expr) => b.all(range, v, pred);

describe('estimateCost', () => {
  it('constants, identifiers and selections', () => {
    expect(cost((b) => b.str('Hello World!'))).toEqual({ min: 0, max: 0 });
    expect(cost((b) => b.ident('input'), [['input', T.list(T.int)]])).toEqual({ min: 1, max: 1 });
    expect(cost((b) => b.call('_[_]', [b.ident('input'), b.str('key')]), [['input', T.map(T.string, T.string)]])).toEqual({ min: 2, max: 2 });
    expect(cost((b) => b.sel(b.ident('input'), 'single_int32'), [['input', allTypes]])).toEqual({ min: 2, max: 2 });
  });
  it('presence tests cost 1 unless PresenceTestHasCost(false)', () => {
    const has = (b: B) => b.sel(b.ident('input'), 'single_int32', 0, true);
    expect(cost(has, [['input', allTypes]])).toEqual({ min: 2, max: 2 });
    expect(cost(has, [['input', allTypes]], hinted({}, false))).toEqual({ min: 1, max: 1 });
    const nested = (b: B) => b.sel(b.sel(b.ident('input'), 'testAttr'), 'nestedAttr', 0, true);
    const nestedMap: [string, CelType][] = [['input', T.map(T.string, T.map(T.string, T.string))]];
    expect(cost(nested, nestedMap)).toEqual({ min: 3, max: 3 });
    expect(cost(nested, nestedMap, hinted({}, false))).toEqual({ min: 2, max: 2 });
  });
  it('declared estimators: `input.getFullYear()`', () => {
    expect(cost((b) => b.member(b.ident('input'), 'getFullYear', []), [['input', T.timestamp]])).toEqual({ min: 8, max: 8 });
  });
  it('the host estimator (EstimateCallCost) is consulted first', () => {
    const hints: CostHints = {
      ...hinted({ s: 100 }),
      estimateCallCost: (fn, id, input, isMember) =>
        fn === '_==_' && id === 'equals' && !isMember && input.args.length === 2 ? { cost: { min: 5, max: 5 } } : undefined,
    };
    const eq = (b: B) => b.call('_==_', [b.ident('s'), b.str('abc')]);
    expect(cost(eq, [['s', T.string]], hinted({ s: 100 }))).toEqual({ min: 2, max: 2 });
    expect(cost(eq, [['s', T.string]], hints)).toEqual({ min: 6, max: 6 });
    const lt = (b: B) => b.call('_<_', [b.ident('s'), b.str('abcdefghijklmnopqrstu')]);
    expect(cost(lt, [['s', T.string]], hinted({ s: 100 }))).toEqual({ min: 2, max: 4 });
  });
  it('literal construction', () => {
    expect(cost((b) => b.list([b.int(1), b.int(2), b.int(3)]))).toEqual({ min: 10, max: 10 });
    expect(cost((b) => b.map([[b.str('a'), b.int(1)], [b.str('b'), b.int(2)], [b.str('c'), b.int(3)]]))).toEqual({ min: 30, max: 30 });
    expect(cost((b) => b.struct('TestAllTypes', [['single_int32', b.int(1)]]))).toEqual({ min: 40, max: 40 });
  });
  it('comprehensions multiply by the range size', () => {
    const intList: [string, CelType][] = [['input', T.list(T.int)]];
    expect(cost((b) => all(b, b.ident('input'), 'x', (b) => b.bool(true)), intList, hinted({ input: 100 }))).toEqual({ min: 2, max: 302 });
    expect(
      cost(
        (b) => all(b, b.ident('input'), 'x', (b) => all(b, b.ident('x'), 'y', (b) => b.bool(true))),
        [['input', T.list(T.list(T.int))]],
        hinted({ input: 50, 'input.@items': 10 }),
      ),
    ).toEqual({ min: 2, max: 1752 });
    expect(cost((b) => all(b, b.list([b.int(1), b.int(2), b.int(3)]), 'x', (b) => b.bool(true)))).toEqual({ min: 20, max: 20 });
  });
  it('string functions scale with sizes', () => {
    const s: [string, CelType][] = [['input', T.string]];
    expect(cost((b) => b.member(b.ident('input'), 'matches', [b.str('[0-9]')]), s, hinted({ input: 500 }))).toEqual({ min: 3, max: 103 });
    expect(cost((b) => b.member(b.str('123'), 'matches', [b.str('[0-9]')]))).toEqual({ min: 2, max: 2 });
    expect(
      cost((b) => b.member(b.ident('input'), 'contains', [b.ident('arg1')]), [...s, ['arg1', T.string]], hinted({ input: 500, arg1: 500 })),
    ).toEqual({ min: 2, max: 2502 });
    expect(
      cost((b) => b.member(b.ident('input'), 'startsWith', [b.ident('arg1')]), [...s, ['arg1', T.string]], hinted({ arg1: 500 })),
    ).toEqual({ min: 2, max: 52 });
  });
  it('logical operators accumulate branch costs', () => {
    expect(cost((b) => b.call('_||_', [b.bool(true), b.bool(false)]))).toEqual({ min: 0, max: 0 });
    const bools: [string, CelType][] = ['a', 'b', 'c', 'd'].map((n) => [n, T.bool]);
    const chain = (op: string) => (b: B) =>
      b.call(op, [b.call(op, [b.call(op, [b.ident('a'), b.ident('b')]), b.ident('c')]), b.ident('d')]);
    expect(cost(chain('_||_'), bools)).toEqual({ min: 1, max: 4 });
    expect(cost(chain('_&&_'), bools)).toEqual({ min: 1, max: 4 });
  });
  it('operators', () => {
    expect(cost((b) => b.call('_<_', [b.int(1), b.int(2)]))).toEqual({ min: 1, max: 1 });
    expect(cost((b) => b.call('_==_', [b.int(1), b.int(2)]))).toEqual({ min: 1, max: 1 });
    expect(cost((b) => b.call('@in', [b.int(2), b.list([b.int(1), b.int(2), b.int(3)])]))).toEqual({ min: 13, max: 13 });
    expect(cost((b) => b.call('_?_:_', [b.bool(true), b.int(1), b.int(2)]))).toEqual({ min: 0, max: 0 });
    expect(cost((b) => b.call('size', [b.str('123')]))).toEqual({ min: 1, max: 1 });
    expect(cost((b) => b.member(b.ident('input'), 'size', []), [['input', T.list(T.int)]])).toEqual({ min: 2, max: 2 });
  });
  it('ternary results carry the union of the branch sizes', () => {
    const r = cost(
      (b) =>
        all(b, b.call('_?_:_', [b.call('_>_', [b.ident('x'), b.int(2)]), b.ident('input1'), b.ident('input2')]), 'y', (b) => b.bool(true)),
      [
        ['x', T.int],
        ['input1', T.list(T.int)],
        ['input2', T.list(T.int)],
      ],
      hinted({ input1: 1, input2: 1 }),
    );
    expect(r).toEqual({ min: 4, max: 7 });
  });
  it('comprehensions over maps use key paths', () => {
    const allMap: [string, CelType][] = [['input', T.map(T.string, allTypes)]];
    expect(
      cost(
        (b) =>
          all(b, b.ident('input'), 'k', (b) =>
            b.call('_>_', [b.sel(b.call('_[_]', [b.ident('input'), b.ident('k')]), 'single_int32'), b.int(3)]),
          ),
        allMap,
        hinted({ input: 10 }),
      ),
    ).toEqual({ min: 2, max: 82 });
    expect(
      cost(
        (b) => all(b, b.ident('input'), 'k', (b) => b.member(b.ident('k'), 'contains', [b.ident('k')])),
        [['input', T.map(T.string, T.bool)]],
        hinted({ input: 5, 'input.@keys': 10 }),
      ),
    ).toEqual({ min: 2, max: 32 });
    expect(
      cost(
        (b) => all(b, b.ident('input'), 'k', (b) => all(b, b.call('_[_]', [b.ident('input'), b.ident('k')]), 'x', (b) => b.bool(true))),
        [['input', T.map(T.string, T.map(T.string, T.bool))]],
        hinted({ input: 5, 'input.@values': 10 }),
      ),
    ).toEqual({ min: 2, max: 187 });
  });
});
