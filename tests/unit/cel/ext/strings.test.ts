// Ported from cel-go v0.26.0 ext/strings_test.go (stringTests; `reverse` cases dropped: strings
// v3 is not part of Kubernetes' environment) plus OBSERVED.md facts.
import { describe, expect, it } from 'vitest';
import { compileError, runtimeError, value } from './eval-helper.js';
import { charAt, indexOf, lastIndexOf, quote, replace, split, substring, trim } from '../../../../src/engine/cel/ext/strings.js';
import { CelError } from '../../../../src/engine/cel/values.js';

const TRUE_EXPRS = [
  `'tacocat'.charAt(3) == 'o'`,
  `'tacocat'.charAt(7) == ''`,
  `'©αT'.charAt(0) == '©' && '©αT'.charAt(1) == 'α' && '©αT'.charAt(2) == 'T'`,
  `'tacocat'.indexOf('') == 0`,
  `'tacocat'.indexOf('ac') == 1`,
  `'tacocat'.indexOf('none') == -1`,
  `'tacocat'.indexOf('', 3) == 3`,
  `'tacocat'.indexOf('a', 3) == 5`,
  `'tacocat'.indexOf('at', 3) == 5`,
  `'ta©o©αT'.indexOf('©') == 2`,
  `'ta©o©αT'.indexOf('©', 3) == 4`,
  `'ta©o©αT'.indexOf('©αT', 3) == 4`,
  `'ta©o©αT'.indexOf('©α', 5) == -1`,
  `'ijk'.indexOf('k') == 2`,
  `'hello wello'.indexOf('hello wello') == 0`,
  `'hello wello'.indexOf('ello', 6) == 7`,
  `'hello wello'.indexOf('elbo room!!') == -1`,
  `'hello wello'.indexOf('elbo room!!!') == -1`,
  `''.lastIndexOf('@@') == -1`,
  `'tacocat'.lastIndexOf('') == 7`,
  `'tacocat'.lastIndexOf('at') == 5`,
  `'tacocat'.lastIndexOf('none') == -1`,
  `'tacocat'.lastIndexOf('', 3) == 3`,
  `'tacocat'.lastIndexOf('a', 3) == 1`,
  `'ta©o©αT'.lastIndexOf('©') == 4`,
  `'ta©o©αT'.lastIndexOf('©', 3) == 2`,
  `'ta©o©αT'.lastIndexOf('©α', 4) == 4`,
  `'hello wello'.lastIndexOf('ello', 6) == 1`,
  `'hello wello'.lastIndexOf('low') == -1`,
  `'hello wello'.lastIndexOf('elbo room!!') == -1`,
  `'hello wello'.lastIndexOf('elbo room!!!') == -1`,
  `'hello wello'.lastIndexOf('hello wello') == 0`,
  `'bananananana'.lastIndexOf('nana', 7) == 6`,
  `'TacoCat'.lowerAscii() == 'tacocat'`,
  `'TacoCÆt'.lowerAscii() == 'tacocÆt'`,
  `'TacoCÆt Xii'.lowerAscii() == 'tacocÆt xii'`,
  `"12 days 12 hours".replace("{0}", "2") == "12 days 12 hours"`,
  `"{0} days {0} hours".replace("{0}", "2") == "2 days 2 hours"`,
  `"{0} days {0} hours".replace("{0}", "2", 1).replace("{0}", "23") == "2 days 23 hours"`,
  `"1 ©αT taco".replace("αT", "o©α") == "1 ©o©α taco"`,
  `"hello hello".replace("", "_") == "_h_e_l_l_o_ _h_e_l_l_o_"`,
  `"hello hello".replace("h", "") == "ello ello"`,
  `"hello world".split(" ") == ["hello", "world"]`,
  `"hello world events!".split(" ", 0) == []`,
  `"hello world events!".split(" ", 1) == ["hello world events!"]`,
  `"o©o©o©o".split("©", -1) == ["o", "o", "o", "o"]`,
  `"tacocat".substring(4) == "cat"`,
  `"tacocat".substring(7) == ""`,
  `"tacocat".substring(0, 4) == "taco"`,
  `"tacocat".substring(4, 4) == ""`,
  `'ta©o©αT'.substring(2, 6) == "©o©α"`,
  `'ta©o©αT'.substring(7, 7) == ""`,
  `" \\f\\n\\r\\t\\vtext  ".trim() == "text"`,
  `"\\u0085\\u00a0\\u1680text".trim() == "text"`,
  `"text\\u2000\\u2001\\u2002\\u2003\\u2004\\u2004\\u2006\\u2007\\u2008\\u2009".trim() == "text"`,
  `"\\u200atext\\u2028\\u2029\\u202F\\u205F\\u3000".trim() == "text"`,
  `"\\u180etext\\u200b\\u200c\\u200d\\u2060\\ufeff".trim() == "\\u180etext\\u200b\\u200c\\u200d\\u2060\\ufeff"`,
  `'tacoCat'.upperAscii() == 'TACOCAT'`,
  `'tacoCαt'.upperAscii() == 'TACOCαT'`,
  `['x', 'y'].join() == 'xy'`,
  `['x', 'y'].join('-') == 'x-y'`,
  `[].join() == ''`,
  `[].join('-') == ''`,
  `strings.quote("first\\nsecond") == "\\"first\\\\nsecond\\""`,
  `strings.quote("bell\\a") == "\\"bell\\\\a\\""`,
  `strings.quote("\\bbackspace") == "\\"\\\\bbackspace\\""`,
  `strings.quote("\\fform feed") == "\\"\\\\fform feed\\""`,
  `strings.quote("carriage \\r return") == "\\"carriage \\\\r return\\""`,
  `strings.quote("horizontal tab\\t") == "\\"horizontal tab\\\\t\\""`,
  `strings.quote("vertical \\v tab") == "\\"vertical \\\\v tab\\""`,
  `strings.quote("double \\\\\\\\ slash") == "\\"double \\\\\\\\\\\\\\\\ slash\\""`,
  `strings.quote("verbatim") == "\\"verbatim\\""`,
  `strings.quote("ends with \\\\") == "\\"ends with \\\\\\\\\\""`,
  `strings.quote("printable unicode😀") == "\\"printable unicode😀\\""`,
  `strings.quote("mid string \\" quote") == "\\"mid string \\\\\\" quote\\""`,
  `strings.quote("завтра") == "\\"завтра\\""`,
  `strings.quote("") == "\\"\\""`,
  `strings.quote('%s %s').format(['hello', 'world']) == "\\"hello world\\""`,
  `'tacocat'.indexOf('a', 30) == -1`,
  `'tacocat'.lastIndexOf('a', 30) == -1`,
];

describe('ext strings (cel-go strings_test.go)', () => {
  for (const src of TRUE_EXPRS) it(src, () => expect(value(src)).toBe(true));

  const errors: [string, string][] = [
    [`'tacocat'.charAt(30) == ''`, 'index out of range: 30'],
    [`'tacocat'.lastIndexOf('a', -1) == -1`, 'index out of range: -1'],
    [`"tacocat".substring(40) == "cat"`, 'index out of range: 40'],
    [`"tacocat".substring(-1) == "cat"`, 'index out of range: -1'],
    [`"tacocat".substring(1, 50) == "cat"`, 'index out of range: 50'],
    [`"tacocat".substring(49, 50) == "cat"`, 'index out of range: 49'],
    [`"tacocat".substring(4, 3) == ""`, 'invalid substring range. start: 4, end: 3'],
  ];
  for (const [src, err] of errors) it(`error: ${src}`, () => expect(runtimeError(src)).toBe(err));

  it('wrong argument types do not type-check', () => {
    expect(compileError(`42.charAt(2) == ""`)).toContain('found no matching overload');
    expect(compileError(`'42'.indexOf('4', 0, 1) == 0`)).toContain('found no matching overload');
  });
});

describe('ext strings: OBSERVED.md edge cases', () => {
  it('indices count code points', () => {
    expect(value(`'héllo'.charAt(1)`)).toBe('é');
    expect(value(`'héllo'.indexOf('l')`)).toBe(2n);
  });
  it('offsets past the end', () => {
    expect(value(`'hello'.indexOf('l', 10)`)).toBe(-1n);
    expect(value(`"abc".indexOf("", 5)`)).toBe(5n);
    expect(value(`"abc".charAt(3)`)).toBe('');
    expect(value(`"abc".substring(3)`)).toBe('');
    expect(runtimeError(`'hello'.charAt(6)`)).toBe('index out of range: 6');
    expect(value(`'hello'.charAt(5)`)).toBe('');
    expect(runtimeError(`'hello'.substring(6)`)).toBe('index out of range: 6');
  });
  it('substring range, lastIndexOf, replace, split', () => {
    expect(runtimeError(`'hello'.substring(3, 1)`)).toBe('invalid substring range. start: 3, end: 1');
    expect(value(`'hello'.lastIndexOf('')`)).toBe(5n);
    expect(value(`'hello'.lastIndexOf('l', 2)`)).toBe(2n);
    expect(value(`'abc'.replace('', '-')`)).toBe('-a-b-c-');
    expect(value(`'aaaa'.replace('a', 'b', 2)`)).toBe('bbaa');
    expect(value(`'abc'.split('')`)).toEqual(['a', 'b', 'c']);
    expect(value(`'a,b'.split(',', 0)`)).toEqual([]);
    expect(value(`'hello'.substring(1, 3)`)).toBe('el');
  });
  it('has no reverse (strings v3)', () => {
    expect(compileError(`'abc'.reverse()`)).toContain("found no matching overload for 'reverse'");
  });
});

describe('ext strings: implementations', () => {
  it('Go semantics', () => {
    expect(charAt('abc', -1n)).toEqual(new CelError('index out of range: -1'));
    expect(indexOf('abc', '', -3n)).toBe(-3n); // cel-go v0.26 returns the offset unchecked
    expect(lastIndexOf('éé', 'abc')).toBe(-1n);
    // cel-go 0.22/0.23 (Kubernetes 1.32/1.33) had no length guard: '' reaches the offset check
    expect(lastIndexOf('', 'x', undefined, false)).toEqual(new CelError('index out of range: -1'));
    expect(lastIndexOf('a', 'bc', undefined, false)).toBe(-1n);
    expect(replace('héé', '', '.', 2n)).toBe('.h.éé');
    expect(split('abc', '', 2n)).toEqual(['a', 'bc']);
    expect(split('', '')).toEqual([]);
    expect(split('', ',')).toEqual(['']);
    expect(split('a,b,c', ',', 2n)).toEqual(['a', 'b,c']);
    expect(substring('abc', 1n, 5n)).toEqual(new CelError('index out of range: 5'));
    expect(trim('\u0085 x \ufeff')).toBe('x \ufeff');
    expect(quote('a\u0007\\"')).toBe('"a\\a\\\\\\""');
  });
});
