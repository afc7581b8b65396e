// upstream: kubernetes/apiextensions-apiserver v0.36.3 pkg/apiserver/schema/cel/validation_test.go TestValidationExpressions
// The library sections ("stdlib list functions", "stdlib regex functions", "URL parsing",
// "quantity", "IP and CIDR", "format"); apiserver has no url/regex/lists test files. Upstream
// reads `self` through a CRD schema; here `self.<field>` is `object.<field>` of the same JSON,
// and the fields whose CEL type comes from a schema format (durations, dates) or a schema
// number type holding JSON integers (intBackedDoubles) are written as literals instead.
import { describe, expect, it } from 'vitest';
import { run } from '../ext/eval-helper.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { kubernetesEnvironment } from '../../../../src/engine/cel/kubernetes/environment.js';
import { costs } from './upstream-cost-run.js';

const env = newEnvironment(kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false }));

/** The failure text: a planning failure as admission words it (admission/compile.ts), else the
 * compile error or runtime error. */
function failure(src: string, object: Record<string, CelValue>): unknown {
  const c = compile(src, env);
  if (!c.ok && c.stage === 'plan') return `program instantiation failed: ${c.diagnostics.map((d) => d.message).join('\n')}`;
  const r = run(src, {}, { object });
  return 'value' in r ? r : 'error' in r ? r.error : r.compileError;
}

const lists = {
  ints: [1n, 2n, 2n, 3n],
  unsortedInts: [2n, 1n],
  emptyInts: [],
  doubles: [1, 2, 2, 3],
  unsortedDoubles: [2, 1],
  emptyDoubles: [],
  strings: ['a', 'b', 'b', 'c'],
  unsortedStrings: ['b', 'a'],
  emptyStrings: [],
  objs: [
    { f1: 'a', f2: 'a' },
    { f1: 'a', f2: 'b' },
    { f1: 'a', f2: 'b' },
    { f1: 'a', f2: 'c' },
  ],
};
const DUR = "[duration('1s'), duration('1m'), duration('1m'), duration('1h')]";
const UNSORTED_DUR = "[duration('1m'), duration('1s')]";
const DATES = "[timestamp('2000-01-01T00:00:00Z'), timestamp('2000-02-01T00:00:00Z'), timestamp('2000-02-01T00:00:00Z'), timestamp('2010-01-01T00:00:00Z')]";
const UNSORTED_DATES = "[timestamp('2000-02-01T00:00:00Z'), timestamp('2000-01-01T00:00:00Z')]";

const sections: [string, Record<string, CelValue>, string[], [string, string][]][] = [
  [
    'stdlib list functions',
    lists,
    [
      'object.ints.sum() == 8', 'object.ints.min() == 1', 'object.ints.max() == 3', 'object.emptyInts.sum() == 0', 'object.ints.isSorted()',
      'object.emptyInts.isSorted()', 'object.unsortedInts.isSorted() == false', 'object.ints.indexOf(2) == 1', 'object.ints.lastIndexOf(2) == 2',
      'object.ints.indexOf(10) == -1', 'object.ints.lastIndexOf(10) == -1',
      'object.doubles.sum() == 8.0', 'object.doubles.min() == 1.0', 'object.doubles.max() == 3.0', 'object.doubles.isSorted()',
      'object.emptyDoubles.isSorted()', 'object.unsortedDoubles.isSorted() == false', 'object.doubles.indexOf(2.0) == 1',
      'object.doubles.lastIndexOf(2.0) == 2', 'object.doubles.indexOf(10.0) == -1', 'object.doubles.lastIndexOf(10.0) == -1',
      `${DUR}.sum() == duration('1h2m1s')`, `${DUR}.min() == duration('1s')`, `${DUR}.max() == duration('1h')`,
      `${DUR}.isSorted()`, `${UNSORTED_DUR}.isSorted() == false`, `${DUR}.indexOf(duration('1m')) == 1`,
      `${DUR}.lastIndexOf(duration('1m')) == 2`, `${DUR}.indexOf(duration('2m')) == -1`, `${DUR}.lastIndexOf(duration('2m')) == -1`,
      "object.strings.min() == 'a'", "object.strings.max() == 'c'", 'object.strings.isSorted()', 'object.emptyStrings.isSorted()',
      'object.unsortedStrings.isSorted() == false', "object.strings.indexOf('b') == 1", "object.strings.lastIndexOf('b') == 2",
      "object.strings.indexOf('x') == -1", "object.strings.lastIndexOf('x') == -1",
      `${DATES}.min() == timestamp('2000-01-01T00:00:00.000Z')`, `${DATES}.max() == timestamp('2010-01-01T00:00:00.000Z')`,
      `${DATES}.isSorted()`, `${UNSORTED_DATES}.isSorted() == false`,
      `${DATES}.indexOf(timestamp('2000-02-01T00:00:00.000Z')) == 1`, `${DATES}.lastIndexOf(timestamp('2000-02-01T00:00:00.000Z')) == 2`,
      `${DATES}.indexOf(timestamp('2005-02-01T00:00:00.000Z')) == -1`, `${DATES}.lastIndexOf(timestamp('2005-02-01T00:00:00.000Z')) == -1`,
      '[[1], [2]].indexOf([1]) == 0', "[{'a': 1}, {'b': 2}].lastIndexOf({'b': 2}) == 1",
      'object.objs.indexOf(object.objs[1]) == 1', 'object.objs.lastIndexOf(object.objs[1]) == 2',
      '([0] + object.emptyInts).min() == 0', 'dyn([]).sum() == 0', 'dyn([1, 2]).sum() == 3', 'dyn([1.0, 2.0]).sum() == 3.0', '[].sum() == 0',
    ],
    [
      ['object.emptyInts.min() == 1', 'min called on empty list'],
      ['object.emptyInts.max() == 3', 'max called on empty list'],
      ['object.emptyDoubles.min() == 1.0', 'min called on empty list'],
      ['object.emptyDoubles.max() == 3.0', 'max called on empty list'],
      ["object.emptyStrings.min() == 'a'", 'min called on empty list'],
      ["object.emptyStrings.max() == 'c'", 'max called on empty list'],
      ["['a', 'b'].sum() == 'c'", "found no matching overload for 'sum' applied to 'list(string).()"],
      ['[[1], [2]].min() == [1]', "found no matching overload for 'min' applied to 'list(list(int)).()"],
      ["[{'a': 1}, {'b': 2}].max() == {'b': 2}", "found no matching overload for 'max' applied to 'list(map(string, int)).()"],
    ],
  ],
  [
    'stdlib regex functions',
    { str: 'this is a 123 string 456' },
    [
      "object.str.find('[0-9]+') == '123'", "object.str.find('[0-9]+') != '456'", "object.str.find('xyz') == ''",
      "object.str.findAll('[0-9]+') == ['123', '456']", "object.str.findAll('[0-9]+', 0) == []", "object.str.findAll('[0-9]+', 1) == ['123']",
      "object.str.findAll('[0-9]+', 2) == ['123', '456']", "object.str.findAll('[0-9]+', 3) == ['123', '456']",
      "object.str.findAll('[0-9]+', -1) == ['123', '456']", "object.str.findAll('xyz') == []", "object.str.findAll('xyz', 1) == []",
    ],
    [
      ["object.str.find(')') == ''", 'program instantiation failed: error parsing regexp: unexpected ): `)`'],
      ["object.str.findAll(')') == []", 'program instantiation failed: error parsing regexp: unexpected ): `)`'],
      ["object.str.findAll(')', 1) == []", 'program instantiation failed: error parsing regexp: unexpected ): `)`'],
      ["object.str.matches('x++')", 'invalid matches argument'],
    ],
  ],
  [
    'URL parsing',
    { url: 'https://user:pass@kubernetes.io:80/docs/home?k1=a&k2=b&k2=c#anchor' },
    [
      "url('/path').getScheme() == ''", "url('https://example.com/').getScheme() == 'https'",
      "url('https://example.com:80/').getHost() == 'example.com:80'", "url('https://example.com/').getHost() == 'example.com'",
      "url('https://[::1]:80/').getHost() == '[::1]:80'", "url('https://[::1]/').getHost() == '[::1]'", "url('/path').getHost() == ''",
      "url('https://example.com:80/').getHostname() == 'example.com'", "url('https://127.0.0.1/').getHostname() == '127.0.0.1'",
      "url('https://[::1]/').getHostname() == '::1'", "url('/path').getHostname() == ''", "url('https://example.com:80/').getPort() == '80'",
      "url('https://example.com/').getPort() == ''", "url('/path').getPort() == ''", "url('https://example.com/path').getEscapedPath() == '/path'",
      "url('https://example.com/with space/').getEscapedPath() == '/with%20space/'", "url('https://example.com').getEscapedPath() == ''",
      "url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() == { 'k1': ['a'], 'k2': ['b', 'c']}",
      "url('https://example.com/path?key with spaces=value with spaces').getQuery() == { 'key with spaces': ['value with spaces']}",
      "url('https://example.com/path?').getQuery() == {}", "url('https://example.com/path').getQuery() == {}",
      "url(object.url).getScheme() == 'https'", "url(object.url).getHost() == 'kubernetes.io:80'", "url(object.url).getHostname() == 'kubernetes.io'",
      "url(object.url).getPort() == '80'", "url(object.url).getEscapedPath() == '/docs/home'",
      "url(object.url).getQuery() == {'k1': ['a'], 'k2': ['b', 'c']}",
      "isURL('https://user:pass@example.com:80/path?query=val#fragment')", "isURL('/path') == true", "isURL('https://a:b:c/') == false",
      "isURL('../relative-path') == false",
    ],
    [],
  ],
  [
    'quantity',
    { val1: '20', val2: '200M' },
    [
      'isQuantity(object.val1)', 'isQuantity(object.val2)', 'isQuantity("20Mi")',
      'quantity(object.val2) == quantity("0.2G") && quantity("0.2G") == quantity("200M")',
      'quantity("2M") == quantity("0.002G") && quantity("2000k") == quantity("2M") && quantity("0.002G") == quantity("2000k")',
      'quantity(object.val1).isLessThan(quantity("100M"))', 'quantity(object.val2).isGreaterThan(quantity("50M"))',
      'quantity(object.val2).compareTo(quantity("0.2G")) == 0', 'quantity("50k").add(quantity(object.val1)) == quantity("50.02k")',
      'quantity("50k").sub(quantity(object.val1)) == quantity("49980")', 'quantity(object.val1).isInteger()',
    ],
    [],
  ],
  [
    'IP and CIDR',
    {},
    [
      'isIP("192.168.0.1")', 'ip.isCanonical("127.0.0.1")', 'ip("192.168.0.1").family() > 0', 'ip("0.0.0.0").isUnspecified()',
      'ip("127.0.0.1").isLoopback()', 'ip("224.0.0.1").isLinkLocalMulticast()', 'ip("192.168.0.1").isGlobalUnicast()',
      'type(ip("192.168.0.1")) == net.IP', 'cidr("192.168.0.0/24").containsIP(ip("192.168.0.1"))',
      'cidr("192.168.0.0/24").containsCIDR("192.168.0.0/25")', 'cidr("2001:db8::/32").containsCIDR(cidr("2001:db8::/33"))',
      'type(cidr("2001:db8::/32").ip()) == net.IP', "cidr('192.168.0.0/24') == cidr('192.168.0.0/24').masked()",
      "cidr('192.168.0.0/16').prefixLength() == 16", "cidr('::1/128').ip().family() == 6",
    ],
    [],
  ],
  [
    'format',
    {},
    [
      'format.dns1123Label().validate("my-label-name") == optional.none()',
      'format.dns1123Subdomain().validate("apiextensions.k8s.io") == optional.none()',
      'format.qualifiedName().validate("apiextensions.k8s.io/v1beta1") == optional.none()',
      'format.dns1123LabelPrefix().validate("my-label-prefix-") == optional.none()',
      'format.dns1123SubdomainPrefix().validate("mysubdomain.prefix.-") == optional.none()',
      'format.dns1035LabelPrefix().validate("my-label-prefix-") == optional.none()',
      'format.uri().validate("http://example.com") == optional.none()',
      'format.uuid().validate("123e4567-e89b-12d3-a456-426614174000") == optional.none()',
      'format.byte().validate("aGVsbG8=") == optional.none()', 'format.date().validate("2021-01-01") == optional.none()',
      'format.datetime().validate("2021-01-01T00:00:00Z") == optional.none()',
      'format.named("dns1123Label").value().validate("my-name") == optional.none()',
      `format.dns1123Label().validate("contains a space").value()[0] == "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \\'-\\', and must start and end with an alphanumeric character (e.g. \\'my-name\\',  or \\'123-abc\\', regex used for validation is \\'[a-z0-9]([-a-z0-9]*[a-z0-9])?\\')"`,
      '!format.named("unknown").hasValue()',
    ],
    [],
  ],
];

describe('TestValidationExpressions (library sections)', () => {
  for (const [name, object, valid, errors] of sections) {
    describe(name, () => {
      it.each(valid)('%s', (src) => expect(run(src, {}, { object })).toEqual({ value: true }));
      it.each(errors)('%s', (src, want) => expect(failure(src, object)).toContain(want));
    });
  }
});

describe('cost for extended lib calculated correctly (runtime cost of the whole rule)', () => {
  // upstream figures (the CRD validator, like admission, folds constant list literals: OptOptimize)
  it.each([
    ['[1,2,3,4].isSorted()', 4],
    ["url('https:://kubernetes.io/').getHostname() != 'test'", 4],
    ["size('abc 123 def 123'.split(' ')) > 0", 5],
    ["size(['aa', 'bb', 'cc', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join(' ')) > 0", 7],
  ] as const)('%s', (src, want) => expect(costs(src).rt).toBe(want));
});
