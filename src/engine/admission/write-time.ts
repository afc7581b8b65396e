// Write-time validation of a policy's expressions, as the API server compiles them on create
// (validation.go): in the NewExpressions environment of the previous minor version (semantics.md
// §5.7), match conditions without `variables`, variables in order, mutations with the patch types.
// A problem found here means `kubectl apply` of the policy would be refused.
import { formatFieldValue } from '../k8s/field-errors.js';
import type { JsonObject } from '../cel/values.js';
import type { CelType } from '../cel/types.js';
import type { Diagnostic, KubernetesVersion } from '../types.js';
import { compileCondition, compileExpression, requiredMutationType, type CompiledExpression, type EnvironmentCache } from './compile.js';
import { fieldPath } from './diagnostics.js';
import { list, obj, str } from './policy.js';

interface Checked {
  readonly path: (string | number)[];
  readonly compiled: CompiledExpression;
}

function check(policy: JsonObject, version: KubernetesVersion, cache: EnvironmentCache): Checked[] {
  const spec = obj(policy.spec) ?? {};
  const hasParams = obj(spec.paramKind) !== undefined;
  const out: Checked[] = [];
  const conditionEnv = cache.get({ version, mode: 'new', kind: 'matchCondition', hasParams, variables: undefined });
  list(spec.matchConditions).forEach((c, i) => {
    out.push({ path: ['spec', 'matchConditions', i, 'expression'], compiled: compileCondition(str(obj(c)?.expression) ?? '', conditionEnv) });
  });
  const declared: { name: string; type: CelType }[] = [];
  list(spec.variables).forEach((v, i) => {
    const env = cache.get({ version, mode: 'new', kind: 'variable', hasParams, variables: [...declared] });
    const compiled = compileExpression(str(obj(v)?.expression) ?? '', env, undefined);
    out.push({ path: ['spec', 'variables', i, 'expression'], compiled });
    declared.push({ name: str(obj(v)?.name) ?? '', type: compiled.program?.type ?? { kind: 'dyn' } });
  });
  const mutationEnv = cache.get({ version, mode: 'new', kind: 'mutation', hasParams, variables: declared });
  list(spec.mutations).forEach((m, i) => {
    const o = obj(m) ?? {};
    const patchType = str(o.patchType) ?? '';
    const member = patchType === 'JSONPatch' ? 'jsonPatch' : 'applyConfiguration';
    const source = str(obj(o[member])?.expression);
    if (source === undefined || !requiredMutationType(patchType)) return;
    out.push({ path: ['spec', 'mutations', i, member, 'expression'], compiled: compileExpression(source, mutationEnv, requiredMutationType(patchType)) });
  });
  return out;
}

/** One diagnostic per CEL problem, with the API server's `<field>: Invalid value: …` as detail. */
export function writeTimeDiagnostics(policy: JsonObject, index: number, version: KubernetesVersion, cache: EnvironmentCache): Diagnostic[] {
  const name = str(obj(policy.metadata)?.name) ?? '';
  const out: Diagnostic[] = [];
  for (const { path, compiled } of check(policy, version, cache)) {
    if (!compiled.error) continue;
    const field = fieldPath(path);
    const detail = `${field}: Invalid value: ${formatFieldValue(compiled.source)}: ${compiled.error}`;
    const docPath = ['policies', index, ...path];
    for (const d of compiled.diagnostics) {
      out.push({ policy: name, path: field, severity: 'error', message: d.message, detail, range: d.range, docPath });
    }
  }
  return out;
}
