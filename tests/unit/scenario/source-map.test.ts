import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../../../src/engine/scenario/yaml-doc.js';
import { readScenario } from '../../../src/engine/scenario/read.js';
import type { DocPath } from '../../../src/engine/types.js';

function doc(text: string) {
  const { docs } = parseYamlDocuments(text);
  return docs[0];
}

/** The text a span of the value [start, end) covers in the source. */
function slice(text: string, path: DocPath, start: number, end: number): string | undefined {
  const s = doc(text).sourceMap.spanInString(path, start, end);
  return s ? text.slice(s.start, s.end) : undefined;
}

/** Every character of the value maps back to itself (or its escape) in the source. */
function checkEveryChar(text: string, path: DocPath): void {
  const d = doc(text);
  let v: unknown = d.value;
  for (const seg of path) v = (v as Record<string | number, unknown>)[seg];
  const value = v as string;
  for (let i = 0; i < value.length; i++) {
    const s = d.sourceMap.spanInString(path, i, i + 1)!;
    const src = text.slice(s.start, s.end);
    const ch = value[i];
    if (ch === '\n' || ch === ' ') {
      if (src !== ch) expect(['\n', '\r', '\\n', '\\ '].some((x) => src.startsWith(x)) || src === ' ').toBe(true);
    } else if (src.startsWith('\\') || src === "''") {
      // an escape: fine
    } else expect(src).toBe(ch);
  }
}

describe('SourceMap.span / keySpan', () => {
  const text = 'a:\n  b: [1, 2, {c: "x"}]\n  "d e": 3\n';
  it('finds values and keys with 1-based line/column', () => {
    const sm = doc(text).sourceMap;
    const s = sm.span(['a', 'b', 2, 'c'])!;
    expect(text.slice(s.start, s.end)).toBe('"x"');
    expect(s.line).toBe(2);
    expect(s.column).toBe(17);
    const k = sm.keySpan(['a', 'd e'])!;
    expect(text.slice(k.start, k.end)).toBe('"d e"');
    expect(k.line).toBe(3);
    expect(k.column).toBe(3);
  });
  it('falls back to the nearest existing ancestor', () => {
    const sm = doc(text).sourceMap;
    const s = sm.span(['a', 'b', 7])!;
    expect(text.slice(s.start, s.end)).toBe('[1, 2, {c: "x"}]');
    expect(sm.keySpan(['a', 'zzz'])).toBeUndefined();
  });
  it('addresses keys as kubectl converts them (on: is "true")', () => {
    const t = 'on: 1\n5: two\n';
    const sm = doc(t).sourceMap;
    expect(t.slice(sm.span(['true'])!.start, sm.span(['true'])!.end)).toBe('1');
    expect(t.slice(sm.span(['5'])!.start, sm.span(['5'])!.end)).toBe('two');
  });
  it('follows aliases and merge keys', () => {
    const t = 'base: &b {x: "hello"}\nuse: *b\nmerged:\n  <<: *b\n  y: 1\n';
    expect(slice(t, ['use', 'x'], 1, 3)).toBe('el');
    expect(slice(t, ['merged', 'x'], 0, 5)).toBe('hello');
  });
  it('handles CRLF line ends', () => {
    const t = 'a:\r\n  b: |\r\n    xy\r\n    zw\r\n';
    expect(slice(t, ['a', 'b'], 3, 5)).toBe('zw');
    expect(doc(t).sourceMap.spanInString(['a', 'b'], 3, 4)!.line).toBe(4);
  });
});

describe('SourceMap.spanInString', () => {
  it('plain scalars, single line and folded', () => {
    const t = 'e: object.spec.containers\n';
    expect(slice(t, ['e'], 7, 11)).toBe('spec');
    const m = 'e: first\n   second   \n\n   third\n';
    expect(doc(m).value).toEqual({ e: 'first second\nthird' });
    expect(slice(m, ['e'], 6, 12)).toBe('second');
    expect(slice(m, ['e'], 13, 18)).toBe('third');
    checkEveryChar(m, ['e']);
  });
  it('single-quoted with doubled quotes and folding', () => {
    const t = "e: 'it''s a\n  \"test\"\n\n  ok  '\n";
    expect(doc(t).value).toEqual({ e: 'it\'s a "test"\nok  ' });
    expect(slice(t, ['e'], 2, 3)).toBe("''");
    expect(slice(t, ['e'], 5, 6)).toBe('a');
    expect(slice(t, ['e'], 7, 13)).toBe('"test"');
    expect(slice(t, ['e'], 14, 16)).toBe('ok');
    checkEveryChar(t, ['e']);
  });
  it('double-quoted with escapes and escaped line breaks', () => {
    const t = 'e: "a\\tb \\u00e9\\x41 \\"q\\"\n  next\\\n    joined"\n';
    const d = doc(t);
    expect(d.value).toEqual({ e: 'a\tb éA "q" nextjoined' });
    expect(slice(t, ['e'], 1, 2)).toBe('\\t');
    expect(slice(t, ['e'], 4, 5)).toBe('\\u00e9');
    expect(slice(t, ['e'], 5, 6)).toBe('\\x41');
    expect(slice(t, ['e'], 7, 10)).toBe('\\"q\\"');
    expect(slice(t, ['e'], 11, 15)).toBe('next');
    expect(slice(t, ['e'], 10, 11)).toBe('\n');
    expect(slice(t, ['e'], 15, 21)).toBe('joined');
    checkEveryChar(t, ['e']);
  });
  it('double-quoted astral escape covers both UTF-16 units', () => {
    const t = 'e: "x\\U0001F600y"\n';
    expect(doc(t).value).toEqual({ e: 'x😀y' });
    expect(slice(t, ['e'], 1, 3)).toBe('\\U0001F600');
    expect(slice(t, ['e'], 3, 4)).toBe('y');
  });
  it('literal block scalar (clip, strip, keep) at any indentation', () => {
    const t = 'policies:\n- spec:\n    mutations:\n    - jsonPatch:\n        expression: |\n          [\n            JSONPatch{op: "add"}\n          ]\n';
    const path = ['policies', 0, 'spec', 'mutations', 0, 'jsonPatch', 'expression'];
    const s = doc(t).sourceMap.spanInString(path, 14, 23)!;
    expect(t.slice(s.start, s.end)).toBe('op: "add"');
    expect(s.line).toBe(7);
    expect(s.column).toBe(23);
    expect(s.endColumn).toBe(32);
    checkEveryChar(t, path);
    const strip = 'e: |-\n  a\n  b\n\nx: 1\n';
    expect(doc(strip).value).toEqual({ e: 'a\nb', x: 1n });
    expect(slice(strip, ['e'], 2, 3)).toBe('b');
    const keep = 'e: |+\n  a\n\n\nx: 1\n';
    expect(doc(keep).value).toEqual({ e: 'a\n\n\n', x: 1n });
    checkEveryChar(keep, ['e']);
  });
  it('literal block with an explicit indentation indicator and leading spaces', () => {
    const t = 'e: |2\n    indented\n  back\n';
    expect(doc(t).value).toEqual({ e: '  indented\nback\n' });
    expect(slice(t, ['e'], 2, 10)).toBe('indented');
    expect(slice(t, ['e'], 11, 15)).toBe('back');
  });
  it('folded block scalar: folding, more-indented lines, empty lines', () => {
    const t = 'e: >\n  one\n  two\n\n  three\n    more\n  four\n';
    expect(doc(t).value).toEqual({ e: 'one two\nthree\n  more\nfour\n' });
    expect(slice(t, ['e'], 4, 7)).toBe('two');
    expect(slice(t, ['e'], 8, 13)).toBe('three');
    expect(slice(t, ['e'], 16, 20)).toBe('more');
    expect(slice(t, ['e'], 21, 25)).toBe('four');
    checkEveryChar(t, ['e']);
  });
  it('folded strip with leading empty line', () => {
    const t = 'e: >-\n\n  after empty\n  z\n';
    expect(doc(t).value).toEqual({ e: '\nafter empty z' });
    expect(slice(t, ['e'], 1, 6)).toBe('after');
    expect(slice(t, ['e'], 13, 14)).toBe('z');
  });
  it('flow scalars inside flow collections and JSON', () => {
    const t = '{"policies": [{"e": "has(object.x) \\u0026\\u0026 y"}]}';
    expect(slice(t, ['policies', 0, 'e'], 4, 10)).toBe('object');
    expect(slice(t, ['policies', 0, 'e'], 15, 16)).toBe('\\u0026');
  });
  it('clamps out-of-range offsets and empty ranges', () => {
    const t = 'e: abc\n';
    const sm = doc(t).sourceMap;
    const end = sm.spanInString(['e'], 3, 3)!;
    expect(end.start).toBe(6);
    expect(end.end).toBe(6);
    const big = sm.spanInString(['e'], 1, 99)!;
    expect(t.slice(big.start, big.end)).toBe('bc');
    expect(sm.spanInString(['e'], -5, 1)!.start).toBe(3);
  });
  it('is exposed by readScenario for the expression of a policy', () => {
    const t = [
      'object: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}',
      'policies:',
      '- spec:',
      '    matchConditions:',
      '    - name: a',
      "      expression: 'objct.x == 1'",
    ].join('\n');
    const r = readScenario(t);
    const s = r.sourceMap.spanInString(['policies', 0, 'spec', 'matchConditions', 0, 'expression'], 0, 5)!;
    expect(t.slice(s.start, s.end)).toBe('objct');
    expect(s.line).toBe(6);
    expect(s.column).toBe(20);
  });
});
