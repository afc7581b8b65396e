// A MutatingAdmissionPolicy and its bindings as the plugin holds them once loaded: the spec
// fields it reads, and every expression compiled (compilation.go). Reading is defensive: the
// scenario may hold objects the API server would have refused; those problems are diagnostics
// elsewhere, and here a missing field reads as upstream's nil.
import { isJsonObject, type JsonObject } from '../cel/values.js';
import type { CelType } from '../cel/types.js';
import type { KubernetesVersion } from '../types.js';
import {
  compileCondition,
  compileExpression,
  requiredMutationType,
  type CompiledExpression,
  type EnvironmentCache,
} from './compile.js';

export interface NamedExpression {
  readonly name: string;
  readonly expression: CompiledExpression;
  /** where the expression text lives, relative to the policy: ['spec', 'matchConditions', 0, 'expression'] */
  readonly path: readonly (string | number)[];
}

export interface CompiledMutation {
  readonly index: number;
  readonly patchType: 'JSONPatch' | 'ApplyConfiguration' | string;
  /** undefined: no patcher (an unknown patchType, or its member missing) */
  readonly expression: CompiledExpression | undefined;
  readonly path: readonly (string | number)[];
}

export interface ParamKind {
  readonly apiVersion: string;
  readonly kind: string;
}

export interface CompiledPolicy {
  readonly name: string;
  readonly object: JsonObject;
  readonly failurePolicy: 'Fail' | 'Ignore';
  readonly reinvocationPolicy: 'Never' | 'IfNeeded';
  readonly paramKind: ParamKind | undefined;
  readonly matchConstraints: JsonObject | undefined;
  readonly matchConditions: readonly NamedExpression[];
  readonly variables: readonly NamedExpression[];
  readonly mutations: readonly CompiledMutation[];
}

export interface Binding {
  readonly name: string;
  readonly policyName: string;
  readonly paramRef: JsonObject | undefined;
  readonly matchResources: JsonObject | undefined;
  /** true for the binding a scenario without `bindings` gives each policy */
  readonly implicit: boolean;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function obj(v: unknown): JsonObject | undefined {
  return isJsonObject(v) ? v : undefined;
}

export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * Compiles a policy's expressions: 'stored' as the plugin does when the policy loads (what runs),
 * 'new' as the API server validates a created policy (version N-1, and match conditions without
 * `variables`).
 */
export function compilePolicy(
  policy: JsonObject,
  version: KubernetesVersion,
  cache: EnvironmentCache,
  mode: 'stored' | 'new' = 'stored',
): CompiledPolicy {
  const metadata = obj(policy.metadata);
  const spec = obj(policy.spec) ?? {};
  const paramKindObj = obj(spec.paramKind);
  const paramKind = paramKindObj
    ? { apiVersion: str(paramKindObj.apiVersion) ?? '', kind: str(paramKindObj.kind) ?? '' }
    : undefined;
  const hasParams = paramKind !== undefined;

  // Variables compile in order; each sees the compiled types of the ones before it.
  const variables: NamedExpression[] = [];
  const declared: { name: string; type: CelType }[] = [];
  list(spec.variables).forEach((v, i) => {
    const o = obj(v) ?? {};
    const name = str(o.name) ?? '';
    const env = cache.get({ version, mode, kind: 'variable', hasParams, variables: [...declared] });
    const expression = compileExpression(str(o.expression) ?? '', env, undefined);
    variables.push({ name, expression, path: ['spec', 'variables', i, 'expression'] });
    declared.push({ name, type: expression.program?.type ?? { kind: 'dyn' } });
  });

  // The runtime compiler gives match conditions the policy's variables too (API validation does not).
  const conditionVariables = mode === 'stored' ? declared : undefined;
  const conditionEnv = cache.get({ version, mode, kind: 'matchCondition', hasParams, variables: conditionVariables });
  const matchConditions = list(spec.matchConditions).map((c, i): NamedExpression => {
    const o = obj(c) ?? {};
    return {
      name: str(o.name) ?? '',
      expression: compileCondition(str(o.expression) ?? '', conditionEnv),
      path: ['spec', 'matchConditions', i, 'expression'],
    };
  });

  const mutationEnv = cache.get({ version, mode, kind: 'mutation', hasParams, variables: declared });
  const mutations = list(spec.mutations).map((m, index): CompiledMutation => {
    const o = obj(m) ?? {};
    const patchType = str(o.patchType) ?? '';
    const member = patchType === 'JSONPatch' ? 'jsonPatch' : 'applyConfiguration';
    // compilation.go builds a patcher only for a known patchType whose member is set (an
    // empty expression still compiles, and fails); the dispatcher checks the count.
    const known = patchType === 'JSONPatch' || patchType === 'ApplyConfiguration';
    const body = known ? obj(o[member]) : undefined;
    return {
      index,
      patchType,
      expression:
        body === undefined ? undefined : compileExpression(str(body.expression) ?? '', mutationEnv, requiredMutationType(patchType)),
      path: ['spec', 'mutations', index, member, 'expression'],
    };
  });

  return {
    name: str(metadata?.name) ?? '',
    object: policy,
    failurePolicy: spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail',
    reinvocationPolicy: spec.reinvocationPolicy === 'IfNeeded' ? 'IfNeeded' : 'Never',
    paramKind,
    matchConstraints: obj(spec.matchConstraints),
    matchConditions,
    variables,
    mutations,
  };
}

export function readBinding(binding: JsonObject): Binding {
  const spec = obj(binding.spec) ?? {};
  return {
    name: str(obj(binding.metadata)?.name) ?? '',
    policyName: str(spec.policyName) ?? '',
    paramRef: obj(spec.paramRef),
    matchResources: obj(spec.matchResources),
    implicit: false,
  };
}

/** The binding a scenario without `bindings` gives each policy (docs/scenario.md). */
export function implicitBinding(policyName: string): Binding {
  return { name: policyName, policyName, paramRef: undefined, matchResources: undefined, implicit: true };
}

/** Every expression of a compiled policy, with its place in the policy, in document order. */
export function policyExpressions(p: CompiledPolicy): { path: readonly (string | number)[]; expression: CompiledExpression; mutation?: CompiledMutation }[] {
  return [
    ...p.matchConditions.map((c) => ({ path: c.path, expression: c.expression })),
    ...p.variables.map((v) => ({ path: v.path, expression: v.expression })),
    ...p.mutations.flatMap((m) => (m.expression ? [{ path: m.path, expression: m.expression, mutation: m }] : [])),
  ];
}
