// The function table of an environment and the cost of one call (cel-go interpreter/runtimecost.go).
import type { FunctionDecl, Library, OverloadCost, OverloadDecl } from '../decls.js';
import type { CelValue } from '../values.js';
import { BUILTIN_COSTS } from '../stdlib/costs.js';

export interface FunctionTable {
  readonly byId: ReadonlyMap<string, OverloadDecl>;
  readonly byName: ReadonlyMap<string, readonly OverloadDecl[]>;
  /** overloads of cel-go's standard and optional libraries (no Kubernetes estimator applies) */
  readonly standardIds: ReadonlySet<string>;
}

/** Libraries whose calls cel-go costs by overload id alone. */
const STANDARD_LIBRARIES = new Set(['cel.stdlib', 'cel.lib.optional']);

/** Indexes every overload of the libraries; a later library's overload replaces an earlier one with the same id. */
export function buildFunctionTable(libraries: readonly Library[]): FunctionTable {
  const byId = new Map<string, OverloadDecl>();
  const names = new Map<string, Map<string, OverloadDecl>>();
  const add = (fn: FunctionDecl) => {
    let m = names.get(fn.name);
    if (!m) names.set(fn.name, (m = new Map()));
    for (const o of fn.overloads) {
      byId.set(o.id, o);
      m.set(o.id, o);
    }
  };
  const standardIds = new Set<string>();
  for (const lib of libraries) {
    for (const fn of lib.functions ?? []) {
      add(fn);
      if (STANDARD_LIBRARIES.has(lib.name)) for (const o of fn.overloads) standardIds.add(o.id);
    }
  }
  const byName = new Map<string, OverloadDecl[]>();
  for (const [name, m] of names) byName.set(name, [...m.values()]);
  return { byId, byName, standardIds };
}

/** The runtime halves of cel-go's built-in costs, looked up directly: this runs on every call. */
const BUILTIN_RUNTIME: ReadonlyMap<string, NonNullable<OverloadCost['runtime']>> = new Map(
  [...BUILTIN_COSTS].map(([id, c]) => [id, c.runtime!]),
);

/**
 * The cost of one call: cel-go's built-in table keyed by overload id first, else the overload's
 * own runtime cost when it declares one (the Kubernetes estimator and library costs), else 1.
 */
export function callCost(overload: OverloadDecl | undefined, overloadId: string, args: readonly CelValue[], result: CelValue): number {
  const builtin = BUILTIN_RUNTIME.get(overloadId);
  if (builtin !== undefined) return builtin(args, result);
  const rt = overload?.cost?.runtime;
  if (rt) return rt(args, result);
  return 1;
}
