// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/ip_test.go TestIP
// Every case as a whole expression through the Kubernetes environment (ip.test.ts calls the
// overloads directly). Runtime errors are compared exactly, as upstream does.
import { describe, it } from 'vitest';
import { check, type Case } from './upstream-run.js';

const T = { value: true };
const F = { value: false };
const E4 = (s: string) => `IP Address "${s}" parse error during conversion from string: ParseAddr("${s}"): IPv4 address too long`;
const E6 = (s: string) => `IP Address "${s}" parse error during conversion from string: ParseAddr("${s}"): each colon-separated field must have at least one digit (at ":68")`;

const cases: Case[] = [
  ['parse ipv4', `ip("192.168.0.1")`, { equals: `ip("192.168.0.1")` }],
  ['parse invalid ipv4', `ip("192.168.0.1.0")`, { error: E4('192.168.0.1.0') }],
  ['isIP valid ipv4', `isIP("192.168.0.1")`, T],
  ['isIP invalid ipv4', `isIP("192.168.0.1.0")`, F],
  ['ip.isCanonical valid ipv4', `ip.isCanonical("127.0.0.1")`, T],
  ['ip.isCanonical invalid ipv4', `ip.isCanonical("127.0.0.1.0")`, { error: E4('127.0.0.1.0') }],
  ['ipv4 family', `ip("192.168.0.1").family()`, { value: 4n }],
  ['ipv4 isUnspecified true', `ip("0.0.0.0").isUnspecified()`, T],
  ['ipv4 isUnspecified false', `ip("127.0.0.1").isUnspecified()`, F],
  ['ipv4 isLoopback true', `ip("127.0.0.1").isLoopback()`, T],
  ['ipv4 isLoopback false', `ip("1.2.3.4").isLoopback()`, F],
  ['ipv4 isLinkLocalMulticast true', `ip("224.0.0.1").isLinkLocalMulticast()`, T],
  ['ipv4 isLinkLocalMulticast false', `ip("224.0.1.1").isLinkLocalMulticast()`, F],
  ['ipv4 isLinkLocalUnicast true', `ip("169.254.169.254").isLinkLocalUnicast()`, T],
  ['ipv4 isLinkLocalUnicast false', `ip("192.168.0.1").isLinkLocalUnicast()`, F],
  ['ipv4 isGlobalUnicast true', `ip("192.168.0.1").isGlobalUnicast()`, T],
  ['ipv4 isGlobalUnicast false', `ip("255.255.255.255").isGlobalUnicast()`, F],
  ['parse ipv6', `ip("2001:db8::68")`, { equals: `ip("2001:db8::68")` }],
  ['parse invalid ipv6', `ip("2001:db8:::68")`, { error: E6('2001:db8:::68') }],
  ['isIP valid ipv6', `isIP("2001:db8::68")`, T],
  ['isIP invalid ipv6', `isIP("2001:db8:::68")`, F],
  ['ip.isCanonical valid ipv6', `ip.isCanonical("2001:db8::68")`, T],
  ['ip.isCanonical non-canonical ipv6', `ip.isCanonical("2001:DB8::68")`, F],
  ['ip.isCanonical invalid ipv6', `ip.isCanonical("2001:db8:::68")`, { error: E6('2001:db8:::68') }],
  ['ipv6 family', `ip("2001:db8::68").family()`, { value: 6n }],
  ['ipv6 isUnspecified true', `ip("::").isUnspecified()`, T],
  ['ipv6 isUnspecified false', `ip("::1").isUnspecified()`, F],
  ['ipv6 isLoopback true', `ip("::1").isLoopback()`, T],
  ['ipv6 isLoopback false', `ip("2001:db8::abcd").isLoopback()`, F],
  ['ipv6 isLinkLocalMulticast true', `ip("ff02::1").isLinkLocalMulticast()`, T],
  ['ipv6 isLinkLocalMulticast false', `ip("fd00::1").isLinkLocalMulticast()`, F],
  ['ipv6 isLinkLocalUnicast true', `ip("fe80::1").isLinkLocalUnicast()`, T],
  ['ipv6 isLinkLocalUnicast false', `ip("fd80::1").isLinkLocalUnicast()`, F],
  ['ipv6 isGlobalUnicast true', `ip("2001:db8::abcd").isGlobalUnicast()`, T],
  ['ipv6 isGlobalUnicast false', `ip("ff00::1").isGlobalUnicast()`, F],
  ['passing cidr into isIP returns compile error', `isIP(cidr("192.168.0.0/24"))`, { compileMatch: /found no matching overload for 'isIP' applied to '\(net.CIDR\)'/ }],
  ['converting an IP address to a string', `string(ip("192.168.0.1"))`, { value: '192.168.0.1' }],
  ['type of IP is net.IP', `type(ip("192.168.0.1")) == net.IP`, T],
];

describe('TestIP', () => {
  for (const [name, expr, want] of cases) it(name, () => check(expr, want));
});
