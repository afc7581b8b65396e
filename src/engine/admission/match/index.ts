// Which requests a MutatingAdmissionPolicy or binding applies to: rules, label selectors and
// MatchResources (semantics.md §3.3-§3.5).
export type { MatchAttributes, GroupVersionKind, GroupVersionResource } from './types.js';
export { matchesRule, matchesRules, requestKind, type Rule, type RulesResult, type EquivalentResource, type EquivalentResourceMapper } from './rules.js';
export { labelSelectorMatches, parseLabelSelector, selectorMatches, selectorEmpty, type ParsedSelector, type Labels } from './selector.js';
export { labelKeyErrors, labelValueErrors } from './label-validation.js';
export { matchResources, objectLabels, type MatchOptions, type MatchResult } from './matcher.js';
