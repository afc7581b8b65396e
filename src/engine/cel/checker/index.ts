// The CEL type checker (cel-go v0.26 checker/ + cel.Env.Check's AST validators), its error
// formatting (common.Errors.ToDisplayString) and the static cost estimate (checker/cost.go).
//
// Integration notes:
//  - Diagnostics carry the node's range; `range.start` must be where cel-go locates the node
//    (the parser guarantees it), since formatCelErrors prints that position.
//  - Type identifiers (`int`, `list`, `optional_type`, struct names such as `JSONPatch`) get a
//    `{kind: 'type'}` reference holding the denoted type (parameters as declared, e.g. list(A)).
//  - Kubernetes cost settings: estimateCost(r, env, { presenceTestHasCost: false,
//    estimateCallCost: <library estimator> }).
import type { ParsedAst } from '../ast.js';
import { checkExpr, type CheckResult } from './checker.js';
import type { CheckerEnv } from './env.js';
import { validateHomogeneousLiterals } from './homogeneous.js';

export type { CheckResult } from './checker.js';
export { toQualifiedName } from './checker-util.js';
export type { CheckerEnv, CheckerFunction, CheckerOverload, IdentDecl, Reference } from './env.js';
export { newCheckerEnv } from './env.js';
export { formatCelErrors } from './format-errors.js';
export { formatCelType, isAssignableType, isExactType, isEquivalentType } from './type-ops.js';
export { estimateCost, type CostHints } from './cost.js';

const HOMOGENEOUS_VALIDATOR = 'cel.validator.homogeneous_literals';

/**
 * Type-checks a parsed expression, then (only when checking succeeded, as cel-go does) runs the
 * AST validators: homogeneous aggregate literals first when enabled, then the libraries'
 * validators in order, each name once.
 */
export function check(ast: ParsedAst, env: CheckerEnv): CheckResult {
  const result = checkExpr(ast, env);
  if (result.diagnostics.length > 0) return result;
  const typeOf = (id: number) => result.types.get(id);
  const seen = new Set<string>();
  if (env.homogeneousAggregateLiterals) {
    seen.add(HOMOGENEOUS_VALIDATOR);
    result.diagnostics.push(...validateHomogeneousLiterals(result.expr, typeOf, env.homogeneousExemptFunctions));
  }
  const checkedAst: ParsedAst = { expr: result.expr, source: ast.source, maxId: ast.maxId };
  for (const v of env.validators) {
    if (seen.has(v.name)) continue;
    seen.add(v.name);
    result.diagnostics.push(...v.validate(checkedAst, typeOf));
  }
  return result;
}
