// Everything about the request that is fixed before the plugin runs: its attributes (derived
// from the object through the REST mapping), the objects as the server decoded them, the
// namespace, the params, and the CEL values that do not change between invocations.
import { newJsonObject, type CelValue, type JsonObject } from '../cel/values.js';
import { authorizerValue, requestResourceCheck } from '../cel/kubernetes/authz.js';
import { createPatch, semanticNormalize } from '../json/index.js';
import type { NormalizeMemo } from '../json/semantic.js';
import { createRestMapper, isExemptResource, parseApiVersion, type RestMapper, type RestMapping } from '../k8s/restmapping.js';
import type { EquivalentResourceMapper } from './match/index.js';
import type { Diagnostic, JsonValue, Scenario } from '../types.js';
import { objectCodec } from './codec.js';
import { crdVersionSchema } from '../k8s/crd-defaults.js';
import type { RequestContext } from './dispatcher.js';
import type { CrdSchemas } from './mutate-apply.js';
import { crdSchemas } from '../schema/crd.js';
import type { ResolvedParamKind } from './params.js';
import { obj, str, type ParamKind } from './policy.js';
import { readUserInfo, requestValue, type Operation, type RequestAttributes } from './request.js';

export interface PreparedRequest {
  /** false for DELETE and for the resources exempt from admission policies */
  readonly handled: boolean;
  /** the object as decoded (and defaulted) by the server */
  readonly object: JsonObject | null;
  /** semanticNormalize(object, normalizeMemo) (do not modify) */
  readonly normalizedObject: JsonValue;
  /** what normalizing the object found, for normalizing objects that share parts with it */
  readonly normalizeMemo: NormalizeMemo;
  readonly context: RequestContext;
  readonly decodingDefaults: readonly JsonValue[];
  readonly warnings: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  resolveParamKind(kind: ParamKind): { ok: true; kind: ResolvedParamKind } | { ok: false; error: string };
}

/** Informer-sourced built-in objects carry no apiVersion/kind (semantics.md §3.6, §5.3). */
function withoutTypeMeta(o: JsonObject): JsonObject {
  const copy = newJsonObject();
  for (const k of Object.keys(o)) if (k !== 'apiVersion' && k !== 'kind') copy[k] = o[k];
  return copy;
}

function labelsOf(o: JsonObject | null | undefined): Record<string, string> {
  const labels = obj(obj(o?.metadata)?.labels) ?? {};
  const out: Record<string, string> = {};
  for (const k of Object.keys(labels)) if (typeof labels[k] === 'string') out[k] = labels[k] as string;
  return out;
}

/**
 * `mapper`: the scenario's REST mapper; `knownDecodingDefaults`: the decodingDefaults of an
 * earlier preparation of the same scenario (both only depend on the scenario; see admit.ts).
 */
export function prepareRequest(
  scenario: Scenario,
  mapper: RestMapper = createRestMapper(scenario.crds, scenario.kubernetesVersion),
  knownDecodingDefaults?: readonly JsonValue[],
): PreparedRequest {
  const diagnostics: Diagnostic[] = [];
  const warnings: string[] = [];
  const req = scenario.request;
  const input = scenario.object ?? scenario.oldObject;
  const apiVersion = str(input?.apiVersion) ?? '';
  const kind = str(input?.kind) ?? '';
  const gv = parseApiVersion(apiVersion);
  // A subresource request carries its own kind (deployments/scale carries an autoscaling/v1 Scale):
  // the request's resource decides, the object's kind otherwise.
  const resourceOverride = obj(req.resource);
  const subResource = str(req.subResource) ?? '';
  const resolveOverride = (o: JsonObject): RestMapping | undefined => {
    const [g, v, r] = [str(o.group) ?? '', str(o.version) ?? '', str(o.resource) ?? ''];
    // the subresource's own mapping first: a custom resource's scale carries a built-in Scale
    return (subResource ? mapper.resolveResource(g, v, `${r}/${subResource}`) : undefined) ?? mapper.resolveResource(g, v, r);
  };
  const mapping = (resourceOverride && resolveOverride(resourceOverride)) ?? mapper.resolveKind(apiVersion, kind);
  if (input && !mapping) {
    diagnostics.push({ path: 'object', severity: 'error', message: `no matches for kind "${kind}" in version "${apiVersion}"`, docPath: [scenario.object ? 'object' : 'oldObject', 'kind'] });
  }
  const builtIn = mapping !== undefined && !mapping.custom;
  const crdSchema = mapping?.crd ? crdVersionSchema(mapping.crd, gv.version) : undefined;
  const codec = objectCodec({ group: gv.group, version: gv.version, kind }, scenario.defaulting, builtIn, scenario.kubernetesVersion, crdSchema);

  const resource = {
    group: str(resourceOverride?.group) ?? mapping?.group ?? gv.group,
    version: str(resourceOverride?.version) ?? mapping?.version ?? gv.version,
    resource: str(resourceOverride?.resource) ?? mapping?.resource ?? '',
  };
  const isNamespaceKind = resource.group === '' && resource.resource === 'namespaces';
  const clusterScoped = mapping ? !mapping.namespaced : false;
  const meta = obj(input?.metadata) ?? {};
  const name = str(req.name) ?? str(meta.name) ?? '';
  // A Namespace request carries its own name as namespace (semantics.md §3.4; on CREATE too:
  // apiserver endpoints/handlers/create.go sets it from the new object's name).
  const namespace = str(req.namespace) ?? (isNamespaceKind ? name : clusterScoped ? '' : str(meta.namespace) ?? '');
  const operation = (str(req.operation) ?? 'CREATE') as Operation;
  const attrs: RequestAttributes = {
    operation,
    kind: { group: gv.group, version: gv.version, kind },
    resource,
    subResource,
    name,
    namespace,
    clusterScoped: clusterScoped || isNamespaceKind,
    userInfo: readUserInfo(req.userInfo),
    dryRun: req.dryRun === true,
    options: obj(req.options),
  };

  const decodedObject = scenario.object ? codec.decodeRequest(scenario.object) : undefined;
  const decodedOld = scenario.oldObject ? codec.decodeRequest(scenario.oldObject) : undefined;
  for (const [field, d] of [['object', decodedObject], ['oldObject', decodedOld]] as const) {
    for (const problem of d?.problems ?? []) {
      diagnostics.push({ path: field, severity: 'warning', message: `kube-apiserver would refuse or drop this when decoding the request: ${problem}`, docPath: [field] });
    }
  }
  const object = decodedObject?.value ?? null;
  const oldObject = decodedOld?.value ?? null;
  // kept for the result's patch, which starts from the same decoded object
  const normalizeMemo: NormalizeMemo = new Map(); // lives as long as the request
  const normalizedObject = object ? semanticNormalize(object, normalizeMemo) : null;
  const decodingDefaults = knownDecodingDefaults ?? (scenario.object && object
    ? (createPatch(semanticNormalize(scenario.object), normalizedObject) as JsonValue[])
    : []);

  // The namespace: looked up only for namespaced requests that are not Namespace requests.
  let namespaceObject: JsonObject | null = null;
  let namespaceLabels: Record<string, string> | undefined = {};
  let namespaceMissing = false;
  if (namespace && !attrs.clusterScoped) {
    const given = scenario.namespace;
    if (given === null) {
      namespaceMissing = true;
      namespaceLabels = undefined;
    } else {
      const ns = given ?? { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } };
      const nsCodec = objectCodec({ group: '', version: 'v1', kind: 'Namespace' }, false, true, scenario.kubernetesVersion);
      namespaceObject = withoutTypeMeta(nsCodec.decodeRequestObject(ns));
      namespaceLabels = labelsOf(ns);
    }
  }

  const resolveParamKind: PreparedRequest['resolveParamKind'] = (pk) => {
    const m = mapper.resolveKind(pk.apiVersion, pk.kind);
    const pgv = parseApiVersion(pk.apiVersion);
    if (!m) return { ok: false, error: `failed to find resource referenced by paramKind: '${pgv.group}/${pgv.version}, Kind=${pk.kind}'` };
    return { ok: true, kind: { group: pgv.group, version: pgv.version, kind: pk.kind, namespaced: m.namespaced, builtIn: !m.custom } };
  };
  const paramAsSeenByCel = (p: JsonObject): JsonObject => {
    const pav = str(p.apiVersion) ?? '';
    const pk = str(p.kind) ?? '';
    const m = mapper.resolveKind(pav, pk);
    if (!m || m.custom) return p;
    const pgv = parseApiVersion(pav);
    return withoutTypeMeta(objectCodec({ group: pgv.group, version: pgv.version, kind: pk }, false, true, scenario.kubernetesVersion).decodeRequestObject(p));
  };

  const schemas: CrdSchemas = crdSchemas(scenario.crds);
  const baseActivation: Record<string, CelValue> = {
    request: requestValue(attrs),
    authorizer: authorizerValue(scenario.authorizer.allow, attrs.userInfo),
    'authorizer.requestResource': requestResourceCheck(scenario.authorizer.allow, attrs.userInfo, {
      group: resource.group,
      resource: resource.resource,
      subresource: attrs.subResource,
      namespace,
      name,
    }),
  };
  const handled = operation !== 'DELETE' && !isExemptResource(resource.group, resource.resource);
  return {
    handled,
    object,
    normalizedObject,
    normalizeMemo,
    decodingDefaults,
    warnings,
    diagnostics,
    resolveParamKind,
    context: {
      attrs,
      oldObject,
      namespaceObject,
      namespaceLabels,
      namespaceMissing,
      params: scenario.params,
      paramAsSeenByCel,
      baseActivation,
      mutation: { version: scenario.kubernetesVersion, codec, schemas, gvk: attrs.kind, inputs: [oldObject, namespaceObject, baseActivation.request] },
      matchOptions: { version: scenario.kubernetesVersion, equivalents: equivalentsOf(mapper) },
    },
  };
}

/** The other served versions of a resource, for matchPolicy: Equivalent (semantics.md §3.4). */
function equivalentsOf(mapper: RestMapper): EquivalentResourceMapper {
  return (resource, subresource) =>
    mapper
      .versionsOf(resource.group, resource.resource)
      .filter((v) => v !== resource.version)
      .map((version) => {
        const path = subresource ? `${resource.resource}/${subresource}` : resource.resource;
        const m = mapper.resolveResource(resource.group, version, path);
        return { resource: { group: resource.group, version, resource: resource.resource }, kind: m?.kind };
      });
}
