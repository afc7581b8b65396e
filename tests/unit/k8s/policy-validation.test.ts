import { describe, expect, it } from 'vitest';
import { invalidObjectMessage, servedPolicyVersions, validateBinding, validatePolicy } from '../../../src/engine/k8s/policy-validation.js';
import type { JsonObject } from '../../../src/engine/cel/values.js';

function policy(spec: JsonObject = {}, apiVersion = 'admissionregistration.k8s.io/v1', name = 'p.example.com'): JsonObject {
  return {
    apiVersion,
    kind: 'MutatingAdmissionPolicy',
    metadata: { name },
    spec: {
      matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] },
      reinvocationPolicy: 'Never',
      mutations: [{ patchType: 'JSONPatch', jsonPatch: { expression: '[]' } }],
      ...spec,
    },
  };
}
const msgs = (o: JsonObject, v: '1.36' | '1.34' | '1.32' = '1.36') => validatePolicy(o, v).errors.map((e) => e.message);

describe('served versions', () => {
  it('per Kubernetes version', () => {
    expect(servedPolicyVersions('1.32')).toEqual(['v1alpha1']);
    expect(servedPolicyVersions('1.33')).toEqual(['v1alpha1']);
    expect(servedPolicyVersions('1.34')).toEqual(['v1alpha1', 'v1beta1']);
    expect(servedPolicyVersions('1.36')).toEqual(['v1alpha1', 'v1beta1', 'v1']);
  });
  it('an unserved version is a no-matches error', () => {
    const r = validatePolicy(policy(), '1.34');
    expect(r.notServed).toBe('no matches for kind "MutatingAdmissionPolicy" in version "admissionregistration.k8s.io/v1"');
    expect(validatePolicy(policy({}, 'admissionregistration.k8s.io/v1beta1'), '1.34').notServed).toBeUndefined();
  });
});

describe('defaulting (semantics.md §2.4)', () => {
  it('failurePolicy, matchPolicy, selectors, scope; not reinvocationPolicy', () => {
    const p = policy({ reinvocationPolicy: null, matchConditions: [] });
    const r = validatePolicy(p, '1.36');
    const spec = r.defaulted.spec as JsonObject;
    expect(spec.failurePolicy).toBe('Fail');
    expect(spec.matchConstraints).toEqual({
      resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'], scope: '*' }],
      namespaceSelector: {},
      objectSelector: {},
      matchPolicy: 'Equivalent',
    });
    expect(r.errors.map((e) => e.message)).toEqual(['spec.reinvocationPolicy: Required value']);
    expect((p.spec as JsonObject).failurePolicy).toBeUndefined(); // input untouched
  });
  it('v1alpha1 bindings default parameterNotFoundAction to Deny; v1 requires it', () => {
    const b = (apiVersion: string): JsonObject => ({ apiVersion, kind: 'MutatingAdmissionPolicyBinding', metadata: { name: 'b' }, spec: { policyName: 'p', paramRef: { name: 'x' } } });
    const alpha = validateBinding(b('admissionregistration.k8s.io/v1alpha1'), '1.32');
    expect(alpha.errors).toEqual([]);
    expect((alpha.defaulted.spec as JsonObject).paramRef).toEqual({ name: 'x', parameterNotFoundAction: 'Deny' });
    expect(validateBinding(b('admissionregistration.k8s.io/v1'), '1.36').errors.map((e) => e.message)).toEqual(['spec.paramRef.parameterNotFoundAction: Required value']);
  });
});

describe('validatePolicy messages', () => {
  it('a valid policy has no errors', () => {
    expect(msgs(policy())).toEqual([]);
  });
  it('metadata', () => {
    expect(msgs(policy({}, undefined, ''))).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(msgs(policy({}, undefined, 'Bad_Name'))).toEqual([
      `metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
    const r = validatePolicy(policy({}, undefined, 'x.static.k8s.io'), '1.36');
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]).toContain('reserved for static manifest-based configurations');
  });
  it('required spec parts', () => {
    const o: JsonObject = { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingAdmissionPolicy', metadata: { name: 'p' }, spec: {} };
    expect(msgs(o)).toEqual([
      'spec.matchConstraints: Required value',
      'spec.mutations: Required value: mutations must contain at least one item',
      'spec.reinvocationPolicy: Required value',
    ]);
    expect(msgs(policy({ matchConstraints: {} }))).toEqual(['spec.matchConstraints.resourceRules: Required value']);
  });
  it('enums', () => {
    expect(msgs(policy({ failurePolicy: 'Maybe', reinvocationPolicy: 'Sometimes' }))).toEqual([
      'spec.failurePolicy: Unsupported value: "Maybe": supported values: "Fail", "Ignore"',
      'spec.reinvocationPolicy: Unsupported value: "Sometimes": supported values: "IfNeeded", "Never"',
    ]);
  });
  it('DELETE is not a mutating operation (the path has no index)', () => {
    const p = policy({ matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'DELETE'], resources: ['pods'] }] } });
    expect(msgs(p)).toEqual(['spec.matchConstraints.resourceRules.operations: Unsupported value: "DELETE": supported values: "*", "CONNECT", "CREATE", "UPDATE"']);
    const q = policy({ matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['PATCH'], resources: ['pods'] }] } });
    expect(msgs(q)).toEqual([
      'spec.matchConstraints.resourceRules[0].operations[0]: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "DELETE", "UPDATE"',
      'spec.matchConstraints.resourceRules.operations: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "UPDATE"',
    ]);
  });
  it('rule shapes', () => {
    const p = policy({
      matchConstraints: {
        resourceRules: [{ apiGroups: ['*', 'apps'], apiVersions: ['v1', ''], operations: ['*', 'CREATE'], resources: ['*/*', 'pods'], scope: 'Galaxy', resourceNames: ['a', 'a', 'b/c'] }],
        excludeResourceRules: [{ operations: ['DELETE'], resources: ['pods/*', 'pods/status'] }],
      },
    });
    expect(msgs(p)).toEqual([
      'spec.matchConstraints.resourceRules[0].resourceNames[1]: Duplicate value: "a"',
      "spec.matchConstraints.resourceRules[0].resourceNames[2]: Invalid value: \"b/c\": may not contain '/'",
      `spec.matchConstraints.resourceRules[0].operations: Invalid value: ["*","CREATE"]: if '*' is present, must not specify other operations`,
      `spec.matchConstraints.resourceRules[0].apiGroups: Invalid value: ["*","apps"]: if '*' is present, must not specify other API groups`,
      'spec.matchConstraints.resourceRules[0].apiVersions[1]: Required value',
      `spec.matchConstraints.resourceRules[0].resources: Invalid value: ["*/*","pods"]: if '*/*' is present, must not specify other resources`,
      'spec.matchConstraints.resourceRules[0].scope: Unsupported value: "Galaxy": supported values: "*", "Cluster", "Namespaced"',
      'spec.matchConstraints.excludeResourceRules[0].apiGroups: Required value',
      'spec.matchConstraints.excludeResourceRules[0].apiVersions: Required value',
      "spec.matchConstraints.excludeResourceRules[0].resources[1]: Invalid value: \"pods/status\": if 'pods/*' is present, must not specify pods/status",
    ]);
  });
  it('selectors are validated strictly', () => {
    const p = policy({
      matchConstraints: {
        resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
        namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In' }, { key: 'x', operator: 'Maybe' }, { key: 'y', operator: 'Exists', values: ['a'] }] },
        objectSelector: { matchLabels: { 'bad key!': 'v' } },
      },
    });
    expect(msgs(p)).toEqual([
      "spec.matchConstraints.namespaceSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.matchConstraints.namespaceSelector.matchExpressions[1].operator: Invalid value: "Maybe": not a valid selector operator',
      "spec.matchConstraints.namespaceSelector.matchExpressions[2].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      `spec.matchConstraints.objectSelector.matchLabels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });
  it('paramKind', () => {
    expect(msgs(policy({ paramKind: { apiVersion: 'v1' } }))).toEqual(['spec.paramKind.kind: Required value']);
    expect(msgs(policy({ paramKind: { apiVersion: 'a/b/c', kind: 'ConfigMap' } }))).toEqual(['spec.paramKind.apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c']);
    expect(msgs(policy({ paramKind: { apiVersion: 'example.com/', kind: 'Config_Map' } }))).toEqual([
      'spec.paramKind.apiVersion: Invalid value: "example.com/": version must be specified',
      `spec.paramKind.kind: Invalid value: "Config_Map": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });
  it('matchConditions: 64 at most, names required, qualified and unique', () => {
    const many = Array.from({ length: 65 }, (_, i) => ({ name: `c${i}`, expression: 'true' }));
    expect(msgs(policy({ matchConditions: many }))).toEqual(['spec.matchConditions: Too many: 65: must have at most 64 items']);
    expect(msgs(policy({ matchConditions: [{ name: 'a', expression: ' ' }, { name: 'a', expression: 'true' }, { expression: 'true' }] }))).toEqual([
      'spec.matchConditions[0].expression: Required value',
      'spec.matchConditions[1].name: Duplicate value: "a"',
      'spec.matchConditions[2].name: Required value',
    ]);
  });
  it('variables: CEL identifiers, message by version', () => {
    const v = { variables: [{ name: 'in', expression: '1' }, { name: '', expression: '' }, { name: 'ok_1', expression: 'x' }] };
    expect(msgs(policy(v))).toEqual([
      'spec.variables[0].name: Invalid value: "in": must be a valid CEL identifier',
      'spec.variables[1].name: Required value: name is not specified',
      'spec.variables[1].expression: Required value: expression is not specified',
    ]);
    expect(validatePolicy(policy(v, 'admissionregistration.k8s.io/v1beta1'), '1.34').errors[0].message).toBe('spec.variables[0].name: Invalid value: "in": name is not a valid CEL identifier');
  });
  it('the patchType union', () => {
    const m = (mutations: JsonObject[]) => msgs(policy({ mutations }));
    expect(m([{}])).toEqual(['spec.mutations[0].patchType: Required value']);
    expect(m([{ patchType: 'Merge' }])).toEqual(['spec.mutations[0].patchType: Unsupported value: "Merge": supported values: "ApplyConfiguration", "JSONPatch"']);
    expect(m([{ patchType: 'JSONPatch', applyConfiguration: { expression: 'Object{}' } }])).toEqual([
      'spec.mutations[0].jsonPatch: Required value: must be specified when patchType is JSONPatch',
      'spec.mutations[0].applyConfiguration: Invalid value: "{applyConfiguration}": must not be specified when patchType is JSONPatch',
    ]);
    expect(m([{ patchType: 'ApplyConfiguration', applyConfiguration: { expression: '  ' }, jsonPatch: { expression: '[]' } }])).toEqual([
      'spec.mutations[0].applyConfiguration.expression: Required value',
      'spec.mutations[0].jsonPatch: Invalid value: "{jsonPatch}": must not be specified when patchType is ApplyConfiguration',
    ]);
  });
  it('the 422 message', () => {
    const errs = validatePolicy(policy({ reinvocationPolicy: null }), '1.36').errors;
    expect(invalidObjectMessage('MutatingAdmissionPolicy', 'p', errs)).toBe('MutatingAdmissionPolicy.admissionregistration.k8s.io "p" is invalid: spec.reinvocationPolicy: Required value');
    const two = validatePolicy(policy({ reinvocationPolicy: null, failurePolicy: 'X' }), '1.36').errors;
    expect(invalidObjectMessage('MutatingAdmissionPolicy', 'p', two)).toBe(
      'MutatingAdmissionPolicy.admissionregistration.k8s.io "p" is invalid: [spec.failurePolicy: Unsupported value: "X": supported values: "Fail", "Ignore", spec.reinvocationPolicy: Required value]',
    );
  });
});

describe('validateBinding messages', () => {
  const b = (spec: JsonObject): JsonObject => ({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingAdmissionPolicyBinding', metadata: { name: 'b' }, spec });
  const bm = (spec: JsonObject) => validateBinding(b(spec), '1.36').errors.map((e) => e.message);
  it('policyName', () => {
    expect(bm({})).toEqual(['spec.policyName: Required value']);
    expect(bm({ policyName: 'P' })[0]).toMatch(/^spec.policyName: Invalid value: "P": a lowercase RFC 1123 subdomain/);
  });
  it('paramRef', () => {
    expect(bm({ policyName: 'p', paramRef: { parameterNotFoundAction: 'Deny' } })).toEqual(['spec.paramRef: Required value: one of name or selector must be specified']);
    expect(bm({ policyName: 'p', paramRef: { name: 'a', selector: {}, parameterNotFoundAction: 'Skip' } })).toEqual([
      'spec.paramRef.name: Forbidden: name and selector are mutually exclusive',
      'spec.paramRef.selector: Forbidden: name and selector are mutually exclusive',
      'spec.paramRef.parameterNotFoundAction: Unsupported value: "Skip": supported values: "Deny", "Allow"',
    ]);
  });
  it('matchResources: optional rules, mutating operations only', () => {
    expect(bm({ policyName: 'p', matchResources: {} })).toEqual([]);
    const r = validateBinding(b({ policyName: 'p', matchResources: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['DELETE'], resources: ['pods'] }] } }), '1.36');
    expect(r.errors.map((e) => e.message)).toEqual(['spec.matchResources.resourceRules.operations: Unsupported value: "DELETE": supported values: "*", "CONNECT", "CREATE", "UPDATE"']);
    expect((r.defaulted.spec as JsonObject).matchResources).toMatchObject({ namespaceSelector: {}, objectSelector: {}, matchPolicy: 'Equivalent' });
  });
});

describe('decoding into the Go type comes first (400 BadRequest)', () => {
  it('unknown fields (kubectl strict field validation) and wrong JSON types', () => {
    const p = policy({ mutations: [{ patchType: 'JSONPatch', jsonpatch: { expression: '[]' } }] });
    const r = validatePolicy(p, '1.36');
    expect(r.errors.map((e) => e.message)).toEqual(['spec.mutations[0].jsonPatch: Required value: must be specified when patchType is JSONPatch']);
    expect(r.decodeError).toBe('MutatingAdmissionPolicy in version "v1" cannot be handled as a MutatingAdmissionPolicy: strict decoding error: unknown field "spec.mutations[0].jsonpatch"');
    const q = validatePolicy(policy({ failurePolicy: 5n }, 'admissionregistration.k8s.io/v1beta1'), '1.34');
    expect(q.decodeError).toBe(
      'MutatingAdmissionPolicy in version "v1beta1" cannot be handled as a MutatingAdmissionPolicy: json: cannot unmarshal number into Go struct field MutatingAdmissionPolicySpec.spec.failurePolicy of type v1beta1.FailurePolicyType',
    );
    const b = validateBinding({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingAdmissionPolicyBinding', metadata: { name: 'b' }, spec: { policyName: 'p', paramRef: { name: 'x', parameterNotFoundAction: 'Deny', namespaces: 'a' } } }, '1.36');
    expect(b.decodeError).toBe('MutatingAdmissionPolicyBinding in version "v1" cannot be handled as a MutatingAdmissionPolicyBinding: strict decoding error: unknown field "spec.paramRef.namespaces"');
  });
});

describe('label texts by apimachinery release', () => {
  it('content.IsLabelKey/IsLabelValue from 1.35, validation.IsQualifiedName before', () => {
    const sel = { objectSelector: { matchExpressions: [{ key: 'a/b/c', operator: 'In', values: ['x'.repeat(64)] }] } };
    const p = (av: string) => policy({ matchConstraints: { resourceRules: [], ...sel } }, av);
    const at34 = msgs(p('admissionregistration.k8s.io/v1beta1'), '1.34');
    expect(at34.some((m) => m.includes('"a/b/c": a qualified name must'))).toBe(true);
    expect(at34.some((m) => m.endsWith(': must be no more than 63 characters'))).toBe(true);
    const at36 = msgs(p('admissionregistration.k8s.io/v1'));
    expect(at36.some((m) => m.includes('"a/b/c": a valid label key must'))).toBe(true);
    expect(at36.some((m) => m.endsWith(': must be no more than 63 bytes'))).toBe(true);
  });
});
