// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/cidr_test.go TestCIDR
// Every case as a whole expression through the Kubernetes environment (ip.test.ts calls the
// overloads directly). Runtime errors are compared exactly, as upstream does.
import { describe, it } from 'vitest';
import { check, type Case } from './upstream-run.js';

const T = { value: true };
const F = { value: false };
const E = (s: string) =>
  `network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix("${s}"): bad bits after slash: ""`;

const cases: Case[] = [
  ['parse ipv4', `cidr("192.168.0.0/24")`, { equals: `cidr("192.168.0.0/24")` }],
  ['parse invalid ipv4', `cidr("192.168.0.0/")`, { error: E('192.168.0.0/') }],
  ['contains IP ipv4 (IP)', `cidr("192.168.0.0/24").containsIP(ip("192.168.0.1"))`, T],
  ['does not contain IP ipv4 (IP)', `cidr("192.168.0.0/24").containsIP(ip("192.168.1.1"))`, F],
  ['contains IP ipv4 (string)', `cidr("192.168.0.0/24").containsIP("192.168.0.1")`, T],
  ['does not contain IP ipv4 (string)', `cidr("192.168.0.0/24").containsIP("192.168.1.1")`, F],
  ['contains CIDR ipv4 (CIDR)', `cidr("192.168.0.0/24").containsCIDR(cidr("192.168.0.0/25"))`, T],
  ['contains CIDR ipv4 (CIDR) (/32)', `cidr("192.168.0.0/24").containsCIDR(cidr("192.168.0.1/32"))`, T],
  ['does not contain IP ipv4 (CIDR)', `cidr("192.168.0.0/24").containsCIDR(cidr("192.168.0.0/23"))`, F],
  ['does not contain IP ipv4 (CIDR) (/32)', `cidr("192.168.0.0/24").containsCIDR(cidr("192.169.0.1/32"))`, F],
  ['contains CIDR ipv4 (string)', `cidr("192.168.0.0/24").containsCIDR("192.168.0.0/25")`, T],
  ['does not contain CIDR ipv4 (string)', `cidr("192.168.0.0/24").containsCIDR("192.168.0.0/23")`, F],
  ['returns IP ipv4', `cidr("192.168.0.0/24").ip()`, { equals: `ip("192.168.0.0")` }],
  ['masks masked ipv4', `cidr("192.168.0.0/24").masked()`, { equals: `cidr("192.168.0.0/24")` }],
  ['masks unmasked ipv4', `cidr("192.168.0.1/24").masked()`, { equals: `cidr("192.168.0.0/24")` }],
  ['returns prefix length ipv4', `cidr("192.168.0.0/24").prefixLength()`, { value: 24n }],
  ['parse ipv6', `cidr("2001:db8::/32")`, { equals: `cidr("2001:db8::/32")` }],
  ['parse invalid ipv6', `cidr("2001:db8::/")`, { error: E('2001:db8::/') }],
  ['contains IP ipv6 (IP)', `cidr("2001:db8::/32").containsIP(ip("2001:db8::1"))`, T],
  ['does not contain IP ipv6 (IP)', `cidr("2001:db8::/32").containsIP(ip("2001:dc8::1"))`, F],
  ['contains IP ipv6 (string)', `cidr("2001:db8::/32").containsIP("2001:db8::1")`, T],
  ['does not contain IP ipv6 (string)', `cidr("2001:db8::/32").containsIP("2001:dc8::1")`, F],
  ['contains CIDR ipv6 (CIDR)', `cidr("2001:db8::/32").containsCIDR(cidr("2001:db8::/33"))`, T],
  ['does not contain IP ipv6 (CIDR)', `cidr("2001:db8::/32").containsCIDR(cidr("2001:db8::/31"))`, F],
  ['contains CIDR ipv6 (string)', `cidr("2001:db8::/32").containsCIDR("2001:db8::/33")`, T],
  ['does not contain CIDR ipv6 (string)', `cidr("2001:db8::/32").containsCIDR("2001:db8::/31")`, F],
  ['returns IP ipv6', `cidr("2001:db8::/32").ip()`, { equals: `ip("2001:db8::")` }],
  ['masks masked ipv6', `cidr("2001:db8::/32").masked()`, { equals: `cidr("2001:db8::/32")` }],
  ['masks unmasked ipv6', `cidr("2001:db8:1::/32").masked()`, { equals: `cidr("2001:db8::/32")` }],
  ['returns prefix length ipv6', `cidr("2001:db8::/32").prefixLength()`, { value: 32n }],
  ['converting a CIDR to a string', `string(cidr("192.168.0.0/24"))`, { value: '192.168.0.0/24' }],
  ['type of CIDR is net.CIDR', `type(cidr("192.168.0.0/24")) == net.CIDR`, T],
];

describe('TestCIDR', () => {
  for (const [name, expr, want] of cases) it(name, () => check(expr, want));
  // the expected values above are built with cidr(); make sure masking really changed the address
  it('masked() result differs from the unmasked input', () => check(`cidr("192.168.0.1/24").masked() == cidr("192.168.0.1/24")`, F));
});
