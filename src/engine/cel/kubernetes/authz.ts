// Kubernetes authz library (apiserver pkg/cel/library/authz.go): authorizer.path(p),
// .group(g), .serviceAccount(ns, name), <GroupCheck>.resource(r), <ResourceCheck>.subresource/
// namespace/name/fieldSelector/labelSelector, .check(verb), <Decision>.allowed/reason/errored/error.
// The authorizer is a host object: an AuthorizerBackend decides; the scenario's allow rules
// build one (every check not allowed is denied with no error and an empty reason).
import type { Library, OverloadDecl } from '../decls.js';
import { T } from '../types.js';
import type { CelType } from '../types.js';
import { CelError, OpaqueValue } from '../values.js';
import type { CelValue } from '../values.js';
import { K8S_TYPES, LIST_CREATE_BASE_COST, STRING_TRAVERSAL_COST_FACTOR, STRUCT_CREATE_BASE_COST, actualSize, argSize, costAdd, fixedCost, noSuchOverload, sizeTimes } from './common.js';
import type { CostEstimate, SizeEstimate } from '../decls.js';
import { isDNS1123Label, isDNS1123Subdomain } from '../../k8s/name-validation.js';

export interface AuthzUser {
  readonly username: string;
  readonly uid?: string;
  readonly groups?: readonly string[];
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

/** authorizer.AttributesRecord as the library fills it. */
export interface AuthzAttributes {
  readonly user: AuthzUser;
  readonly verb: string;
  readonly resourceRequest: boolean;
  /** non-resource requests */
  readonly path: string;
  readonly apiGroup: string;
  /** always "*" for resource checks */
  readonly apiVersion: string;
  readonly resource: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
  readonly fieldSelector: string;
  readonly labelSelector: string;
}

export interface AuthzDecision {
  readonly decision: 'allow' | 'deny' | 'noOpinion';
  readonly reason: string;
  readonly error?: string;
}

export interface AuthorizerBackend {
  authorize(attrs: AuthzAttributes): AuthzDecision;
}

/** A scenario allow rule; an empty or absent field matches anything. */
export interface AuthzAllowRule {
  readonly verb?: string;
  readonly group?: string;
  readonly resource?: string;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly path?: string;
  /** a user name (e.g. system:serviceaccount:ns:name); empty = any user */
  readonly user?: string;
}

const matches = (want: string | undefined, got: string): boolean => want === undefined || want === '' || want === '*' || want === got;

/** A backend deciding from allow rules: allow on the first match (reason ''), else deny. */
export function authorizerBackendFromRules(rules: readonly AuthzAllowRule[], _requestUser?: AuthzUser): AuthorizerBackend {
  return {
    authorize(a) {
      for (const r of rules) {
        if (!matches(r.user, a.user.username) || !matches(r.verb, a.verb)) continue;
        if (a.resourceRequest) {
          if (r.path) continue;
          if (
            matches(r.group, a.apiGroup) &&
            matches(r.resource, a.resource) &&
            matches(r.subresource, a.subresource) &&
            matches(r.namespace, a.namespace) &&
            matches(r.name, a.name)
          )
            return { decision: 'allow', reason: '' };
        } else {
          if (r.resource || r.group || r.subresource || r.namespace || r.name) continue;
          if (matches(r.path, a.path)) return { decision: 'allow', reason: '' };
        }
      }
      return { decision: 'noOpinion', reason: '' };
    },
  };
}

abstract class AuthzObject extends OpaqueValue {
  abstract override readonly celType: CelType;
  equals(other: OpaqueValue): boolean {
    return other === this;
  }
  /** upstream receiverOnlyObjectVal.Equal never matches the full value: `no such overload` */
  celEqualsOrError(other: CelValue): boolean | CelError {
    return noSuchOverload(other);
  }
}

export class AuthorizerValue extends AuthzObject {
  readonly celType = K8S_TYPES.authorizer;
  constructor(
    readonly backend: AuthorizerBackend,
    readonly user: AuthzUser,
  ) {
    super();
  }
}
export class PathCheckValue extends AuthzObject {
  readonly celType = K8S_TYPES.pathCheck;
  constructor(
    readonly authorizer: AuthorizerValue,
    readonly path: string,
  ) {
    super();
  }
}
export class GroupCheckValue extends AuthzObject {
  readonly celType = K8S_TYPES.groupCheck;
  constructor(
    readonly authorizer: AuthorizerValue,
    readonly group: string,
  ) {
    super();
  }
}
export interface ResourceCheckFields {
  readonly resource: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
  readonly fieldSelector: string;
  readonly labelSelector: string;
}
export class ResourceCheckValue extends AuthzObject {
  readonly celType = K8S_TYPES.resourceCheck;
  constructor(
    readonly groupCheck: GroupCheckValue,
    readonly fields: ResourceCheckFields,
  ) {
    super();
  }
  with(patch: Partial<ResourceCheckFields>): ResourceCheckValue {
    return new ResourceCheckValue(this.groupCheck, { ...this.fields, ...patch });
  }
}
export class DecisionValue extends AuthzObject {
  readonly celType = K8S_TYPES.decision;
  constructor(readonly decision: AuthzDecision) {
    super();
  }
}

/** The `authorizer` variable for a requesting user. */
export function newAuthorizerValue(backend: AuthorizerBackend, user: AuthzUser): AuthorizerValue {
  return new AuthorizerValue(backend, user);
}

/** `authorizer.requestResource`: a ResourceCheck preset from the request. */
export function newRequestResourceCheck(
  backend: AuthorizerBackend,
  user: AuthzUser,
  req: { readonly group: string; readonly resource: string; readonly subresource: string; readonly namespace: string; readonly name: string },
): ResourceCheckValue {
  const g = new GroupCheckValue(new AuthorizerValue(backend, user), req.group);
  return new ResourceCheckValue(g, {
    resource: req.resource,
    subresource: req.subresource,
    namespace: req.namespace,
    name: req.name,
    fieldSelector: '',
    labelSelector: '',
  });
}

/** Convenience for the admission engine: the `authorizer` variable from scenario rules. */
export function authorizerValue(rules: readonly AuthzAllowRule[], user: AuthzUser): AuthorizerValue {
  return newAuthorizerValue(authorizerBackendFromRules(rules, user), user);
}
/** Convenience for the admission engine: `authorizer.requestResource` from scenario rules. */
export function requestResourceCheck(
  rules: readonly AuthzAllowRule[],
  user: AuthzUser,
  req: { readonly group: string; readonly resource: string; readonly subresource: string; readonly namespace: string; readonly name: string },
): ResourceCheckValue {
  return newRequestResourceCheck(authorizerBackendFromRules(rules, user), user, req);
}

function decide(backend: AuthorizerBackend, attrs: AuthzAttributes): DecisionValue {
  return new DecisionValue(backend.authorize(attrs));
}

const A = K8S_TYPES.authorizer;
const P = K8S_TYPES.pathCheck;
const G = K8S_TYPES.groupCheck;
const R = K8S_TYPES.resourceCheck;
const D = K8S_TYPES.decision;

function member(id: string, params: CelType[], result: CelType, impl: (args: readonly CelValue[]) => CelValue, cost = fixedCost(1)): OverloadDecl {
  return { id, member: true, params, result, impl, cost };
}

const rcSetter = (id: string, field: keyof ResourceCheckFields): OverloadDecl =>
  member(id, [R, T.string], R, ([rc, s]) => {
    if (!(rc instanceof ResourceCheckValue)) return noSuchOverload(rc);
    if (typeof s !== 'string') return noSuchOverload(s);
    return rc.with({ [field]: s });
  });

const CHECK_COST = 350000;

export const authzLibrary: Library = {
  name: 'kubernetes.authz',
  functions: [
    {
      name: 'path',
      overloads: [
        member('authorizer_path', [A, T.string], P, ([a, p]) => {
          if (!(a instanceof AuthorizerValue)) return noSuchOverload(a);
          if (typeof p !== 'string') return noSuchOverload(p);
          if (p.trim().length === 0) return new CelError('path must not be empty');
          return new PathCheckValue(a, p);
        }),
      ],
    },
    {
      name: 'group',
      overloads: [
        member('authorizer_group', [A, T.string], G, ([a, g]) => {
          if (!(a instanceof AuthorizerValue)) return noSuchOverload(a);
          if (typeof g !== 'string') return noSuchOverload(g);
          return new GroupCheckValue(a, g);
        }),
      ],
    },
    {
      name: 'serviceAccount',
      overloads: [
        member('authorizer_serviceaccount', [A, T.string, T.string], A, ([a, ns, name]) => {
          if (!(a instanceof AuthorizerValue)) return noSuchOverload(a);
          if (typeof ns !== 'string') return noSuchOverload(ns);
          if (typeof name !== 'string') return noSuchOverload(name);
          if (isDNS1123Subdomain(name).length > 0) return new CelError('Invalid service account name');
          if (isDNS1123Label(ns).length > 0) return new CelError('Invalid service account namespace');
          // serviceaccount.ServiceAccountInfo.UserInfo()
          return new AuthorizerValue(a.backend, {
            username: `system:serviceaccount:${ns}:${name}`,
            groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`],
            extra: {},
          });
        }),
      ],
    },
    {
      name: 'resource',
      overloads: [
        member('groupcheck_resource', [G, T.string], R, ([g, r]) => {
          if (!(g instanceof GroupCheckValue)) return noSuchOverload(g);
          if (typeof r !== 'string') return noSuchOverload(r);
          if (r.trim().length === 0) return new CelError('resource must not be empty');
          return new ResourceCheckValue(g, { resource: r, subresource: '', namespace: '', name: '', fieldSelector: '', labelSelector: '' });
        }),
      ],
    },
    { name: 'subresource', overloads: [rcSetter('resourcecheck_subresource', 'subresource')] },
    { name: 'namespace', overloads: [rcSetter('resourcecheck_namespace', 'namespace')] },
    { name: 'name', overloads: [rcSetter('resourcecheck_name', 'name')] },
    {
      name: 'check',
      overloads: [
        member(
          'pathcheck_check',
          [P, T.string],
          D,
          ([pc, verb]) => {
            if (!(pc instanceof PathCheckValue)) return noSuchOverload(pc);
            if (typeof verb !== 'string') return noSuchOverload(verb);
            return decide(pc.authorizer.backend, {
              user: pc.authorizer.user,
              verb,
              resourceRequest: false,
              path: pc.path,
              apiGroup: '',
              apiVersion: '',
              resource: '',
              subresource: '',
              namespace: '',
              name: '',
              fieldSelector: '',
              labelSelector: '',
            });
          },
          fixedCost(CHECK_COST),
        ),
        member(
          'resourcecheck_check',
          [R, T.string],
          D,
          ([rc, verb]) => {
            if (!(rc instanceof ResourceCheckValue)) return noSuchOverload(rc);
            if (typeof verb !== 'string') return noSuchOverload(verb);
            const az = rc.groupCheck.authorizer;
            return decide(az.backend, {
              user: az.user,
              verb,
              resourceRequest: true,
              path: '',
              apiGroup: rc.groupCheck.group,
              apiVersion: '*',
              ...rc.fields,
            });
          },
          fixedCost(CHECK_COST),
        ),
      ],
    },
    {
      name: 'errored',
      overloads: [member('decision_errored', [D], T.bool, ([d]) => (d instanceof DecisionValue ? d.decision.error !== undefined : noSuchOverload(d)))],
    },
    {
      name: 'error',
      overloads: [member('decision_error', [D], T.string, ([d]) => (d instanceof DecisionValue ? (d.decision.error ?? '') : noSuchOverload(d)))],
    },
    {
      name: 'allowed',
      overloads: [member('decision_allowed', [D], T.bool, ([d]) => (d instanceof DecisionValue ? d.decision.decision === 'allow' : noSuchOverload(d)))],
    },
    {
      name: 'reason',
      overloads: [member('decision_reason', [D], T.string, ([d]) => (d instanceof DecisionValue ? d.decision.reason : noSuchOverload(d)))],
    },
  ],
};

// cost.go selectorCostEstimate: base list-create cost + 0.1/char parsing + (len × 0.5) × 50.
function selectorCost(len: SizeEstimate): CostEstimate {
  const base = { min: LIST_CREATE_BASE_COST, max: LIST_CREATE_BASE_COST };
  const parse = sizeTimes(len, STRING_TRAVERSAL_COST_FACTOR);
  const reqCount = sizeTimes(len, 0.5);
  const req = sizeTimes({ min: reqCount.min, max: reqCount.max }, LIST_CREATE_BASE_COST + STRUCT_CREATE_BASE_COST);
  return costAdd(costAdd(base, parse), req);
}
const selectorOverload = (id: string, field: 'fieldSelector' | 'labelSelector'): OverloadDecl => ({
  ...rcSetter(id, field),
  cost: {
    runtime: (args) => {
      const n = actualSize(args[1]);
      return selectorCost({ min: n, max: n }).max;
    },
    estimate: (input) => ({ cost: selectorCost(argSize(input, 1)) }),
  },
});

/** Authz selectors (1.31+, gate AuthorizeWithSelectors, GA 1.34). Selectors are recorded on the
 * attributes as written; rules here do not evaluate them. */
export const authzSelectorsLibrary: Library = {
  name: 'kubernetes.authzSelectors',
  functions: [
    { name: 'fieldSelector', overloads: [selectorOverload('authorizer_fieldselector', 'fieldSelector')] },
    { name: 'labelSelector', overloads: [selectorOverload('authorizer_labelselector', 'labelSelector')] },
  ],
};
