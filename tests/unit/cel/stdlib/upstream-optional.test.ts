// upstream: google/cel-go v0.26.0 cel/cel_test.go TestOptionalValuesEval, TestOptionalValuesCompile, TestOptionalMacroError
// Kubernetes 1.28+ sets cel.OptionalTypes() (latest version). Cases with proto messages
// (TestAllTypes{...}) do not apply. Variables as upstream declares them. Kubernetes'
// homogeneous-literal validator rejects upstream's mixed literals: those run with dyn() values.
import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/engine/cel/types.js';
import { Optional, type CelValue } from '../../../../src/engine/cel/values.js';
import { runWith, type Vars } from '../ext/upstream-cost-helper.js';
import { compileError, value } from '../ext/eval-helper.js';

const MSS = T.map(T.string, T.map(T.string, T.string));
const DECLS = {
  m: MSS,
  l: T.list(T.string),
  optm: T.optional(MSS),
  optl: T.optional(T.list(T.string)),
  x: T.optional(T.int),
  y: T.optional(T.int),
  z: T.int,
};
type In = Partial<Record<keyof typeof DECLS, CelValue>>;
const vars = (input: In): Vars =>
  Object.fromEntries(Object.entries(DECLS).map(([k, t]) => [k, [t, (input as Record<string, CelValue>)[k] ?? null]]));

const none = Optional.none;
const of = Optional.of;
const err = (e: string) => ({ error: e });

// [expr, input, value or error]
const CASES: [string, In, CelValue | { error: string }][] = [
  [`has({'foo': optional.none()}.foo)`, {}, true],
  [`has({'foo': optional.none()}.foo.value)`, {}, false],
  [`has({?'foo': optional.none()}.foo)`, {}, false],
  [`has({?'foo': optional.none()}.foo.value)`, {}, err('no such key: foo')],
  [`{}.?invalid`, {}, none],
  [`{'null_field': dyn(null)}.?null_field`, {}, of(null)],
  [`{'null_field': dyn(null)}.?null_field.?nested`, {}, none],
  [`{'zero_field': dyn(0)}.?zero_field.?invalid`, {}, none],
  [`{0: dyn(0)}[?0].?invalid`, {}, none],
  [`{true: dyn(0)}[?false].?invalid`, {}, none],
  [`{true: dyn(0)}[?true].?invalid`, {}, none],
  [`x.or(y).orValue(z)`, { x: none, y: none, z: 42n }, 42n],
  [`x.optMap(y, y + 1)`, { x: none }, none],
  [`m.?key.optFlatMap(k, k.?subkey)`, { m: {} }, none],
  [`m.?key.optFlatMap(k, k.?subkey)`, { m: { key: {} } }, none],
  [`m.?key.optFlatMap(k, k.?subkey)`, { m: { key: { subkey: 'subvalue' } } }, of('subvalue')],
  [`m.?key.optFlatMap(k, k.?subkey)`, { m: { key: { subkey: '' } } }, of('')],
  [`m.?key.optFlatMap(k, optional.ofNonZeroValue(k.subkey))`, { m: { key: { subkey: '' } } }, none],
  [`x.optMap(y, y + 1)`, { x: of(42n) }, of(43n)],
  [`optional.ofNonZeroValue(z).or(optional.of(10)).value() == 42`, { z: 42n }, true],
  [`(has(m.x) ? optional.of(m.x) : optional.none()).hasValue()`, { m: {} }, false],
  [`m.?x.hasValue()`, { m: {} }, false],
  [`has(m.?x.y)`, { m: {} }, false],
  [`has(m.?x.y)`, { m: { x: { y: 'z' } } }, true],
  [`type(optional.none()) == optional_type`, {}, true],
  [`optional.ofNonZeroValue('').or(optional.of(m.c['dashed-index'])).orValue('default value')`, { m: { c: { 'dashed-index': 'goodbye' } } }, 'goodbye'],
  [`m.c[?'dashed-index'].orValue('default value')`, { m: { c: { 'dashed-index': 'goodbye' } } }, 'goodbye'],
  [`m.c[?'missing-index'].orValue('default value')`, { m: { c: {} } }, 'default value'],
  [`optm.c.index.orValue('default value')`, { optm: of({ c: { index: 'goodbye' } }) }, 'goodbye'],
  [`optm.c.missing.or(optl[0]).orValue('default value')`, { optm: of({ c: {} }), optl: none }, 'default value'],
  [`optm.c.missing.or(optl[0]).orValue('default value')`, { optm: of({ c: {} }), optl: of(['list-value']) }, 'list-value'],
  [`optm.c['index'].orValue('default value')`, { optm: of({ c: { index: 'goodbye' } }) }, 'goodbye'],
  [`optm.c['missing'].orValue('default value')`, { optm: of({ c: {} }) }, 'default value'],
  [`has(optm.c) && !has(optm.c.missing)`, { optm: of({ c: { entry: 'hello world' } }) }, true],
  [`optional.ofNonZeroValue(m.a.z).orValue(m.c['dashed-index'])`, { m: { c: { 'dashed-index': 'goodbye' } } }, err('no such key: a')],
  [`m.?c.missing.or(m.?c['dashed-index']).orValue('').size()`, { m: { c: { 'dashed-index': 'goodbye' } } }, 7n],
  [`{?'nested_map': optional.ofNonZeroValue({?'map': m.?c})}`, { m: { c: { 'dashed-index': 'goodbye' } } }, { nested_map: { map: { 'dashed-index': 'goodbye' } } }],
  [`{?'nested_map': optional.ofNonZeroValue({?'map': m.?c}).optMap(v, dyn(v)), 'singleton': dyn(true)}`, { m: {} }, { singleton: true }],
  [`[?m.?c.optMap(v, dyn(v)), ?x.optMap(v, dyn(v)), ?y.optMap(v, dyn(v))]`, { m: {}, x: of(42n), y: none }, [42n]],
  [`[?optional.ofNonZeroValue(m.?c.orValue({}))]`, { m: { c: {} } }, []],
  [`optional.ofNonZeroValue({?'nested_map': optional.ofNonZeroValue({?'map': m.?c})})`, { m: {} }, none],
  [`[].first()`, {}, none],
  [`['a','b','c'].first()`, {}, of('a')],
  [`[].last()`, {}, none],
  [`[1, 2, 3].last()`, {}, of(3n)],
  [`optional.unwrap([])`, {}, []],
  [`optional.unwrap([optional.none(), optional.none()])`, {}, []],
  [`optional.unwrap([optional.of(dyn(42)), optional.none(), optional.of(dyn("a"))])`, {}, [42n, 'a']],
  [`optional.unwrap([optional.of(dyn(42)), optional.of(dyn("a"))])`, {}, [42n, 'a']],
  [`[].unwrapOpt()`, {}, []],
  [`[optional.none(), optional.none()].unwrapOpt()`, {}, []],
  [`[optional.of(dyn(42)), optional.none(), optional.of(dyn("a"))].unwrapOpt()`, {}, [42n, 'a']],
  [`[optional.of(dyn(42)), optional.of(dyn("a"))].unwrapOpt()`, {}, [42n, 'a']],
];

describe('upstream TestOptionalValuesEval', () => {
  for (const [src, input, want] of CASES) {
    it(src, () => {
      const r = runWith(src, vars(input));
      if (want !== null && typeof want === 'object' && 'error' in want && !Array.isArray(want)) expect(r).toEqual(want);
      else expect(r).toEqual({ value: want });
    });
  }
  it('mixed literals as upstream writes them do not compile in Kubernetes (homogeneous literals)', () => {
    for (const src of [
      `{?'nested_map': optional.ofNonZeroValue({?'map': m.?c}), 'singleton': true}`,
      `[?m.?c, ?x, ?y]`,
      `optional.unwrap([optional.of(42), optional.of("a")])`,
      `[optional.of(42), optional.none(), optional.of("a")].unwrapOpt()`,
    ])
      expect(() => runWith(src, vars({}))).toThrow(/expected type/);
  });
  it.skip('TestAllTypes{?field: ...} cases (proto message types: none in Kubernetes CEL)', () => {});
});

describe('upstream TestOptionalValuesCompile (type-checks; overload ids are a Go API)', () => {
  const decls: Vars = {
    m: [MSS, null],
    optm: [T.optional(MSS), null],
    l: [T.list(T.string), null],
    optl: [T.optional(T.list(T.string)), null],
    x: [T.optional(T.int), null],
    y: [T.int, null],
  };
  for (const src of [
    `x.or(optional.of(y)).orValue(42)`,
    `m.?x.hasValue()`,
    `has(m.?x.y)`,
    `m.k[?'dashed-index'].orValue('default value')`,
    `l[?y]`,
    `optm.c['index'].orValue('default value')`,
    `optm.c[?'index']`,
    `optl[0]`,
    `optl[?0]`,
  ])
    it(src, () => {
      // evaluation with null inputs may fail; compiling must not
      expect(() => runWith(src, decls)).not.toThrow();
    });
});

describe('upstream TestOptionalMacroError', () => {
  it('variable name must be a simple identifier', () => {
    expect(compileError(`optional.none().optMap(y.z, y.z + 1)`)).toContain('variable name must be a simple identifier');
    expect(compileError(`optional.none().optFlatMap(y.z, y.z + 1)`)).toContain('variable name must be a simple identifier');
  });
  it.skip('OptionalTypesVersion(0) has no optFlatMap (Kubernetes sets the latest version)', () => {});
  it('end to end', () => expect(value(`optional.of(1).optMap(v, v + 1).value()`)).toBe(2n));
});
