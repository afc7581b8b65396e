// matchResources: ports of apiserver pkg/admission/plugin/policy/matching/matching_test.go
// (TestMatcher), webhook/predicates/namespace/matcher_test.go (TestGetNamespaceLabels,
// TestNotExemptClusterScopedResource) and the object matcher, plus OBSERVED.md "Matching".
import { describe, expect, it } from 'vitest';
import { matchResources, type EquivalentResourceMapper, type GroupVersionResource, type MatchAttributes } from '../../../../src/engine/admission/match/index.js';

const gvr = (group: string, version: string, resource: string): GroupVersionResource => ({ group, version, resource });
const gvk = (group: string, version: string, kind: string) => ({ group, version, kind });

// matching_test.go's mapper: deployments co-located across groups, with a kind per subresource
const DEPLOYMENTS: [GroupVersionResource, string, ReturnType<typeof gvk>][] = [
  [gvr('extensions', 'v1beta1', 'deployments'), '', gvk('extensions', 'v1beta1', 'Deployment')],
  [gvr('apps', 'v1', 'deployments'), '', gvk('apps', 'v1', 'Deployment')],
  [gvr('apps', 'v1beta1', 'deployments'), '', gvk('apps', 'v1beta1', 'Deployment')],
  [gvr('apps', 'v1alpha1', 'deployments'), '', gvk('apps', 'v1alpha1', 'Deployment')],
  [gvr('extensions', 'v1beta1', 'deployments'), 'scale', gvk('extensions', 'v1beta1', 'Scale')],
  [gvr('apps', 'v1', 'deployments'), 'scale', gvk('autoscaling', 'v1', 'Scale')],
  [gvr('apps', 'v1beta1', 'deployments'), 'scale', gvk('apps', 'v1beta1', 'Scale')],
  [gvr('apps', 'v1alpha1', 'deployments'), 'scale', gvk('apps', 'v1alpha1', 'Scale')],
];
const mapper: EquivalentResourceMapper = (r, sub) => {
  if (r.resource === 'deployments') return DEPLOYMENTS.filter(([, s]) => s === sub).map(([resource, , kind]) => ({ resource, kind }));
  if (r.group === 'example.com' && r.resource === 'widgets') return [{ resource: gvr('example.com', 'v1', 'widgets') }, { resource: gvr('example.com', 'v2', 'widgets') }];
  return [{ resource: r }];
};

function attrs(kind: ReturnType<typeof gvk>, r: GroupVersionResource, sub = '', extra: Partial<MatchAttributes> = {}): MatchAttributes {
  return { operation: 'CREATE', ...r, subresource: sub, kind, namespace: 'ns', name: 'name', object: null, oldObject: null, namespaceLabels: {}, ...extra };
}
const rule = (groups: string[], versions: string[], resources: string[], extra: Record<string, unknown> = {}) => ({
  operations: ['*'],
  apiGroups: groups,
  apiVersions: versions,
  resources,
  scope: '*',
  ...extra,
});
const sel = { namespaceSelector: {}, objectSelector: {} };
const deploymentAttrs = attrs(gvk('apps', 'v1', 'Deployment'), gvr('apps', 'v1', 'deployments'));
const scaleAttrs = attrs(gvk('autoscaling', 'v1', 'Scale'), gvr('apps', 'v1', 'deployments'), 'scale');
const opts = { equivalents: mapper, applyDefaults: false, version: '1.34' as const };

describe('policy/matching matching_test.go TestMatcher', () => {
  it('no rules (just write): a nil objectSelector selects nothing', () => {
    expect(matchResources({ namespaceSelector: {}, resourceRules: [] }, deploymentAttrs, opts).matches).toBe(false);
  });
  it('wildcard rule, match as requested', () => {
    const m = matchResources({ ...sel, resourceRules: [rule(['*'], ['*'], ['*'])] }, deploymentAttrs, opts);
    expect(m).toMatchObject({ matches: true, resource: gvr('apps', 'v1', 'deployments'), kind: gvk('apps', 'v1', 'Deployment') });
  });
  it('specific rules, prefer exact match', () => {
    const rules = [rule(['extensions'], ['v1beta1'], ['deployments']), rule(['apps'], ['v1beta1'], ['deployments']), rule(['apps'], ['v1'], ['deployments'])];
    expect(matchResources({ ...sel, resourceRules: rules }, deploymentAttrs, opts)).toMatchObject({ matches: true, resource: gvr('apps', 'v1', 'deployments') });
  });
  const miss = [rule(['extensions'], ['v1beta1'], ['deployments']), rule(['apps'], ['v1beta1'], ['deployments'])];
  it('specific rules, match miss (nil matchPolicy is Exact)', () => {
    expect(matchResources({ ...sel, resourceRules: miss }, deploymentAttrs, opts).matches).toBe(false);
  });
  it('specific rules, exact match miss', () => {
    expect(matchResources({ ...sel, matchPolicy: 'Exact', resourceRules: miss }, deploymentAttrs, opts).matches).toBe(false);
  });
  it('specific rules, equivalent match, prefer extensions', () => {
    expect(matchResources({ ...sel, matchPolicy: 'Equivalent', resourceRules: miss }, deploymentAttrs, opts)).toMatchObject({
      matches: true,
      resource: gvr('extensions', 'v1beta1', 'deployments'),
      kind: gvk('extensions', 'v1beta1', 'Deployment'),
    });
  });
  it('specific rules, equivalent match, prefer apps', () => {
    expect(matchResources({ ...sel, matchPolicy: 'Equivalent', resourceRules: [miss[1], miss[0]] }, deploymentAttrs, opts)).toMatchObject({
      matches: true,
      resource: gvr('apps', 'v1beta1', 'deployments'),
      kind: gvk('apps', 'v1beta1', 'Deployment'),
    });
  });
  const sub = (g: string, v: string) => rule([g], [v], ['deployments', 'deployments/scale']);
  it('specific rules, subresource prefer exact match', () => {
    const m = matchResources({ ...sel, resourceRules: [sub('extensions', 'v1beta1'), sub('apps', 'v1beta1'), sub('apps', 'v1')] }, scaleAttrs, opts);
    expect(m).toMatchObject({ matches: true, resource: gvr('apps', 'v1', 'deployments'), kind: gvk('autoscaling', 'v1', 'Scale') });
  });
  it('specific rules, subresource match miss / exact match miss', () => {
    const rules = [sub('extensions', 'v1beta1'), sub('apps', 'v1beta1')];
    expect(matchResources({ ...sel, resourceRules: rules }, scaleAttrs, opts).matches).toBe(false);
    expect(matchResources({ ...sel, matchPolicy: 'Exact', resourceRules: rules }, scaleAttrs, opts).matches).toBe(false);
  });
  it('specific rules, subresource equivalent match, prefer extensions / apps', () => {
    const rules = [sub('extensions', 'v1beta1'), sub('apps', 'v1beta1')];
    expect(matchResources({ ...sel, matchPolicy: 'Equivalent', resourceRules: rules }, scaleAttrs, opts)).toMatchObject({
      matches: true,
      resource: gvr('extensions', 'v1beta1', 'deployments'),
      kind: gvk('extensions', 'v1beta1', 'Scale'),
    });
    expect(matchResources({ ...sel, matchPolicy: 'Equivalent', resourceRules: [rules[1], rules[0]] }, scaleAttrs, opts)).toMatchObject({
      matches: true,
      resource: gvr('apps', 'v1beta1', 'deployments'),
      kind: gvk('apps', 'v1beta1', 'Scale'),
    });
  });
  it('specific rules, prefer exact match and name match / miss', () => {
    const a = attrs(gvk('autoscaling', 'v1', 'Scale'), gvr('apps', 'v1', 'deployments'));
    expect(matchResources({ ...sel, resourceRules: [rule(['apps'], ['v1'], ['deployments'], { resourceNames: ['name'] })] }, a, opts).matches).toBe(true);
    expect(matchResources({ ...sel, resourceRules: [rule(['apps'], ['v1'], ['deployments'], { resourceNames: ['wrong-name'] })] }, a, opts).matches).toBe(false);
  });
  it('specific rules, subresource equivalent match, prefer extensions and name match / miss', () => {
    const a = attrs(gvk('autoscaling', 'v1', 'Scale'), gvr('extensions', 'v1beta1', 'deployments'), 'scale');
    const r = (names: string[]) => ({ ...sel, matchPolicy: 'Equivalent', resourceRules: [rule(['apps'], ['v1'], ['deployments', 'deployments/scale'], { resourceNames: names })] });
    expect(matchResources(r(['name']), a, opts)).toMatchObject({ matches: true, resource: gvr('apps', 'v1', 'deployments'), kind: gvk('autoscaling', 'v1', 'Scale') });
    expect(matchResources(r(['wrong-name']), a, opts).matches).toBe(false);
  });
  it('exclude resource match on miss / miss on match', () => {
    const mr = { ...sel, resourceRules: [rule(['*'], ['*'], ['*'])], excludeResourceRules: [rule(['extensions'], ['v1beta1'], ['deployments'])] };
    expect(matchResources(mr, attrs(gvk('autoscaling', 'v1', 'Scale'), gvr('apps', 'v1', 'deployments')), opts).matches).toBe(true);
    expect(matchResources(mr, attrs(gvk('autoscaling', 'v1', 'Scale'), gvr('extensions', 'v1beta1', 'deployments')), opts)).toMatchObject({
      matches: false,
      reason: 'excluded by excludeResourceRules[0]',
    });
  });
  it('treat empty ResourceRules as match; a rule with nothing in it matches nothing', () => {
    const a = attrs(gvk('autoscaling', 'v1', 'Scale'), gvr('apps', 'v1', 'deployments'));
    expect(matchResources({ ...sel, excludeResourceRules: [rule(['extensions'], ['v1beta1'], ['deployments'])] }, a, opts)).toMatchObject({
      matches: true,
      resource: gvr('apps', 'v1', 'deployments'),
      kind: gvk('autoscaling', 'v1', 'Scale'),
    });
    expect(matchResources({ ...sel, resourceRules: [{}] }, a, opts).matches).toBe(false);
  });
  const pod = attrs(gvk('example.apiserver.k8s.io', 'v1', 'Pod'), gvr('example.apiserver.k8s.io', 'v1', 'pods'), '', { object: { metadata: {} } });
  const badExpr = (key: string) => ({ matchExpressions: [{ key, operator: 'In', values: ['bad value'] }] });
  it('erroring namespace selector on otherwise non-matching rule does not error', () => {
    expect(matchResources({ namespaceSelector: badExpr('key '), objectSelector: {}, resourceRules: [rule(['*'], ['*'], ['deployments'])] }, pod, opts)).toEqual({
      matches: false,
      reason: 'no resourceRules match the request',
    });
  });
  it('erroring namespace selector on otherwise matching rule errors', () => {
    const m = matchResources({ namespaceSelector: badExpr('key'), objectSelector: {}, resourceRules: [rule(['*'], ['*'], ['pods'])] }, pod, opts);
    expect(m.matches).toBe(false);
    expect(m.error).toContain('bad value');
  });
  it('erroring object selector on otherwise non-matching / matching rule', () => {
    expect(matchResources({ namespaceSelector: {}, objectSelector: badExpr('key'), resourceRules: [rule(['*'], ['*'], ['deployments'])] }, pod, opts).error).toBeUndefined();
    const m = matchResources({ namespaceSelector: {}, objectSelector: badExpr('key'), resourceRules: [rule(['*'], ['*'], ['pods'])] }, pod, opts);
    expect(m.error).toBe(
      "Internal error occurred: values[0][key]: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  });
  it('an equivalent resource without a kind is an error', () => {
    const a = attrs(gvk('example.com', 'v1', 'Widget'), gvr('example.com', 'v1', 'widgets'));
    expect(matchResources({ ...sel, matchPolicy: 'Equivalent', resourceRules: [rule(['example.com'], ['v2'], ['widgets'])] }, a, opts)).toEqual({
      matches: false,
      error: 'unable to convert to example.com/v2, Resource=widgets: unknown kind',
    });
  });
});

describe('namespaceSelector (namespace/matcher.go)', () => {
  const nsSel = { namespaceSelector: { matchLabels: { runlevel: '1' } }, objectSelector: {}, resourceRules: [rule(['*'], ['*'], ['*/*'])] };
  const ns = (extra: Partial<MatchAttributes>) => ({ ...attrs(gvk('', 'v1', 'Namespace'), gvr('', 'v1', 'namespaces')), ...extra });
  it('a Namespace CREATE/UPDATE uses the labels of the object itself', () => {
    const object = { metadata: { name: '2', labels: { runlevel: '1' } } };
    expect(matchResources(nsSel, ns({ namespace: '', name: '2', object, namespaceLabels: undefined })).matches).toBe(true);
    expect(matchResources(nsSel, ns({ namespace: '2', name: '2', operation: 'UPDATE', object, namespaceLabels: { runlevel: '2' } })).matches).toBe(true);
  });
  it('a Namespace DELETE and namespaces/finalize use the stored namespace', () => {
    const object = { metadata: { name: '1', labels: { runlevel: '2' } } };
    expect(matchResources(nsSel, ns({ namespace: '1', operation: 'DELETE', object, namespaceLabels: { runlevel: '1' } })).matches).toBe(true);
    expect(matchResources(nsSel, ns({ namespace: '1', subresource: 'finalize', object: null, namespaceLabels: { runlevel: '1' } })).matches).toBe(true);
  });
  it('a pod uses its namespace; a missing namespace is a 404 error (only when the rules match)', () => {
    const p = attrs(gvk('', 'v1', 'Pod'), gvr('', 'v1', 'pods'), '', { namespace: 'gone', namespaceLabels: undefined });
    expect(matchResources(nsSel, p)).toEqual({ matches: false, error: 'namespaces "gone" not found' });
    expect(matchResources({ ...nsSel, resourceRules: [rule(['*'], ['*'], ['deployments'])] }, p).error).toBeUndefined();
    expect(matchResources(nsSel, { ...p, namespace: 'ns', namespaceLabels: { runlevel: '2' } })).toEqual({ matches: false, reason: 'namespaceSelector does not match' });
  });
  it('TestNotExemptClusterScopedResource: cluster-scoped objects always match', () => {
    const node = attrs(gvk('', 'v1', 'Node'), gvr('', 'v1', 'nodes'), '', { namespace: '', namespaceLabels: undefined });
    expect(matchResources(nsSel, node).matches).toBe(true);
  });
  it('an empty selector matches without looking the namespace up', () => {
    const p = attrs(gvk('', 'v1', 'Pod'), gvr('', 'v1', 'pods'), '', { namespaceLabels: undefined });
    expect(matchResources({ ...nsSel, namespaceSelector: {} }, p).matches).toBe(true);
  });
  it('OBSERVED: the default namespace has no labels, so kubernetes.io/metadata.name selectors do not match', () => {
    const p = attrs(gvk('', 'v1', 'Pod'), gvr('', 'v1', 'pods'), '', { namespace: 'default', namespaceLabels: {} });
    expect(matchResources({ ...nsSel, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } } }, p).matches).toBe(false);
  });
});

describe('objectSelector (object/matcher.go)', () => {
  const mr = (objectSelector: unknown) => ({ namespaceSelector: {}, objectSelector, resourceRules: [rule(['*'], ['*'], ['*'])] });
  const cmAttrs = (object: unknown, oldObject: unknown = null, operation = 'CREATE') =>
    attrs(gvk('', 'v1', 'ConfigMap'), gvr('', 'v1', 'configmaps'), '', { object, oldObject, operation });
  const labelled = (labels?: Record<string, string>) => ({ metadata: labels ? { name: 'x', labels } : { name: 'x' } });
  it('object or old object labels match (UPDATE)', () => {
    const s = { matchLabels: { app: 'web' } };
    expect(matchResources(mr(s), cmAttrs(labelled({ app: 'web' }))).matches).toBe(true);
    expect(matchResources(mr(s), cmAttrs(labelled({ app: 'db' }), labelled({ app: 'web' }), 'UPDATE')).matches).toBe(true);
    expect(matchResources(mr(s), cmAttrs(labelled({ app: 'db' }), labelled({ app: 'db' }), 'UPDATE'))).toEqual({ matches: false, reason: 'objectSelector does not match' });
  });
  it('an absent object never matches, even DoesNotExist (OBSERVED objselector-doesnotexist-no-labels)', () => {
    const s = { matchExpressions: [{ key: 'skip', operator: 'DoesNotExist' }] };
    expect(matchResources(mr(s), cmAttrs(labelled())).matches).toBe(true);
    expect(matchResources(mr(s), cmAttrs(null, null, 'CONNECT')).matches).toBe(false);
  });
  it('Exists, In, NotIn', () => {
    expect(matchResources(mr({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }), cmAttrs(labelled({ app: '' }))).matches).toBe(true);
    expect(matchResources(mr({ matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] }), cmAttrs(labelled({ app: 'b' }))).matches).toBe(true);
    expect(matchResources(mr({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] }), cmAttrs(labelled())).matches).toBe(true);
    expect(matchResources(mr({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] }), cmAttrs(labelled({ app: 'a' }))).matches).toBe(false);
  });
});

describe('defaulting and nil selectors', () => {
  const a = attrs(gvk('', 'v1', 'Pod'), gvr('', 'v1', 'pods'));
  const rules = { resourceRules: [rule([''], ['v1'], ['pods'])] };
  it('by default, nil selectors are {} and a nil matchPolicy is Equivalent (API defaulting)', () => {
    expect(matchResources(rules, a).matches).toBe(true);
    expect(matchResources(rules, a, true).matches).toBe(true);
  });
  it('without defaulting: 1.35+ reports the nil selector, 1.34 selects nothing', () => {
    expect(matchResources(rules, a, { applyDefaults: false, version: '1.35' })).toEqual({
      matches: false,
      error: 'a nil namespace selector was passed, please ensure selectors are initialized properly',
    });
    expect(matchResources({ ...rules, namespaceSelector: {} }, a, { applyDefaults: false, version: '1.36' }).error).toBe(
      'a nil object selector was passed, please ensure selectors are initialized properly',
    );
    expect(matchResources(rules, a, { applyDefaults: false, version: '1.34' }).matches).toBe(false);
  });
  it('OBSERVED: Equivalent with an apps/v1beta1 rule does not match apps/v1 (v1beta1 is not served)', () => {
    const d = attrs(gvk('apps', 'v1', 'Deployment'), gvr('apps', 'v1', 'deployments'));
    const served: EquivalentResourceMapper = (r) => [{ resource: r, kind: gvk('apps', 'v1', 'Deployment') }];
    expect(matchResources({ resourceRules: [rule(['apps'], ['v1beta1'], ['deployments'])] }, d, { equivalents: served }).matches).toBe(false);
  });
});
