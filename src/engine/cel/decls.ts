// Declarations: what an environment offers to expressions (variables, functions with their
// overloads and implementations, struct types), and how libraries bundle them.
import type { CelType } from './types.js';
import type { CelValue, StructType } from './values.js';

/** cel-go's checker.SizeEstimate: the possible size of a value (string length, list length, …). */
export interface SizeEstimate {
  readonly min: number;
  readonly max: number;
}

/** cel-go's checker.CostEstimate. */
export interface CostEstimate {
  readonly min: number;
  readonly max: number;
}

/** What a call's static cost estimator sees of its arguments (receiver first for member calls). */
export interface CallEstimateInput {
  readonly args: readonly { readonly type: CelType; readonly size: SizeEstimate }[];
}

/** cel-go's checker.CallEstimate: the call's own cost and the size of its result. */
export interface CallEstimate {
  readonly cost: CostEstimate;
  readonly resultSize?: SizeEstimate;
}

export interface OverloadCost {
  /** Runtime cost of one call (cel-go's ActualCostEstimator.CallCost); default 1. */
  runtime?(args: readonly CelValue[], result: CelValue): number;
  /** Static estimate (cel-go's CostEstimator.EstimateCallCost); default {1, 1}. */
  estimate?(input: CallEstimateInput): CallEstimate;
}

/** Per-evaluation services a function may need. */
export interface CallContext {
  /** IANA zone used when a timestamp accessor gets no zone argument ('UTC' in Kubernetes). */
  readonly defaultTimeZone: string;
}

export interface OverloadDecl {
  /** cel-go's overload id, e.g. `add_int64`, `string_contains_string`. */
  readonly id: string;
  /** Receiver style (`x.f(y)`); then params[0] is the receiver's type. */
  readonly member: boolean;
  readonly params: readonly CelType[];
  readonly result: CelType;
  /** names of the type parameters used in params/result (`A`, `K`, `V`) */
  readonly typeParams?: readonly string[];
  /**
   * The implementation; args include the receiver first for member calls. Returns a value or a
   * CelError (never throws). Absent for declarations that only type-check (e.g. for a host to
   * bind later).
   */
  readonly impl?: (args: readonly CelValue[], ctx: CallContext) => CelValue;
  /** Whether a call with only literal arguments may be evaluated when the program is planned. */
  readonly nonStrict?: boolean;
  readonly cost?: OverloadCost;
}

export interface FunctionDecl {
  readonly name: string;
  readonly overloads: readonly OverloadDecl[];
}

export interface VariableDecl {
  readonly name: string;
  readonly type: CelType;
}

/** Resolves struct type names (cel-go's TypeProvider), e.g. `JSONPatch`, `Object.spec`. */
export interface TypeProvider {
  findStructType(name: string): StructType | undefined;
}

/** A check that runs over the checked AST (cel-go's ASTValidator), e.g. literal validators. */
export interface AstValidator {
  readonly name: string;
  /** Returns diagnostics; `typeOf(id)` gives the checked type of any node. */
  validate(
    ast: import('./ast.js').ParsedAst,
    typeOf: (id: number) => CelType | undefined,
  ): import('./ast.js').CelDiagnostic[];
}

/** Parser switches (cel-go parser options and macros). */
export interface ParserOptions {
  /** `a.?b`, `a[?b]`, `[?x]`, `{?k: v}`, `T{?f: v}` (cel.OptionalTypes) */
  readonly optionalSyntax: boolean;
  /** macro names enabled, e.g. has, all, exists, exists_one, existsOne, map, filter, optMap,
   * optFlatMap, transformList, transformMap, transformMapEntry (two-variable forms by arity) */
  readonly macros: ReadonlySet<string>;
  /** enable the two-variable comprehension macros (ext.TwoVarComprehensions) */
  readonly twoVarComprehensions: boolean;
  /** backtick-quoted field names `a.`b-c`` (cel-go EnableIdentEscapeSyntax) */
  readonly identEscapeSyntax: boolean;
  /** cel-go defaults: 250 for recursion depth, 100000 code points for expression size */
  readonly maxRecursionDepth: number;
  readonly expressionSizeCodePointLimit: number;
  /** cel-go v0.22 parser behaviour (Kubernetes 1.32): `__result__` accumulator, no backticks */
  readonly celGoV022?: boolean;
}

/** A bundle of declarations, one per library file (strings, lists, quantity, …). */
export interface Library {
  readonly name: string;
  readonly functions?: readonly FunctionDecl[];
  readonly variables?: readonly VariableDecl[];
  readonly validators?: readonly AstValidator[];
  /** macros this library adds to the parser */
  readonly macros?: readonly string[];
}

export interface EnvironmentConfig {
  readonly libraries: readonly Library[];
  readonly variables?: readonly VariableDecl[];
  readonly typeProvider?: TypeProvider;
  readonly parser?: Partial<ParserOptions>;
  /** cel.CrossTypeNumericComparisons: `1 < 1.5`, `1u < 2` */
  readonly crossTypeNumericComparisons?: boolean;
  /** cel.HomogeneousAggregateLiterals (with its exemption for the list given to `format`) */
  readonly homogeneousAggregateLiterals?: boolean;
  readonly defaultTimeZone?: string;
  /** cel.CostLimit for one evaluation; undefined = none */
  readonly costLimit?: number;
}
