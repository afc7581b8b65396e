// Cases follow k/k pkg/apis/core/v1/defaults_test.go, apps/v1/defaults_test.go and
// batch/v1/defaults_test.go (TestSetDefaultPodSpecHostNetwork, TestSetDefaultContainer...,
// TestSetDefaultServiceTargetPort, TestSetDefaultDeployment, TestSetDefaultStatefulSet,
// TestSetDefaultJob, TestSetDefaultCronJob, TestSetDefaultNamespace, ...).
import { describe, expect, it } from 'vitest';
import { applyDefaults, imageTag, roundUpToMilli } from '../../../src/engine/k8s/defaults.js';
import type { JsonObject } from '../../../src/engine/cel/values.js';

const POD = { apiVersion: 'v1', kind: 'Pod' };
const pod = (spec: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const spec = (o: JsonObject) => o.spec as JsonObject;
const c0 = (o: JsonObject, key = 'containers') => (spec(o)[key] as JsonObject[])[0];

describe('Pod', () => {
  it('PodSpec and container defaults', () => {
    const o = applyDefaults(pod({ containers: [{ name: 'c', image: 'nginx' }] }), POD);
    expect(o).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'p' },
      spec: {
        containers: [{ name: 'c', image: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'Always' }],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30n,
        dnsPolicy: 'ClusterFirst',
        securityContext: {},
        schedulerName: 'default-scheduler',
        enableServiceLinks: true,
      },
      status: {},
    });
  });
  it('does not change the input and is idempotent', () => {
    const input = pod({ containers: [{ name: 'c', image: 'nginx' }] });
    const copy = structuredClone(input);
    const once = applyDefaults(input, POD);
    expect(input).toEqual(copy);
    expect(applyDefaults(once, POD)).toEqual(once);
  });
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry:5000/team/app', 'Always'],
    ['registry:5000/team/app:v1', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
    ['nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'Always'],
    ['', 'IfNotPresent'],
  ])('imagePullPolicy for %j is %s (TestSetDefaultImagePullPolicy)', (image, policy) => {
    expect(c0(applyDefaults(pod({ containers: [{ name: 'c', image }] }), POD)).imagePullPolicy).toBe(policy);
  });
  it('keeps values that are set', () => {
    const o = applyDefaults(pod({ containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Never', terminationMessagePolicy: 'FallbackToLogsOnError' }], restartPolicy: 'Never', dnsPolicy: 'Default', terminationGracePeriodSeconds: 0n, enableServiceLinks: false }), POD);
    expect(c0(o)).toMatchObject({ imagePullPolicy: 'Never', terminationMessagePolicy: 'FallbackToLogsOnError' });
    expect(spec(o)).toMatchObject({ restartPolicy: 'Never', dnsPolicy: 'Default', terminationGracePeriodSeconds: 0n, enableServiceLinks: false });
  });
  it('ports, probes, handlers, fieldRef apiVersion', () => {
    const o = applyDefaults(
      pod({
        containers: [
          {
            name: 'c',
            image: 'x:1',
            ports: [{ containerPort: 80n }],
            readinessProbe: { httpGet: { port: 'http' } },
            livenessProbe: { grpc: { port: 9n }, periodSeconds: 5n },
            lifecycle: { preStop: { httpGet: { port: 80n, path: '/stop' } } },
            env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
          },
        ],
      }),
      POD,
    );
    const c = c0(o);
    expect(c.ports).toEqual([{ containerPort: 80n, protocol: 'TCP' }]);
    expect(c.readinessProbe).toEqual({ httpGet: { path: '/', port: 'http', scheme: 'HTTP' }, timeoutSeconds: 1n, periodSeconds: 10n, successThreshold: 1n, failureThreshold: 3n });
    expect(c.livenessProbe).toEqual({ grpc: { port: 9n, service: '' }, timeoutSeconds: 1n, periodSeconds: 5n, successThreshold: 1n, failureThreshold: 3n });
    expect(c.lifecycle).toEqual({ preStop: { httpGet: { path: '/stop', port: 80n, scheme: 'HTTP' } } });
    expect(c.env).toEqual([{ name: 'N', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }]);
  });
  it('requests default to limits on Pods (SetDefaults_Pod), rounded up to milli', () => {
    const o = applyDefaults(pod({ containers: [{ name: 'c', image: 'x:1', resources: { limits: { cpu: '100u', memory: '1Gi' }, requests: { memory: '512Mi' } } }], initContainers: [{ name: 'i', image: 'x:1', resources: { limits: { cpu: '1' } } }] }), POD);
    expect(c0(o).resources).toEqual({ limits: { cpu: '1m', memory: '1Gi' }, requests: { cpu: '1m', memory: '512Mi' } });
    expect(c0(o, 'initContainers').resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1' } });
  });
  it('hostNetwork copies containerPort to hostPort (TestSetDefaultPodSpecHostNetwork)', () => {
    const o = applyDefaults(pod({ hostNetwork: true, containers: [{ name: 'c', image: 'x:1', ports: [{ containerPort: 8080n }, { containerPort: 9n, hostPort: 10n }] }] }), POD);
    expect(c0(o).ports).toEqual([
      { hostPort: 8080n, containerPort: 8080n, protocol: 'TCP' },
      { hostPort: 10n, containerPort: 9n, protocol: 'TCP' },
    ]);
  });
  it('volumes: emptyDir when no source, modes 0644, token expiry, hostPath type', () => {
    const o = applyDefaults(
      pod({
        containers: [{ name: 'c', image: 'x:1' }],
        volumes: [
          { name: 'a' },
          { name: 's', secret: { secretName: 's' } },
          { name: 'm', configMap: { name: 'm' } },
          { name: 'd', downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } },
          { name: 'p', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } },
          { name: 'h', hostPath: { path: '/x' } },
        ],
      }),
      POD,
    );
    expect(spec(o).volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 's', secret: { secretName: 's', defaultMode: 420n } },
      { name: 'm', configMap: { name: 'm', defaultMode: 420n } },
      { name: 'd', downwardAPI: { items: [{ path: 'n', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } }], defaultMode: 420n } },
      { name: 'p', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3600n, path: 't' } }], defaultMode: 420n } },
      { name: 'h', hostPath: { path: '/x', type: '' } },
    ]);
  });
});

describe('workloads', () => {
  it('Deployment (TestSetDefaultDeployment)', () => {
    const o = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: { containers: [{ name: 'c', image: 'x:1' }] } } } }, { apiVersion: 'apps/v1', kind: 'Deployment' });
    const s = spec(o);
    expect(s.replicas).toBe(1n);
    expect(s.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(s.revisionHistoryLimit).toBe(10n);
    expect(s.progressDeadlineSeconds).toBe(600n);
    const t = (s.template as JsonObject).spec as JsonObject;
    expect(t).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30n });
    expect(t.enableServiceLinks).toBeUndefined(); // only Pods get SetDefaults_Pod
    const recreate = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { strategy: { type: 'Recreate' } } }, { apiVersion: 'apps/v1', kind: 'Deployment' });
    expect(spec(recreate).strategy).toEqual({ type: 'Recreate' });
  });
  it('DaemonSet, ReplicaSet', () => {
    const ds = applyDefaults({ apiVersion: 'apps/v1', kind: 'DaemonSet', spec: {} }, { apiVersion: 'apps/v1', kind: 'DaemonSet' });
    expect(spec(ds).updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1n, maxSurge: 0n } });
    expect(spec(ds).revisionHistoryLimit).toBe(10n);
    const rs = applyDefaults({ apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: {} }, { apiVersion: 'apps/v1', kind: 'ReplicaSet' });
    expect(spec(rs).replicas).toBe(1n);
  });
  it('StatefulSet (TestSetDefaultStatefulSet) with volumeClaimTemplates', () => {
    const o = applyDefaults(
      { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } } } }] } },
      { apiVersion: 'apps/v1', kind: 'StatefulSet' },
    );
    const s = spec(o);
    expect(s).toMatchObject({
      replicas: 1n,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0n } },
      revisionHistoryLimit: 10n,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(s.volumeClaimTemplates).toEqual([{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }]);
    const onDelete = applyDefaults({ apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { updateStrategy: { type: 'OnDelete' } } }, { apiVersion: 'apps/v1', kind: 'StatefulSet' });
    expect(spec(onDelete).updateStrategy).toEqual({ type: 'OnDelete' });
  });
  it('Job and CronJob (TestSetDefaultJob, TestSetDefaultCronJob)', () => {
    const j = applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', spec: { template: { metadata: { labels: { a: 'b' } }, spec: { restartPolicy: 'Never' } } } }, { apiVersion: 'batch/v1', kind: 'Job' });
    expect(spec(j)).toMatchObject({ completions: 1n, parallelism: 1n, backoffLimit: 6n, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect((j.metadata as JsonObject).labels).toEqual({ a: 'b' });
    const p = applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', spec: { parallelism: 3n, backoffLimitPerIndex: 1n, podFailurePolicy: { rules: [] } } }, { apiVersion: 'batch/v1', kind: 'Job' });
    expect(spec(p).completions).toBeUndefined();
    expect(spec(p)).toMatchObject({ parallelism: 3n, backoffLimit: 2147483647n, podReplacementPolicy: 'Failed' });
    const cj = applyDefaults({ apiVersion: 'batch/v1', kind: 'CronJob', spec: { schedule: '* * * * *' } }, { apiVersion: 'batch/v1', kind: 'CronJob' });
    expect(spec(cj)).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3n, failedJobsHistoryLimit: 1n });
  });
});

describe('Service, Secret, Namespace, ConfigMap', () => {
  const SVC = { apiVersion: 'v1', kind: 'Service' };
  it('Service (TestSetDefaultService, TestSetDefaultServiceTargetPort)', () => {
    const o = applyDefaults({ apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80n }, { port: 81n, targetPort: 'http', protocol: 'UDP' }] } }, SVC);
    expect(spec(o)).toEqual({
      ports: [
        { protocol: 'TCP', port: 80n, targetPort: 80n },
        { protocol: 'UDP', port: 81n, targetPort: 'http' },
      ],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
    });
    const lb = applyDefaults({ apiVersion: 'v1', kind: 'Service', spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP' }, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } }, SVC);
    expect(spec(lb)).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800n } } });
    expect(lb.status).toEqual({ loadBalancer: { ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }] } });
    const en = applyDefaults({ apiVersion: 'v1', kind: 'Service', spec: { type: 'ExternalName', externalName: 'x.example.com' } }, SVC);
    expect(spec(en).internalTrafficPolicy).toBeUndefined();
  });
  it('Secret type Opaque; ConfigMap unchanged but typed', () => {
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Secret' }, { apiVersion: 'v1', kind: 'Secret' }).type).toBe('Opaque');
    expect(applyDefaults({ apiVersion: 'v1', kind: 'ConfigMap', data: {} }, { apiVersion: 'v1', kind: 'ConfigMap' })).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: {} });
  });
  it('Namespace label and phase (TestSetDefaultNamespace)', () => {
    const o = applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }, { apiVersion: 'v1', kind: 'Namespace' });
    expect(o.metadata).toEqual({ name: 'team', labels: { 'kubernetes.io/metadata.name': 'team' } });
    expect(o.status).toEqual({ phase: 'Active' });
  });
  it('unknown kinds are returned as they are', () => {
    const w = { apiVersion: 'example.com/v1', kind: 'Widget', spec: {} };
    expect(applyDefaults(w, { apiVersion: 'example.com/v1', kind: 'Widget' })).toBe(w);
  });
});

describe('helpers', () => {
  it.each([
    ['100u', '1m'],
    ['1n', '1m'],
    ['-1500u', '-2m'],
    ['0.5', '500m'],
    ['1Gi', '1Gi'],
    ['2m', '2m'],
  ])('roundUpToMilli(%s) = %s', (q, r) => expect(roundUpToMilli(q)).toBe(r));
  it('imageTag', () => {
    expect(imageTag('a/b:c')).toBe('c');
    expect(imageTag('host:5000/b')).toBe('latest');
  });
});

describe('more kinds', () => {
  it('PersistentVolumeClaim', () => {
    const o = applyDefaults({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: { resources: { requests: { storage: '1Gi' } } } }, { apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
    expect(o.spec).toEqual({ resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' });
    expect(o.status).toEqual({ phase: 'Pending' });
  });
  it('NetworkPolicy policyTypes and port protocol', () => {
    const K = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' };
    const o = applyDefaults({ ...K, spec: { podSelector: {}, egress: [{ ports: [{ port: 53n }] }] } }, K);
    expect(o.spec).toEqual({ podSelector: {}, egress: [{ ports: [{ protocol: 'TCP', port: 53n }] }], policyTypes: ['Ingress', 'Egress'] });
    expect((applyDefaults({ ...K, spec: {} }, K).spec as JsonObject).policyTypes).toEqual(['Ingress']);
  });
  it('RoleBinding roleRef and subjects apiGroup', () => {
    const K = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' };
    const o = applyDefaults({ ...K, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }, { kind: 'ServiceAccount', name: 's', namespace: 'n' }] }, K);
    expect(o.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' });
    expect(o.subjects).toEqual([{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u' }, { kind: 'ServiceAccount', name: 's', namespace: 'n' }]);
    const role = applyDefaults({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' }, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' });
    expect(role.rules).toBeNull();
  });
});
