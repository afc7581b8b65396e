// Params (semantics.md §3.6; apiserver policy/generic/policy_dispatcher.go CollectParams): which
// param objects a binding selects, each giving the policy one invocation.
import type { JsonObject } from '../cel/values.js';
import type { KubernetesVersion } from '../types.js';
import { parseLabelSelector, selectorMatches } from './match/index.js';
import { obj, str, type Binding, type ParamKind } from './policy.js';
import type { RequestAttributes } from './request.js';

/** How a param kind resolved through the REST mapping. */
export interface ResolvedParamKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** built-in kinds come from typed informers: no apiVersion/kind in CEL */
  readonly builtIn: boolean;
}

export interface SelectedParam {
  /** the param as CEL sees it: null when the binding has no paramRef */
  readonly value: JsonObject | null;
  /** `namespace/name` or `name`, for keys and the trace */
  readonly id: string | null;
}

export type ParamsResult = { readonly ok: true; readonly params: readonly SelectedParam[] } | { readonly ok: false; readonly error: string };

function paramId(p: JsonObject): string {
  const m = obj(p.metadata) ?? {};
  const ns = str(m.namespace);
  const name = str(m.name) ?? '';
  return ns ? `${ns}/${name}` : name;
}

function sameKind(p: JsonObject, kind: ParamKind): boolean {
  return str(p.apiVersion) === kind.apiVersion && str(p.kind) === kind.kind;
}

export function collectParams(
  paramKind: ParamKind | undefined,
  resolved: ResolvedParamKind | undefined,
  binding: Binding,
  attrs: RequestAttributes,
  all: readonly JsonObject[],
  asSeenByCel: (p: JsonObject) => JsonObject,
  version?: KubernetesVersion,
): ParamsResult {
  if (!paramKind) return { ok: true, params: [{ value: null, id: null }] };
  const ref = binding.paramRef;
  if (!ref) return { ok: true, params: [{ value: null, id: null }] };
  if (!resolved) return { ok: true, params: [] }; // reported as the policy's configuration error
  const refNamespace = str(ref.namespace) ?? '';
  let namespace = '';
  if (resolved.namespaced) {
    namespace = refNamespace || attrs.namespace;
    if (!namespace) {
      return { ok: false, error: 'cannot use namespaced paramRef in policy binding that matches cluster-scoped resources' };
    }
  } else if (refNamespace) {
    return { ok: false, error: 'paramRef.namespace must not be provided for a cluster-scoped `paramKind`' };
  }
  const inScope = all.filter(
    (p) => sameKind(p, paramKind) && (str(obj(p.metadata)?.namespace) ?? '') === (resolved.namespaced ? namespace : ''),
  );
  let selected: JsonObject[] = [];
  const name = str(ref.name);
  const selector = obj(ref.selector);
  if (name) {
    // Validation forbids both, but the plugin checks again (CollectParams).
    if (ref.selector !== undefined && ref.selector !== null) return { ok: false, error: 'paramRef.name and paramRef.selector are mutually exclusive' };
    selected = inScope.filter((p) => str(obj(p.metadata)?.name) === name);
  } else if (selector) {
    // The selector is parsed before listing: a bad one fails even when no param exists.
    const sel = parseLabelSelector(selector, version);
    if ('error' in sel) return { ok: false, error: sel.error };
    selected = inScope.filter((p) => selectorMatches(sel, obj(obj(p.metadata)?.labels) ?? {}));
  } else {
    return { ok: false, error: 'one of name or selector must be provided' };
  }
  if (selected.length === 0) {
    if (str(ref.parameterNotFoundAction) === 'Deny') {
      return { ok: false, error: 'no params found for policy binding with `Deny` parameterNotFoundAction' };
    }
    return { ok: true, params: [] };
  }
  return { ok: true, params: selected.map((p) => ({ value: asSeenByCel(p), id: paramId(p) })) };
}
