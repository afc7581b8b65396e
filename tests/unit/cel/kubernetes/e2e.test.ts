// End-to-end expressions through compile() with the standard and Kubernetes libraries; the
// expected values and texts are those of reference/sample/cel/*.yaml and OBSERVED.md.
import { describe, expect, it } from 'vitest';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { standardLibraries } from '../../../../src/engine/cel/stdlib/index.js';
import { kubernetesLibraries } from '../../../../src/engine/cel/kubernetes/index.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';

const env = newEnvironment({ libraries: [...standardLibraries(), ...kubernetesLibraries('1.36')] });

function run(src: string): { value?: CelValue; error?: string; compileError?: string } {
  const r = compile(src, env);
  if (!r.ok) return { compileError: r.diagnostics.map((d) => d.message).join('\n') };
  const v = r.program.evaluate({});
  return v.ok ? { value: v.value } : { error: v.error.message };
}

describe('Kubernetes libraries end to end', () => {
  it.each([
    ["string(cidr('10.1.2.3/8').masked())", '10.0.0.0/8'],
    ["ip.isCanonical('2001:db8::0:1')", false],
    ["isIP('010.0.0.1')", false],
    ["ip('::1').isLoopback()", true],
    ["quantity('1Ki').asApproximateFloat()", 1024],
    ["quantity('2Gi').asInteger()", 2147483648n],
    ["quantity('1.5k').asInteger()", 1500n],
    ["quantity('1Gi') == quantity('1024Mi')", true],
    ["sign(quantity('-1m'))", -1n],
    ["semver('v1.2', true).minor()", 2n],
    ["isSemver('v1.2.3')", false],
    ["isURL('/relative/path')", true],
    ["url('https://[::1]:80/').getHost()", '[::1]:80'],
    ["jsonpatch.escapeKey('~1/')", '~01~1'],
    ["format.labelValue().validate('my-value').hasValue()", false],
    ["'abc 123'.find('[0-9]+')", '123'],
    ['[3, 1, 2].max()', 3n],
    ["type(ip('1.2.3.4')) == net.IP", true],
    ["type(cidr('10.0.0.0/8')) == net.CIDR", true],
  ])('%s', (src, want) => expect(run(src)).toEqual({ value: want }));
  it.each([
    ["quantity('10E').asInteger()", 'cannot convert value to integer'],
    ["quantity('1.5Gi').asInteger()", 'cannot convert value to integer'],
    ["format.named('nope').value()", 'optional.none() dereference'],
    [
      "cidr('x').prefixLength()",
      'network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix("x"): no \'/\'',
    ],
    ['[].min()', 'min called on empty list'],
  ])('%s fails', (src, want) => expect(run(src)).toEqual({ error: want }));
  it('sign is not a method (qty-sign-method.yaml)', () =>
    expect(run("quantity('-1m').sign()").compileError).toContain("found no matching overload for 'sign' applied to 'kubernetes.Quantity.()'"));
  it('no string(quantity)', () => expect(run("string(quantity('1'))").compileError).toContain("found no matching overload for 'string'"));
});
