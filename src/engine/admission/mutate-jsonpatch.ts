// One JSONPatch mutation (semantics.md §6.1; apiserver mutating/patch/json_patch.go): evaluate,
// turn each JSONPatch into an RFC 6902 operation, apply all of them to a copy, then decode the
// result as the kind's Go type would.
import { CelError, StructValue, isCelList, newJsonObject, type CelValue, type JsonObject } from '../cel/values.js';
import { checkObjectTypeNames, ObjectValue } from '../cel/kubernetes/mutation-types.js';
import { celValueToJson, type IsCelBuilt } from '../cel/kubernetes/mutation-json.js';
import { celBuiltPredicate } from './cel-built.js';
import { applyJsonPatch } from './jsonpatch/index.js';
import type { JsonValue } from '../types.js';
import type { MutationContext, MutationOutcome } from './mutate.js';
import { internalError, panicError } from './errors.js';
import type { ObjectCodec } from './codec.js';

/** The RFC 6902 operations a `list(JSONPatch)` value stands for, or the error building them. */
export function toOperations(
  value: CelValue,
  isCelBuilt: IsCelBuilt,
): { ok: true; ops: JsonObject[] } | { ok: false; error: string; panic?: boolean } {
  if (!isCelList(value)) return { ok: false, error: 'expected a list of JSONPatch' };
  const ops: JsonObject[] = [];
  for (const item of value) {
    if (!(item instanceof StructValue)) return { ok: false, error: 'expected a list of JSONPatch' };
    const op: JsonObject = newJsonObject();
    const field = (f: string): string => {
      const v = item.get(f);
      return typeof v === 'string' ? v : '';
    };
    op.op = field('op');
    op.path = field('path');
    const from = field('from');
    if (from) op.from = from;
    if (item.has('value')) {
      const v = item.get('value');
      if (v instanceof CelError) return { ok: false, error: v.message };
      // A value's root Object name is free; the names nested in it must follow the field path.
      const names = v instanceof ObjectValue ? checkObjectTypeNames(v) : undefined;
      if (names) return { ok: false, error: names };
      const json = celValueToJson(v, isCelBuilt);
      if (!json.ok) return { ok: false, error: json.error, panic: json.kind === 'panic' };
      op.value = json.json as CelValue;
    }
    ops.push(op);
  }
  return { ok: true, ops };
}

export function applyJsonPatchMutation(
  output: CelValue,
  current: JsonObject,
  codec: ObjectCodec,
  ctx: Pick<MutationContext, 'version' | 'inputs'>,
): MutationOutcome {
  const { version } = ctx;
  const built = toOperations(output, celBuiltPredicate([current, ...(ctx.inputs ?? [])]));
  if (!built.ok) {
    if (built.panic) return { kind: 'fatal', fatal: panicError(), detail: `panic: ${built.error}`, output: [] };
    return { kind: 'error', message: built.error, output: null };
  }
  const ops = built.ops as unknown as JsonValue[];
  const applied = applyJsonPatch(current, built.ops, { version });
  if (!applied.ok) {
    if ('testFailed' in applied && applied.testFailed) {
      // A failed `test` is a silent no-op for the whole expression, and still counts as a success.
      return { kind: 'applied', object: current, output: ops };
    }
    if ('panic' in applied && applied.panic) {
      return { kind: 'fatal', fatal: panicError(), detail: 'panic: runtime error: invalid memory address or nil pointer dereference', output: ops };
    }
    return { kind: 'error', message: `JSON Patch: ${'error' in applied ? applied.error : ''}`, output: ops };
  }
  const decoded = codec.decodeJsonPatchResult(applied.doc as JsonObject);
  if (!decoded.ok) return { kind: 'fatal', fatal: internalError(decoded.error), detail: decoded.error, output: ops };
  return { kind: 'applied', object: decoded.value, output: ops };
}
