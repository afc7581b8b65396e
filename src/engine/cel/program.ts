// compile(source, environment) -> Program: parse -> check (with the libraries' AST validators)
// -> plan; program.evaluate(activation) -> value or error, with its range and cost.
// Nothing here throws on bad input.
import type { CelDiagnostic } from './ast.js';
import { check, estimateCost, formatCelErrors, newCheckerEnv, type CheckResult, type CheckerEnv } from './checker/index.js';
import type { CostEstimate, EnvironmentConfig, ParserOptions } from './decls.js';
import {
  PlanError,
  PlannedExpr,
  buildFunctionTable,
  collectRanges,
  type CheckedInfo,
  type FunctionTable,
  type RunOptions,
  type RunResult,
} from './interpreter/index.js';
import { DEFAULT_PARSER_OPTIONS, parse } from './parser/index.js';
import type { CelType } from './types.js';
import type { CelValue } from './values.js';

/** Variables for one evaluation: a record, or a resolver (for lazily computed variables). */
export type Activation =
  | Readonly<Record<string, CelValue>>
  | { readonly resolve: (name: string) => CelValue | undefined };

export interface Environment {
  readonly config: EnvironmentConfig;
}

export type CompileResult =
  | { readonly ok: true; readonly program: Program }
  | {
      readonly ok: false;
      /** parse and check errors ("compilation failed"), or a failure while planning the program
       * ("program instantiation failed", e.g. a constant-folded `int('x')`) */
      readonly stage: 'parse' | 'check' | 'plan';
      readonly diagnostics: readonly CelDiagnostic[];
    };

export type EvalOptions = RunOptions;
export type EvalResult = RunResult;

export interface Program {
  readonly source: string;
  /** the checked output type */
  readonly type: CelType;
  /** cel-go's static cost estimate */
  readonly costEstimate: CostEstimate;
  evaluate(activation: Activation, options?: EvalOptions): EvalResult;
}

/** What an environment prepares once for all its compilations. */
interface Prepared {
  readonly checker: CheckerEnv;
  readonly functions: FunctionTable;
  readonly parser: ParserOptions;
}

const prepared = new WeakMap<Environment, Prepared>();

const TWO_VAR_MACROS = ['transformList', 'transformMap', 'transformMapEntry'];

/** The macros of the libraries (cel-go enables macros per library). */
function libraryMacros(config: EnvironmentConfig): ReadonlySet<string> {
  const out = new Set<string>();
  for (const lib of config.libraries) for (const m of lib.macros ?? []) out.add(m);
  return out;
}

function prepare(config: EnvironmentConfig): Prepared {
  // The configuration's own macro list, if any, wins.
  const macros = config.parser?.macros ?? libraryMacros(config);
  const parser: ParserOptions = {
    ...DEFAULT_PARSER_OPTIONS,
    optionalSyntax: config.libraries.some((l) => l.macros?.includes('optMap')),
    twoVarComprehensions: TWO_VAR_MACROS.some((m) => macros.has(m)),
    ...config.parser,
    macros,
  };
  return { checker: newCheckerEnv(config), functions: buildFunctionTable(config.libraries), parser };
}

function preparedOf(env: Environment): Prepared {
  let p = prepared.get(env);
  if (!p) {
    p = prepare(env.config);
    prepared.set(env, p);
  }
  return p;
}

/** Builds the checker environment and the function tables once. */
export function newEnvironment(config: EnvironmentConfig): Environment {
  const env: Environment = { config };
  prepared.set(env, prepare(config));
  return env;
}

export function compile(source: string, env: Environment): CompileResult {
  try {
    return compileUnsafe(source, env);
  } catch (e) {
    const message = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, stage: 'check', diagnostics: [{ message, range: { start: 0, end: 0 } }] };
  }
}

function compileUnsafe(source: string, env: Environment): CompileResult {
  const prep = preparedOf(env);
  const parsed = parse(source, prep.parser);
  if (!parsed.ok) return { ok: false, stage: 'parse', diagnostics: parsed.diagnostics };
  const checked = check(parsed.ast, prep.checker);
  if (checked.diagnostics.length > 0) return { ok: false, stage: 'check', diagnostics: checked.diagnostics };
  const config = env.config;
  const planned = PlannedExpr.plan(checked.expr, {
    functions: prep.functions,
    checked: checkedInfo(checked),
    typeProvider: config.typeProvider,
    callContext: { defaultTimeZone: config.defaultTimeZone ?? 'UTC' },
    parsed: parsed.ast.expr,
  });
  if (planned instanceof PlanError) {
    const range = collectRanges(parsed.ast.expr).get(planned.exprId) ??
      collectRanges(checked.expr).get(planned.exprId) ?? { start: 0, end: source.length };
    return { ok: false, stage: 'plan', diagnostics: [{ message: planned.message, range }] };
  }
  let costEstimate: CostEstimate;
  try {
    costEstimate = estimateCost(checked, prep.checker);
  } catch {
    costEstimate = { min: 0, max: Number.MAX_SAFE_INTEGER };
  }
  const defaultLimit = config.costLimit;
  const program: Program = {
    source,
    type: checked.outputType,
    costEstimate,
    evaluate(activation, options) {
      return planned.evaluate(activation, options?.costLimit ?? defaultLimit, options?.observe);
    },
  };
  return { ok: true, program };
}

function checkedInfo(c: CheckResult): CheckedInfo {
  return {
    typeOf: (id) => c.types.get(id),
    identRef: (id) => {
      const r = c.refs.get(id);
      return r && r.kind !== 'function' ? r : undefined;
    },
    overloads: (id) => {
      const r = c.refs.get(id);
      return r?.kind === 'function' ? r.overloadIds : undefined;
    },
  };
}

/** cel-go's error text: `ERROR: <input>:L:C: msg\n | line\n | ....^` per diagnostic, joined by newlines. */
export function formatDiagnostics(source: string, diagnostics: readonly CelDiagnostic[]): string {
  try {
    return formatCelErrors(source, diagnostics);
  } catch {
    return diagnostics.map((d) => d.message).join('\n');
  }
}
