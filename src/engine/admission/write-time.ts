// Write-time validation of a policy's expressions, as the API server compiles them on create
// (validation.go): in the NewExpressions environment of the previous minor version (semantics.md
// §5.7), match conditions without `variables`, variables in order, mutations with the patch types.
// A problem found here means `kubectl apply` of the policy would be refused.
import { formatFieldValue } from '../k8s/field-errors.js';
import type { JsonObject } from '../cel/values.js';
import type { Diagnostic, KubernetesVersion } from '../types.js';
import { requiredMutationType, type EnvironmentCache } from './compile.js';
import { fieldPath } from './diagnostics.js';
import { compilePolicy, policyExpressions } from './policy.js';

/** One diagnostic per CEL problem, with the API server's `<field>: Invalid value: …` as detail. */
export function writeTimeDiagnostics(policy: JsonObject, index: number, version: KubernetesVersion, cache: EnvironmentCache): Diagnostic[] {
  const compiled = compilePolicy(policy, version, cache, 'new');
  const out: Diagnostic[] = [];
  for (const { path, expression, mutation } of policyExpressions(compiled)) {
    // A mutation with an unknown patchType is refused for that field, not for its expression.
    if (!expression.error || (mutation && !requiredMutationType(mutation.patchType))) continue;
    // A blank expression is reported as Required by validation and never compiled.
    if (expression.source.trim() === '') continue;
    const field = fieldPath(path);
    const detail = `${field}: Invalid value: ${formatFieldValue(expression.source)}: ${expression.error}`;
    const docPath = ['policies', index, ...path];
    for (const d of expression.diagnostics) {
      out.push({ policy: compiled.name, path: field, severity: 'error', message: d.message, detail, range: d.range, docPath });
    }
  }
  return out;
}
