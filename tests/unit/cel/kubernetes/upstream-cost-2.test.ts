// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/cost_test.go TestStringLibrary, TestAuthzLibrary, TestQuantityCost, TestNameFormatCost
// [expression, estimated min, estimated max, runtime cost, folded]; see upstream-cost-run.ts.
import { describe, it } from 'vitest';
import { checkCost, type CostCase } from './upstream-cost-run.js';

// join's estimated max comes from upstream's test size estimator (list literal elements 0..12)
const run = (cases: readonly CostCase[]) => it.each(cases.map((c) => [c[0], c] as const))('%s', (src, c) => checkCost(c, src.includes('.join(')));

const LIST = "['aa', 'bb', 'cc', 'd', 'e', 'f', 'g', 'h', 'i', 'j']";
const RES = "authorizer.group('apps').resource('deployments').subresource('status').namespace('test').name('backend')";
const SEL = "'spec.nodeName=example-node-name.fully.qualified.domain.name.example.com'";

describe('TestStringLibrary', () => {
  run([
    ["'ABCDEFGHIJ abcdefghij'.lowerAscii()", 3, 3, 3],
    ["'ABCDEFGHIJ abcdefghij'.lowerAscii() == 'abcdefghij ABCDEFGHIJ'.lowerAscii()", 7, 9, 9],
    ["'ABCDEFGHIJ abcdefghij'.upperAscii()", 3, 3, 3],
    ["'ABCDEFGHIJ abcdefghij'.upperAscii() == 'abcdefghij ABCDEFGHIJ'.upperAscii()", 7, 9, 9],
    ["strings.quote('ABCDEFGHIJ abcdefghij')", 3, 3, 3],
    ["strings.quote('ABCDEFGHIJ abcdefghij') == strings.quote('ABCDEFGHIJ abcdefghij')", 7, 11, 9],
    ["'abc 123 def 123'.replace('123', '456')", 3, 3, 3],
    ["'abc 123 def 123'.replace('', 'x')", 3, 3, 3],
    ["'abc 123 def 123'.replace('123', '')", 3, 3, 3],
    ["'abc 123 def 123'.replace('123', '456', 1)", 3, 3, 3],
    ["'abc 123 def 123'.split(' ')", 3, 3, 3],
    ["'abc 123 def 123'.split(' ', 1)", 3, 3, 3],
    ["'abc 123 def 123'.substring(5)", 2, 2, 2],
    ["'abc 123 def 123'.substring(5, 8)", 2, 2, 2],
    ["'  abc 123 def 123  '.trim()", 2, 2, 2],
    [LIST + ".join(' ')", 11, 23, 15, 10],
    [LIST + '.join()', 10, 22, 13, 10],
    ["'abc 123 def 123'.find('123')", 2, 2, 2],
    ["'abc 123 def 123'.findAll('123')", 2, 2, 2],
    ["'abc 123 def 123'.findAll('123', 1)", 2, 2, 2],
    ["jsonpatch.escapeKey('abc/def~ abc/def~')", 2, 2, 2],
  ]);
});

describe('TestAuthzLibrary', () => {
  run([
    ["authorizer.path('/healthz')", 2, 2, 2],
    [RES, 6, 6, 6],
    [`authorizer.group('').resource('pods').fieldSelector(${SEL})`, 1821, 1821, 1821],
    [`authorizer.group('').resource('pods').labelSelector(${SEL})`, 1821, 1821, 1821],
    ["authorizer.path('/healthz').check('get').allowed()", 350003, 350003, 350003],
    [RES + ".check('create').allowed()", 350007, 350007, 350007],
    [RES + ".check('create').reason()", 350007, 350007, 350007],
    [RES + ".check('create').errored()", 350007, 350007, 350007],
    [RES + ".check('create').error()", 350007, 350007, 350007],
  ]);
});

describe('TestQuantityCost', () => {
  run([
    ['quantity("12Mi")', 1, 1, 1],
    ['isQuantity("20")', 1, 1, 1],
    ['isQuantity("20M")', 1, 1, 1],
    ['quantity("200M") == quantity("200M")', 3, 3, 3],
    ['quantity("200M") == quantity("0.2G") && quantity("0.2G") == quantity("200M")', 3, 6, 6],
    ['quantity("2M") == quantity("0.002G") && quantity("2000k") == quantity("2M") && quantity("0.002G") == quantity("2000k")', 3, 9, 9],
    ['quantity("50M").isLessThan(quantity("50Mi"))', 3, 3, 3],
    ['quantity("50Mi").isGreaterThan(quantity("50M"))', 3, 3, 3],
    ['quantity("200M").compareTo(quantity("0.2G")) > 0', 4, 4, 4],
    ['quantity("50k").add(quantity("20")) == quantity("50.02k")', 5, 5, 5],
    ['quantity("50k").sub(quantity("20")) == quantity("49.98k")', 5, 5, 5],
    ['quantity("50k").sub(20) == quantity("49980")', 4, 4, 4],
    ['quantity("50k").add(20).sub(quantity("100k")).asInteger() > 0', 6, 6, 6],
    ['quantity("50k").add(20).sub(quantity("100k")).sub(-50000).asInteger() > 0', 7, 7, 7],
    ['quantity("50k").asInteger() > 0', 3, 3, 3],
    ['quantity("50").isInteger()', 2, 2, 2],
    ['quantity("50.703k").asApproximateFloat() > 0.0', 3, 3, 3],
  ]);
});

describe('TestNameFormatCost', () => {
  run([
    ['format.named("dns1123subdomain")', 1, 1, 1],
    ['format.named("dns1123Subdomain").value().validate("my-name")', 34, 34, 17],
    ['format.named("dns1123Label").value().validate("my-name")', 34, 34, 10],
    ['format.named("dns1123Label").value() == format.named("dns1123Label").value()', 5, 11, 5],
  ]);
});
