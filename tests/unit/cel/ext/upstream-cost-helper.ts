// Compile and evaluate in the 1.36 mutation environment plus extra typed variables; returns the
// value, the runtime cost and the static estimate (for the upstream cost tables).
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { kubernetesEnvironment } from '../../../../src/engine/cel/kubernetes/environment.js';
import type { CelType } from '../../../../src/engine/cel/types.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import type { CostEstimate } from '../../../../src/engine/cel/decls.js';

export type Vars = Record<string, [CelType, CelValue]>;

const base = kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false });

export function evalWithCost(src: string, vars: Vars = {}): { value: CelValue; actual: number; estimate: CostEstimate } {
  const env = newEnvironment({
    ...base,
    variables: [...(base.variables ?? []), ...Object.entries(vars).map(([name, [type]]) => ({ name, type }))],
  });
  const c = compile(src, env);
  if (!c.ok) throw new Error(`${src}: compile failed: ${c.diagnostics.map((d) => d.message).join('; ')}`);
  const act = Object.fromEntries(Object.entries(vars).map(([k, [, v]]) => [k, v]));
  const e = c.program.evaluate({ object: null, oldObject: null, ...act });
  if (!e.ok) throw new Error(`${src}: ${e.error.message}`);
  return { value: e.value, actual: e.cost, estimate: c.program.costEstimate };
}

/** The value or the evaluation error text (compile errors throw). */
export function runWith(src: string, vars: Vars = {}): { value: CelValue } | { error: string } {
  try {
    return { value: evalWithCost(src, vars).value };
  } catch (e) {
    const m = (e as Error).message;
    if (m.includes(': compile failed')) throw e;
    return { error: m.slice(src.length + 2) };
  }
}
