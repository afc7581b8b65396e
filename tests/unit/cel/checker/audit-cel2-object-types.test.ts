// Field selection on the Kubernetes library types (cel-go v0.26.0 checker/checker.go
// checkSelectField): cel.ObjectType ones (Quantity, URL, Semver, NamedFormat, the authorizer
// types) are structs the type provider cannot resolve; cel.OpaqueType ones (net.IP, net.CIDR)
// do not support field selection at all.
import { describe, expect, it } from 'vitest';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { kubernetesEnvironment } from '../../../../src/engine/cel/kubernetes/environment.js';

const env = newEnvironment(kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false, variables: [] }));

function firstError(src: string): string | undefined {
  const c = compile(src, env);
  return c.ok ? undefined : c.diagnostics[0]?.message;
}

describe('field selection on library types', () => {
  it.each([
    ["quantity('1').foo", "unexpected failed resolution of 'kubernetes.Quantity'"],
    ["url('https://a').?host", "unexpected failed resolution of 'kubernetes.URL'"],
    ["semver('1.0.0').major", "unexpected failed resolution of 'kubernetes.Semver'"],
    ["has(format.dns1123Label().x)", "unexpected failed resolution of 'kubernetes.NamedFormat'"],
    ['has(authorizer.requestResource)', "unexpected failed resolution of 'kubernetes.authorization.Authorizer'"],
    ["authorizer.path('/x').check('get').allowed", "unexpected failed resolution of 'kubernetes.authorization.Decision'"],
    ["ip('1.2.3.4').family", "type 'net.IP' does not support field selection"],
    ["cidr('10.0.0.0/8').ip", "type 'net.CIDR' does not support field selection"],
  ])('%s', (src, want) => {
    expect(firstError(src)).toBe(want);
  });

  it('leaves method calls and the dotted authorizer variable alone', () => {
    expect(firstError("quantity('1').isInteger() && authorizer.requestResource.check('get').allowed()")).toBeUndefined();
  });
});
