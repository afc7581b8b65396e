// The CEL abstract syntax tree (cel-go's ast.Expr), after macro expansion.
//
// Every node has a unique positive `id` and the `range` of source it came from, as UTF-16
// offsets into the expression text ([start, end)). Operators are calls to the functions
// cel-go names them with, so the checker and the evaluator treat them like any call:
//   _+_ _-_ _*_ _/_ _%_ _==_ _!=_ _<_ _<=_ _>_ _>=_ _&&_ _||_ !_ -_ _?_:_ _[_] @in
//   _?._ (optional select, args [operand, string literal])  _[?_] (optional index)
//   @not_strictly_false (used by the all/exists macro expansions)
import type { CelValue } from './values.js';

export interface Range {
  readonly start: number;
  readonly end: number;
}

interface Node {
  readonly id: number;
  readonly range: Range;
}

export interface LiteralExpr extends Node {
  readonly kind: 'literal';
  /** null | boolean | bigint (int) | CelUint | number (double) | string | Uint8Array */
  readonly value: CelValue;
}

export interface IdentExpr extends Node {
  readonly kind: 'ident';
  readonly name: string;
}

export interface SelectExpr extends Node {
  readonly kind: 'select';
  readonly operand: Expr;
  readonly field: string;
  /** true for the presence test produced by the has() macro */
  readonly testOnly: boolean;
}

export interface CallExpr extends Node {
  readonly kind: 'call';
  readonly fn: string;
  /** the receiver of a member call `target.fn(args)` */
  readonly target?: Expr;
  readonly args: readonly Expr[];
}

export interface ListExpr extends Node {
  readonly kind: 'list';
  readonly elements: readonly Expr[];
  /** positions of `[?x]` elements */
  readonly optionalIndices: readonly number[];
}

export interface MapEntry {
  readonly id: number;
  readonly range: Range;
  readonly key: Expr;
  readonly value: Expr;
  readonly optional: boolean;
}

export interface MapExpr extends Node {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
}

export interface StructField {
  readonly id: number;
  readonly range: Range;
  readonly name: string;
  readonly value: Expr;
  readonly optional: boolean;
}

export interface StructExpr extends Node {
  readonly kind: 'struct';
  /** the name as written, e.g. `Object.spec.initContainers` or `.JSONPatch` */
  readonly typeName: string;
  readonly fields: readonly StructField[];
}

/** cel-go's comprehension; every macro but has() expands to one. */
export interface ComprehensionExpr extends Node {
  readonly kind: 'comprehension';
  readonly iterVar: string;
  /** the second variable of two-variable comprehensions (index/key, value), else undefined */
  readonly iterVar2?: string;
  readonly iterRange: Expr;
  readonly accuVar: string;
  readonly accuInit: Expr;
  readonly loopCondition: Expr;
  readonly loopStep: Expr;
  readonly result: Expr;
  /** the macro that produced it (`exists`, `all`, `map`, …), for traces and cost */
  readonly macro?: string;
}

export type Expr =
  | LiteralExpr
  | IdentExpr
  | SelectExpr
  | CallExpr
  | ListExpr
  | MapExpr
  | StructExpr
  | ComprehensionExpr;

/** The direct sub-expressions of a node (a call's receiver before its arguments). */
export function childExprs(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'select':
      return [e.operand];
    case 'call':
      return e.target ? [e.target, ...e.args] : e.args;
    case 'list':
      return e.elements;
    case 'map':
      return e.entries.flatMap((x) => [x.key, x.value]);
    case 'struct':
      return e.fields.map((f) => f.value);
    case 'comprehension':
      return [e.iterRange, e.accuInit, e.loopCondition, e.loopStep, e.result];
    default:
      return [];
  }
}

/** A parsed expression: the tree, and for each macro call site its original (unexpanded) call. */
export interface ParsedAst {
  readonly expr: Expr;
  readonly source: string;
  /** number of ids allocated (ids are 1..maxId) */
  readonly maxId: number;
}

/** A problem found while parsing or checking, with its place inside the expression text. */
export interface CelDiagnostic {
  readonly message: string;
  readonly range: Range;
}
