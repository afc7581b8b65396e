import { describe, expect, it } from 'vitest';
import { createRestMapper, isExemptResource, resolveKind, resolveResource } from '../../../src/engine/k8s/restmapping.js';
import type { JsonObject } from '../../../src/engine/cel/values.js';

const crd: JsonObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
    versions: [
      { name: 'v1', served: true, storage: true, subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } } },
      { name: 'v1beta1', served: false, storage: false },
    ],
  },
};

describe('built-in kinds', () => {
  it.each([
    ['v1', 'Pod', '', 'pods', true],
    ['v1', 'Namespace', '', 'namespaces', false],
    ['v1', 'ConfigMap', '', 'configmaps', true],
    ['v1', 'Endpoints', '', 'endpoints', true],
    ['apps/v1', 'Deployment', 'apps', 'deployments', true],
    ['batch/v1', 'CronJob', 'batch', 'cronjobs', true],
    ['autoscaling/v2', 'HorizontalPodAutoscaler', 'autoscaling', 'horizontalpodautoscalers', true],
    ['networking.k8s.io/v1', 'Ingress', 'networking.k8s.io', 'ingresses', true],
    ['networking.k8s.io/v1', 'IngressClass', 'networking.k8s.io', 'ingressclasses', false],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'rbac.authorization.k8s.io', 'clusterroles', false],
    ['policy/v1', 'PodDisruptionBudget', 'policy', 'poddisruptionbudgets', true],
    ['storage.k8s.io/v1', 'StorageClass', 'storage.k8s.io', 'storageclasses', false],
    ['coordination.k8s.io/v1', 'Lease', 'coordination.k8s.io', 'leases', true],
    ['discovery.k8s.io/v1', 'EndpointSlice', 'discovery.k8s.io', 'endpointslices', true],
    ['scheduling.k8s.io/v1', 'PriorityClass', 'scheduling.k8s.io', 'priorityclasses', false],
    ['node.k8s.io/v1', 'RuntimeClass', 'node.k8s.io', 'runtimeclasses', false],
    ['flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', 'flowcontrol.apiserver.k8s.io', 'flowschemas', false],
    ['resource.k8s.io/v1', 'ResourceClaim', 'resource.k8s.io', 'resourceclaims', true],
    ['certificates.k8s.io/v1', 'CertificateSigningRequest', 'certificates.k8s.io', 'certificatesigningrequests', false],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'apiextensions.k8s.io', 'customresourcedefinitions', false],
    ['admissionregistration.k8s.io/v1', 'MutatingAdmissionPolicy', 'admissionregistration.k8s.io', 'mutatingadmissionpolicies', false],
    ['admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'admissionregistration.k8s.io', 'mutatingwebhookconfigurations', false],
  ])('%s %s', (apiVersion, kind, group, resource, namespaced) => {
    const m = resolveKind(apiVersion, kind)!;
    expect(m).toMatchObject({ group, resource, namespaced, subresource: '', custom: false });
  });
  it('versions come and go with the Kubernetes version', () => {
    expect(resolveKind('admissionregistration.k8s.io/v1', 'MutatingAdmissionPolicy', [], '1.35')).toBeUndefined();
    expect(resolveKind('admissionregistration.k8s.io/v1beta1', 'MutatingAdmissionPolicy', [], '1.34')).toBeDefined();
    expect(resolveKind('admissionregistration.k8s.io/v1beta1', 'MutatingAdmissionPolicy', [], '1.33')).toBeUndefined();
    expect(resolveKind('resource.k8s.io/v1', 'ResourceClaim', [], '1.33')).toBeUndefined();
    expect(resolveKind('apps/v1beta1', 'Deployment')).toBeUndefined();
    expect(resolveKind('v1', 'Bogus')).toBeUndefined();
  });
  it('subresources carry their request kind', () => {
    expect(resolveResource('', 'v1', 'pods/status')!.kind).toEqual({ group: '', version: 'v1', kind: 'Pod' });
    expect(resolveResource('', 'v1', 'pods/exec')!.kind.kind).toBe('PodExecOptions');
    expect(resolveResource('', 'v1', 'pods/eviction')!.kind).toEqual({ group: 'policy', version: 'v1', kind: 'Eviction' });
    expect(resolveResource('apps', 'v1', 'deployments/scale')).toMatchObject({ resource: 'deployments', subresource: 'scale', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' } });
    expect(resolveResource('', 'v1', 'serviceaccounts/token')!.kind).toEqual({ group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' });
    expect(resolveResource('', 'v1', 'pods/nope')).toBeUndefined();
  });
  it('equivalent versions', () => {
    expect(createRestMapper().versionsOf('autoscaling', 'horizontalpodautoscalers')).toEqual(['v1', 'v2']);
    expect(createRestMapper([], '1.34').versionsOf('admissionregistration.k8s.io', 'mutatingadmissionpolicies')).toEqual(['v1beta1', 'v1alpha1']);
  });
});

describe('CRDs', () => {
  it('served versions, scope, plural, subresources', () => {
    const m = resolveKind('example.com/v1', 'Widget', [crd])!;
    expect(m).toMatchObject({ group: 'example.com', version: 'v1', resource: 'widgets', namespaced: true, custom: true, source: 'crd' });
    expect(m.crd).toBe(crd);
    expect(resolveKind('example.com/v1beta1', 'Widget', [crd])).toBeUndefined();
    expect(resolveResource('example.com', 'v1', 'widgets/status', [crd])!.kind.kind).toBe('Widget');
    expect(resolveResource('example.com', 'v1', 'widgets/scale', [crd])!.kind).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    const cluster = { ...crd, spec: { ...(crd.spec as JsonObject), scope: 'Cluster' } };
    expect(resolveKind('example.com/v1', 'Widget', [cluster])!.namespaced).toBe(false);
  });
  it('cannot shadow built-ins; malformed CRDs are ignored', () => {
    const evil: JsonObject = { spec: { group: '', names: { plural: 'pods', kind: 'Pod' }, versions: [{ name: 'v1', served: true }] } };
    expect(resolveKind('v1', 'Pod', [evil, { spec: 5n }, {}])!.custom).toBe(false);
  });
});

describe('exempt resources (semantics.md §3.1)', () => {
  it.each([
    ['admissionregistration.k8s.io', 'mutatingadmissionpolicies', true],
    ['admissionregistration.k8s.io', 'validatingadmissionpolicybindings', true],
    ['admissionregistration.k8s.io', 'validatingadmissionpolicies/status', true],
    ['admissionregistration.k8s.io', 'mutatingwebhookconfigurations', false],
    ['authentication.k8s.io', 'tokenreviews', true],
    ['authorization.k8s.io', 'subjectaccessreviews', true],
    ['', 'pods', false],
  ])('%s %s', (g, r, exempt) => expect(isExemptResource(g, r)).toBe(exempt));
});
