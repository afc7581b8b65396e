// Parser options: the public ParserOptions (decls.ts) plus cel-go's error-recovery knobs.
import type { ParserOptions } from '../decls.js';
import { ALL_MACRO_NAMES } from './macros.js';

/** Everything parse() understands: ParserOptions and cel-go's error-recovery limits. */
export interface ParseOptions extends ParserOptions {
  /** cel-go ErrorRecoveryLimit (default 30) */
  readonly errorRecoveryLimit: number;
  /** cel-go ErrorRecoveryLookaheadTokenLimit (default 256) */
  readonly errorRecoveryLookaheadTokenLimit: number;
  /** cel-go ErrorReportingLimit (default 100) */
  readonly errorReportingLimit: number;
  /**
   * Parse as cel-go v0.22 does (Kubernetes 1.32): no backtick identifiers in the lexer (a '`' is a
   * token recognition error), accumulator `__result__`, and the standard macros do not reject
   * `__result__` as their variable. Default false (cel-go v0.23 to v0.26 behave alike).
   */
  readonly celGoV022: boolean;
}

/** The Kubernetes environment's parser: every macro, optional syntax, two-variable comprehensions. */
export const DEFAULT_PARSER_OPTIONS: ParserOptions = Object.freeze({
  optionalSyntax: true,
  macros: new Set(ALL_MACRO_NAMES),
  twoVarComprehensions: true,
  identEscapeSyntax: true,
  maxRecursionDepth: 250,
  expressionSizeCodePointLimit: 100_000,
});

/** Fills in defaults; -1 means unlimited as in cel-go. */
export function resolveOptions(o: Partial<ParseOptions> | undefined): ParseOptions {
  const unlimited = (v: number | undefined, d: number): number =>
    v === undefined || v === 0 ? d : v === -1 ? Number.MAX_SAFE_INTEGER : v;
  return {
    optionalSyntax: o?.optionalSyntax ?? DEFAULT_PARSER_OPTIONS.optionalSyntax,
    macros: o?.macros ?? DEFAULT_PARSER_OPTIONS.macros,
    twoVarComprehensions: o?.twoVarComprehensions ?? DEFAULT_PARSER_OPTIONS.twoVarComprehensions,
    identEscapeSyntax: o?.identEscapeSyntax ?? DEFAULT_PARSER_OPTIONS.identEscapeSyntax,
    maxRecursionDepth: unlimited(o?.maxRecursionDepth, 250),
    expressionSizeCodePointLimit: unlimited(o?.expressionSizeCodePointLimit, 100_000),
    errorRecoveryLimit: unlimited(o?.errorRecoveryLimit, 30),
    errorRecoveryLookaheadTokenLimit: unlimited(o?.errorRecoveryLookaheadTokenLimit, 256),
    errorReportingLimit: unlimited(o?.errorReportingLimit, 100),
    celGoV022: o?.celGoV022 ?? false,
  };
}
