// Type-parameter unification cases from cel-go v0.26 checker/checker_test.go.
import { describe, expect, it } from 'vitest';
import { check, formatCelType, newCheckerEnv } from '../../../../src/engine/cel/checker/index.js';
import type { Library } from '../../../../src/engine/cel/decls.js';
import { T, type CelType } from '../../../../src/engine/cel/types.js';
import { B, testStdlib } from './helpers.js';

const setLib: Library = {
  name: 'set',
  functions: [
    {
      name: 'set',
      overloads: [{ id: 'set_list', member: false, params: [T.list(T.param('T'))], result: T.opaque('set', T.param('T')) }],
    },
    {
      name: 'myfun',
      overloads: [
        { id: 'myfun_instance', member: true, params: [T.int, T.bool, T.uint], result: T.int },
        { id: 'myfun_static', member: false, params: [T.int, T.bool, T.uint], result: T.int },
      ],
    },
  ],
};

function run(build: (b: B) => ReturnType<B['int']>, vars: [string, CelType][] = []) {
  const b = new B();
  const env = newCheckerEnv({ libraries: [testStdlib, setLib], variables: vars.map(([name, type]) => ({ name, type })) });
  const r = check(b.ast(build(b)), env);
  return { ...r, out: formatCelType(r.outputType), errs: r.diagnostics.map((d) => d.message) };
}

describe('unification', () => {
  it('`set([1, 2, 3])` is set(int)', () => {
    expect(run((b) => b.call('set', [b.list([b.int(1), b.int(2), b.int(3)])])).out).toBe('set(int)');
  });
  it('`set([1, 2]) == set([2, 1])`', () => {
    const r = run((b) => b.call('_==_', [b.call('set', [b.list([b.int(1), b.int(2)])]), b.call('set', [b.list([b.int(2), b.int(1)])])]));
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('bool');
  });
  it('`set([1, 2]) == x` binds the declared parameter of x', () => {
    const r = run((b) => b.call('_==_', [b.call('set', [b.list([b.int(1), b.int(2)])]), b.ident('x')]), [['x', T.opaque('set', T.param('T'))]]);
    expect(r.errs).toEqual([]);
    const x = [...r.refs.entries()].find(([, ref]) => ref.kind === 'variable')![0];
    expect(formatCelType(r.types.get(x)!)).toBe('set(int)');
  });
  it('`myfun(1, true, 3u) + 1.myfun(false, 3u).myfun(true, 42u)` picks static and instance overloads', () => {
    const r = run((b) =>
      b.call('_+_', [
        b.call('myfun', [b.int(1), b.bool(true), b.uint(3)]),
        b.member(b.member(b.int(1), 'myfun', [b.bool(false), b.uint(3)]), 'myfun', [b.bool(true), b.uint(42)]),
      ]),
    );
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('int');
    const ids = [...r.refs.values()].flatMap((x) => (x.kind === 'function' ? x.overloadIds : []));
    expect(ids).toEqual(['myfun_static', 'myfun_instance', 'myfun_instance', 'add_int64']);
  });
  it('`[1].map(x, [x, x]).map(x, [x, x])` is list(list(list(int)))', () => {
    const r = run((b) =>
      b.mapMacro(
        b.mapMacro(b.list([b.int(1)]), 'x', (b) => b.list([b.ident('x'), b.ident('x')])),
        'x',
        (b) => b.list([b.ident('x'), b.ident('x')]),
      ),
    );
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('list(list(list(int)))');
  });
  it('`values.filter(...).map(i, i.content)` is list(string)', () => {
    const r = run(
      (b) => b.mapMacro(b.ident('values'), 'i', (b) => b.sel(b.ident('i'), 'content')),
      [['values', T.list(T.map(T.string, T.string))]],
    );
    expect(r.out).toBe('list(string)');
  });
  it('`[{}.map(c,c,c)]+[{}.map(c,c,c)]` binds the map key to bool', () => {
    const filterMap = (b: B) => {
      const base = b.mapMacro(b.map([]), 'c', (b) => b.ident('c'));
      // turn the step into `c ? @result + [c] : @result` (map with a filter)
      const step = base.kind === 'comprehension' ? base.loopStep : base;
      return { ...base, loopStep: b.call('_?_:_', [b.ident('c'), step, b.ident('@result')]) } as typeof base;
    };
    const r = run((b) => b.call('_+_', [b.list([filterMap(b)]), b.list([filterMap(b)])]));
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('list(list(bool))');
  });
});
