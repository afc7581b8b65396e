import { describe, expect, it } from 'vitest';
import { scenarioFromManifests } from '../../../src/engine/scenario/manifests.js';
import { deriveNamespace, deriveRequest } from '../../../src/engine/scenario/derive.js';
import { readScenario } from '../../../src/engine/scenario/read.js';
import { createRestMapper } from '../../../src/engine/k8s/restmapping.js';

const policy = `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingAdmissionPolicy
metadata: {name: p}
spec:
  paramKind: {apiVersion: v1, kind: ConfigMap}
  mutations:
  - patchType: JSONPatch
    jsonPatch:
      expression: "[]"
`;
const binding = `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingAdmissionPolicyBinding
metadata: {name: b}
spec: {policyName: p}
`;
const pod = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: prod}
spec:
  containers: [{name: c, image: nginx}]
`;

describe('scenarioFromManifests', () => {
  it('sorts documents by kind, params by paramKind', () => {
    const r = scenarioFromManifests(
      [
        { fileName: 'policy.yaml', text: policy + '---\n' + binding },
        { fileName: 'objects.yaml', text: pod + '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: prod}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: prod, labels: {env: prod}}\n' },
      ],
      { user: 'alice', groups: ['dev'], kubernetesVersion: '1.35' },
    );
    expect(r.diagnostics).toEqual([]);
    const s = r.scenario!;
    expect(s.policies.map((p) => (p.metadata as { name: string }).name)).toEqual(['p']);
    expect(s.bindings!.map((p) => (p.metadata as { name: string }).name)).toEqual(['b']);
    expect(s.params.map((p) => (p.metadata as { name: string }).name)).toEqual(['cfg']);
    expect((s.object!.metadata as { name: string }).name).toBe('web');
    expect((s.namespace!.metadata as { name: string }).name).toBe('prod');
    expect(s.kubernetesVersion).toBe('1.35');
    expect(s.request).toEqual({ userInfo: { username: 'alice', groups: ['dev'] } });
    // the source map points into each file
    expect(r.fileOf(['policies', 0, 'spec', 'mutations', 0, 'jsonPatch', 'expression'])).toBe('policy.yaml');
    const span = r.sourceMap.spanInString(['policies', 0, 'spec', 'mutations', 0, 'jsonPatch', 'expression'], 0, 2)!;
    expect(policy.slice(span.start, span.end)).toBe('[]');
    expect(r.fileOf(['object', 'spec'])).toBe('objects.yaml');
  });
  it('without bindings, bindings stay undefined (implicit bindings)', () => {
    const r = scenarioFromManifests([{ fileName: 'a.yaml', text: policy + '---\n' + pod }]);
    expect(r.scenario!.bindings).toBeUndefined();
  });
  it('several candidate objects are an error', () => {
    const r = scenarioFromManifests([{ fileName: 'a.yaml', text: pod + '---\n' + pod.replace('web', 'api') }]);
    expect(r.scenario).toBeNull();
    expect(r.diagnostics[0].message).toContain('several objects could be the one under review: Pod "web" (a.yaml), Pod "api" (a.yaml)');
  });
  it('a Namespace alone is the object', () => {
    const r = scenarioFromManifests([{ fileName: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n' }]);
    expect((r.scenario!.object!.kind as string)).toBe('Namespace');
    expect(r.scenario!.namespace).toBeUndefined();
  });
  it('lists are flattened and overrides apply', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- ${pod.trim().split('\n').join('\n  ')}\n`;
    const old = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } };
    const r = scenarioFromManifests([{ fileName: 'l.yaml', text: list }], { operation: 'UPDATE', oldObject: old, namespace: null, defaulting: false });
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.request).toEqual({ operation: 'UPDATE' });
    expect(r.scenario!.oldObject).toEqual(old);
    expect(r.scenario!.namespace).toBeNull();
    expect(r.scenario!.defaulting).toBe(false);
    expect(r.fileOf(['object'])).toBe('l.yaml');
    const s = r.sourceMap.span(['object', 'metadata', 'name'])!;
    expect(list.slice(s.start, s.end)).toBe('web');
  });
  it('YAML errors carry their file', () => {
    const r = scenarioFromManifests([{ fileName: 'bad.yaml', text: 'a: [1\n' }]);
    expect(r.scenario).toBeNull();
    expect(r.diagnostics.some((d) => d.file === 'bad.yaml' && d.severity === 'error')).toBe(true);
  });
});

describe('deriveRequest / deriveNamespace', () => {
  const read = (t: string) => readScenario(t).scenario!;
  it('derives a CREATE of a namespaced object', () => {
    const s = read(`object:\n${pod.replace(/^/gm, '  ')}`);
    const d = deriveRequest(s, createRestMapper(s.crds, s.kubernetesVersion));
    expect(d.diagnostics).toEqual([]);
    expect(d.request).toEqual({
      operation: 'CREATE',
      resource: { group: '', version: 'v1', resource: 'pods' },
      kind: { group: '', version: 'v1', kind: 'Pod' },
      subResource: '',
      requestKind: { group: '', version: 'v1', kind: 'Pod' },
      requestResource: { group: '', version: 'v1', resource: 'pods' },
      requestSubResource: '',
      name: 'web',
      namespace: 'prod',
      dryRun: false,
    });
    expect(deriveNamespace(s, d.request)).toEqual({ metadata: { name: 'prod' } });
  });
  it('keeps what the scenario gives; scale subresource maps to autoscaling/v1 Scale', () => {
    const s = read('request: {subResource: scale, userInfo: {username: bob}}\nobject: {apiVersion: apps/v1, kind: Deployment, metadata: {name: d}}\n');
    const d = deriveRequest(s, createRestMapper());
    expect(d.request.kind).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    expect(d.request.resource).toEqual({ group: 'apps', version: 'v1', resource: 'deployments' });
    expect(d.request.userInfo).toEqual({ username: 'bob' });
    expect(d.request.namespace).toBe('default');
  });
  it('cluster-scoped objects have no namespace; a Namespace request names itself', () => {
    const s = read('object: {apiVersion: v1, kind: Node, metadata: {name: n1}}\n');
    const d = deriveRequest(s, createRestMapper());
    expect(d.request.namespace).toBe('');
    expect(deriveNamespace(s, d.request)).toBeNull();
    const ns = read('object: {apiVersion: v1, kind: Namespace, metadata: {name: team}}\n');
    const dn = deriveRequest(ns, createRestMapper());
    expect(dn.request.namespace).toBe('team');
    expect(deriveNamespace(ns, dn.request)).toBeNull();
  });
  it('DELETE uses the old object; CRD kinds resolve; unknown kinds are reported', () => {
    const crd = '{apiVersion: apiextensions.k8s.io/v1, kind: CustomResourceDefinition, metadata: {name: widgets.example.com}, spec: {group: example.com, scope: Cluster, names: {plural: widgets, kind: Widget}, versions: [{name: v1, served: true, storage: true}]}}';
    const s = read(`crds: [${crd}]\nrequest: {operation: DELETE}\nobject: null\noldObject: {apiVersion: example.com/v1, kind: Widget, metadata: {name: w}}\n`);
    const d = deriveRequest(s, createRestMapper(s.crds));
    expect(d.request.resource).toEqual({ group: 'example.com', version: 'v1', resource: 'widgets' });
    expect(d.request.name).toBe('w');
    expect(d.request.namespace).toBe('');
    const u = read('object: {apiVersion: example.com/v1, kind: Gadget}\n');
    expect(deriveRequest(u, createRestMapper()).diagnostics[0].message).toBe('no matches for kind "Gadget" in version "example.com/v1"');
  });
  it('a scenario namespace wins', () => {
    const s = read(`namespace: {metadata: {name: prod, labels: {a: b}}}\nobject:\n${pod.replace(/^/gm, '  ')}`);
    expect(deriveNamespace(s, deriveRequest(s, createRestMapper()).request)).toEqual({ metadata: { name: 'prod', labels: { a: 'b' } } });
  });
});
