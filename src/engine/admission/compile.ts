// Compiling a policy's expressions as the plugin does when a policy is loaded
// (apiserver pkg/admission/plugin/policy/mutating/compilation.go): match conditions, variables
// (in order, each seeing only earlier ones) and mutations, in the StoredExpressions environment.
// A compile error is kept on the expression and surfaces when the policy is invoked.
import { compile, formatDiagnostics, newEnvironment, type Environment, type Program } from '../cel/program.js';
import { formatType, T, type CelType } from '../cel/types.js';
import type { EnvironmentConfig } from '../cel/decls.js';
import type { CelDiagnostic } from '../cel/ast.js';
import { kubernetesEnvironment } from '../cel/kubernetes/environment.js';
import type { KubernetesVersion } from '../types.js';

export type ExpressionKind = 'matchCondition' | 'variable' | 'mutation';

export interface CompiledExpression {
  /** the expression exactly as written */
  readonly source: string;
  readonly program: Program | undefined;
  /** the error the plugin reports when the expression is used, when it did not compile */
  readonly error: string | undefined;
  /** parse/check problems with their ranges inside `source` */
  readonly diagnostics: readonly CelDiagnostic[];
}

export interface EnvironmentOptions {
  readonly version: KubernetesVersion;
  readonly kind: ExpressionKind;
  readonly hasParams: boolean;
  /** undefined: `variables` is not declared at all (match conditions at write time) */
  readonly variables: readonly { readonly name: string; readonly type: CelType }[] | undefined;
  /** 'stored' (what the plugin runs, the default) or 'new' (write-time validation, version N-1) */
  readonly mode?: 'stored' | 'new';
}

/** Environments are costly to build and shared by every policy with the same shape. */
export class EnvironmentCache {
  private readonly environments = new Map<string, Environment>();

  get(options: EnvironmentOptions): Environment {
    const mode = options.mode ?? 'stored';
    const key = [
      options.version,
      mode,
      options.kind,
      options.hasParams,
      options.variables === undefined ? '-' : options.variables.map((v) => `${v.name}:${formatType(v.type)}`).join(','),
    ].join('|');
    let env = this.environments.get(key);
    if (!env) {
      const config: EnvironmentConfig = kubernetesEnvironment({ ...options, mode });
      env = newEnvironment(config);
      this.environments.set(key, env);
    }
    return env;
  }
}

export function requiredMutationType(patchType: string): CelType | undefined {
  if (patchType === 'JSONPatch') return T.list(T.struct('JSONPatch'));
  if (patchType === 'ApplyConfiguration') return T.struct('Object');
  return undefined;
}

export function compileExpression(
  source: string,
  env: Environment,
  required: CelType | undefined,
): CompiledExpression {
  const result = compile(source, env);
  if (!result.ok) {
    const error =
      result.stage === 'plan'
        ? `program instantiation failed: ${result.diagnostics.map((d) => d.message).join('\n')}`
        : `compilation failed: ${formatDiagnostics(source, result.diagnostics)}`;
    return { source, program: undefined, error, diagnostics: result.diagnostics };
  }
  const want = required;
  if (want && !typeIsExactly(result.program.type, want)) {
    const message = `must evaluate to ${formatType(want)} but got ${formatType(result.program.type)}`;
    return {
      source,
      program: undefined,
      error: message,
      diagnostics: [{ message, range: { start: 0, end: source.length } }],
    };
  }
  return { source, program: result.program, error: undefined, diagnostics: [] };
}

export function compileCondition(source: string, env: Environment): CompiledExpression {
  // A match condition must be exactly bool (compile.go).
  return compileExpression(source, env, T.bool);
}

/** Exact type identity, as compile.go's `ret.OutputType() != expected` check. */
function typeIsExactly(got: CelType, want: CelType): boolean {
  return formatType(got) === formatType(want) && got.kind === want.kind;
}
