// Ported from apiserver pkg/cel/library/ip_test.go (TestIP) and cidr_test.go (TestCIDR), plus
// reference/sample/cel/ip-*.yaml and cidr-*.yaml.
import { describe, expect, it } from 'vitest';
import { IPValue, ipLibrary } from '../../../../src/engine/cel/kubernetes/ip.js';
import { CIDRValue, cidrLibrary } from '../../../../src/engine/cel/kubernetes/cidr.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import { call, errorText } from './helpers.js';

const ip = (s: string): CelValue => call(ipLibrary, 'string_to_ip', s);
const cidr = (s: string): CelValue => call(cidrLibrary, 'string_to_cidr', s);
const str = (v: CelValue): CelValue => (v instanceof IPValue ? call(ipLibrary, 'ip_to_string', v) : call(cidrLibrary, 'cidr_to_string', v));

describe('TestIP (ip_test.go)', () => {
  it('parse', () => {
    expect(str(ip('192.168.0.1'))).toBe('192.168.0.1');
    expect(str(ip('2001:db8::68'))).toBe('2001:db8::68');
  });
  it.each([
    ['192.168.0.1.0', 'IP Address "192.168.0.1.0" parse error during conversion from string: ParseAddr("192.168.0.1.0"): IPv4 address too long'],
    [
      '2001:db8:::68',
      'IP Address "2001:db8:::68" parse error during conversion from string: ParseAddr("2001:db8:::68"): each colon-separated field must have at least one digit (at ":68")',
    ],
    ['::ffff:1.2.3.4', 'IPv4-mapped IPv6 address "::ffff:1.2.3.4" is not allowed'],
    ['fe80::1%eth0', 'IP address "fe80::1%eth0" with zone value is not allowed'],
    ['010.0.0.1', 'IP Address "010.0.0.1" parse error during conversion from string: ParseAddr("010.0.0.1"): IPv4 field has octet with leading zero'],
  ])('ip(%j) error', (s, want) => expect(errorText(ip(s))).toBe(want));
  it.each([
    ['192.168.0.1', true],
    ['192.168.0.1.0', false],
    ['2001:db8::68', true],
    ['2001:db8:::68', false],
    ['010.0.0.1', false],
  ])('isIP(%j)', (s, want) => expect(call(ipLibrary, 'is_ip', s)).toBe(want));
  it.each([
    ['127.0.0.1', true],
    ['2001:db8::68', true],
    ['2001:DB8::68', false],
    ['2001:db8::0:1', false],
  ])('ip.isCanonical(%j)', (s, want) => expect(call(ipLibrary, 'ip_is_canonical', s)).toBe(want));
  it('ip.isCanonical of an invalid address errors', () =>
    expect(errorText(call(ipLibrary, 'ip_is_canonical', '127.0.0.1.0'))).toBe(
      'IP Address "127.0.0.1.0" parse error during conversion from string: ParseAddr("127.0.0.1.0"): IPv4 address too long',
    ));
  it.each([
    ['ip_family', '192.168.0.1', 4n],
    ['ip_family', '2001:db8::68', 6n],
    ['ip_is_unspecified', '0.0.0.0', true],
    ['ip_is_unspecified', '127.0.0.1', false],
    ['ip_is_unspecified', '::', true],
    ['ip_is_unspecified', '::1', false],
    ['ip_is_loopback', '127.0.0.1', true],
    ['ip_is_loopback', '1.2.3.4', false],
    ['ip_is_loopback', '::1', true],
    ['ip_is_loopback', '2001:db8::abcd', false],
    ['ip_is_link_local_multicast', '224.0.0.1', true],
    ['ip_is_link_local_multicast', '224.0.1.1', false],
    ['ip_is_link_local_multicast', 'ff02::1', true],
    ['ip_is_link_local_multicast', 'fd00::1', false],
    ['ip_is_link_local_unicast', '169.254.169.254', true],
    ['ip_is_link_local_unicast', '192.168.0.1', false],
    ['ip_is_link_local_unicast', 'fe80::1', true],
    ['ip_is_link_local_unicast', 'fd80::1', false],
    ['ip_is_global_unicast', '192.168.0.1', true],
    ['ip_is_global_unicast', '255.255.255.255', false],
    ['ip_is_global_unicast', '2001:db8::abcd', true],
    ['ip_is_global_unicast', 'ff00::1', false],
  ])('%s(%s)', (id, s, want) => expect(call(ipLibrary, id, ip(s))).toBe(want));
  it('canonical string forms', () => {
    expect(str(ip('2001:0db8:0000:0000:0000:0000:0000:0001'))).toBe('2001:db8::1');
    expect(str(ip('1:0:0:2:0:0:0:3'))).toBe('1:0:0:2::3');
    expect(str(ip('::'))).toBe('::');
  });
  it('equality and size', () => {
    expect((ip('::1') as IPValue).equals(ip('0:0::1') as IPValue)).toBe(true);
    expect((ip('10.0.0.1') as IPValue).celSize()).toBe(4);
  });
});

describe('TestCIDR (cidr_test.go)', () => {
  it.each([
    ['192.168.0.0/', 'network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix("192.168.0.0/"): bad bits after slash: ""'],
    ['2001:db8::/', 'network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix("2001:db8::/"): bad bits after slash: ""'],
    ['x', 'network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix("x"): no \'/\''],
    ['10.0.0.0/08', 'network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix("10.0.0.0/08"): bad bits after slash: "08"'],
    ['10.0.0.0/33', 'network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix("10.0.0.0/33"): prefix length out of range'],
  ])('cidr(%j) error', (s, want) => expect(errorText(cidr(s))).toBe(want));
  it.each([
    ['cidr_contains_ip_ip', '192.168.0.0/24', () => ip('192.168.0.1'), true],
    ['cidr_contains_ip_ip', '192.168.0.0/24', () => ip('192.168.1.1'), false],
    ['cidr_contains_ip_string', '192.168.0.0/24', () => '192.168.0.1', true],
    ['cidr_contains_ip_string', '192.168.0.0/24', () => '192.168.1.1', false],
    ['cidr_contains_cidr', '192.168.0.0/24', () => cidr('192.168.0.0/25'), true],
    ['cidr_contains_cidr', '192.168.0.0/24', () => cidr('192.168.0.1/32'), true],
    ['cidr_contains_cidr', '192.168.0.0/24', () => cidr('192.168.0.0/23'), false],
    ['cidr_contains_cidr', '192.168.0.0/24', () => cidr('192.169.0.1/32'), false],
    ['cidr_contains_cidr_string', '192.168.0.0/24', () => '192.168.0.0/25', true],
    ['cidr_contains_cidr_string', '192.168.0.0/24', () => '192.168.0.0/23', false],
    ['cidr_contains_ip_ip', '2001:db8::/32', () => ip('2001:db8::1'), true],
    ['cidr_contains_ip_ip', '2001:db8::/32', () => ip('2001:dc8::1'), false],
    ['cidr_contains_ip_string', '2001:db8::/32', () => '2001:db8::1', true],
    ['cidr_contains_ip_string', '2001:db8::/32', () => '2001:dc8::1', false],
    ['cidr_contains_cidr', '2001:db8::/32', () => cidr('2001:db8::/33'), true],
    ['cidr_contains_cidr', '2001:db8::/32', () => cidr('2001:db8::/31'), false],
    ['cidr_contains_cidr_string', '2001:db8::/32', () => '2001:db8::/33', true],
    ['cidr_contains_cidr_string', '2001:db8::/32', () => '2001:db8::/31', false],
  ])('%s(%s)', (id, c, other, want) => expect(call(cidrLibrary, id, cidr(c), other())).toBe(want));
  it('ip(), masked(), prefixLength(), string()', () => {
    expect(str(call(cidrLibrary, 'cidr_ip', cidr('192.168.0.0/24')))).toBe('192.168.0.0');
    expect(str(call(cidrLibrary, 'cidr_masked', cidr('192.168.0.1/24')))).toBe('192.168.0.0/24');
    expect(str(call(cidrLibrary, 'cidr_masked', cidr('2001:db8:1::/32')))).toBe('2001:db8::/32');
    expect(call(cidrLibrary, 'cidr_prefix_length', cidr('2001:db8::/32'))).toBe(32n);
    expect(str(cidr('192.168.0.0/24'))).toBe('192.168.0.0/24');
    expect(str(call(cidrLibrary, 'cidr_masked', cidr('10.1.2.3/8')))).toBe('10.0.0.0/8');
  });
  it('invalid string arguments of containsIP / containsCIDR', () => {
    expect(errorText(call(cidrLibrary, 'cidr_contains_ip_string', cidr('10.0.0.0/8'), 'x'))).toBe('no such overload');
    expect(errorText(call(cidrLibrary, 'cidr_contains_cidr_string', cidr('10.0.0.0/8'), 'x'))).toMatch(/^network address parse error/);
  });
  it('isCIDR, equality, size', () => {
    expect(call(cidrLibrary, 'is_cidr', '10.0.0.0/8')).toBe(true);
    expect(call(cidrLibrary, 'is_cidr', '::ffff:1.2.3.4/120')).toBe(false);
    expect((cidr('10.0.0.0/8') as CIDRValue).equals(cidr('10.0.0.0/8') as CIDRValue)).toBe(true);
    expect((cidr('10.0.0.0/8') as CIDRValue).celSize()).toBe(1);
  });
});
