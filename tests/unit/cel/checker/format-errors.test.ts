// formatCelErrors against cel-go v0.26 common/errors_test.go and checker_test.go outputs.
import { describe, expect, it } from 'vitest';
import { formatCelErrors } from '../../../../src/engine/cel/checker/index.js';
import type { CelDiagnostic } from '../../../../src/engine/cel/ast.js';

const at = (start: number, message: string): CelDiagnostic => ({ message, range: { start, end: start + 1 } });

describe('formatCelErrors', () => {
  it('formats one error with its caret line (checker_test `x + y`)', () => {
    expect(formatCelErrors('x + y', [at(2, "found no matching overload for '_+_' applied to '(list(int), int)'")])).toBe(
      "ERROR: <input>:1:3: found no matching overload for '_+_' applied to '(list(int), int)'\n | x + y\n | ..^",
    );
  });
  it('sorts by position and joins with newlines (errors_test TestErrors)', () => {
    const src = 'a.b\n&&arg(missing, paren';
    expect(formatCelErrors(src, [at(24, 'Syntax error, missing paren'), at(1, 'No such field')])).toBe(
      'ERROR: <input>:1:2: No such field\n' +
        ' | a.b\n' +
        ' | .^\n' +
        'ERROR: <input>:2:21: Syntax error, missing paren\n' +
        ' | &&arg(missing, paren\n' +
        ' | ....................^',
    );
  });
  it('keeps report order for equal positions', () => {
    expect(formatCelErrors('ab', [at(0, 'second'), at(1, 'x'), at(0, 'third')])).toBe(
      'ERROR: <input>:1:1: second\n | ab\n | ^\nERROR: <input>:1:1: third\n | ab\n | ^\nERROR: <input>:1:2: x\n | ab\n | .^',
    );
  });
  it('uses wide dots and carets under wide characters (TestErrors_WideAndNarrowCharacters)', () => {
    expect(formatCelErrors('你好吗\n我a很好\n', [at(7, "Unexpected character '好'")])).toBe(
      "ERROR: <input>:2:4: Unexpected character '好'\n | 我a很好\n | ．.．＾",
    );
  });
  it('counts code points, not UTF-16 units (TestErrors_WideAndNarrowCharactersWithEmojis)', () => {
    const src = "      '😁' in ['😁', '😑', '😦'] && in.😁";
    const line = ' |       \'😁\' in [\'😁\', \'😑\', \'😦\'] && in.😁\n';
    expect(formatCelErrors(src, [at(36, 'A'), at(39, 'B'), at(41, 'C')])).toBe(
      'ERROR: <input>:1:33: A\n' +
        line +
        ' | .......．.......．....．....．......^\n' +
        'ERROR: <input>:1:36: B\n' +
        line +
        ' | .......．.......．....．....．.........＾\n' +
        'ERROR: <input>:1:37: C\n' +
        line +
        ' | .......．.......．....．....．.........．^',
    );
  });
  it('replaces tabs in the snippet', () => {
    expect(formatCelErrors('\tfoo', [at(1, "undeclared reference to 'foo' (in container '')")])).toBe(
      "ERROR: <input>:1:2: undeclared reference to 'foo' (in container '')\n |  foo\n | .^",
    );
  });
  it('prints errors without a location as -1:0 with no snippet', () => {
    expect(formatCelErrors('x', [{ message: 'bad', range: { start: -1, end: -1 } }])).toBe('ERROR: <input>:-1:0: bad');
  });
  it('truncates after 100 errors (TestErrorsReportingLimit)', () => {
    const errs = Array.from({ length: 200 }, (_, i) => ({ message: `error ${i}`, range: { start: -1, end: -1 } }));
    const out = formatCelErrors('hello world', errs).split('\n');
    expect(out).toHaveLength(101);
    expect(out[0]).toBe('ERROR: <input>:-1:0: error 0');
    expect(out[100]).toBe('100 more errors were truncated');
  });
  it('no snippet for an empty source', () => {
    expect(formatCelErrors('', [at(0, 'm')])).toBe('ERROR: <input>:1:1: m');
  });
});
