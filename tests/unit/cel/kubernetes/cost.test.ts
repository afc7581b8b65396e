// Ported from apiserver pkg/cel/library/cost_test.go (TestURLsCost, TestIPCost,
// TestIPIsCanonicalCost, TestCIDRCost, TestStringLibrary find/findAll/escapeKey, TestQuantityCost,
// TestNameFormatCost): runtime cost and static estimate of whole expressions.
import { describe, expect, it } from 'vitest';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { standardLibraries } from '../../../../src/engine/cel/stdlib/index.js';
import { kubernetesLibraries, kubernetesCallCostOverride, kubernetesEstimateOverride } from '../../../../src/engine/cel/kubernetes/index.js';
import { K8S_TYPES } from '../../../../src/engine/cel/kubernetes/common.js';
import { T } from '../../../../src/engine/cel/types.js';

const env = newEnvironment({ libraries: [...standardLibraries(), ...kubernetesLibraries('1.36')] });

function costs(src: string): { est: { min: number; max: number }; rt: number } {
  const r = compile(src, env);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const v = r.program.evaluate({});
  return { est: { min: r.program.costEstimate.min, max: r.program.costEstimate.max }, rt: v.cost };
}

const ipv4 = "ip('192.168.0.1')";
const ipv6 = "ip('2001:db8:3333:4444:5555:6666:7777:8888')";
const c4 = "cidr('192.168.0.0/16')";
const c6 = "cidr('2001:db8::/32')";

describe('cost_test.go (calls without ==)', () => {
  it.each([
    ...['.getScheme()', '.getHostname()', '.getHost()', '.getPort()', '.getEscapedPath()', '.getQuery()'].map((op) => [`url('https:://kubernetes.io/')${op}`, 4, 4, 4] as const),
    [ipv4, 2, 2, 2],
    [ipv6, 4, 4, 4],
    ...['.family()', '.isUnspecified()', '.isLoopback()', '.isLinkLocalMulticast()', '.isLinkLocalUnicast()', '.isGlobalUnicast()'].flatMap((op) => [
      [ipv4 + op, 3, 3, 3] as const,
      [ipv6 + op, 5, 5, 5] as const,
    ]),
    ["ip.isCanonical('192.168.0.1')", 3, 3, 3],
    ["ip.isCanonical('2001:db8:3333:4444:5555:6666:7777:8888')", 8, 8, 8],
    ["ip.isCanonical('2001:db8::abcd')", 3, 3, 3],
    [c4, 2, 2, 2],
    [c4 + '.ip()', 3, 3, 3],
    [c4 + '.prefixLength()', 3, 3, 3],
    [c4 + ".containsCIDR(cidr('192.0.0.0/30'))", 7, 7, 11],
    [c4 + ".containsCIDR('192.0.0.0/30')", 7, 7, 11],
    [c4 + ".containsIP(ip('192.0.0.1'))", 4, 4, 7],
    [c4 + ".containsIP(ip('192.169.0.1'))", 5, 5, 8],
    [c4 + ".containsIP('192.0.0.1')", 4, 4, 7],
    [c6 + ".containsCIDR('2001:db8::/126')", 7, 7, 11],
    ["'abc 123 def 123'.find('123')", 2, 2, 2],
    ["'abc 123 def 123'.findAll('123')", 2, 2, 2],
    ["'abc 123 def 123'.findAll('123', 1)", 2, 2, 2],
    ["jsonpatch.escapeKey('abc/def~ abc/def~')", 2, 2, 2],
    ['quantity("12Mi")', 1, 1, 1],
    ['isQuantity("20M")', 1, 1, 1],
    ['quantity("50M").isLessThan(quantity("50Mi"))', 3, 3, 3],
    ['quantity("50").isInteger()', 2, 2, 2],
    ['format.named("dns1123subdomain")', 1, 1, 1],
    ['format.named("dns1123Subdomain").value().validate("my-name")', 17, 34, 34],
    ['format.named("dns1123Label").value().validate("my-name")', 10, 34, 34],
  ] as const)('%s', (src, rt, estMin, estMax) => {
    const c = costs(src);
    expect(c.rt).toBe(rt);
    expect(c.est).toEqual({ min: estMin, max: estMax });
  });
});

describe('cost overrides for the environment', () => {
  it('== on Kubernetes types costs 1 at run time; string functions by size', () => {
    const q = (compile("quantity('1')", env) as { ok: true; program: { evaluate: (a: object) => { ok: boolean; value?: unknown } } }).program.evaluate({});
    expect(kubernetesCallCostOverride('_==_', 'equals', [q.value as never, q.value as never], true)).toBe(1);
    expect(kubernetesCallCostOverride('_==_', 'equals', [1n, 1n], true)).toBeUndefined();
    expect(kubernetesCallCostOverride('lowerAscii', 'string_lower_ascii', ['ABCDEFGHIJ abcdefghij'], '')).toBe(3);
    expect(kubernetesCallCostOverride('join', 'list_join', [['aa', 'bb']], 'aabb')).toBe(1);
  });
  it('== estimates (TestNameFormatCost, TestURLsCost)', () => {
    const fmtIn = { args: [{ type: K8S_TYPES.format, size: { min: 0, max: 1e30 } }, { type: K8S_TYPES.format, size: { min: 0, max: 1e30 } }] };
    expect(kubernetesEstimateOverride('_==_', 'equals', fmtIn, false)?.cost).toEqual({ min: 1, max: 7 });
    const urlIn = { args: [{ type: K8S_TYPES.url, size: { min: 24, max: 24 } }, { type: K8S_TYPES.url, size: { min: 24, max: 24 } }] };
    expect(kubernetesEstimateOverride('_==_', 'equals', urlIn, false)?.cost).toEqual({ min: 1, max: 3 });
    const qIn = { args: [{ type: K8S_TYPES.quantity, size: { min: 0, max: 1 } }, { type: K8S_TYPES.quantity, size: { min: 0, max: 1 } }] };
    expect(kubernetesEstimateOverride('_==_', 'equals', qIn, false)?.cost).toEqual({ min: 1, max: 1 });
    expect(kubernetesEstimateOverride('_==_', 'equals', { args: [{ type: T.int, size: { min: 0, max: 1 } }, { type: T.int, size: { min: 0, max: 1 } }] }, false)).toBeUndefined();
  });
});
