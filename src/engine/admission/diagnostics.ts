// Problems found before any request is evaluated: CEL parse/type errors of every expression, at
// their place inside the expression (docs/scenario.md "diagnostics").
import type { Diagnostic, Scenario } from '../types.js';
import type { CompiledPolicy, NamedExpression } from './policy.js';

/** `['spec', 'mutations', 0, 'jsonPatch', 'expression']` -> `spec.mutations[0].jsonPatch.expression` */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

export function compileDiagnostics(_scenario: Scenario, policies: readonly CompiledPolicy[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  policies.forEach((p, index) => {
    const expressions: { path: readonly (string | number)[]; e: NamedExpression['expression'] | undefined }[] = [
      ...p.matchConditions.map((c) => ({ path: c.path, e: c.expression })),
      ...p.variables.map((v) => ({ path: v.path, e: v.expression })),
      ...p.mutations.map((m) => ({ path: m.path, e: m.expression })),
    ];
    for (const { path, e } of expressions) {
      if (!e || !e.error) continue;
      if (e.diagnostics.length === 0) {
        out.push({ policy: p.name, path: fieldPath(path), severity: 'error', message: e.error, docPath: ['policies', index, ...path] });
      }
      for (const d of e.diagnostics) {
        out.push({ policy: p.name, path: fieldPath(path), severity: 'error', message: d.message, range: d.range, docPath: ['policies', index, ...path] });
      }
    }
  });
  return out;
}
