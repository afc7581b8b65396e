// matchConditions (semantics.md §4.3; apiserver webhook/matchconditions/matcher.go): every
// condition is evaluated, in order, over one activation and one shared budget; then the first
// `false` wins over any error, and otherwise errors decide.
import type { Activation } from '../cel/program.js';
import type { MatchConditionTrace } from '../types.js';
import { aggregate, expressionError } from './errors.js';
import { MATCH_CONDITIONS_COST_BUDGET, BUDGET_EXCEEDED, PER_CALL_COST_LIMIT } from '../cel/kubernetes/limits.js';
import type { NamedExpression } from './policy.js';

export type ConditionsOutcome =
  | { readonly kind: 'matched' }
  | { readonly kind: 'false'; readonly name: string }
  | { readonly kind: 'error'; readonly message: string };

export interface ConditionsResult {
  readonly outcome: ConditionsOutcome;
  readonly trace: readonly MatchConditionTrace[];
}

export function evaluateMatchConditions(
  conditions: readonly NamedExpression[],
  activation: Activation,
  variableCost: () => number,
): ConditionsResult {
  const trace: MatchConditionTrace[] = [];
  const results: ({ value: boolean } | { error: string })[] = [];
  let remaining = MATCH_CONDITIONS_COST_BUDGET;
  for (const c of conditions) {
    const program = c.expression.program;
    if (!program) {
      const error = `compilation error: ${c.expression.error ?? ''}`;
      results.push({ error });
      trace.push({ name: c.name, result: null, error });
      continue;
    }
    const before = variableCost();
    const r = program.evaluate(activation, { costLimit: PER_CALL_COST_LIMIT });
    remaining -= r.cost + (variableCost() - before);
    if (remaining < 0) {
      // Running out of the shared budget aborts everything, even after a false condition.
      trace.push({ name: c.name, result: null, error: BUDGET_EXCEEDED });
      return { outcome: { kind: 'error', message: BUDGET_EXCEEDED }, trace };
    }
    if (r.ok && typeof r.value === 'boolean') {
      results.push({ value: r.value });
      trace.push({ name: c.name, result: r.value, error: null });
    } else {
      const message = r.ok ? 'no such overload' : r.error.message;
      const error = expressionError(c.expression.source, message);
      results.push({ error });
      trace.push({ name: c.name, result: null, error });
    }
  }
  const errors: string[] = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if ('value' in r) {
      if (!r.value) return { outcome: { kind: 'false', name: conditions[i].name }, trace };
    } else {
      errors.push(r.error);
    }
  }
  if (errors.length) return { outcome: { kind: 'error', message: aggregate(errors) }, trace };
  return { outcome: { kind: 'matched' }, trace };
}
