// The REST mapping: kind <-> resource for built-in APIs of a Kubernetes version and for the
// scenario's CustomResourceDefinitions, subresource kinds, and the resources MAPs never see.
import type { JsonObject } from '../cel/values.js';
import { NEWEST_VERSION, type KubernetesVersion } from '../types.js';
import { BUILTIN_RESOURCES, BUILTIN_SUBRESOURCES } from './data/builtin-resources.js';

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export interface GroupVersionResource {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
}

export interface RestMapping {
  readonly group: string;
  readonly version: string;
  /** plural resource, without subresource */
  readonly resource: string;
  /** '' for the main resource */
  readonly subresource: string;
  /** the kind a request to this (sub)resource carries (Scale for deployments/scale, …) */
  readonly kind: GroupVersionKind;
  readonly namespaced: boolean;
  readonly source: 'builtin' | 'crd';
  /** true for custom resources (source 'crd') */
  readonly custom: boolean;
  /** for CRDs: the CRD object the mapping came from */
  readonly crd?: JsonObject;
}

export interface RestMapper {
  /** the main resource for an object's apiVersion and kind */
  resolveKind(apiVersion: string, kind: string): RestMapping | undefined;
  /** `resource` may be `pods` or `pods/status` */
  resolveResource(group: string, version: string, resource: string): RestMapping | undefined;
  /** every served version of a group/resource (for matchPolicy: Equivalent) */
  versionsOf(group: string, resource: string): string[];
}

export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export function formatApiVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

const minor = (v: KubernetesVersion) => Number(v.split('.')[1]);

function inRange(since: string | undefined, until: string | undefined, m: number): boolean {
  if (since && m < Number(since)) return false;
  if (until && m > Number(until)) return false;
  return true;
}

interface Tables {
  byKind: Map<string, RestMapping>;
  byResource: Map<string, RestMapping>;
  versions: Map<string, string[]>;
}

/** The built-in tables of a version, parsed once (derived immutable data; never mutated). */
const BUILTIN_TABLES = new Map<KubernetesVersion, Readonly<Tables>>();

function cachedBuiltinTables(version: KubernetesVersion): Readonly<Tables> {
  let t = BUILTIN_TABLES.get(version);
  if (!t) {
    t = builtinTables(version);
    for (const m of t.byResource.values()) Object.freeze(Object.freeze(m).kind);
    for (const vs of t.versions.values()) Object.freeze(vs);
    BUILTIN_TABLES.set(version, t);
  }
  return t;
}

function builtinTables(version: KubernetesVersion): Tables {
  const m = minor(version);
  const t: Tables = { byKind: new Map(), byResource: new Map(), versions: new Map() };
  for (const line of BUILTIN_RESOURCES.split('\n')) {
    if (!line.trim()) continue;
    const [gv, kind, plural, scope, since, until] = line.split('|');
    if (!inRange(since, until, m)) continue;
    const { group, version: ver } = parseApiVersion(gv);
    add(t, { group, version: ver, resource: plural, subresource: '', kind: { group, version: ver, kind }, namespaced: scope === 'N', source: 'builtin', custom: false });
  }
  for (const line of BUILTIN_SUBRESOURCES.split('\n')) {
    if (!line.trim()) continue;
    const [gv, rs, kgv, kind, since] = line.split('|');
    if (!inRange(since, undefined, m)) continue;
    const { group, version: ver } = parseApiVersion(gv);
    const [resource, sub] = rs.split('/');
    const parent = t.byResource.get(`${group}/${ver}/${resource}`);
    if (!parent) continue;
    const k = parseApiVersion(kgv);
    t.byResource.set(`${group}/${ver}/${rs}`, { ...parent, subresource: sub, kind: { group: k.group, version: k.version, kind } });
  }
  return t;
}

function add(t: Tables, mapping: RestMapping): void {
  const { group, version, resource, kind } = mapping;
  t.byKind.set(`${group}/${version}/${kind.kind}`, mapping);
  t.byResource.set(`${group}/${version}/${resource}`, mapping);
  const key = `${group}/${resource}`;
  const vs = t.versions.get(key) ?? [];
  if (!vs.includes(version)) vs.push(version);
  t.versions.set(key, vs);
}

const get = (o: unknown, k: string): unknown =>
  typeof o === 'object' && o !== null && !Array.isArray(o) && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function addCrd(t: Tables, crd: JsonObject): void {
  const spec = get(crd, 'spec');
  const group = str(get(spec, 'group'));
  const names = get(spec, 'names');
  const plural = str(get(names, 'plural'));
  const kind = str(get(names, 'kind'));
  if (!group || !plural || !kind) return;
  const namespaced = str(get(spec, 'scope')) !== 'Cluster';
  const versions = get(spec, 'versions');
  if (!Array.isArray(versions)) return;
  for (const v of versions) {
    const name = str(get(v, 'name'));
    if (!name || get(v, 'served') === false) continue;
    const mapping: RestMapping = { group, version: name, resource: plural, subresource: '', kind: { group, version: name, kind }, namespaced, source: 'crd', custom: true, crd };
    add(t, mapping);
    const subs = get(v, 'subresources');
    if (get(subs, 'status') !== undefined) t.byResource.set(`${group}/${name}/${plural}/status`, { ...mapping, subresource: 'status' });
    if (get(subs, 'scale') !== undefined) {
      // the request carries a built-in autoscaling/v1 Scale, typed as such, not the custom resource
      const scale = { ...mapping, subresource: 'scale', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, custom: false };
      delete scale.crd;
      t.byResource.set(`${group}/${name}/${plural}/scale`, scale);
    }
  }
}

/** A mapper over the built-ins of `version` and the given CRDs (CRDs cannot shadow built-ins). */
export function createRestMapper(crds: readonly JsonObject[] = [], version: KubernetesVersion = NEWEST_VERSION): RestMapper {
  const builtin = cachedBuiltinTables(version);
  // The scenario's CRDs live in an overlay: the built-in tables are shared and never written.
  const t: Tables = { byKind: new Map(), byResource: new Map(), versions: new Map() };
  for (const crd of crds) {
    const probe: Tables = { byKind: new Map(), byResource: new Map(), versions: new Map() };
    addCrd(probe, crd);
    for (const [k, v] of probe.byKind) if (!builtin.byKind.has(k)) t.byKind.set(k, v);
    for (const [k, v] of probe.byResource) if (!builtin.byResource.has(k)) t.byResource.set(k, v);
    for (const [k, vs] of probe.versions) {
      const cur = t.versions.get(k) ?? [...(builtin.versions.get(k) ?? [])];
      for (const v of vs) if (!cur.includes(v)) cur.push(v);
      t.versions.set(k, cur);
    }
  }
  return {
    resolveKind(apiVersion, kind) {
      const { group, version: v } = parseApiVersion(apiVersion);
      const key = `${group}/${v}/${kind}`;
      return builtin.byKind.get(key) ?? t.byKind.get(key);
    },
    resolveResource(group, v, resource) {
      const key = `${group}/${v}/${resource}`;
      return builtin.byResource.get(key) ?? t.byResource.get(key);
    },
    versionsOf(group, resource) {
      const key = `${group}/${resource}`;
      return [...(t.versions.get(key) ?? builtin.versions.get(key) ?? [])];
    },
  };
}

export function resolveKind(apiVersion: string, kind: string, crds: readonly JsonObject[] = [], version?: KubernetesVersion): RestMapping | undefined {
  return createRestMapper(crds, version).resolveKind(apiVersion, kind);
}

export function resolveResource(group: string, v: string, resource: string, crds: readonly JsonObject[] = [], version?: KubernetesVersion): RestMapping | undefined {
  return createRestMapper(crds, version).resolveResource(group, v, resource);
}

/** The `no matches for kind` error kubectl prints for an unknown kind. */
export function noKindMatchError(apiVersion: string, kind: string): string {
  return `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`;
}

/**
 * Resources API-based admission policies never see (any version): k/k
 * pkg/kubeapiserver/admission/exclusion/resources.go (semantics.md §3.1).
 */
const EXEMPT: ReadonlySet<string> = new Set([
  'admissionregistration.k8s.io/validatingadmissionpolicies',
  'admissionregistration.k8s.io/validatingadmissionpolicybindings',
  'admissionregistration.k8s.io/mutatingadmissionpolicies',
  'admissionregistration.k8s.io/mutatingadmissionpolicybindings',
  'authentication.k8s.io/selfsubjectreviews',
  'authentication.k8s.io/tokenreviews',
  'authorization.k8s.io/localsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
  'authorization.k8s.io/subjectaccessreviews',
]);

/** `resource` without subresource (a `pods/status` style value is reduced to `pods`). */
export function isExemptResource(group: string, resource: string): boolean {
  return EXEMPT.has(`${group}/${resource.split('/')[0]}`);
}
