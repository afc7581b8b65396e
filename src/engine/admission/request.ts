// The admission request under review: its attributes (what matching reads) and the `request`
// value CEL sees (semantics.md §5.2: a serialized AdmissionRequest, so empty omitempty fields
// are absent).
import { newJsonObject, type JsonObject } from '../cel/values.js';
import { obj, str, list } from './policy.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

import type { GroupVersionKind, GroupVersionResource } from '../k8s/restmapping.js';

export type { GroupVersionKind, GroupVersionResource };

export interface UserInfo {
  readonly username: string;
  readonly uid: string;
  readonly groups: readonly string[];
  readonly extra: Readonly<Record<string, readonly string[]>>;
}

export interface RequestAttributes {
  readonly operation: Operation;
  readonly kind: GroupVersionKind;
  readonly resource: GroupVersionResource;
  readonly subResource: string;
  readonly name: string;
  readonly namespace: string;
  /** whether the resource is cluster-scoped (namespaces count as cluster-scoped) */
  readonly clusterScoped: boolean;
  readonly userInfo: UserInfo;
  readonly dryRun: boolean;
  readonly options: JsonObject | undefined;
}

export function readUserInfo(v: unknown): UserInfo {
  const o = obj(v) ?? {};
  const extra: Record<string, string[]> = {};
  const extraObj = obj(o.extra);
  if (extraObj) for (const k of Object.keys(extraObj)) extra[k] = list(extraObj[k]).map(String);
  return {
    username: str(o.username) ?? '',
    uid: str(o.uid) ?? '',
    groups: list(o.groups).map(String),
    extra,
  };
}

function gvk(g: GroupVersionKind): JsonObject {
  return { group: g.group, version: g.version, kind: g.kind };
}

function gvr(g: GroupVersionResource): JsonObject {
  return { group: g.group, version: g.version, resource: g.resource };
}

/**
 * The `request` variable: AdmissionRequest through ToUnstructured (omitempty fields dropped).
 * `matched`: the kind and resource a policy matched through matchPolicy Equivalent; they give
 * `kind` and `resource`, while `requestKind` and `requestResource` stay the request's own
 * (cel/condition.go CreateAdmissionRequest).
 */
export function requestValue(a: RequestAttributes, matched?: { kind: GroupVersionKind; resource: GroupVersionResource }): JsonObject {
  const r = newJsonObject();
  r.kind = gvk(matched?.kind ?? a.kind);
  r.resource = gvr(matched?.resource ?? a.resource);
  if (a.subResource) r.subResource = a.subResource;
  r.requestKind = gvk(a.kind);
  r.requestResource = gvr(a.resource);
  if (a.subResource) r.requestSubResource = a.subResource;
  if (a.name) r.name = a.name;
  if (a.namespace) r.namespace = a.namespace;
  r.operation = a.operation;
  const u = newJsonObject();
  if (a.userInfo.username) u.username = a.userInfo.username;
  if (a.userInfo.uid) u.uid = a.userInfo.uid;
  if (a.userInfo.groups.length) u.groups = [...a.userInfo.groups];
  if (Object.keys(a.userInfo.extra).length) {
    const e = newJsonObject();
    for (const [k, v] of Object.entries(a.userInfo.extra)) e[k] = [...v];
    u.extra = e;
  }
  r.userInfo = u;
  r.dryRun = a.dryRun;
  // options is a RawExtension: a struct, which omitempty never drops; without an options
  // object it serializes as null (so `has(request.options)` is true).
  r.options = a.options ?? null;
  return r;
}
