// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/cost_test.go TestSize, TestTypeEquality
import { describe, expect, it } from 'vitest';
import { kubernetesEstimateOverride } from '../../../../src/engine/cel/kubernetes/index.js';
import { K8S_TYPES } from '../../../../src/engine/cel/kubernetes/common.js';
import { T } from '../../../../src/engine/cel/types.js';
import { costs } from './upstream-cost-run.js';

type Size = { min: number; max: number };
const exact = (n: number): Size => ({ min: n, max: n });

describe('TestSize (result size of replace)', () => {
  it.each([
    ['replace empty with char', exact(3), [exact(0), exact(1)], exact(7)],
    ['maybe replace char with empty', exact(3), [exact(1), exact(0)], { min: 0, max: 3 }],
    ['maybe replace repeated', exact(4), [exact(2), exact(4)], { min: 4, max: 8 }],
    ['maybe replace empty', exact(4), [{ min: 0, max: 1 }, { min: 0, max: 2 }], { min: 0, max: 14 }],
    ['replace non-empty size range, maybe larger', exact(4), [{ min: 1, max: 1 }, { min: 1, max: 2 }], { min: 4, max: 8 }],
    ['replace non-empty size range, maybe smaller', exact(4), [{ min: 1, max: 2 }, { min: 1, max: 1 }], { min: 2, max: 4 }],
  ] as const)('%s', (_name, target, args, want) => {
    const input = { args: [target, ...args].map((size) => ({ type: T.string, size })) };
    expect(kubernetesEstimateOverride('replace', '', input, true)?.resultSize).toEqual(want);
  });
});

describe('TestTypeEquality (== is costed for every Kubernetes type)', () => {
  // [type, an expression of that type]
  const examples: [keyof typeof K8S_TYPES, string][] = [
    ['authorizer', 'authorizer'],
    ['pathCheck', "authorizer.path('/healthz')"],
    ['groupCheck', "authorizer.group('apps')"],
    ['resourceCheck', "authorizer.group('apps').resource('deployments')"],
    ['decision', "authorizer.path('/healthz').check('get')"],
    ['url', "url('https://kubernetes.io')"],
    ['quantity', "quantity('1')"],
    ['ip', "ip('1.2.3.4')"],
    ['cidr', "cidr('1.2.3.0/24')"],
    ['format', 'format.dns1123Label()'],
    ['semver', "semver('1.0.0')"],
  ];
  const AUTHZ = new Set(['authorizer', 'pathCheck', 'groupCheck', 'resourceCheck', 'decision']);
  it('every type has an example', () => expect(examples.map(([k]) => k).sort()).toEqual(Object.keys(K8S_TYPES).sort()));
  it.each(examples)('%s', (key, src) => {
    const type = K8S_TYPES[key];
    const node = { type, size: { min: 10, max: 100 } };
    expect(kubernetesEstimateOverride('_==_', '', { args: [node, node] }, false)).toBeDefined();
    // runtime: `==` itself costs 1; on the authz types it fails as upstream's Equal does
    // (receiverOnlyObjectVal.Equal sees the outer value: no such overload)
    if (AUTHZ.has(key)) expect(() => costs(`${src} == ${src}`)).toThrow(/: no such overload$/);
    else expect(costs(`${src} == ${src}`).rt).toBe(2 * costs(src).rt + 1);
  });
});
