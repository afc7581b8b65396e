// apiserver pkg/cel/library/authz.go semantics and the dispatch/authz-*.yaml samples.
import { describe, expect, it } from 'vitest';
import {
  AuthorizerValue,
  DecisionValue,
  ResourceCheckValue,
  authzLibrary,
  authzSelectorsLibrary,
  authorizerBackendFromRules,
  authorizerValue,
  newAuthorizerValue,
  requestResourceCheck,
} from '../../../../src/engine/cel/kubernetes/authz.js';
import type { AuthzAttributes } from '../../../../src/engine/cel/kubernetes/authz.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import { call, errorText } from './helpers.js';

const L = authzLibrary;
const user = { username: 'alice', groups: ['dev'] };
const check = (az: CelValue, group: string, resource: string, verb: string, name?: string): DecisionValue => {
  let rc = call(L, 'groupcheck_resource', call(L, 'authorizer_group', az, group), resource);
  if (name !== undefined) rc = call(L, 'resourcecheck_name', rc, name);
  return call(L, 'resourcecheck_check', rc, verb) as DecisionValue;
};
const allowed = (d: CelValue): CelValue => call(L, 'decision_allowed', d);

describe('authz library', () => {
  it('default deny (authz-default-deny.yaml)', () => {
    const d = check(authorizerValue([], user), '', 'pods', 'get');
    expect(allowed(d)).toBe(false);
    expect(call(L, 'decision_errored', d)).toBe(false);
    expect(call(L, 'decision_error', d)).toBe('');
    expect(call(L, 'decision_reason', d)).toBe('');
  });
  it('wrong verb (authz-wrong-verb.yaml)', () =>
    expect(allowed(check(authorizerValue([{ verb: 'get', group: '', resource: 'pods' }], user), '', 'pods', 'delete'))).toBe(false));
  it('name mismatch (authz-name-mismatch.yaml)', () =>
    expect(allowed(check(authorizerValue([{ verb: 'get', group: '', resource: 'secrets', name: 'api' }], user), '', 'secrets', 'get', 'db'))).toBe(false));
  it('allowed, reason empty', () => {
    const d = check(authorizerValue([{ verb: 'get', resource: 'pods' }], user), '', 'pods', 'get');
    expect(allowed(d)).toBe(true);
    expect(call(L, 'decision_reason', d)).toBe('');
  });
  it('serviceAccount checks are decided by the rules alone (authz-serviceaccount.yaml)', () => {
    const az = call(L, 'authorizer_serviceaccount', authorizerValue([{ verb: 'create', group: 'apps', resource: 'deployments' }], user), 'default', 'builder');
    expect((az as AuthorizerValue).user.username).toBe('system:serviceaccount:default:builder');
    expect(allowed(check(az, 'apps', 'deployments', 'create'))).toBe(true);
  });
  it('attributes passed to the backend', () => {
    const seen: AuthzAttributes[] = [];
    const az = newAuthorizerValue({ authorize: (a) => (seen.push(a), { decision: 'deny', reason: 'no', error: 'boom' }) }, user);
    let rc = call(L, 'groupcheck_resource', call(L, 'authorizer_group', az, 'apps'), 'deployments');
    rc = call(L, 'resourcecheck_subresource', rc, 'scale');
    rc = call(L, 'resourcecheck_namespace', rc, 'ns');
    rc = call(authzSelectorsLibrary, 'authorizer_labelselector', rc, 'a=b');
    const d = call(L, 'resourcecheck_check', rc, 'update');
    expect(seen[0]).toMatchObject({ apiGroup: 'apps', apiVersion: '*', resource: 'deployments', subresource: 'scale', namespace: 'ns', verb: 'update', labelSelector: 'a=b', resourceRequest: true });
    expect(call(L, 'decision_errored', d)).toBe(true);
    expect(call(L, 'decision_error', d)).toBe('boom');
    expect(call(L, 'decision_reason', d)).toBe('no');
  });
  it('path checks', () => {
    const az = authorizerValue([{ verb: 'get', path: '/healthz' }], user);
    expect(allowed(call(L, 'pathcheck_check', call(L, 'authorizer_path', az, '/healthz'), 'get'))).toBe(true);
    expect(errorText(call(L, 'authorizer_path', az, ' '))).toBe('path must not be empty');
  });
  it('argument errors', () => {
    const az = authorizerValue([], user);
    expect(errorText(call(L, 'groupcheck_resource', call(L, 'authorizer_group', az, ''), ''))).toBe('resource must not be empty');
    expect(errorText(call(L, 'authorizer_serviceaccount', az, 'default', 'Bad_Name'))).toBe('Invalid service account name');
    expect(errorText(call(L, 'authorizer_serviceaccount', az, 'bad.ns', 'ok'))).toBe('Invalid service account namespace');
  });
  it('requestResource preset', () => {
    const rc = requestResourceCheck([{ verb: 'create', resource: 'configmaps', namespace: 'default' }], user, {
      group: '',
      resource: 'configmaps',
      subresource: '',
      namespace: 'default',
      name: 'app-config',
    });
    expect(rc).toBeInstanceOf(ResourceCheckValue);
    expect(allowed(call(L, 'resourcecheck_check', rc, 'create'))).toBe(true);
    expect(allowed(call(L, 'resourcecheck_check', rc, 'delete'))).toBe(false);
  });
  it('rules with a user', () => {
    const be = authorizerBackendFromRules([{ verb: 'get', resource: 'pods', user: 'bob' }]);
    expect(allowed(check(newAuthorizerValue(be, user), '', 'pods', 'get'))).toBe(false);
    expect(allowed(check(newAuthorizerValue(be, { username: 'bob' }), '', 'pods', 'get'))).toBe(true);
  });
  it('check costs 350000', () => {
    const o = L.functions!.find((f) => f.name === 'check')!.overloads[0];
    expect(o.cost!.runtime!([], null)).toBe(350000);
  });
});
