// formatErrors reproduces cel-go's Issues text byte for byte (common/error.go ToDisplayString).
import { describe, expect, it } from 'vitest';
import { formatErrors, lineAndColumn, parse } from '../../../../src/engine/cel/parser/index.js';

const errs = (src: string) => {
  const r = parse(src);
  if (r.ok) throw new Error('expected errors');
  return formatErrors(src, r.diagnostics);
};

describe('formatErrors', () => {
  it('header, snippet and caret', () => {
    expect(errs('a.b(')).toBe(
      "ERROR: <input>:1:5: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', ')', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | a.b(\n | ....^",
    );
  });
  it('tabs become spaces; wide characters use full-width dots and caret (parser_test.go)', () => {
    const src = "      '😁' in ['😁', '😑', '😦']\n\t\t\t&& in.😁";
    expect(errs(src)).toBe(
      [
        "ERROR: <input>:2:7: Syntax error: extraneous input 'in' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}",
        ' |    && in.😁',
        ' | ......^',
        "ERROR: <input>:2:10: Syntax error: token recognition error at: '😁'",
        ' |    && in.😁',
        ' | .........\uff3e',
        "ERROR: <input>:2:11: Syntax error: no viable alternative at input '.'",
        ' |    && in.😁',
        ' | .........\uff0e^',
      ].join('\n'),
    );
  });
  it('unlocated errors have no snippet', () => {
    expect(formatErrors('x', [{ message: 'max recursion depth exceeded', range: { start: -1, end: -1 } }])).toBe(
      'ERROR: <input>:-1:0: max recursion depth exceeded',
    );
  });
  it('sorted by position, custom description', () => {
    const out = formatErrors(
      'ab',
      [
        { message: 'second', range: { start: 1, end: 2 } },
        { message: 'first', range: { start: 0, end: 1 } },
      ],
      'expr',
    );
    expect(out).toBe('ERROR: expr:1:1: first\n | ab\n | ^\nERROR: expr:1:2: second\n | ab\n | .^');
  });
  it('more than 100 errors are truncated', () => {
    const d = Array.from({ length: 103 }, (_, i) => ({ message: `e${i}`, range: { start: -1, end: -1 } }));
    const out = formatErrors('x', d).split('\n');
    expect(out.length).toBe(101);
    expect(out[100]).toBe('3 more errors were truncated');
  });
  it('lineAndColumn counts code points', () => {
    expect(lineAndColumn('😀a\nbc', 3)).toEqual({ line: 1, column: 2 });
    expect(lineAndColumn('😀a\nbc', 5)).toEqual({ line: 2, column: 1 });
  });
});
