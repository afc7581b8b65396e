// The scheme defaulting kube-apiserver applies to built-in kinds when it decodes a request and
// after every mutation (semantics.md §4.5, §10.5). Facts from k/k pkg/apis/core/v1/defaults.go,
// apps/v1/defaults.go, batch/v1/defaults.go, the `+default=` markers of k8s.io/api core/v1
// types.go (ContainerPort/ServicePort protocol, GRPCAction service) and the recursion of
// zz_generated.defaults.go (PodSpec, containers, probes, volumes inside every pod template).
// Feature-gated defaults follow the gates' default state in 1.32-1.36; PodLevelResources
// defaulting of spec.resources is not simulated.
import { newJsonObject, type CelValue, type JsonObject } from '../cel/values.js';
import { isPlainObject } from '../json/object.js';
import { canonicalQuantity } from './quantity.js';
import { isTypedKind, toTypedJson, type KindRef } from './typed.js';

const isMap = isPlainObject as (v: unknown) => v is JsonObject;
const unset = (o: JsonObject, k: string) => !Object.hasOwn(o, k) || o[k] === null;
const emptyStr = (o: JsonObject, k: string) => unset(o, k) || o[k] === '';
const zeroInt = (o: JsonObject, k: string) => unset(o, k) || o[k] === 0n || o[k] === 0;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function clone(v: CelValue): CelValue {
  if (Array.isArray(v)) return v.map(clone);
  if (isMap(v)) {
    const out = newJsonObject();
    for (const k of Object.keys(v)) out[k] = clone(v[k]);
    return out;
  }
  return v;
}

/** The map at o[k], created when absent (callers only use it where Go's struct is non-pointer). */
function child(o: JsonObject, k: string): JsonObject {
  if (!isMap(o[k])) o[k] = {};
  return o[k] as JsonObject;
}
const childIf = (o: JsonObject, k: string): JsonObject | undefined => (isMap(o[k]) ? (o[k] as JsonObject) : undefined);
const items = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isMap) : []);

// ---- ResourceList: round up to milli precision (SetDefaults_ResourceList) ----

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Quantity.RoundUp(-3) for the quantities that carry sub-milli precision. */
export function roundUpToMilli(q: string): string {
  const c = canonicalQuantity(q) ?? q;
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(?:([numkMGTPE]?)|[eE]([+-]?\d+))$/.exec(c);
  if (!m) return c;
  const [, sign, int, frac = '', suffix, exp] = m;
  const scale = (exp !== undefined ? Number(exp) : DECIMAL_SUFFIX[suffix ?? '']) - frac.length;
  if (scale >= -3) return c;
  const digits = BigInt(int + frac);
  const div = 10n ** BigInt(-3 - scale);
  let milli = digits / div;
  if (milli * div !== digits) milli += 1n; // away from zero
  return canonicalQuantity(`${sign}${milli}m`) ?? c;
}

function defaultResourceList(rl: unknown): void {
  if (!isMap(rl)) return;
  for (const k of Object.keys(rl)) if (typeof rl[k] === 'string') rl[k] = roundUpToMilli(rl[k] as string);
}

// ---- containers, probes, volumes ----

/** The tag of an image reference as parsers.ParseImageName sees it ('' when absent; digests have none). */
export function imageTag(image: string): string {
  // an unparsable reference (empty, upper case) gives no tag: the error is ignored upstream
  const name = image.split('@')[0].replace(/:[\w][\w.-]{0,127}$/, '');
  if (name === '' || /[A-Z]/.test(name) || /\s/.test(image)) return '';
  if (image.includes('@')) {
    const beforeDigest = image.slice(0, image.indexOf('@'));
    const m = /:([\w][\w.-]{0,127})$/.exec(beforeDigest.slice(beforeDigest.lastIndexOf('/') + 1));
    return m ? m[1] : '';
  }
  const last = image.slice(image.lastIndexOf('/') + 1);
  const i = last.lastIndexOf(':');
  return i < 0 ? 'latest' : last.slice(i + 1);
}

function defaultHandler(h: unknown): void {
  if (!isMap(h)) return;
  const get = childIf(h, 'httpGet');
  if (get) {
    if (emptyStr(get, 'path')) get.path = '/';
    if (emptyStr(get, 'scheme')) get.scheme = 'HTTP';
  }
  const grpc = childIf(h, 'grpc');
  if (grpc && unset(grpc, 'service')) grpc.service = '';
}

function defaultProbe(p: unknown): void {
  if (!isMap(p)) return;
  defaultHandler(p);
  if (zeroInt(p, 'timeoutSeconds')) p.timeoutSeconds = 1n;
  if (zeroInt(p, 'periodSeconds')) p.periodSeconds = 10n;
  if (zeroInt(p, 'successThreshold')) p.successThreshold = 1n;
  if (zeroInt(p, 'failureThreshold')) p.failureThreshold = 3n;
}

function defaultFieldRef(fr: unknown): void {
  if (isMap(fr) && emptyStr(fr, 'apiVersion')) fr.apiVersion = 'v1';
}

function defaultContainer(c: JsonObject): void {
  if (emptyStr(c, 'imagePullPolicy')) c.imagePullPolicy = imageTag(str(c.image)) === 'latest' ? 'Always' : 'IfNotPresent';
  if (emptyStr(c, 'terminationMessagePath')) c.terminationMessagePath = '/dev/termination-log';
  if (emptyStr(c, 'terminationMessagePolicy')) c.terminationMessagePolicy = 'File';
  for (const p of items(c.ports)) if (emptyStr(p, 'protocol')) p.protocol = 'TCP';
  for (const e of items(c.env)) defaultFieldRef(childIf(childIf(e, 'valueFrom') ?? {}, 'fieldRef'));
  const res = childIf(c, 'resources');
  if (res) {
    defaultResourceList(res.limits);
    defaultResourceList(res.requests);
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  const lc = childIf(c, 'lifecycle');
  if (lc) {
    defaultHandler(lc.postStart);
    defaultHandler(lc.preStop);
  }
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
];

function defaultDownwardItems(list: unknown): void {
  for (const it of items(list)) defaultFieldRef(it.fieldRef);
}

function defaultVolume(v: JsonObject): void {
  if (VOLUME_SOURCES.every((k) => unset(v, k))) v.emptyDir = {};
  const hp = childIf(v, 'hostPath');
  if (hp && unset(hp, 'type')) hp.type = '';
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const s = childIf(v, k);
    if (s && unset(s, 'defaultMode')) s.defaultMode = 420n;
  }
  defaultDownwardItems(childIf(v, 'downwardAPI')?.items);
  for (const src of items(childIf(v, 'projected')?.sources)) {
    const sat = childIf(src, 'serviceAccountToken');
    if (sat && unset(sat, 'expirationSeconds')) sat.expirationSeconds = 3600n;
    defaultDownwardItems(childIf(src, 'downwardAPI')?.items);
  }
  const ed = childIf(v, 'emptyDir');
  if (ed && typeof ed.sizeLimit === 'string') ed.sizeLimit = roundUpToMilli(ed.sizeLimit);
  const img = childIf(v, 'image');
  if (img && emptyStr(img, 'pullPolicy')) img.pullPolicy = imageTag(str(img.reference)) === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_PodSpec and everything the generated defaulters reach inside a PodSpec. */
function defaultPodSpec(spec: JsonObject): void {
  if (emptyStr(spec, 'dnsPolicy')) spec.dnsPolicy = 'ClusterFirst';
  if (emptyStr(spec, 'restartPolicy')) spec.restartPolicy = 'Always';
  if (unset(spec, 'securityContext')) spec.securityContext = {};
  if (unset(spec, 'terminationGracePeriodSeconds')) spec.terminationGracePeriodSeconds = 30n;
  if (emptyStr(spec, 'schedulerName')) spec.schedulerName = 'default-scheduler';
  for (const v of items(spec.volumes)) defaultVolume(v);
  for (const c of items(spec.initContainers)) defaultContainer(c);
  for (const c of items(spec.containers)) defaultContainer(c);
  for (const c of items(spec.ephemeralContainers)) defaultContainer(c);
  defaultResourceList(spec.overhead);
  const res = childIf(spec, 'resources');
  if (res) {
    defaultResourceList(res.limits);
    defaultResourceList(res.requests);
  }
}

function defaultPodTemplate(t: JsonObject): void {
  defaultPodSpec(child(t, 'spec'));
}

/** SetDefaults_Pod (only on Pod objects, not on templates). */
function defaultPod(pod: JsonObject): void {
  const spec = child(pod, 'spec');
  for (const key of ['containers', 'initContainers']) {
    for (const c of items(spec[key])) {
      const res = childIf(c, 'resources');
      const limits = res && isMap(res.limits) ? res.limits : undefined;
      if (!res || !limits) continue;
      const requests = isMap(res.requests) ? res.requests : (res.requests = {} as JsonObject);
      for (const k of Object.keys(limits)) if (!Object.hasOwn(requests as JsonObject, k)) (requests as JsonObject)[k] = limits[k];
    }
  }
  if (unset(spec, 'enableServiceLinks')) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const key of ['containers', 'initContainers']) {
      for (const c of items(spec[key])) for (const p of items(c.ports)) if (zeroInt(p, 'hostPort')) p.hostPort = p.containerPort ?? 0n;
    }
  }
  defaultPodSpec(spec);
}

function defaultService(svc: JsonObject): void {
  const spec = child(svc, 'spec');
  if (emptyStr(spec, 'sessionAffinity')) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const timeout = childIf(childIf(spec, 'sessionAffinityConfig') ?? {}, 'clientIP')?.timeoutSeconds;
    if (timeout === undefined || timeout === null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800n } };
  }
  if (emptyStr(spec, 'type')) spec.type = 'ClusterIP';
  for (const p of items(spec.ports)) {
    if (emptyStr(p, 'protocol')) p.protocol = 'TCP';
    if (unset(p, 'targetPort') || p.targetPort === 0n || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port ?? 0n;
  }
  const type = spec.type;
  const external = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (external && emptyStr(spec, 'externalTrafficPolicy')) spec.externalTrafficPolicy = 'Cluster';
  if (unset(spec, 'internalTrafficPolicy') && (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP')) spec.internalTrafficPolicy = 'Cluster';
  if (type === 'LoadBalancer') {
    if (unset(spec, 'allocateLoadBalancerNodePorts')) spec.allocateLoadBalancerNodePorts = true;
    for (const ing of items(childIf(childIf(svc, 'status') ?? {}, 'loadBalancer')?.ingress)) {
      if (str(ing.ip) !== '' && unset(ing, 'ipMode')) ing.ipMode = 'VIP';
    }
  }
}

function defaultNamespace(ns: JsonObject): void {
  const md = child(ns, 'metadata');
  const name = str(md.name);
  if (name !== '') {
    const labels = isMap(md.labels) ? md.labels : (md.labels = {} as JsonObject);
    (labels as JsonObject)['kubernetes.io/metadata.name'] = name;
  }
  const status = child(ns, 'status');
  if (emptyStr(status, 'phase')) status.phase = 'Active';
}

function defaultDeployment(d: JsonObject): void {
  const spec = child(d, 'spec');
  if (unset(spec, 'replicas')) spec.replicas = 1n;
  const strategy = child(spec, 'strategy');
  if (emptyStr(strategy, 'type')) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = isMap(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {} as JsonObject);
    if (unset(ru as JsonObject, 'maxUnavailable')) (ru as JsonObject).maxUnavailable = '25%';
    if (unset(ru as JsonObject, 'maxSurge')) (ru as JsonObject).maxSurge = '25%';
  }
  if (unset(spec, 'revisionHistoryLimit')) spec.revisionHistoryLimit = 10n;
  if (unset(spec, 'progressDeadlineSeconds')) spec.progressDeadlineSeconds = 600n;
  defaultPodTemplate(child(spec, 'template'));
}

function defaultDaemonSet(d: JsonObject): void {
  const spec = child(d, 'spec');
  const us = child(spec, 'updateStrategy');
  if (emptyStr(us, 'type')) us.type = 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = isMap(us.rollingUpdate) ? us.rollingUpdate : (us.rollingUpdate = {} as JsonObject);
    if (unset(ru as JsonObject, 'maxUnavailable')) (ru as JsonObject).maxUnavailable = 1n;
    if (unset(ru as JsonObject, 'maxSurge')) (ru as JsonObject).maxSurge = 0n;
  }
  if (unset(spec, 'revisionHistoryLimit')) spec.revisionHistoryLimit = 10n;
  defaultPodTemplate(child(spec, 'template'));
}

function defaultStatefulSet(s: JsonObject): void {
  const spec = child(s, 'spec');
  if (emptyStr(spec, 'podManagementPolicy')) spec.podManagementPolicy = 'OrderedReady';
  const us = child(spec, 'updateStrategy');
  if (emptyStr(us, 'type')) {
    us.type = 'RollingUpdate';
    if (unset(us, 'rollingUpdate')) us.rollingUpdate = {};
  }
  const ru = childIf(us, 'rollingUpdate');
  if (us.type === 'RollingUpdate' && ru && unset(ru, 'partition')) ru.partition = 0n;
  const rp = isMap(spec.persistentVolumeClaimRetentionPolicy) ? spec.persistentVolumeClaimRetentionPolicy : (spec.persistentVolumeClaimRetentionPolicy = {} as JsonObject);
  if (emptyStr(rp as JsonObject, 'whenDeleted')) (rp as JsonObject).whenDeleted = 'Retain';
  if (emptyStr(rp as JsonObject, 'whenScaled')) (rp as JsonObject).whenScaled = 'Retain';
  if (unset(spec, 'replicas')) spec.replicas = 1n;
  if (unset(spec, 'revisionHistoryLimit')) spec.revisionHistoryLimit = 10n;
  for (const pvc of items(spec.volumeClaimTemplates)) defaultPvc(pvc);
  defaultPodTemplate(child(spec, 'template'));
}

function defaultReplicaSet(r: JsonObject): void {
  const spec = child(r, 'spec');
  if (unset(spec, 'replicas')) spec.replicas = 1n;
  defaultPodTemplate(child(spec, 'template'));
}

function defaultJobSpec(spec: JsonObject): void {
  if (unset(spec, 'completions') && unset(spec, 'parallelism')) {
    spec.completions = 1n;
    spec.parallelism = 1n;
  }
  if (unset(spec, 'parallelism')) spec.parallelism = 1n;
  if (unset(spec, 'backoffLimit')) spec.backoffLimit = unset(spec, 'backoffLimitPerIndex') ? 6n : 2147483647n;
  if (unset(spec, 'completionMode')) spec.completionMode = 'NonIndexed';
  if (unset(spec, 'suspend')) spec.suspend = false;
  if (unset(spec, 'podReplacementPolicy')) spec.podReplacementPolicy = unset(spec, 'podFailurePolicy') ? 'TerminatingOrFailed' : 'Failed';
  for (const rule of items(childIf(spec, 'podFailurePolicy')?.rules)) {
    for (const pat of items(rule.onPodConditions)) if (emptyStr(pat, 'status')) pat.status = 'True';
  }
}

function defaultJob(j: JsonObject): void {
  const spec = child(j, 'spec');
  defaultJobSpec(spec);
  const template = child(spec, 'template');
  const tlabels = childIf(child(template, 'metadata'), 'labels');
  const md = child(j, 'metadata');
  if (tlabels && (!isMap(md.labels) || Object.keys(md.labels).length === 0)) md.labels = { ...tlabels };
  defaultPodTemplate(template);
}

function defaultCronJob(c: JsonObject): void {
  const spec = child(c, 'spec');
  if (emptyStr(spec, 'concurrencyPolicy')) spec.concurrencyPolicy = 'Allow';
  if (unset(spec, 'suspend')) spec.suspend = false;
  if (unset(spec, 'successfulJobsHistoryLimit')) spec.successfulJobsHistoryLimit = 3n;
  if (unset(spec, 'failedJobsHistoryLimit')) spec.failedJobsHistoryLimit = 1n;
  defaultPodTemplate(child(child(child(spec, 'jobTemplate'), 'spec'), 'template'));
}

/** SetDefaults_PersistentVolumeClaim + ..._PersistentVolumeClaimSpec (+ ResourceList rounding). */
function defaultPvc(pvc: JsonObject): void {
  const ps = child(pvc, 'spec');
  if (unset(ps, 'volumeMode')) ps.volumeMode = 'Filesystem';
  const res = childIf(ps, 'resources');
  if (res) {
    defaultResourceList(res.limits);
    defaultResourceList(res.requests);
  }
  const st = child(pvc, 'status');
  if (emptyStr(st, 'phase')) st.phase = 'Pending';
}

/** networking/v1 SetDefaults_NetworkPolicy and SetDefaults_NetworkPolicyPort. */
function defaultNetworkPolicy(np: JsonObject): void {
  const spec = child(np, 'spec');
  for (const dir of ['ingress', 'egress']) {
    for (const rule of items(spec[dir])) for (const port of items(rule.ports)) if (unset(port, 'protocol')) port.protocol = 'TCP';
  }
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

/** rbac/v1 SetDefaults_(Cluster)RoleBinding and SetDefaults_Subject. */
function defaultRoleBinding(rb: JsonObject): void {
  const ref = child(rb, 'roleRef');
  if (emptyStr(ref, 'apiGroup')) ref.apiGroup = 'rbac.authorization.k8s.io';
  for (const s of items(rb.subjects)) {
    if (!emptyStr(s, 'apiGroup')) continue;
    if (s.kind === 'ServiceAccount') s.apiGroup = '';
    else if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = 'rbac.authorization.k8s.io';
  }
}

const DEFAULTERS: Record<string, (o: JsonObject) => void> = {
  '/v1/Pod': defaultPod,
  '/v1/PodTemplate': (o) => defaultPodTemplate(child(o, 'template')),
  '/v1/Service': defaultService,
  '/v1/Secret': (o) => {
    if (emptyStr(o, 'type')) o.type = 'Opaque';
  },
  '/v1/Namespace': defaultNamespace,
  '/v1/ConfigMap': () => {},
  '/v1/ServiceAccount': () => {},
  'apps/v1/Deployment': defaultDeployment,
  'apps/v1/DaemonSet': defaultDaemonSet,
  'apps/v1/StatefulSet': defaultStatefulSet,
  'apps/v1/ReplicaSet': defaultReplicaSet,
  'batch/v1/Job': defaultJob,
  'batch/v1/CronJob': defaultCronJob,
  '/v1/PersistentVolumeClaim': defaultPvc,
  'networking.k8s.io/v1/NetworkPolicy': defaultNetworkPolicy,
  'networking.k8s.io/v1/IngressClass': (o) => {
    const params = childIf(child(o, 'spec'), 'parameters');
    if (params && unset(params, 'scope')) params.scope = 'Cluster';
  },
  'networking.k8s.io/v1/Ingress': () => {},
  'policy/v1/PodDisruptionBudget': () => {},
  'rbac.authorization.k8s.io/v1/Role': () => {},
  'rbac.authorization.k8s.io/v1/ClusterRole': () => {},
  'rbac.authorization.k8s.io/v1/RoleBinding': defaultRoleBinding,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': defaultRoleBinding,
};

function key(gvk: KindRef): string {
  let { group, version } = gvk;
  if ((group === undefined || version === undefined) && gvk.apiVersion !== undefined) {
    const i = gvk.apiVersion.indexOf('/');
    group = i < 0 ? '' : gvk.apiVersion.slice(0, i);
    version = i < 0 ? gvk.apiVersion : gvk.apiVersion.slice(i + 1);
  }
  return `${group ?? ''}/${version ?? ''}/${gvk.kind}`;
}

/** Whether we simulate the defaulting of a kind. */
export function hasDefaults(gvk: KindRef): boolean {
  return Object.hasOwn(DEFAULTERS, key(gvk));
}

/**
 * The object with the scheme defaults of its kind applied (a new object; the input is not
 * changed). Typed kinds are rendered again afterwards, so the result has Go's field order and
 * omitempty rules. Kinds without defaulters are returned unchanged.
 */
export function applyDefaults(obj: JsonObject, gvk: KindRef): JsonObject {
  const k = key(gvk);
  if (!Object.hasOwn(DEFAULTERS, k) || !isMap(obj)) return obj;
  const out = clone(obj) as JsonObject;
  DEFAULTERS[k](out);
  if (!isTypedKind(gvk)) return out;
  const typed = toTypedJson(out, gvk);
  return typed.typed ? typed.value : out;
}
