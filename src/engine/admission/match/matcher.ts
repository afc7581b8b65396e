// MatchResources against a request (semantics.md §3.3/§3.5): apiserver
// policy/matching/matching.go Matcher.Matches, webhook/predicates/namespace/matcher.go,
// webhook/predicates/object/matcher.go, and the nil-selector guard of
// policy/generic/policy_matcher.go (1.35+). Order: namespaceSelector, objectSelector (a
// mismatch without error ends here), excludeResourceRules, resourceRules, then any selector
// error (which therefore only shows for requests the rules match).
import type { KubernetesVersion } from '../../types.js';
import { NEWEST_VERSION } from '../../types.js';
import { matchesRules, requestKind, type EquivalentResourceMapper } from './rules.js';
import { parseLabelSelector, selectorEmpty, selectorMatches, type Labels } from './selector.js';
import type { GroupVersionKind, GroupVersionResource, MatchAttributes } from './types.js';

export interface MatchOptions {
  /** decides the nil-selector error (1.35+) and validation texts; default: the newest */
  readonly version?: KubernetesVersion;
  /**
   * Apply the API's defaulting first (true by default, since the server defaults policies and
   * bindings on write): nil selectors become `{}` and a nil matchPolicy becomes Equivalent.
   */
  readonly applyDefaults?: boolean;
  /** other served versions/groups of the request's resource, for matchPolicy Equivalent */
  readonly equivalents?: EquivalentResourceMapper;
}

export interface MatchResult {
  readonly matches: boolean;
  /** a selector or rule error: the policy (or binding) cannot be evaluated for this request */
  readonly error?: string;
  /** why it does not match, for the trace */
  readonly reason?: string;
  /** the matched resource and kind (the request's own unless an equivalent matched) */
  readonly resource?: GroupVersionResource;
  readonly kind?: GroupVersionKind;
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const NIL_SELECTOR = (which: string): string => `a nil ${which} selector was passed, please ensure selectors are initialized properly`;

/**
 * Built-in kinds without ObjectMeta (k8s.io/api core/v1: the CONNECT options): meta.Accessor
 * fails on them, so an objectSelector never matches them (object/matcher.go matchObject).
 */
const NO_OBJECT_META: ReadonlySet<string> = new Set([
  'PodAttachOptions',
  'PodExecOptions',
  'PodLogOptions',
  'PodPortForwardOptions',
  'PodProxyOptions',
  'NodeProxyOptions',
  'ServiceProxyOptions',
]);

/** metadata.labels of an object, as meta.Accessor gives them (none when not a string map). */
export function objectLabels(obj: unknown): Labels | undefined {
  const o = rec(obj);
  if (!o) return undefined;
  if (o.apiVersion === 'v1' && typeof o.kind === 'string' && NO_OBJECT_META.has(o.kind)) return undefined;
  const labels = rec(rec(o.metadata)?.labels);
  if (!labels) return {};
  for (const k of Object.keys(labels)) if (typeof labels[k] !== 'string') return {};
  return labels;
}

type SelectorOutcome = { matches: boolean; error?: string };

/** namespace.Matcher.MatchNamespaceSelector */
function matchNamespaceSelector(selector: unknown, attrs: MatchAttributes, version: KubernetesVersion): SelectorOutcome {
  if (attrs.namespace === '' && attrs.resource !== 'namespaces') return { matches: true };
  const sel = parseLabelSelector(selector, version);
  if ('error' in sel) return { matches: false, error: `Internal error occurred: ${sel.error}` };
  if (selectorEmpty(sel)) return { matches: true };
  let labels: Labels;
  const op = attrs.operation;
  if (attrs.resource === 'namespaces' && attrs.subresource === '' && (op === 'CREATE' || op === 'UPDATE')) {
    const own = objectLabels(attrs.object);
    if (!own) return { matches: false, error: 'Internal error occurred: object does not implement the Object interfaces' };
    labels = own;
  } else {
    if (attrs.namespaceLabels === undefined || attrs.namespaceLabels === null) {
      return { matches: false, error: `namespaces "${attrs.namespace}" not found` };
    }
    labels = attrs.namespaceLabels;
  }
  return { matches: selectorMatches(sel, labels) };
}

/** object.Matcher.MatchObjectSelector: the object or the old object must match. */
function matchObjectSelector(selector: unknown, attrs: MatchAttributes, version: KubernetesVersion): SelectorOutcome {
  const sel = parseLabelSelector(selector, version);
  if ('error' in sel) return { matches: false, error: `Internal error occurred: ${sel.error}` };
  if (selectorEmpty(sel)) return { matches: true };
  const one = (o: unknown): boolean => {
    const labels = objectLabels(o);
    return labels !== undefined && selectorMatches(sel, labels);
  };
  return { matches: one(attrs.object) || one(attrs.oldObject) };
}

/**
 * Whether a MatchResources (a policy's matchConstraints or a binding's matchResources) matches
 * the request. `options` may be a boolean (ignored: policies and bindings match alike).
 */
export function matchResources(matchResources: unknown, attrs: MatchAttributes, options?: boolean | MatchOptions): MatchResult {
  const opts: MatchOptions = typeof options === 'object' && options !== null ? options : {};
  const version = opts.version ?? NEWEST_VERSION;
  const defaults = opts.applyDefaults !== false;
  const mr = rec(matchResources) ?? {};
  let nsSelector = mr.namespaceSelector;
  let objSelector = mr.objectSelector;
  let matchPolicy = mr.matchPolicy;
  if (defaults) {
    nsSelector ??= {};
    objSelector ??= {};
    matchPolicy ??= 'Equivalent';
  }
  const newer = version !== '1.32' && version !== '1.33' && version !== '1.34';
  if (newer && (nsSelector === undefined || nsSelector === null)) return { matches: false, error: NIL_SELECTOR('namespace') };
  if (newer && (objSelector === undefined || objSelector === null)) return { matches: false, error: NIL_SELECTOR('object') };

  const ns = matchNamespaceSelector(nsSelector, attrs, version);
  if (!ns.matches && ns.error === undefined) return { matches: false, reason: 'namespaceSelector does not match' };
  const obj = matchObjectSelector(objSelector, attrs, version);
  if (!obj.matches && obj.error === undefined) return { matches: false, reason: 'objectSelector does not match' };

  const policy = typeof matchPolicy === 'string' ? matchPolicy : undefined;
  const exclude = Array.isArray(mr.excludeResourceRules) ? mr.excludeResourceRules : [];
  const excluded = matchesRules(exclude, attrs, policy, opts.equivalents);
  if (excluded.error !== undefined) return { matches: false, error: excluded.error };
  if (excluded.matches) return { matches: false, reason: `excluded by excludeResourceRules[${excluded.index ?? 0}]` };

  const rules = Array.isArray(mr.resourceRules) ? mr.resourceRules : [];
  let resource: GroupVersionResource | undefined;
  let kind: GroupVersionKind | undefined;
  if (rules.length === 0) {
    resource = { group: attrs.group, version: attrs.version, resource: attrs.resource };
    kind = requestKind(attrs);
  } else {
    const m = matchesRules(rules, attrs, policy, opts.equivalents);
    if (m.error !== undefined) return { matches: false, error: m.error };
    if (!m.matches) return { matches: false, reason: 'no resourceRules match the request' };
    resource = m.resource;
    kind = m.kind;
  }
  if (ns.error !== undefined) return { matches: false, error: ns.error };
  if (obj.error !== undefined) return { matches: false, error: obj.error };
  return { matches: true, resource, kind };
}
