// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/library_compatibility_test.go TestLibraryCompatibility, TestTypeRegistration
// The function names our Kubernetes libraries declare are exactly the ones upstream assigns to a
// release (the zero-argument `format.<name>` constants are declared outside `declarations()`
// upstream and are left out here too); library and type names carry the `kubernetes.` prefix.
import { describe, expect, it } from 'vitest';
import { kubernetesLibraries } from '../../../../src/engine/cel/kubernetes/index.js';
import { K8S_TYPES } from '../../../../src/engine/cel/kubernetes/common.js';

const KNOWN = new Set([
  // 1.24
  'isSorted', 'sum', 'max', 'min', 'indexOf', 'lastIndexOf', 'find', 'findAll', 'url', 'getScheme', 'getHost', 'getHostname',
  'getPort', 'getEscapedPath', 'getQuery', 'isURL',
  // 1.27
  'path', 'group', 'serviceAccount', 'resource', 'subresource', 'namespace', 'name', 'check', 'allowed', 'reason',
  // 1.28
  'errored', 'error',
  // 1.29
  'add', 'asApproximateFloat', 'asInteger', 'compareTo', 'isGreaterThan', 'isInteger', 'isLessThan', 'isQuantity', 'quantity', 'sign', 'sub',
  // 1.30
  'ip', 'family', 'isUnspecified', 'isLoopback', 'isLinkLocalMulticast', 'isLinkLocalUnicast', 'isGlobalUnicast', 'ip.isCanonical', 'isIP', 'cidr',
  'containsIP', 'containsCIDR', 'masked', 'prefixLength', 'isCIDR', 'string',
  // 1.31
  'fieldSelector', 'labelSelector', 'validate', 'format.named', 'isSemver', 'major', 'minor', 'patch', 'semver',
  // 1.32
  'jsonpatch.escapeKey',
]);

const LEGACY_TYPE_NAMES = new Set(['net.IP', 'net.CIDR']);

describe('TestLibraryCompatibility', () => {
  const libs = kubernetesLibraries('1.36');
  it('library names have the kubernetes. prefix', () => {
    for (const lib of libs) expect(lib.name).toMatch(/^kubernetes\./);
  });
  it('declared function names are exactly the known ones', () => {
    const names = new Set<string>();
    for (const lib of libs) for (const f of lib.functions ?? []) if (!f.name.startsWith('format.') || f.name === 'format.named') names.add(f.name);
    expect([...names].filter((n) => !KNOWN.has(n)).sort()).toEqual([]);
    expect([...KNOWN].filter((n) => !names.has(n)).sort()).toEqual([]);
  });
});

describe('TestTypeRegistration', () => {
  it('type names have the kubernetes. prefix (net.IP and net.CIDR are legacy names)', () => {
    for (const t of Object.values(K8S_TYPES)) {
      const name = 'name' in t ? String(t.name) : '';
      if (!LEGACY_TYPE_NAMES.has(name)) expect(name).toMatch(/^kubernetes\./);
    }
  });
});
