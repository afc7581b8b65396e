// Problems found before any request is evaluated: CEL parse/type errors of every expression, at
// their place inside the expression (docs/scenario.md "diagnostics").
import type { FieldError } from '../k8s/field-errors.js';
import type { Diagnostic, DocPath } from '../types.js';
import { policyExpressions, type CompiledPolicy } from './policy.js';

/** `['spec', 'mutations', 0, 'jsonPatch', 'expression']` -> `spec.mutations[0].jsonPatch.expression` */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

export function compileDiagnostics(policies: readonly CompiledPolicy[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  policies.forEach((p, index) => {
    for (const { path, expression: e } of policyExpressions(p)) {
      if (!e.error) continue;
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

/** `spec.mutations[0].patchType` -> `['spec', 'mutations', 0, 'patchType']` */
export function parseFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/** What the API server would refuse on create, placed at the offending field. */
export function validationDiagnostics(
  owner: string,
  docPath: DocPath,
  errors: readonly FieldError[],
  notServed: string | undefined,
  warnings: readonly string[],
  decodeError?: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (decodeError) out.push({ policy: owner, path: '', severity: 'error', message: decodeError, docPath });
  if (notServed) out.push({ policy: owner, path: 'apiVersion', severity: 'error', message: notServed, docPath: [...docPath, 'apiVersion'] });
  for (const e of errors) {
    out.push({ policy: owner, path: e.path, severity: 'error', message: e.message, docPath: [...docPath, ...parseFieldPath(e.path)] });
  }
  for (const w of warnings) out.push({ policy: owner, path: '', severity: 'warning', message: w, docPath });
  return out;
}
