// Fidelity audit of matching and the `request` value (tests/fixtures/audit/matching, dispatch):
// objects without ObjectMeta never match an objectSelector (apiserver
// webhook/predicates/object/matcher.go matchObject), and under an equivalent match
// requestKind/requestResource stay the request's own (plugin/cel/condition.go
// CreateAdmissionRequest).
import { describe, expect, it } from 'vitest';
import { matchResources, objectLabels, type MatchAttributes } from '../../../../src/engine/admission/match/index.js';
import { requestValue, type RequestAttributes } from '../../../../src/engine/admission/request.js';

describe('objectSelector on kinds without ObjectMeta', () => {
  const exec = { apiVersion: 'v1', kind: 'PodExecOptions', command: ['ls'] };
  const attrs: MatchAttributes = {
    operation: 'CONNECT',
    group: '',
    version: 'v1',
    resource: 'pods',
    subresource: 'exec',
    namespace: 'ns',
    name: 'p',
    object: exec,
    oldObject: null,
    namespaceLabels: {},
  };
  const constraints = (objectSelector: unknown) => ({
    namespaceSelector: {},
    objectSelector,
    resourceRules: [{ operations: ['CONNECT'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods/exec'] }],
  });

  it('has no labels at all (meta.Accessor fails)', () => {
    expect(objectLabels(exec)).toBeUndefined();
    expect(objectLabels({ apiVersion: 'v1', kind: 'ConfigMap' })).toEqual({});
  });

  it('never matches a non-empty selector, not even DoesNotExist', () => {
    const r = matchResources(constraints({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }), attrs);
    expect(r.matches).toBe(false);
    expect(r.error).toBeUndefined();
  });

  it('matches an empty selector', () => {
    expect(matchResources(constraints({}), attrs).matches).toBe(true);
  });
});

describe('request under an equivalent match', () => {
  const a: RequestAttributes = {
    operation: 'CREATE',
    kind: { group: 'example.com', version: 'v2', kind: 'Widget' },
    resource: { group: 'example.com', version: 'v2', resource: 'widgets' },
    subResource: '',
    name: 'w',
    namespace: 'ns',
    clusterScoped: false,
    userInfo: { username: '', uid: '', groups: [], extra: {} },
    dryRun: false,
    options: undefined,
  };

  it('kind and resource are the matched ones, requestKind and requestResource the request', () => {
    const r = requestValue(a, { kind: { ...a.kind, version: 'v1' }, resource: { ...a.resource, version: 'v1' } });
    expect(r.kind).toEqual({ group: 'example.com', version: 'v1', kind: 'Widget' });
    expect(r.resource).toEqual({ group: 'example.com', version: 'v1', resource: 'widgets' });
    expect(r.requestKind).toEqual({ group: 'example.com', version: 'v2', kind: 'Widget' });
    expect(r.requestResource).toEqual({ group: 'example.com', version: 'v2', resource: 'widgets' });
  });

  it('options is present and null without an options object (RawExtension is never omitted)', () => {
    const r = requestValue(a);
    expect(Object.hasOwn(r, 'options')).toBe(true);
    expect(r.options).toBeNull();
  });
});
