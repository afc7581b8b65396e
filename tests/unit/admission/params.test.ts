// CollectParams (apiserver policy/generic/policy_dispatcher.go): a paramRef selector is parsed
// before the params are listed, so a bad selector fails even when no param exists, with the
// label texts of the simulated release (tests/fixtures/audit/dispatch2/param-selector-*).
import { describe, expect, it } from 'vitest';
import { collectParams, type ResolvedParamKind } from '../../../src/engine/admission/params.js';
import type { Binding } from '../../../src/engine/admission/policy.js';
import type { RequestAttributes } from '../../../src/engine/admission/request.js';

const paramKind = { apiVersion: 'v1', kind: 'ConfigMap' };
const resolved: ResolvedParamKind = { group: '', version: 'v1', kind: 'ConfigMap', namespaced: true, builtIn: true };
const attrs = { namespace: 'default' } as RequestAttributes;
const binding = (selector: unknown): Binding => ({
  name: 'b',
  policyName: 'p',
  paramRef: { selector, parameterNotFoundAction: 'Allow' } as Binding['paramRef'],
  matchResources: undefined,
  implicit: false,
});
const same = <T>(p: T): T => p;

describe('collectParams selector errors', () => {
  it('fails on an unknown operator with no params at all', () => {
    const r = collectParams(paramKind, resolved, binding({ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] }), attrs, [], same);
    expect(r).toEqual({ ok: false, error: '"Equals" is not a valid label selector operator' });
  });

  it('words a long key by release', () => {
    const sel = { matchLabels: { ['k'.repeat(64)]: 'v' } };
    const err = (v: '1.34' | '1.36') => {
      const r = collectParams(paramKind, resolved, binding(sel), attrs, [], same, v);
      return r.ok ? '' : r.error;
    };
    expect(err('1.34')).toMatch(/name part must be no more than 63 characters$/);
    expect(err('1.36')).toMatch(/name part must be no more than 63 bytes$/);
  });

  it('still selects by labels', () => {
    const p = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'p1', namespace: 'default', labels: { a: 'x' } } };
    const r = collectParams(paramKind, resolved, binding({ matchLabels: { a: 'x' } }), attrs, [p], same);
    expect(r.ok && r.params.map((s) => s.id)).toEqual(['default/p1']);
  });
});
