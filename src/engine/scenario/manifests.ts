// The CLI's way in: ordinary Kubernetes manifests (several files, several documents each) sorted
// into a scenario by kind, with command-line overrides.
import type { JsonObject } from '../cel/values.js';
import { KUBERNETES_VERSIONS, NEWEST_VERSION, type Diagnostic, type DocPath, type KubernetesVersion, type Scenario, type SourceMap, type SourceSpan } from '../types.js';
import { isPlainObject } from './read.js';
import { parseYamlDocuments } from './yaml-doc.js';

export interface ManifestDoc {
  readonly text: string;
  readonly fileName: string;
}

export interface ManifestOverrides {
  readonly oldObject?: JsonObject | null;
  readonly operation?: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  readonly user?: string;
  readonly groups?: readonly string[];
  /** the namespace object (null: none) */
  readonly namespace?: JsonObject | null;
  readonly kubernetesVersion?: KubernetesVersion;
  readonly defaulting?: boolean;
}

/** A diagnostic with the file it belongs to (locations are offsets in that file). */
export type ManifestDiagnostic = Diagnostic & { readonly file?: string };

export interface ManifestResult {
  readonly scenario: Scenario | null;
  /** scenario paths (`policies[0]…`) to places in their own file; see `fileOf` */
  readonly sourceMap: SourceMap;
  /** the file a scenario path lives in */
  fileOf(path: DocPath): string | undefined;
  readonly diagnostics: ManifestDiagnostic[];
}

interface Placed {
  readonly value: JsonObject;
  readonly file: string;
  readonly map: SourceMap;
  /** path of the object inside its document (non-empty for items of a List) */
  readonly inner: DocPath;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const ADMISSION = 'admissionregistration.k8s.io/';
const describe = (p: Placed) => `${str(p.value.kind)} ${JSON.stringify(str((p.value.metadata as JsonObject | undefined)?.name))} (${p.file})`;

/** Sorts manifests into a scenario. Never throws. */
export function scenarioFromManifests(docs: readonly ManifestDoc[], overrides: ManifestOverrides = {}): ManifestResult {
  const diagnostics: ManifestDiagnostic[] = [];
  const all: Placed[] = [];
  for (const d of docs) {
    const parsed = parseYamlDocuments(d.text);
    for (const x of parsed.diagnostics) diagnostics.push({ ...x, file: d.fileName });
    for (const doc of parsed.docs) {
      for (const x of doc.diagnostics) diagnostics.push({ ...x, file: d.fileName });
      const v = doc.value;
      if (v === undefined || v === null) continue;
      if (!isPlainObject(v)) {
        diagnostics.push({ path: '', severity: 'error', message: 'a manifest document must be a map', file: d.fileName, ...(doc.sourceMap.span([]) ? { location: doc.sourceMap.span([])! } : {}) });
        continue;
      }
      if (str(v.kind).endsWith('List') && Array.isArray(v.items)) {
        v.items.forEach((it, i) => {
          if (isPlainObject(it)) all.push({ value: it, file: d.fileName, map: doc.sourceMap, inner: ['items', i] });
        });
      } else all.push({ value: v, file: d.fileName, map: doc.sourceMap, inner: [] });
    }
  }

  const policies: Placed[] = [];
  const bindings: Placed[] = [];
  const crds: Placed[] = [];
  const namespaces: Placed[] = [];
  const rest: Placed[] = [];
  for (const p of all) {
    const av = str(p.value.apiVersion);
    const kind = str(p.value.kind);
    if (av.startsWith(ADMISSION) && kind === 'MutatingAdmissionPolicy') policies.push(p);
    else if (av.startsWith(ADMISSION) && kind === 'MutatingAdmissionPolicyBinding') bindings.push(p);
    else if (av.startsWith('apiextensions.k8s.io/') && kind === 'CustomResourceDefinition') crds.push(p);
    else if (av === 'v1' && kind === 'Namespace') namespaces.push(p);
    else rest.push(p);
  }
  const paramKinds = new Set<string>();
  for (const p of policies) {
    const pk = (p.value.spec as JsonObject | undefined)?.paramKind;
    if (isPlainObject(pk)) paramKinds.add(`${str(pk.apiVersion)}|${str(pk.kind)}`);
  }
  const params: Placed[] = [];
  const candidates: Placed[] = [];
  for (const p of rest) {
    if (paramKinds.has(`${str(p.value.apiVersion)}|${str(p.value.kind)}`)) params.push(p);
    else candidates.push(p);
  }
  // a Namespace is the request's namespace, unless it is the only object to review
  if (candidates.length === 0 && namespaces.length === 1 && overrides.namespace === undefined) {
    candidates.push(namespaces.pop()!);
  }
  let object: Placed | undefined;
  let ok = true;
  if (candidates.length > 1) {
    ok = false;
    diagnostics.push({ path: 'object', severity: 'error', message: `several objects could be the one under review: ${candidates.map(describe).join(', ')}` });
  } else if (candidates.length === 1) object = candidates[0];
  else if (overrides.operation !== 'DELETE' || !overrides.oldObject) {
    ok = false;
    diagnostics.push({ path: 'object', severity: 'error', message: 'no object under review: give a manifest that is not a policy, binding, CRD, Namespace or param' });
  }
  if (namespaces.length > 1) {
    ok = false;
    diagnostics.push({ path: 'namespace', severity: 'error', message: `several Namespaces: ${namespaces.map(describe).join(', ')}` });
  }

  // where each scenario path comes from
  const placedAt = new Map<string, Placed>();
  const register = (key: string, list: Placed[]) => list.forEach((p, i) => placedAt.set(`${key}/${i}`, p));
  register('policies', policies);
  register('bindings', bindings);
  register('params', params);
  register('crds', crds);
  if (object) placedAt.set('object', object);
  if (namespaces[0]) placedAt.set('namespace', namespaces[0]);
  const locate = (path: DocPath): { p: Placed; rest: DocPath } | undefined => {
    if (path.length === 0) return undefined;
    const head = String(path[0]);
    if (head === 'object' || head === 'namespace') {
      const p = placedAt.get(head);
      return p ? { p, rest: path.slice(1) } : undefined;
    }
    const p = placedAt.get(`${head}/${String(path[1])}`);
    return p ? { p, rest: path.slice(2) } : undefined;
  };
  const sourceMap: SourceMap = {
    span: (path) => {
      const l = locate(path);
      return l ? l.p.map.span([...l.p.inner, ...l.rest]) : undefined;
    },
    keySpan: (path) => {
      const l = locate(path);
      return l ? l.p.map.keySpan([...l.p.inner, ...l.rest]) : undefined;
    },
    spanInString: (path, start, end): SourceSpan | undefined => {
      const l = locate(path);
      return l ? l.p.map.spanInString([...l.p.inner, ...l.rest], start, end) : undefined;
    },
  };
  const fileOf = (path: DocPath) => locate(path)?.p.file;

  let kubernetesVersion: KubernetesVersion = NEWEST_VERSION;
  if (overrides.kubernetesVersion) {
    if ((KUBERNETES_VERSIONS as readonly string[]).includes(overrides.kubernetesVersion)) kubernetesVersion = overrides.kubernetesVersion;
    else {
      ok = false;
      diagnostics.push({ path: 'kubernetesVersion', severity: 'error', message: `unsupported kubernetesVersion ${JSON.stringify(overrides.kubernetesVersion)}: supported versions are ${KUBERNETES_VERSIONS.join(', ')}` });
    }
  }
  if (!ok || diagnostics.some((d) => d.severity === 'error')) return { scenario: null, sourceMap, fileOf, diagnostics };

  const request: JsonObject = {};
  if (overrides.operation) request.operation = overrides.operation;
  const groups = overrides.groups && overrides.groups.length > 0 ? overrides.groups : undefined;
  if (overrides.user !== undefined || groups !== undefined) {
    const ui: JsonObject = {};
    if (overrides.user !== undefined) ui.username = overrides.user;
    if (groups !== undefined) ui.groups = [...groups];
    request.userInfo = ui;
  }
  const scenario: Scenario = {
    kubernetesVersion,
    defaulting: overrides.defaulting ?? true,
    policies: policies.map((p) => p.value),
    bindings: bindings.length > 0 ? bindings.map((p) => p.value) : undefined,
    params: params.map((p) => p.value),
    crds: crds.map((p) => p.value),
    namespace: overrides.namespace !== undefined ? overrides.namespace : namespaces[0]?.value,
    request,
    authorizer: { allow: [] },
    object: overrides.operation === 'DELETE' ? null : (object?.value ?? null),
    oldObject: overrides.oldObject ?? (overrides.operation === 'DELETE' ? (object?.value ?? null) : null),
  };
  return { scenario, sourceMap, fileOf, diagnostics };
}
