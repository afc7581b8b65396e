// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/cost_test.go TestListsCost, TestIndexOfCost, TestURLsCost, TestIPCost, TestIPIsCanonicalCost, TestCIDRCost
// [expression, estimated min, estimated max, runtime cost, folded]; see upstream-cost-run.ts. For lists
// of strings or bytes the estimated max comes from upstream's test size estimator (not compared).
import { describe, it } from 'vitest';
import { checkCost, type CostCase } from './upstream-cost-run.js';

const INT = '[1, 2, 3, 4, 5]';
const UINT = '[uint(1), uint(2), uint(3), uint(4), uint(5)]';
const DOUBLE = '[1.0, 2.0, 3.0, 4.0, 5.0]';
const BOOL = '[false, true, false, true, false]';
const STR = "['012345678901', '012345678901', '012345678901', '012345678901', '012345678901']";
const BYTES = "[bytes('012345678901'), bytes('012345678901'), bytes('012345678901'), bytes('012345678901'), bytes('012345678901')]";
const DUR = "[duration('1s'), duration('2s'), duration('3s'), duration('4s'), duration('5s')]";
const TS =
  "[timestamp('2011-01-01T00:00:00.000+01:00'), timestamp('2011-01-02T00:00:00.000+01:00'), " +
  "timestamp('2011-01-03T00:00:00.000+01:00'), timestamp('2011-01-04T00:00:00.000+01:00'), " +
  "timestamp('2011-01-05T00:00:00.000+01:00')]";
const STRING = "'01234567890123456789012345678901234567890123456789'";

const run = (cases: readonly CostCase[]) =>
  it.each(cases.map((c) => [c[0], c] as const))('%s', (src, c) => checkCost(c, src.startsWith(STR) || src.startsWith(BYTES)));

describe('TestListsCost', () => {
  run([
    ...[INT, DOUBLE].map((l) => [l + '.sum()', 15, 15, 15, 10] as const),
    ...[UINT, DUR].map((l) => [l + '.sum()', 20, 20, 20, 15] as const),
    ...['.isSorted()', '.max()', '.min()'].flatMap((op) => [
      [INT + op, 15, 15, 15, 10] as const,
      [UINT + op, 20, 20, 20, 15] as const,
      [DOUBLE + op, 15, 15, 15, 10] as const,
      [BOOL + op, 15, 15, 15, 10] as const,
      [STR + op, 15, 25, 15, 10] as const,
      [BYTES + op, 25, 35, 25, 20] as const,
      [DUR + op, 20, 20, 20, 15] as const,
      [TS + op, 20, 20, 20, 15] as const,
    ]),
  ]);
});

describe('TestIndexOfCost', () => {
  run(
    ['indexOf', 'lastIndexOf'].flatMap((fn) => [
      [`${INT}.${fn}(3)`, 15, 15, 15, 10] as const,
      [`${UINT}.${fn}(uint(3))`, 21, 21, 21, 16] as const,
      [`${DOUBLE}.${fn}(3.0)`, 15, 15, 15, 10] as const,
      [`${BOOL}.${fn}(true)`, 15, 15, 15, 10] as const,
      [`${STR}.${fn}('x')`, 15, 25, 15, 10] as const,
      [`${BYTES}.${fn}(bytes('x'))`, 26, 36, 26, 21] as const,
      [`${DUR}.${fn}(duration('3s'))`, 21, 21, 21, 16] as const,
      [`${TS}.${fn}(timestamp('2011-01-03T00:00:00.000+01:00'))`, 21, 21, 21, 16] as const,
      [`${STRING}.${fn}('123')`, 5, 5, 5] as const,
    ]),
  );
});

describe('TestURLsCost', () => {
  const u = "url('https:://kubernetes.io/')";
  run([
    ...['.getScheme()', '.getHostname()', '.getHost()', '.getPort()', '.getEscapedPath()', '.getQuery()'].map((op) => [u + op, 4, 4, 4] as const),
    [`${u} == url('https:://kubernetes.io/')`, 7, 9, 7],
    [`${u} == url('http://x.b')`, 5, 5, 5],
  ]);
});

describe('TestIPCost', () => {
  const bases = [
    ["ip('192.168.0.1')", 2],
    ["ip('2001:db8:3333:4444:5555:6666:7777:8888')", 4],
  ] as const;
  run(
    bases.flatMap(([ip, b]) => [
      [ip, b, b, b] as const,
      ...['.family()', '.isUnspecified()', '.isLoopback()', '.isLinkLocalMulticast()', '.isLinkLocalUnicast()', '.isGlobalUnicast()'].map(
        (op) => [ip + op, b + 1, b + 1, b + 1] as const,
      ),
      [`${ip} == ip('192.168.0.1')`, b + 3, b + 3, b + 3] as const,
    ]),
  );
});

describe('TestIPIsCanonicalCost', () => {
  run([
    ["ip.isCanonical('192.168.0.1')", 3, 3, 3],
    ["ip.isCanonical('2001:db8:3333:4444:5555:6666:7777:8888')", 8, 8, 8],
    ["ip.isCanonical('2001:db8::abcd')", 3, 3, 3],
  ]);
});

describe('TestCIDRCost', () => {
  const v4 = "cidr('192.168.0.0/16')";
  const v6 = "cidr('2001:db8::/32')";
  // [op, +min, +max, +runtime] over the base cost 2
  const common = [
    ['', 0, 0, 0],
    ['.ip()', 1, 1, 1],
    ['.prefixLength()', 1, 1, 1],
    ['.masked()', 1, 1, 1],
    [" == cidr('2001:db8::/32')", 3, 3, 3],
  ] as const;
  const v4ops = [
    ...common,
    [".containsCIDR(cidr('192.0.0.0/30'))", 5, 9, 5],
    [".containsCIDR(cidr('192.168.0.0/16'))", 5, 9, 5],
    [".containsCIDR('192.0.0.0/30')", 5, 9, 5],
    [".containsCIDR('192.168.0.0/16')", 5, 9, 5],
    [".containsIP(ip('192.0.0.1'))", 2, 5, 2],
    [".containsIP(ip('192.169.0.1'))", 3, 6, 3],
    [".containsIP(ip('192.169.169.250'))", 3, 6, 3],
    [".containsIP('192.0.0.1')", 2, 5, 2],
    [".containsIP('192.169.0.1')", 3, 6, 3],
  ] as const;
  const v6ops = [
    ...common,
    [".containsCIDR(cidr('2001:db8::/126'))", 5, 9, 5],
    [".containsCIDR(cidr('2001:db8::/32'))", 5, 9, 5],
    [".containsCIDR('2001:db8::/126')", 5, 9, 5],
    [".containsCIDR('2001:db8::/32')", 5, 9, 5],
    [".containsIP(ip('2001:db8:3333:4444:5555:6666:7777:8888'))", 5, 8, 5],
    [".containsIP(ip('2001:db8::1'))", 3, 6, 3],
    [".containsIP('2001:db8:3333:4444:5555:6666:7777:8888')", 5, 8, 5],
    [".containsIP('2001:db8::1')", 3, 6, 3],
  ] as const;
  run([
    ...v4ops.map(([op, a, b, r]) => [v4 + op, 2 + a, 2 + b, 2 + r] as const),
    ...v6ops.map(([op, a, b, r]) => [v6 + op, 2 + a, 2 + b, 2 + r] as const),
  ]);
});
