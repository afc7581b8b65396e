// One ApplyConfiguration mutation (semantics.md §7.1; apiserver mutating/patch/smd.go): check the
// Object type names, convert the value, give it the object's apiVersion/kind, merge it into the
// object with structured-merge-diff on the kind's schema, then decode the result.
import type { CelValue, JsonObject } from '../cel/values.js';
import { checkObjectTypeNames, ObjectValue } from '../cel/kubernetes/mutation-types.js';
import { objectToJson, RawCelValue, type JsonOut } from '../cel/kubernetes/mutation-json.js';
import type { JsonValue } from '../types.js';
import type { MutationContext, MutationOutcome } from './mutate.js';
import { celBuiltPredicate } from './cel-built.js';
import { applyStructuredMergeDiff } from './apply/smd.js';
import { schemaFor } from './apply/schemas.js';
import { fromUnstructuredError } from './apply/from-unstructured.js';
import type { SmdValue } from './apply/values.js';

/** Schemas of the scenario's custom resources (openAPIV3Schema), by "group/version/kind". */
export type CrdSchemas = ReadonlyMap<string, JsonObject>;

/** The apply configuration as JSON for the trace (values Go could not convert show as null). */
function displayJson(v: JsonOut): JsonValue {
  if (v instanceof RawCelValue) return null;
  if (Array.isArray(v)) return v.map(displayJson);
  if (v !== null && typeof v === 'object') {
    const out: { [k: string]: JsonValue } = {};
    for (const k of Object.keys(v)) out[k] = displayJson((v as { [k: string]: JsonOut })[k]);
    return out;
  }
  return v;
}

export function applyConfigurationMutation(output: CelValue, current: JsonObject, ctx: MutationContext): MutationOutcome {
  if (!(output instanceof ObjectValue)) {
    return { kind: 'error', message: 'unsupported return type from ApplyConfiguration expression', output: null };
  }
  const names = checkObjectTypeNames(output, 'Object');
  if (names) return { kind: 'error', message: names, output: null };
  const converted = objectToJson(output, celBuiltPredicate([current, ...(ctx.inputs ?? [])]));
  if (!converted.ok) // ObjectVal.Value() is then an error value, not a map
    return { kind: 'error', message: 'invalid return type: *dynamic.ObjectVal', output: null };
  const { group, version, kind } = ctx.gvk;
  const patch = { ...(converted.json as { [k: string]: JsonOut }) };
  patch.apiVersion = group ? `${group}/${version}` : version;
  patch.kind = kind;
  const shown = displayJson(patch);
  const root = schemaFor(ctx.gvk, ctx.schemas, ctx.version);
  if (!root) {
    const gvk = `${group ? `${group}/${version}` : `/${version}`}, Kind=${kind}`;
    return { kind: 'error', message: `error applying patch: failed to convert patch object to typed object: no corresponding type for ${gvk}`, output: shown };
  }
  const r = applyStructuredMergeDiff(root, current as SmdValue, patch as SmdValue, ctx.version, ctx.codec.applyMemo, ctx.codec.undeclaredLiveFieldsDropped);
  if (!r.ok) return { kind: 'error', message: `error applying patch: ${r.error}`, output: shown };
  const typedErr = fromUnstructuredError(r.value as JsonObject, current, ctx.gvk, ctx.version);
  if (typedErr) return { kind: 'error', message: typedErr, output: shown };
  const decoded = ctx.codec.decodeApplyResult(r.value as JsonObject);
  if (!decoded.ok) return { kind: 'error', message: decoded.error, output: shown };
  return { kind: 'applied', object: decoded.value, output: shown };
}
