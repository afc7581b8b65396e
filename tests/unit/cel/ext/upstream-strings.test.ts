// upstream: google/cel-go v0.26.0 ext/strings_test.go TestStrings, TestStringsVersions, TestQuoteUnquote, FuzzQuote (seeds)
// Cases already in strings.test.ts are not repeated. Kubernetes enables strings v2 (1.29+) and
// always type-checks, so upstream's parse-only cases (runtime `no such overload`) are compile
// errors here; `reverse` (strings v3) is absent.
import { describe, expect, it } from 'vitest';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { kubernetesEnvironment } from '../../../../src/engine/cel/kubernetes/environment.js';
import { compileError, value } from './eval-helper.js';

const TRUE_EXPRS = [
  `strings.quote("two escape sequences \\a\\n") == "\\"two escape sequences \\\\a\\\\n\\""`,
  `strings.quote("\\\\ starts with") == "\\"\\\\\\\\ starts with\\""`,
  `strings.quote('single-quote with "double quote"') == "\\"single-quote with \\\\\\"double quote\\\\\\"\\""`,
  `strings.quote("size('ÿ')") == "\\"size('ÿ')\\""`,
  `strings.quote("size('πέντε')") == "\\"size('πέντε')\\""`,
  `strings.quote("\\U0001F431\\U0001F600\\U0001F61B") == "\\"\\U0001F431\\U0001F600\\U0001F61B\\""`,
  `strings.quote("ta©o©αT") == "\\"ta©o©αT\\""`,
  // TestStringsVersions: everything up to v2 is supported
  `''.charAt(0) == ''`,
  `'a'.indexOf('a') == 0`,
  `'a'.lastIndexOf('a') == 0`,
  `['a', 'b'].join() == 'ab'`,
  `['a', 'b'].join('-') == 'a-b'`,
  `'a'.lowerAscii() == 'a'`,
  `'hello hello'.replace('he', 'we') == 'wello wello'`,
  `'hello hello hello'.split(' ') == ['hello', 'hello', 'hello']`,
  `'tacocat'.substring(4) == 'cat'`,
  `'  \\ttrim\\n    '.trim() == 'trim'`,
  `'TacoCat'.upperAscii() == 'TACOCAT'`,
  `'a %d'.format([1]) == 'a 1'`,
  `strings.quote('\\a \\b "double quotes"') == '"\\\\a \\\\b \\\\"double quotes\\\\""'`,
];

const REVERSE = [
  `'gums'.reverse() == 'smug'`,
  `'palindromes'.reverse() == 'semordnilap'`,
  `'John Smith'.reverse() == 'htimS nhoJ'`,
  `'u180etext'.reverse() == 'txete081u'`,
  `'2600+U'.reverse() == 'U+0062'`,
  `'\\u180e\\u200b\\u200c\\u200d\\u2060\\ufeff'.reverse() == '\\ufeff\\u2060\\u200d\\u200c\\u200b\\u180e'`,
  `'taco'.reverse() == 'ocat'`,
];

const PARSE_ONLY = [
  `'hello'.charAt(true) == ""`,
  `24.indexOf('2') == 0`,
  `'hello'.indexOf(true) == 1`,
  `42.indexOf('4', 0) == 0`,
  `'42'.indexOf(4, 0) == 0`,
  `'42'.indexOf('4', '0') == 0`,
  `42.split("2") == ["4"]`,
  `42.replace(2, 1) == "41"`,
  `"42".replace(2, 1) == "41"`,
  `"42".replace("2", 1) == "41"`,
  `42.replace("2", "1", 1) == "41"`,
  `"42".replace(2, "1", 1) == "41"`,
  `"42".replace("2", 1, 1) == "41"`,
  `"42".replace("2", "1", "1") == "41"`,
  `"42".replace("2", "1", 1, false) == "41"`,
  `42.split("") == ["4", "2"]`,
  `"42".split(2) == ["4"]`,
  `42.split("2", "1") == ["4"]`,
  `"42".split(2, 1) == ["4"]`,
  `"42".split("2", "1") == ["4"]`,
  `"42".split("2", 1, 1) == ["4"]`,
  `'hello'.substring(1, 2, 3) == ""`,
  `30.substring(true, 3) == ""`,
  `"tacocat".substring(true, 3) == ""`,
  `"tacocat".substring(0, false) == ""`,
];

describe('upstream TestStrings / TestStringsVersions', () => {
  for (const src of TRUE_EXPRS) it(src, () => expect(value(src)).toBe(true));
  for (const src of REVERSE) it.skip(`${src} (strings v3: Kubernetes enables v2)`, () => {});
  for (const src of PARSE_ONLY)
    it(`checked: ${src}`, () => expect(compileError(src)).toContain('found no matching overload'));
});

// The test's own unquote: undoes exactly the escapes strings.quote writes.
function unquote(s: string): string {
  expect(s.startsWith('"') && s.endsWith('"')).toBe(true);
  const esc: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };
  return s.slice(1, -1).replace(/\\(.)/gsu, (m, c: string) => esc[c] ?? m);
}

const env = newEnvironment(kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false }));

// [input, estimated and runtime cost]
const ROUND_TRIP: [string, number | undefined][] = [
  ['this is a test', 2],
  ['first\nsecond', 2],
  ['bell\x07', 1],
  ['\bbackspace', 1],
  ['\fform feed', 1],
  ['carriage \r return', 2],
  ['horizontal \ttab', 2],
  ['vertical \v tab', 2],
  ['double \\\\ slash', 2],
  ['two escape sequences \x07\n', 3],
  ['ends with \\', 2],
  ['\\ starts with', 2],
  ['printable unicode😀', 2],
  ['mid-string " quote', 2],
  ['single-quote with "double quote"', 4],
  ['\\? and \\`', 1],
  ['this is a very very very long string used to ensure that cost tracking works', 8],
  // FuzzQuote seeds
  ['only one quote"', undefined],
  ['"only one quote', undefined],
  ["size('ÿ')", undefined],
  ["size('πέντε')", undefined],
  ['завтра', undefined],
  ['\u{1F431}\u{1F600}\u{1F61B}', undefined],
  ['ta©o©αT', undefined],
];

describe('upstream TestQuoteUnquote', () => {
  for (const [input, cost] of ROUND_TRIP) {
    it(JSON.stringify(input), () => {
      const r = compile(`strings.quote(${JSON.stringify(input)})`, env);
      if (!r.ok) throw new Error('compile failed');
      const out = r.program.evaluate({ object: null, oldObject: null });
      if (!out.ok) throw new Error(out.error.message);
      expect(unquote(out.value as string)).toBe(input);
      if (cost !== undefined) {
        expect(out.cost).toBe(cost);
        expect(r.program.costEstimate).toEqual({ min: cost, max: cost });
      }
    });
  }
  it.skip('invalid utf8 (JS strings cannot hold invalid UTF-8)', () => {});
});
