// One ApplyConfiguration mutation (semantics.md §7). PLACEHOLDER until the structured-merge-diff
// work lands: it says clearly that it is not supported, never does something else silently.
import type { CelValue, JsonObject } from '../cel/values.js';
import type { MutationContext, MutationOutcome } from './mutate.js';

/** Schemas of the scenario's custom resources, by group/version/kind. */
export type CrdSchemas = ReadonlyMap<string, JsonObject>;

export function applyConfigurationMutation(
  _output: CelValue,
  _current: JsonObject,
  _ctx: MutationContext,
): MutationOutcome {
  return { kind: 'error', message: 'ApplyConfiguration mutations are not supported yet by this playground', output: null };
}
