// The request and namespace a scenario leaves implicit, derived from its object as
// kube-apiserver would build them (scenario.md `request`, `namespace`).
import type { JsonObject } from '../cel/values.js';
import type { Diagnostic, Scenario } from '../types.js';
import { formatApiVersion, parseApiVersion, type RestMapper, type RestMapping } from '../k8s/restmapping.js';
import { isPlainObject } from './read.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const meta = (o: JsonObject | null): JsonObject | undefined => (o && isPlainObject(o.metadata) ? o.metadata : undefined);

export interface DerivedRequest {
  /** the request with every derivable field filled (fields the scenario gave are kept) */
  readonly request: JsonObject;
  /** the mapping of the request's resource, when known */
  readonly mapping: RestMapping | undefined;
  readonly diagnostics: Diagnostic[];
}

/**
 * Fills operation (CREATE), kind, resource, subResource, requestKind, requestResource,
 * requestSubResource, name and namespace from the object (the old object for DELETE).
 * `userInfo` is left as written: a request without it has an empty UserInfo, as upstream.
 */
export function deriveRequest(scenario: Scenario, mapper: RestMapper): DerivedRequest {
  const diagnostics: Diagnostic[] = [];
  const given = scenario.request;
  const out: JsonObject = { ...given };
  const operation = str(given.operation) || 'CREATE';
  out.operation = operation;
  const subResource = str(given.subResource);
  const obj = operation === 'DELETE' ? (scenario.oldObject ?? scenario.object) : (scenario.object ?? scenario.oldObject);
  let mapping: RestMapping | undefined;

  const res = isPlainObject(given.resource) ? given.resource : undefined;
  if (res) {
    const resource = str(res.resource);
    mapping = mapper.resolveResource(str(res.group), str(res.version), subResource ? `${resource}/${subResource}` : resource);
  } else if (obj) {
    const apiVersion = str(obj.apiVersion);
    const kind = str(obj.kind);
    const main = mapper.resolveKind(apiVersion, kind);
    if (!main) {
      diagnostics.push({ path: 'object', severity: 'error', message: `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}` });
    } else {
      mapping = subResource ? mapper.resolveResource(main.group, main.version, `${main.resource}/${subResource}`) : main;
      if (!mapping) {
        diagnostics.push({ path: 'request.subResource', severity: 'error', message: `the server could not find the requested resource (${main.resource}/${subResource})` });
        mapping = main;
      }
    }
    if (mapping) out.resource = { group: mapping.group, version: mapping.version, resource: mapping.resource };
  }
  if (!isPlainObject(given.kind)) {
    if (mapping) out.kind = { group: mapping.kind.group, version: mapping.kind.version, kind: mapping.kind.kind };
    else if (obj) {
      const gv = parseApiVersion(str(obj.apiVersion));
      out.kind = { group: gv.group, version: gv.version, kind: str(obj.kind) };
    }
  }
  if (given.subResource === undefined) out.subResource = '';
  if (given.requestKind === undefined && out.kind !== undefined) out.requestKind = out.kind;
  if (given.requestResource === undefined && out.resource !== undefined) out.requestResource = out.resource;
  if (given.requestSubResource === undefined) out.requestSubResource = out.subResource;
  const md = meta(obj);
  if (given.name === undefined) out.name = str(md?.name);
  if (given.namespace === undefined) {
    const ns = str(md?.namespace);
    const isNamespace = mapping?.group === '' && mapping.resource === 'namespaces';
    // a Namespace request carries its own name as namespace (semantics.md §3.4); kubectl sends
    // namespaced objects without a namespace to its context's namespace ("default")
    out.namespace = isNamespace ? str(out.name) : mapping && !mapping.namespaced ? '' : ns || (mapping?.namespaced ? 'default' : '');
  }
  if (given.dryRun === undefined) out.dryRun = false;
  return { request: out, mapping, diagnostics };
}

/**
 * The Namespace of the request: the scenario's, or one named after the request namespace with
 * no labels at all (OBSERVED.md: the scenario default has none), or null for cluster-scoped
 * requests.
 */
export function deriveNamespace(scenario: Scenario, request: JsonObject): JsonObject | null {
  if (scenario.namespace !== undefined) return scenario.namespace;
  const ns = str(request.namespace);
  const res = isPlainObject(request.resource) ? request.resource : undefined;
  if (ns === '' || (res && str(res.group) === '' && str(res.resource) === 'namespaces')) return null;
  return { metadata: { name: ns } };
}

export { formatApiVersion };
