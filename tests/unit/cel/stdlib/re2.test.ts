// RE2 translation. Error texts follow golang/go src/regexp/syntax/parse.go (ErrorCode strings and
// the quoted expression of each error); cases from OBSERVED.md and reference scenarios re-*.
import { describe, expect, it } from 'vitest';
import { compileRe2 } from '../../../../src/engine/cel/re2.js';
import { CelError } from '../../../../src/engine/cel/values.js';

function err(p: string): string | undefined {
  const r = compileRe2(p);
  return r instanceof CelError ? r.message : undefined;
}

function test(p: string, s: string): boolean {
  const r = compileRe2(p);
  if (r instanceof CelError) throw new Error(r.message);
  return r.test(s);
}

describe('RE2 errors (Go texts)', () => {
  const cases: [string, string][] = [
    ['[', 'missing closing ]: `[`'],
    ['x[ab', 'missing closing ]: `[ab`'],
    ['[]', 'missing closing ]: `[]`'],
    ['x(', 'missing closing ): `x(`'],
    ['(a|b', 'missing closing ): `(a|b`'],
    ['a)', 'unexpected ): `a)`'],
    ['(?=x)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?!x)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?P=n)', 'invalid or unsupported Perl syntax: `(?P`'],
    ['(?i', 'invalid or unsupported Perl syntax: `(?i`'],
    ['(?-)', 'invalid or unsupported Perl syntax: `(?-)`'],
    ['(?x)', 'invalid or unsupported Perl syntax: `(?x`'],
    ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
    ['(?P<>a)', 'invalid named capture: `(?P<>`'],
    ['(?P<a-b>x)', 'invalid named capture: `(?P<a-b>`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['\\8', 'invalid escape sequence: `\\8`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['\\Z', 'invalid escape sequence: `\\Z`'],
    ['\\xZ1', 'invalid escape sequence: `\\xZ1`'],
    ['\\x{zz}', 'invalid escape sequence: `\\x{z`'],
    ['[\\b]', 'invalid escape sequence: `\\b`'],
    ['a\\', 'trailing backslash at end of expression: ``'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['a*??', 'invalid nested repetition operator: `*??`'],
    ['a{2}{3}', 'invalid nested repetition operator: `{2}{3}`'],
    ['*a', 'missing argument to repetition operator: `*`'],
    ['(*)', 'missing argument to repetition operator: `*`'],
    ['a|?', 'missing argument to repetition operator: `?`'],
    ['{2}', 'missing argument to repetition operator: `{2}`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['a{2,1}', 'invalid repeat count: `{2,1}`'],
    ['(a{100}){100}', 'invalid repeat count: `{100}`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['[[:foo:]]', 'invalid character class range: `[:foo:]`'],
    ['\\pX', 'invalid character class range: `\\pX`'],
    ['\\p{Klingon}', 'invalid character class range: `\\p{Klingon}`'],
    ['\\p{L', 'invalid character class range: `\\p{L`'],
  ];
  for (const [p, want] of cases) it(p, () => expect(err(p)).toBe(`error parsing regexp: ${want}`));
});

describe('RE2 syntax accepted', () => {
  const ok: [string, string, boolean][] = [
    ['^[0-9]+(-[0-9]+)?$', '123-456', true],
    ['(?P<name>a+)b', 'xaab', true],
    ['(?<name>a+)b', 'xaab', true],
    ['(?i)hello', 'HeLLo', true],
    ['(?i:h)ello', 'Hello', true],
    ['(?i:h)ello', 'HELLO', false],
    ['(?i)k', '\u212a', true],
    ['a.b', 'a\nb', false],
    ['(?s)a.b', 'a\nb', true],
    ['^b', 'a\nb', false],
    ['(?m)^b', 'a\nb', true],
    ['(?m)a$', 'a\nb', true],
    ['(?m)^b', 'a\rb', false],
    ['a$', 'a\n', false],
    ['\\Aab\\z', 'ab', true],
    ['\\Q.*\\E', 'a.*b', true],
    ['\\Q.*\\E', 'ab', false],
    ['[[:alpha:]]+', '123abc', true],
    ['^[[:^digit:]]+$', 'abc', true],
    ['\\pL', 'é', true],
    ['\\p{Greek}', 'λ', true],
    ['\\PL', 'a', false],
    ['\\p{^Greek}', 'λ', false],
    ['^\\s$', '\u000b', false],
    ['^\\s$', '\u00a0', false],
    ['^\\w$', 'é', false],
    ['^\\d$', '٣', false],
    ['a{,3}', 'a{,3}', true],
    ['a{2}', 'aa', true],
    ['^a{2,}$', 'aaa', true],
    ['^a{2,3}?$', 'aa', true],
    ['\\x41\\x{1F600}', 'A😀', true],
    ['\\101', 'A', true],
    ['\\_\\-\\.', '_-.', true],
    ['[\\d-z]', '-', true],
    ['[a-]', '-', true],
    ['[]a]', ']', true],
    ['[^]a]', 'b', true],
    ['^*', 'x', true],
    ['(?:)*', 'x', true],
    ['', 'anything', true],
    ['^.$', '😀', true],
    ['(?U)a+', 'aaa', true],
    ['x*', '', true],
    ['\\bfoo\\b', 'a foo b', true],
    ['[\\p{Lu}]', 'A', true],
    ['(?i)[a-c]+', 'ABC', true],
    ['\\.', 'a', false],
  ];
  ok.forEach(([p, s, want], i) => it(`${i}: ${p}`, () => expect(test(p, s)).toBe(want)));

  it('caches compiled patterns', () => {
    expect(compileRe2('abc')).toBe(compileRe2('abc'));
  });
  it('(?U) swaps greediness', () => {
    const r = compileRe2('(?U)a+') as RegExp;
    expect(r.exec('aaa')![0]).toBe('a');
    const g = compileRe2('(?U)a+?') as RegExp;
    expect(g.exec('aaa')![0]).toBe('aaa');
  });
});
