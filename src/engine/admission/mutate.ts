// One mutation (semantics.md §4.5, dispatcher.go dispatchOne): evaluate the expression within
// the mutation's budget, then patch the object with JSONPatch or ApplyConfiguration.
import type { Activation } from '../cel/program.js';
import type { CelValue, JsonObject } from '../cel/values.js';
import type { JsonValue, KubernetesVersion } from '../types.js';
import type { ObjectCodec } from './codec.js';
import { expressionError, type FatalError } from './errors.js';
import { BUDGET_EXCEEDED, MUTATION_COST_BUDGET, PER_CALL_COST_LIMIT } from '../cel/kubernetes/limits.js';
import { applyJsonPatchMutation } from './mutate-jsonpatch.js';
import { applyConfigurationMutation } from './mutate-apply.js';
import type { CompiledMutation } from './policy.js';
import type { CrdSchemas } from './mutate-apply.js';

export type MutationOutcome =
  | { readonly kind: 'applied'; readonly object: JsonObject; readonly output: JsonValue | null }
  | { readonly kind: 'error'; readonly message: string; readonly output: JsonValue | null }
  | { readonly kind: 'fatal'; readonly fatal: FatalError; readonly detail: string; readonly output: JsonValue | null };

export interface MutationContext {
  readonly version: KubernetesVersion;
  readonly codec: ObjectCodec;
  readonly schemas: CrdSchemas;
  readonly gvk: { readonly group: string; readonly version: string; readonly kind: string };
  /**
   * Input values besides the object (oldObject, params, …): lists and maps reachable from them
   * are Go data upstream, not CEL-built containers, which matters to ApplyConfiguration's
   * conversion of nested literals (semantics.md §5.4).
   */
  readonly inputs?: readonly CelValue[];
}

export function dispatchMutation(
  mutation: CompiledMutation,
  current: JsonObject,
  activation: Activation,
  variableCost: () => number,
  ctx: MutationContext,
): MutationOutcome {
  const compiled = mutation.expression;
  if (!compiled) {
    return { kind: 'error', message: `mutation ${mutation.index} has no expression`, output: null };
  }
  if (!compiled.program) return { kind: 'error', message: compiled.error ?? '', output: null };
  const before = variableCost();
  const r = compiled.program.evaluate(activation, { costLimit: PER_CALL_COST_LIMIT });
  if (r.cost + (variableCost() - before) > MUTATION_COST_BUDGET) {
    return { kind: 'error', message: BUDGET_EXCEEDED, output: null };
  }
  if (!r.ok) return { kind: 'error', message: expressionError(compiled.source, r.error.message), output: null };
  const value: CelValue = r.value;
  if (mutation.patchType === 'JSONPatch') return applyJsonPatchMutation(value, current, ctx.codec, ctx);
  return applyConfigurationMutation(value, current, ctx);
}
