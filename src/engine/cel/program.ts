// PLACEHOLDER CONTRACT — the evaluator helper replaces the bodies; the shapes are the contract.
import type { CelDiagnostic, Range } from './ast.js';
import type { CostEstimate, EnvironmentConfig } from './decls.js';
import type { CelType } from './types.js';
import type { CelError, CelValue } from './values.js';

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

export interface EvalOptions {
  /** per-evaluation cost limit (cel.CostLimit); exceeding it is the error
   * `operation cancelled: actual cost limit exceeded` */
  readonly costLimit?: number;
  /** called with every evaluated subexpression: off unless given */
  readonly observe?: (exprId: number, range: Range, value: CelValue) => void;
}

export type EvalResult =
  | { readonly ok: true; readonly value: CelValue; readonly cost: number }
  | { readonly ok: false; readonly error: CelError; readonly range: Range | undefined; readonly cost: number };

export interface Program {
  readonly source: string;
  /** the checked output type */
  readonly type: CelType;
  /** cel-go's static cost estimate */
  readonly costEstimate: CostEstimate;
  evaluate(activation: Activation, options?: EvalOptions): EvalResult;
}

export function newEnvironment(config: EnvironmentConfig): Environment {
  return { config };
}

export function compile(_source: string, _env: Environment): CompileResult {
  return { ok: false, stage: 'parse', diagnostics: [{ message: 'not implemented', range: { start: 0, end: 0 } }] };
}

/** cel-go's error text: `ERROR: <input>:L:C: msg\n | line\n | ....^` per diagnostic, joined by newlines. */
export function formatDiagnostics(_source: string, diagnostics: readonly CelDiagnostic[]): string {
  return diagnostics.map((d) => d.message).join('\n');
}
