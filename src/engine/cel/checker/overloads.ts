// Overload resolution of one call (cel-go checker.go resolveOverload): every overload whose
// parameters accept the argument types contributes its id; the result type is the common one,
// or dyn when they differ.
import { T, type CelType } from '../types.js';
import { CROSS_TYPE_NUMERIC_OVERLOADS, type CheckerFunction } from './env.js';
import { isAssignable, isAssignableList, isDyn, isExactType, renameParams, substitute, type Mapping } from './type-ops.js';

export interface OverloadState {
  readonly mappings: Mapping;
  /** cross-type numeric comparisons are left out (see Checker.filterCrossType) */
  readonly filterCrossType: boolean;
  readonly newTypeVar: () => CelType;
}

export type OverloadResult =
  | { readonly ok: true; readonly type: CelType; readonly ids: string[]; readonly mappings: Mapping }
  | {
      readonly ok: false;
      readonly mappings: Mapping;
      /** `_&&_`/`_||_`: the arguments that are not bool (each reported as a mismatch) */
      readonly nonBoolArgs?: readonly number[];
      /** otherwise: the argument types as the "found no matching overload" message shows them */
      readonly shownArgTypes: readonly CelType[];
    };

export function resolveOverload(fn: CheckerFunction, argTypes: readonly CelType[], member: boolean, state: OverloadState): OverloadResult {
  let mappings = state.mappings;
  let resultType: CelType | undefined;
  const ids: string[] = [];
  for (const { decl, typeParams } of fn.overloads) {
    if (state.filterCrossType && CROSS_TYPE_NUMERIC_OVERLOADS.has(decl.id)) continue;
    if (member !== decl.member) continue;

    // Logical operators: every argument must be bool; mismatches are reported per argument.
    if (fn.name === '_&&_' || fn.name === '_||_') {
      const nonBoolArgs: number[] = [];
      argTypes.forEach((t, i) => {
        const m = isAssignable(mappings, t, T.bool);
        if (m === undefined) nonBoolArgs.push(i);
        else mappings = m;
      });
      return nonBoolArgs.length ? { ok: false, mappings, nonBoolArgs, shownArgTypes: argTypes } : { ok: true, type: T.bool, ids: [decl.id], mappings };
    }

    let params = decl.params;
    let result = decl.result;
    if (typeParams.length) {
      const fresh = new Map<string, CelType>();
      for (const p of typeParams) fresh.set(p, state.newTypeVar());
      params = params.map((p) => renameParams(p, fresh));
      result = renameParams(result, fresh);
    }
    const m = isAssignableList(mappings, argTypes, params);
    if (m === undefined) continue;
    mappings = m;
    ids.push(decl.id);
    const fnResult = substitute(mappings, result, false);
    if (resultType === undefined) resultType = fnResult;
    else if (!isDyn(resultType) && !isExactType(fnResult, resultType)) resultType = T.dyn;
  }
  if (resultType === undefined) return { ok: false, mappings, shownArgTypes: argTypes.map((t) => substitute(mappings, t, true)) };
  return { ok: true, type: resultType, ids, mappings };
}
