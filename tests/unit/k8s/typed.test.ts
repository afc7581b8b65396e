import { describe, expect, it } from 'vitest';
import { decodeStrict, isTypedKind, toTypedJson } from '../../../src/engine/k8s/typed.js';
import { goNumberText } from '../../../src/engine/k8s/go-values.js';
import { CelUint, type JsonObject } from '../../../src/engine/cel/values.js';

const POD = { apiVersion: 'v1', kind: 'Pod' };
const CM = { apiVersion: 'v1', kind: 'ConfigMap' };
const DEPLOY = { group: 'apps', version: 'v1', kind: 'Deployment' };

const typed = (o: JsonObject, k = POD) => toTypedJson(o, k).value;
const strictErr = (o: JsonObject, k: { apiVersion?: string; group?: string; version?: string; kind: string }) => {
  const r = decodeStrict(o, k);
  return r.ok ? null : r.error;
};

describe('toTypedJson: the Go round trip of built-in kinds (semantics.md §5.3)', () => {
  it('a minimal Pod gains the non-omitempty parts and loses the empty ones', () => {
    const r = toTypedJson(
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: {} }, spec: { containers: [{ name: 'c', image: 'nginx' }], initContainers: [], hostNetwork: false, nodeName: '' } },
      POD,
    );
    expect(r.typed).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.value).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: {} }] },
      status: {},
    });
    // Go field order: kind, apiVersion, metadata, spec, status
    expect(Object.keys(r.value)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
  });
  it('non-omitempty nil slices render null; structs are never omitted', () => {
    expect(typed({ spec: {} })).toMatchObject({ spec: { containers: null }, status: {} });
    const d = typed({ apiVersion: 'apps/v1', kind: 'Deployment', spec: {} }, { apiVersion: 'apps/v1', kind: 'Deployment' });
    expect(d.spec).toEqual({ selector: null, template: { metadata: {}, spec: { containers: null } }, strategy: {} });
    expect(d.status).toEqual({});
    const sts = typed({ apiVersion: 'apps/v1', kind: 'StatefulSet' }, { apiVersion: 'apps/v1', kind: 'StatefulSet' });
    expect(sts.status).toEqual({ replicas: 0n, availableReplicas: 0n });
    expect((sts.spec as JsonObject).serviceName).toBe('');
  });
  it('quantities are canonical, int-or-string kept, Service targetPort 0 present', () => {
    const p = typed({ spec: { containers: [{ name: 'c', resources: { limits: { cpu: '0.5', memory: '1024Mi' }, requests: { cpu: 1n, memory: 2.5 } } }] } });
    expect((p.spec as { containers: JsonObject[] }).containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '1', memory: '2500m' } });
    const s = typed({ apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80n, targetPort: 'http' }, { port: 81n }] } }, { apiVersion: 'v1', kind: 'Service' });
    expect((s.spec as JsonObject).ports).toEqual([{ port: 80n, targetPort: 'http' }, { port: 81n, targetPort: 0n }]);
    expect(s.status).toEqual({ loadBalancer: {} });
  });
  it('env divisor "0", GRPC service null, hostPath type kept', () => {
    const p = typed({
      spec: {
        containers: [{ name: 'c', env: [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }], livenessProbe: { grpc: { port: 1n } } }],
        volumes: [{ name: 'h', hostPath: { path: '/x', type: '' } }],
      },
    });
    const c = (p.spec as { containers: JsonObject[] }).containers[0];
    expect(c.env).toEqual([{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } }]);
    expect(c.livenessProbe).toEqual({ grpc: { port: 1n, service: null } });
    expect((p.spec as JsonObject).volumes).toEqual([{ name: 'h', hostPath: { path: '/x', type: '' } }]);
  });
  it('map keys are sorted, times are UTC RFC 3339, raw parts kept', () => {
    const p = typed({ metadata: { labels: { b: '1', a: '2' }, creationTimestamp: '2024-05-01T12:00:00.123+02:00' }, status: { containerStatuses: [{ name: 'c', x: [] }] } });
    expect(Object.keys((p.metadata as JsonObject).labels as JsonObject)).toEqual(['a', 'b']);
    expect((p.metadata as JsonObject).creationTimestamp).toBe('2024-05-01T10:00:00Z');
    expect((p.status as JsonObject).containerStatuses).toEqual([{ name: 'c', x: [] }]);
    // conditions are Go structs: zero times render as null
    const q = typed({ status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    expect((q.status as JsonObject).conditions).toEqual([{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: null }]);
  });
  it('Secret stringData folds into data (v1 -> internal conversion) only through the internal version', () => {
    const secret: JsonObject = { apiVersion: 'v1', kind: 'Secret', data: { z: 'eA==' }, stringData: { a: 'hé' } };
    const s = toTypedJson(secret, { apiVersion: 'v1', kind: 'Secret' }, { internalRoundTrip: true }).value;
    expect(s.data).toEqual({ a: 'aMOp', z: 'eA==' });
    expect(s.stringData).toBeUndefined();
    // the admission plugin's own v1 objects keep it (mutating/dispatcher.go works on v1)
    expect(typed(secret, { apiVersion: 'v1', kind: 'Secret' }).stringData).toEqual({ a: 'hé' });
  });
  it('unknown fields and type errors become warnings', () => {
    const r = toTypedJson({ spec: { containers: [{ name: 'c', bogus: 1n }], priority: 'high' } }, POD);
    expect(r.warnings).toEqual(['unknown field "spec.containers[0].bogus"', 'json: cannot unmarshal string into Go struct field PodSpec.spec.priority of type int32']);
  });
  it('kinds outside the table stay unstructured', () => {
    const o = { apiVersion: 'example.com/v1', kind: 'Widget', spec: { a: [] } };
    expect(toTypedJson(o, { apiVersion: 'example.com/v1', kind: 'Widget' })).toEqual({ value: o, warnings: [], typed: false });
    expect(isTypedKind({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' })).toBe(true);
    expect(isTypedKind({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' })).toBe(false);
    expect(isTypedKind({ group: 'batch', version: 'v1', kind: 'CronJob' })).toBe(true);
  });
});

describe('decodeStrict: JSONPatch results (OBSERVED.md JSONPatch, sample/jsonpatch)', () => {
  const cm = (data: JsonObject) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' }, data });
  it.each([
    [true, 'bool'],
    [5n, 'number'],
    [1.5, 'number'],
    [['a'], 'array'],
    [{ a: 'b' }, 'object'],
  ])('%s into map[string]string', (v, kind) => {
    expect(strictErr(cm({ b: v as never }), CM)).toBe(`json: cannot unmarshal ${kind} into Go struct field ConfigMap.data of type string`);
  });
  it('a __proto__ key in a map stays data', () => {
    const data = Object.create(null) as JsonObject;
    data.__proto__ = 'x';
    const r = decodeStrict(cm(data), CM);
    expect(r.ok && Object.hasOwn(r.value.data as object, '__proto__')).toBe(true);
  });
  it('null into a map[string]string entry gives ""', () => {
    const r = decodeStrict(cm({ seed: 'x', b: null }), CM);
    expect(r).toEqual({ ok: true, value: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'app-config', namespace: 'default' }, data: { b: '', seed: 'x' } } });
  });
  it('a zero creationTimestamp renders null up to 1.33 and not at all from 1.34 (omitzero)', () => {
    const meta = (kubernetesVersion: string) => toTypedJson({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { ...CM, kubernetesVersion }).value.metadata;
    expect(meta('1.33')).toEqual({ name: 'c', creationTimestamp: null });
    expect(meta('1.34')).toEqual({ name: 'c' });
    expect(meta('1.36')).toEqual({ name: 'c' });
  });
  const deploy = (spec: JsonObject) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api' },
    spec: { selector: { matchLabels: { app: 'api' } }, template: { spec: { containers: [{ name: 'api' }] } }, ...spec },
  });
  it('int32 fields: 2.5 and overflow fail, 5.0 and uint are accepted, null removes', () => {
    expect(strictErr(deploy({ replicas: 2.5 }), DEPLOY)).toBe('json: cannot unmarshal number 2.5 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(strictErr(deploy({ replicas: 2147483648n }), DEPLOY)).toBe('json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(strictErr(deploy({ replicas: 1e21 }), DEPLOY)).toBe('json: cannot unmarshal number 1e+21 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(strictErr(deploy({ replicas: 'two' }), DEPLOY)).toBe('json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    const ok = decodeStrict(deploy({ replicas: 5.0 }), DEPLOY);
    expect(ok.ok && (ok.value.spec as JsonObject).replicas).toBe(5n);
    const u = decodeStrict(deploy({ replicas: new CelUint(8080n) }), DEPLOY);
    expect(u.ok && (u.value.spec as JsonObject).replicas).toBe(8080n);
    const n = decodeStrict(deploy({ replicas: null }), DEPLOY);
    expect(n.ok && Object.hasOwn(n.value.spec as JsonObject, 'replicas')).toBe(false);
  });
  it('PodSpec priority overflow (Pod)', () => {
    expect(strictErr({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [], priority: 2147483648n } }, POD)).toBe(
      'json: cannot unmarshal number 2147483648 into Go struct field PodSpec.spec.priority of type int32',
    );
  });
  it('unknown fields: Go paths with indices, all of them, in order', () => {
    expect(strictErr({ apiVersion: 'v1', kind: 'ConfigMap', spec: { bogusField: 1n } }, CM)).toBe('strict decoding error: unknown field "spec"');
    expect(strictErr(deploy({ bogusField: 1n }), DEPLOY)).toBe('strict decoding error: unknown field "spec.bogusField"');
    const d = deploy({ template: { spec: { containers: [{ name: 'a' }, { name: 'b', ports: [{ containerPortZ: 1n }] }] } } });
    expect(strictErr(d, DEPLOY)).toBe('strict decoding error: unknown field "spec.template.spec.containers[1].ports[0].containerPortZ"');
    expect(strictErr({ ...cm({}), x: 1n, y: 2n }, CM)).toBe('strict decoding error: unknown field "x", unknown field "y"');
  });
  it('type errors win over unknown fields; named string types print their Go name', () => {
    const p = { apiVersion: 'v1', kind: 'Pod', bogus: 1n, spec: { containers: [{ name: 'c', imagePullPolicy: 5n, command: [1n] }] } };
    expect(strictErr(p, POD)).toBe('json: cannot unmarshal number into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy');
    const q = { apiVersion: 'v1', kind: 'Pod', spec: { containers: 'x' } };
    expect(strictErr(q, POD)).toBe('json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container');
    const r = { apiVersion: 'v1', kind: 'Pod', spec: { containers: ['x'] } };
    expect(strictErr(r, POD)).toBe('json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container');
  });
  it('Secret data must be base64 (ConfigMap decoded as a Secret)', () => {
    expect(strictErr({ apiVersion: 'v1', kind: 'Secret', data: { seed: 'x' } }, { apiVersion: 'v1', kind: 'Secret' })).toBe('illegal base64 data at input byte 0');
    expect(strictErr({ apiVersion: 'v1', kind: 'Secret', data: { a: 'eA=' } }, { apiVersion: 'v1', kind: 'Secret' })).toBe('illegal base64 data at input byte 3');
    expect(strictErr({ apiVersion: 'v1', kind: 'Secret', data: { a: 'e!==' } }, { apiVersion: 'v1', kind: 'Secret' })).toBe('illegal base64 data at input byte 1');
    expect(decodeStrict({ apiVersion: 'v1', kind: 'Secret', data: { a: new Uint8Array([104, 105]) } }, { apiVersion: 'v1', kind: 'Secret' })).toMatchObject({ ok: true, value: { data: { a: 'aGk=' } } });
  });
  it('Unmarshaler errors: quantity, int-or-string, time', () => {
    const pod = (c: JsonObject) => ({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', ...c }] } });
    expect(strictErr(pod({ resources: { limits: { cpu: 'lots' } } }), POD)).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(strictErr(pod({ livenessProbe: { httpGet: { port: 2.5 } } }), POD)).toBe('json: cannot unmarshal number 2.5 into Go value of type int32');
    expect(strictErr(pod({ livenessProbe: { httpGet: { port: true } } }), POD)).toBe('json: cannot unmarshal bool into Go value of type int32');
    expect(strictErr({ apiVersion: 'v1', kind: 'Pod', metadata: { creationTimestamp: 5n } }, POD)).toBe('json: cannot unmarshal number into Go value of type string');
  });
  it('kinds outside the table are unstructured', () => {
    expect(decodeStrict({ kind: 'Widget', anything: 1n }, { apiVersion: 'example.com/v1', kind: 'Widget' })).toEqual({ ok: true, value: { kind: 'Widget', anything: 1n } });
  });
});

describe('goNumberText (Go float64 JSON text)', () => {
  it.each([
    [5, '5'],
    [2.5, '2.5'],
    [1e21, '1e+21'],
    [1e20, '100000000000000000000'],
    [1.5e-7, '1.5e-7'],
    [0.000001, '0.000001'],
    [-3n, '-3'],
  ])('%s', (v, t) => expect(goNumberText(v)).toBe(t));
});

describe('fields by Kubernetes version', () => {
  it('a field the Go type of an older release lacks is an unknown field there', () => {
    const o = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [], hostnameOverride: 'h' } };
    expect(decodeStrict(o, { apiVersion: 'v1', kind: 'Pod', kubernetesVersion: '1.33' })).toEqual({ ok: false, error: 'strict decoding error: unknown field "spec.hostnameOverride"' });
    expect(decodeStrict(o, { apiVersion: 'v1', kind: 'Pod', kubernetesVersion: '1.34' }).ok).toBe(true);
    expect(decodeStrict(o, { apiVersion: 'v1', kind: 'Pod' }).ok).toBe(true);
    const lc = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', lifecycle: { stopSignal: 'SIGTERM' } }] } };
    expect(toTypedJson(lc, { apiVersion: 'v1', kind: 'Pod', kubernetesVersion: '1.32' }).warnings).toEqual(['unknown field "spec.containers[0].lifecycle.stopSignal"']);
  });
});
