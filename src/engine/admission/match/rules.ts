// Rule matching (semantics.md §3.4): apiserver webhook/predicates/rules/rules.go (Matcher) and
// policy/matching/matching.go (matchesResourceRules, with matchPolicy Equivalent).
import type { MatchAttributes, GroupVersionResource, GroupVersionKind } from './types.js';

/** admissionregistration RuleWithOperations (+ resourceNames for NamedRuleWithOperations). */
export interface Rule {
  readonly operations?: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly apiVersions?: readonly string[];
  readonly resources?: readonly string[];
  readonly scope?: string | null;
  readonly resourceNames?: readonly string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function exactOrWildcard(items: readonly string[], requested: string): boolean {
  return items.some((i) => i === '*' || i === requested);
}

function isNamespaceResource(r: GroupVersionResource): boolean {
  return r.group === '' && r.version === 'v1' && r.resource === 'namespaces';
}

/** rules.Matcher.Matches against `resource` (the request's own, or an equivalent one). */
function ruleMatches(rule: unknown, attrs: MatchAttributes, resource: GroupVersionResource): boolean {
  const r = (typeof rule === 'object' && rule !== null ? rule : {}) as Record<string, unknown>;
  // scope: nil or "*" always; Namespaced / Cluster by the namespace (a Namespace is cluster-scoped)
  const scope = r.scope;
  if (scope !== undefined && scope !== null && scope !== '*') {
    if (scope === 'Namespaced') {
      if (isNamespaceResource(resource) || attrs.namespace === '') return false;
    } else if (scope === 'Cluster') {
      if (!(isNamespaceResource(resource) || attrs.namespace === '')) return false;
    } else return false;
  }
  if (!exactOrWildcard(strings(r.operations), attrs.operation)) return false;
  if (!exactOrWildcard(strings(r.apiGroups), resource.group)) return false;
  if (!exactOrWildcard(strings(r.apiVersions), resource.version)) return false;
  return strings(r.resources).some((entry) => {
    const slash = entry.indexOf('/');
    const res = slash < 0 ? entry : entry.slice(0, slash);
    const sub = slash < 0 ? '' : entry.slice(slash + 1);
    return (res === '*' || res === resource.resource) && (sub === '*' || sub === attrs.subresource);
  });
}

function requestResource(attrs: MatchAttributes): GroupVersionResource {
  return { group: attrs.group, version: attrs.version, resource: attrs.resource };
}

export function requestKind(attrs: MatchAttributes): GroupVersionKind {
  const k = attrs.kind;
  if (typeof k === 'object' && k !== null) return k;
  return { group: attrs.group, version: attrs.version, kind: typeof k === 'string' ? k : '' };
}

/** Whether one rule (scope, operations, groups, versions, resources) matches the request. */
export function matchesRule(rule: unknown, attrs: MatchAttributes): boolean {
  return ruleMatches(rule, attrs, requestResource(attrs));
}

/** A resource served as the same thing under another group/version (a CRD's other versions). */
export interface EquivalentResource {
  readonly resource: GroupVersionResource;
  /** undefined when the kind cannot be determined */
  readonly kind?: GroupVersionKind;
}

/** The equivalents of a resource, itself included or not (it is skipped). */
export type EquivalentResourceMapper = (resource: GroupVersionResource, subresource: string) => readonly EquivalentResource[];

export interface RulesResult {
  readonly matches: boolean;
  readonly resource?: GroupVersionResource;
  readonly kind?: GroupVersionKind;
  readonly error?: string;
  /** index of the rule that matched */
  readonly index?: number;
}

const gvrString = (r: GroupVersionResource): string => `${r.group}/${r.version}, Resource=${r.resource}`;

function nameMatches(rule: unknown, name: string): boolean {
  const names = strings((rule as Record<string, unknown> | null)?.resourceNames);
  return names.length === 0 || names.includes(name);
}

/**
 * matchesResourceRules: the first rule that matches the request's own resource decides
 * (resourceNames then apply); with matchPolicy Equivalent, every rule is then retried against
 * every equivalent resource. `matchPolicy` nil means Exact.
 */
export function matchesRules(
  rules: readonly unknown[],
  attrs: MatchAttributes,
  matchPolicy?: string | null,
  equivalents?: EquivalentResourceMapper,
): RulesResult {
  const own = requestResource(attrs);
  for (let i = 0; i < rules.length; i++) {
    if (!ruleMatches(rules[i], attrs, own)) continue;
    if (nameMatches(rules[i], attrs.name)) return { matches: true, resource: own, kind: requestKind(attrs), index: i };
  }
  if (matchPolicy === undefined || matchPolicy === null || matchPolicy === 'Exact' || !equivalents) return { matches: false };
  const others = equivalents(own, attrs.subresource);
  for (let i = 0; i < rules.length; i++) {
    for (const eq of others) {
      const r = eq.resource;
      if (r.group === own.group && r.version === own.version && r.resource === own.resource) continue;
      if (!ruleMatches(rules[i], attrs, r)) continue;
      if (!eq.kind || !eq.kind.kind) return { matches: false, error: `unable to convert to ${gvrString(r)}: unknown kind` };
      if (nameMatches(rules[i], attrs.name)) return { matches: true, resource: r, kind: eq.kind, index: i };
    }
  }
  return { matches: false };
}
