// The engine's JSON utilities: Go encoding/json text, int-preserving parsing, strict equality and
// copying, minimal RFC 6902 diffs (createPatch), semantic comparison.
import { describe, expect, it } from 'vitest';
import {
  createPatch,
  deepClone,
  deepEqual,
  encodeJson,
  escapePointerToken,
  goFloatString,
  parseJson,
  parseJsonPreservingInts,
  semanticContains,
  semanticEqual,
  semanticNormalize,
  unescapePointerToken,
} from '../../../src/engine/json/index.js';
import { applyJsonPatch } from '../../../src/engine/admission/jsonpatch/index.js';

describe('encodeJson (Go encoding/json)', () => {
  it('float64 like floatEncoder', () => {
    const cases: [number, string][] = [
      [1e-7, '1e-7'],
      [1.5e-7, '1.5e-7'],
      [1e-6, '0.000001'],
      [9.99e-7, '9.99e-7'],
      [1e20, '100000000000000000000'],
      [1e21, '1e+21'],
      [123456789, '123456789'],
      [1.5, '1.5'],
      [-0, '-0'],
      [0, '0'],
      [0.1 + 0.2, '0.30000000000000004'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [-2.5e-10, '-2.5e-10'],
    ];
    for (const [x, s] of cases) expect(goFloatString(x), String(x)).toBe(s);
  });
  it('ints plainly, strings HTML-safe, keys in order', () => {
    expect(encodeJson({ b: 9007199254740993n, a: [1.0, 'x<y>&z', true, null] })).toBe('{"b":9007199254740993,"a":[1,"x\\u003cy\\u003e\\u0026z",true,null]}');
    expect(encodeJson('\n\t\r\b\f\u0001"\\\u2028\u007f')).toBe('"\\n\\t\\r\\b\\f\\u0001\\"\\\\\\u2028\u007f"');
    expect(encodeJson('<', { escapeHtml: false })).toBe('"<"');
    expect(encodeJson('\ud800x')).toBe('"\\ufffdx"');
    expect(encodeJson('😀é')).toBe('"😀é"');
  });
  it('MarshalIndent', () => {
    expect(encodeJson({ a: [1n, {}], b: [] }, { indent: '  ' })).toBe('{\n  "a": [\n    1,\n    {}\n  ],\n  "b": []\n}');
  });
  it('__proto__ keys are data', () => {
    const o = parseJsonPreservingInts('{"__proto__": {"x": 1}}');
    expect(encodeJson(o)).toBe('{"__proto__":{"x":1}}');
  });
});

describe('parseJsonPreservingInts', () => {
  it('ints become bigint, decimals and exponents numbers', () => {
    const v = parseJsonPreservingInts('{"i": 9223372036854775807, "d": 1.0, "e": 1e3, "n": -0, "big": 9223372036854775808, "s": "\\u00e9\\n"}') as Record<string, unknown>;
    expect(v.i).toBe(9223372036854775807n);
    expect(v.d).toBe(1);
    expect(v.e).toBe(1000);
    expect(v.n).toBe(0n);
    expect(v.big).toBe(9223372036854775808);
    expect(v.s).toBe('é\n');
  });
  it('invalid text: undefined, or the Go-like error from parseJson', () => {
    expect(parseJsonPreservingInts('{"a":}')).toBeUndefined();
    expect(parseJson('{"a":}')).toMatchObject({ ok: false, error: "invalid character '}' looking for beginning of value" });
    expect(parseJson('[1,')).toMatchObject({ ok: false, error: 'unexpected end of JSON input' });
    expect(parseJson('1 2')).toMatchObject({ ok: false, error: "invalid character '2' after top-level value" });
    expect(parseJson('"\\x"')).toMatchObject({ ok: false, error: "invalid character 'x' in string escape code" });
  });
  it('objects inherit nothing: __proto__ is a plain key', () => {
    const v = parseJsonPreservingInts('{"__proto__": 1}') as Record<string, unknown>;
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(v['__proto__']).toBe(1n);
    expect('toString' in v).toBe(false);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(v))).toBe(null);
  });
});

describe('deepEqual, deepClone, pointers', () => {
  it('1n and 1 differ; key order does not matter', () => {
    expect(deepEqual(1n, 1)).toBe(false);
    expect(deepEqual({ a: [1n, 'x'], b: null }, { b: null, a: [1n, 'x'] })).toBe(true);
    expect(deepEqual({ a: 1n }, { a: 1n, b: undefined })).toBe(false);
    expect(deepEqual([1n], { 0: 1n })).toBe(false);
  });
  it('clones deeply', () => {
    const a = { x: [{ y: 1n }] };
    const b = deepClone(a);
    expect(deepEqual(a, b)).toBe(true);
    expect(b.x).not.toBe(a.x);
  });
  it('escapes and unescapes tokens like jsonpatch.escapeKey and json-patch v4', () => {
    expect(escapePointerToken('example.com/x~y')).toBe('example.com~1x~0y');
    expect(unescapePointerToken('a~01b~1c~2')).toBe('a~1b/c~2');
  });
});

describe('createPatch (minimal RFC 6902, as npm rfc6902 builds it)', () => {
  const check = (from: unknown, to: unknown, want: unknown[]): void => {
    const ops = createPatch(from, to);
    expect(ops).toEqual(want);
    const applied = applyJsonPatch(from, ops, { version: '1.36' });
    expect(applied.ok && deepEqual(applied.doc, to)).toBe(true);
  };
  it('objects: remove, add, then changed keys', () => {
    check({ a: 1n, b: 2n, c: { d: 'x' } }, { b: 3n, c: { d: 'y' }, e: true }, [
      { op: 'remove', path: '/a' },
      { op: 'add', path: '/e', value: true },
      { op: 'replace', path: '/b', value: 3n },
      { op: 'replace', path: '/c/d', value: 'y' },
    ]);
  });
  it('prepending a container is one add at 0; appending uses -', () => {
    const c = (...n: string[]) => ({ spec: { containers: n.map((name) => ({ name })) } });
    check(c('a', 'b'), c('x', 'a', 'b'), [{ op: 'add', path: '/spec/containers/0', value: { name: 'x' } }]);
    check(c('a', 'b'), c('a', 'b', 'x'), [{ op: 'add', path: '/spec/containers/-', value: { name: 'x' } }]);
    check(c('a', 'b'), c('b'), [{ op: 'remove', path: '/spec/containers/0' }]);
    check(c('a', 'b', 'c'), c('a', 'c'), [{ op: 'remove', path: '/spec/containers/1' }]);
  });
  it('a changed element is diffed inside', () => {
    check({ l: [{ name: 'a', image: 'x' }] }, { l: [{ name: 'a', image: 'y' }] }, [{ op: 'replace', path: '/l/0/image', value: 'y' }]);
  });
  it('mixed edits keep indices right', () => {
    const from = { l: ['a', 'b', 'c', 'd', 'e'] };
    const to = { l: ['x', 'b', 'd', 'y', 'e', 'z'] };
    const ops = createPatch(from, to);
    const applied = applyJsonPatch(from, ops, { version: '1.36' });
    expect(applied.ok && deepEqual(applied.doc, to)).toBe(true);
    expect(ops.length).toBe(4);
  });
  it('keys are escaped; type changes replace', () => {
    check({ m: { 'a/b': 1n } }, { m: { 'a/b': 1n, 'c~d': 2n } }, [{ op: 'add', path: '/m/c~0d', value: 2n }]);
    check({ a: [1n] }, { a: { x: 1n } }, [{ op: 'replace', path: '/a', value: { x: 1n } }]);
    expect(createPatch({ a: 1n }, { a: 1 })).toEqual([{ op: 'replace', path: '/a', value: 1 }]);
    expect(createPatch({ a: 1n }, { a: 1n })).toEqual([]);
  });
});

describe('semanticEqual / semanticContains (scenario.md "Comparing objects")', () => {
  it('drops nulls, empty maps and lists', () => {
    expect(semanticEqual({ a: 1n, b: null, c: {}, d: [], e: { f: null } }, { a: 1n }).equal).toBe(true);
    expect(semanticEqual({ status: {} }, {}).equal).toBe(true);
  });
  it('quantities compare by value', () => {
    expect(semanticEqual({ cpu: '1000m' }, { cpu: '1' }).equal).toBe(true);
    expect(semanticEqual({ mem: '1Gi' }, { mem: '1024Mi' }).equal).toBe(true);
    expect(semanticEqual({ cpu: '1' }, { cpu: 1n }).equal).toBe(true);
    expect(semanticEqual({ cpu: '500m' }, { cpu: '1' })).toEqual({ equal: false, path: '/cpu', detail: 'expected "1", got "500m"' });
    expect(semanticEqual({ name: 'abc' }, { name: 'abd' }).equal).toBe(false);
  });
  it('ints and doubles by value', () => {
    expect(semanticEqual({ r: 5n }, { r: 5 }).equal).toBe(true);
    expect(semanticEqual({ r: 5n }, { r: 5.5 }).equal).toBe(false);
  });
  it('reports the first differing path', () => {
    expect(semanticEqual({ spec: { containers: [{ name: 'a', image: 'x' }] } }, { spec: { containers: [{ name: 'a', image: 'y' }] } })).toEqual({
      equal: false,
      path: '/spec/containers/0/image',
      detail: 'expected "y", got "x"',
    });
    expect(semanticEqual({ a: 1n, extra: 'x' }, { a: 1n })).toEqual({ equal: false, path: '/extra', detail: 'expected (absent), got "x"' });
    expect(semanticEqual({ a: 1n }, { a: 1n, 'x/y': 2n })).toEqual({ equal: false, path: '/x~1y', detail: 'expected 2, got (absent)' });
  });
  it('contains checks only the subset', () => {
    expect(semanticContains({ a: 1n, b: { c: 'x', d: 'y' } }, { b: { c: 'x' } }).equal).toBe(true);
    expect(semanticContains({ a: 1n }, { b: 1n }).equal).toBe(false);
    expect(semanticContains({ l: [{ a: 1n, b: 2n }] }, { l: [{ a: 1n }] }).equal).toBe(true);
  });
  it('semanticNormalize keeps the kind of an emptied value', () => {
    expect(semanticNormalize({ a: null })).toEqual({});
    expect(semanticNormalize([])).toEqual([]);
    expect(semanticNormalize({ a: { b: [] }, c: 'x' })).toEqual({ c: 'x' });
  });
});
