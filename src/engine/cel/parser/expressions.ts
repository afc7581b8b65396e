// The expression layers of the CEL parser (expr, ||, &&, relations, arithmetic, unary, member
// suffixes) and macro dispatch; primaries are in the Parser subclass (parser.ts).
//
// A recursive-descent parser that follows the shape of cel-go's ANTLR grammar (parser/gen/CEL.g4)
// and its visitor (parser/parser.go) in one pass:
//  - ids are allocated at the points where cel-go's visitor allocates them, so they match;
//  - a node's range starts where cel-go locates that node (the operator token for calls,
//    selects and indexes, the literal or identifier otherwise) and ends where its source ends;
//  - ANTLR's per-rule recursion listener and the visitor's depth limit are both reproduced;
//  - syntax errors follow ANTLR's default error strategy closely (see recovery.ts).
// Loops (operator chains, member chains, unary runs) are iterative; nesting is bounded by
// maxRecursionDepth before any recursion happens.
import type { Expr, Range } from '../ast.js';
import { isMacroError, MacroHelper, MACRO_NAMES, MACROS } from './macros.js';
import { newCall, newLiteral, newSelect } from './nodes.js';
import type { ParseOptions } from './options.js';
import { Recovery } from './recovery.js';
import {
  ARGS_OPEN,
  EXPR_START,
  FOLLOW_ARGS,
  FOLLOW_INDEX,
  FOLLOW_TERNARY,
  NUMBER_LIT,
  OPERAND_START,
  T,
  inSet,
} from './tokens.js';

const BINARY: Record<number, string> = {
  [T.EQUALS]: '_==_',
  [T.NOT_EQUALS]: '_!=_',
  [T.IN]: '@in',
  [T.LESS]: '_<_',
  [T.LESS_EQUALS]: '_<=_',
  [T.GREATER_EQUALS]: '_>=_',
  [T.GREATER]: '_>_',
  [T.PLUS]: '_+_',
  [T.MINUS]: '_-_',
  [T.STAR]: '_*_',
  [T.SLASH]: '_/_',
  [T.PERCENT]: '_%_',
};

export abstract class ExpressionParser extends Recovery {
  protected nextId = 1;
  /** cel-go visitor depth (ternary, relations, arithmetic, select, member call, index) per node id */
  protected readonly vh: number[] = [];
  protected visitDepthExceeded = false;
  protected dExpr = 0;
  protected dRelation = 0;
  protected dCalc = 0;

  constructor(
    src: string,
    protected readonly opts: ParseOptions,
  ) {
    super(src, opts);
  }

  get maxId(): number {
    return this.nextId - 1;
  }

  /** start: expr EOF. Returns undefined when parsing was aborted by a limit. */
  parseStart(): Expr | undefined {
    const e = this.guard(() => {
      const expr = this.parseExpr();
      if (this.cur !== T.EOF) this.match(T.EOF);
      return expr;
    });
    this.finish();
    if (e !== undefined && this.visitDepthExceeded) {
      this.internalError('max recursion depth exceeded');
      return undefined;
    }
    return e;
  }

  // ---- helpers -------------------------------------------------------------------------

  protected alloc(): number {
    return this.nextId++;
  }

  protected tokRange(i: number): Range {
    return { start: this.starts[i], end: this.ends[i] };
  }

  /** Range from token `i` to the last consumed token. */
  protected rangeFrom(i: number): Range {
    return { start: this.starts[i], end: this.ends[Math.max(i, this.p - 1)] };
  }

  protected h(e: Expr): number {
    const d = this.vh[e.id];
    return d === undefined ? 0 : d;
  }

  /** Records the visitor depth of a node: `self` counts one level (cel-go counts it). */
  protected depth<E extends Expr>(e: E, self: number, children: readonly Expr[]): E {
    this.depthN(e, 0, children, self);
    return e;
  }

  protected depth2<E extends Expr>(e: E, self: number, a: Expr, b: Expr): E {
    const ha = this.h(a);
    const hb = this.h(b);
    this.setDepth(e, (ha > hb ? ha : hb) + self);
    return e;
  }

  protected depthN(e: Expr, base: number, children: readonly Expr[], self: number): void {
    let m = base;
    for (let i = 0; i < children.length; i++) {
      const d = this.h(children[i]);
      if (d > m) m = d;
    }
    this.setDepth(e, m + self);
  }

  protected setDepth(e: Expr, d: number): void {
    if (d === 0) return;
    this.vh[e.id] = d;
    if (d > this.opts.maxRecursionDepth) this.visitDepthExceeded = true;
  }

  /** cel-go's unspecified expression after an error: neither an identifier nor a select. */
  protected errorNode(at: Range): Expr {
    return newLiteral(this.alloc(), at, null);
  }

  /** cel-go's p.reportError: a non-syntax error at a node position; allocates an id like cel-go. */
  protected report(message: string, at: Range): Expr {
    this.visitDiags.push({ message, range: at });
    return this.errorNode(at);
  }

  protected enter(counter: 'dExpr' | 'dRelation' | 'dCalc'): void {
    if (++this[counter] > this.opts.maxRecursionDepth) this.recursionLimit();
  }

  // ---- expr ----------------------------------------------------------------------------

  protected parseExpr(): Expr {
    this.enter('dExpr');
    this.pushFollow(undefined);
    const cond = this.parseLogical(T.LOGICAL_OR);
    let out = cond;
    if (this.cur === T.QUESTIONMARK) {
      const op = this.p;
      this.consume();
      const id = this.alloc();
      this.pushFollow(FOLLOW_TERNARY);
      const e1 = this.parseLogical(T.LOGICAL_OR);
      this.popFollow();
      const e2 = this.match(T.COLON) ? this.parseExpr() : this.errorNode(this.tokRange(this.p));
      out = this.depth(newCall(id, this.rangeFrom(op), '_?_:_', [cond, e1, e2]), 1, [cond, e1, e2]);
    }
    this.popFollow();
    this.dExpr--;
    return out;
  }

  /** conditionalOr / conditionalAnd: cel-go balances the chain (logicManager.balancedTree). */
  protected parseLogical(op: number): Expr {
    const first = op === T.LOGICAL_OR ? this.parseLogical(T.LOGICAL_AND) : this.parseRelation();
    if (this.cur !== op) return first;
    const terms: Expr[] = [first];
    const termEnds: number[] = [this.ends[this.p - 1]];
    const ops: { id: number; start: number }[] = [];
    while (this.cur === op) {
      const start = this.starts[this.p];
      this.consume();
      terms.push(op === T.LOGICAL_OR ? this.parseLogical(T.LOGICAL_AND) : this.parseRelation());
      termEnds.push(this.ends[this.p - 1]);
      ops.push({ id: this.alloc(), start });
    }
    const fn = op === T.LOGICAL_OR ? '_||_' : '_&&_';
    const build = (lo: number, hi: number): Expr => {
      const mid = (lo + hi + 1) >> 1;
      const left = mid === lo ? terms[mid] : build(lo, mid - 1);
      const right = mid === hi ? terms[mid + 1] : build(mid + 1, hi);
      const range = { start: ops[mid].start, end: termEnds[hi + 1] };
      return this.depth2(newCall(ops[mid].id, range, fn, [left, right]), 0, left, right);
    };
    return build(0, ops.length - 1);
  }

  /** relation: calc | relation op relation (all relations share one precedence). */
  protected parseRelation(): Expr {
    this.enter('dRelation');
    let left = this.parseCalc(0);
    for (;;) {
      const t = this.cur;
      if (!(t >= T.EQUALS && t <= T.GREATER)) break;
      const op = this.p;
      this.consume();
      const id = this.alloc();
      this.enter('dRelation');
      const right = this.parseCalc(0);
      this.dRelation--;
      left = this.depth2(newCall(id, this.rangeFrom(op), BINARY[t], [left, right]), 1, left, right);
    }
    this.dRelation--;
    return left;
  }

  /** calc with ANTLR's precedence climbing: `* / %` at 2, `+ -` at 1. */
  protected parseCalc(prec: number): Expr {
    this.enter('dCalc');
    let left = this.parseUnary();
    for (;;) {
      const t = this.cur;
      let next: number;
      if ((t === T.STAR || t === T.SLASH || t === T.PERCENT) && prec <= 2) next = 3;
      else if ((t === T.PLUS || t === T.MINUS) && prec <= 1) next = 2;
      else break;
      const op = this.p;
      this.consume();
      const id = this.alloc();
      const right = this.parseCalc(next);
      left = this.depth2(newCall(id, this.rangeFrom(op), BINARY[t], [left, right]), 1, left, right);
    }
    this.dCalc--;
    return left;
  }

  // ---- unary ---------------------------------------------------------------------------

  protected parseUnary(): Expr {
    const t = this.cur;
    if (!inSet(EXPR_START, t)) {
      if (this.syncDelete(EXPR_START)) return this.parseUnary();
      this.mismatched(EXPR_START);
      return this.errorNode(this.tokRange(this.p));
    }
    if (t !== T.MINUS && t !== T.EXCLAM) return this.parseMember();
    let n = 1;
    while (this.la(n + 1) === t) n++;
    const after = this.la(n + 1);
    // `-1`: the literal alternative wins ANTLR's ambiguity; longer runs are all operators.
    if (t === T.MINUS && n === 1 && inSet(NUMBER_LIT, after)) return this.parseMember();
    const first = this.p;
    if (t === T.MINUS && !inSet(OPERAND_START, after)) {
      // ANTLR decides each '-' with one more token of lookahead: the decision at the last '-'
      // has no viable alternative, and parsing resumes from that '-' (a binary minus).
      for (let k = 1; k < n; k++) this.consume();
      this.noViable(this.p + 1);
      return this.errorNode(this.tokRange(this.p));
    }
    for (let k = 0; k < n; k++) this.consume();
    // (ops+='!')+ is an LL(1) loop: its sync reports a token no member can start with.
    if (t === T.EXCLAM) this.loopBackSync(EXPR_START);
    const fn = t === T.MINUS ? '-_' : '!_';
    const id = n % 2 === 1 ? this.alloc() : 0;
    const target = this.parseMember();
    if (n % 2 === 0) return target;
    return this.depth2(newCall(id, this.rangeFrom(first), fn, [target]), 0, target, target);
  }

  /** primary: identifiers, calls, literals, parentheses, lists, maps, messages (parser.ts) */
  protected abstract parsePrimary(): Expr;

  // ---- member --------------------------------------------------------------------------

  protected parseMember(): Expr {
    let e = this.parsePrimary();
    for (;;) {
      if (this.cur === T.DOT) e = this.parseDotted(e);
      else if (this.cur === T.LBRACKET) e = this.parseIndex(e);
      else return e;
      if (this.memberError) {
        this.memberError = false;
        return e;
      }
    }
  }

  /** set when a member suffix failed: ANTLR leaves the member rule after recovering */
  protected memberError = false;

  /** `.field`, `.?field`, `.fn(args)` */
  protected parseDotted(operand: Expr): Expr {
    const dot = this.p;
    const opt = this.la(2) === T.QUESTIONMARK;
    const k = dot + (opt ? 2 : 1);
    const tk = this.types[k];
    if (tk === T.IDENTIFIER && !opt && this.types[k + 1] === T.LPAREN) {
      const name = this.text(k);
      this.consume();
      this.consume();
      const paren = this.p;
      this.consume();
      const id = this.alloc();
      const args = this.parseArgs();
      this.match(T.RPAREN);
      const call = this.receiverCallOrMacro(id, this.rangeFrom(paren), name, operand, args);
      this.depthN(call, this.h(operand), args, 1);
      return call;
    }
    if (tk !== T.IDENTIFIER && tk !== T.ESC_IDENTIFIER) {
      this.noViable(k);
      this.memberError = true;
      return operand;
    }
    while (this.p <= k) this.consume();
    const name = this.fieldName(k, this.tokRange(k));
    if (opt) {
      if (!this.opts.optionalSyntax) return this.report("unsupported syntax '.?'", this.tokRange(dot));
      const lit = newLiteral(this.alloc(), this.tokRange(k), name);
      return this.depth2(newCall(this.alloc(), this.rangeFrom(dot), '_?._', [operand, lit]), 1, operand, operand);
    }
    return this.depth2(newSelect(this.alloc(), this.rangeFrom(dot), operand, name, false), 1, operand, operand);
  }

  /** cel-go normalizeIdent: strips backticks, or reports when escapes are off. */
  protected fieldName(tok: number, at: Range): string {
    const raw = this.text(tok);
    if (this.types[tok] !== T.ESC_IDENTIFIER) return raw;
    if (!this.opts.identEscapeSyntax) {
      this.report("unsupported syntax: '`'", at);
      return '';
    }
    return raw.slice(1, -1);
  }

  protected parseIndex(operand: Expr): Expr {
    const open = this.p;
    this.consume();
    let opt = false;
    if (this.cur === T.QUESTIONMARK) {
      opt = true;
      this.consume();
    }
    const id = this.alloc();
    this.pushFollow(FOLLOW_INDEX);
    const index = this.parseExpr();
    this.popFollow();
    this.match(T.RBRACKET);
    if (opt && !this.opts.optionalSyntax) return this.report("unsupported syntax '[?'", this.tokRange(open));
    const call = newCall(id, this.rangeFrom(open), opt ? '_[?_]' : '_[_]', [operand, index]);
    return this.depth2(call, 1, operand, index);
  }

  /** exprList? up to (not including) ')'. */
  protected parseArgs(): Expr[] {
    if (this.cur === T.RPAREN) return [];
    if (!inSet(EXPR_START, this.cur)) {
      if (!this.syncDelete(ARGS_OPEN)) {
        this.mismatched(ARGS_OPEN);
        return [];
      }
      if (this.cur === T.RPAREN) return [];
    }
    this.pushFollow(FOLLOW_ARGS);
    const args = [this.parseExpr()];
    while (this.cur === T.COMMA) {
      this.consume();
      args.push(this.parseExpr());
    }
    this.popFollow();
    return args;
  }

  // ---- macros --------------------------------------------------------------------------

  protected globalCallOrMacro(id: number, range: Range, fn: string, args: Expr[]): Expr {
    return this.expandMacro(range, fn, undefined, args) ?? newCall(id, range, fn, args);
  }

  protected receiverCallOrMacro(id: number, range: Range, fn: string, target: Expr, args: Expr[]): Expr {
    return this.expandMacro(range, fn, target, args) ?? newCall(id, range, fn, args, target);
  }

  /** cel-go expandMacro: the expansion, an error node for malformed arguments, or undefined. */
  protected expandMacro(range: Range, fn: string, target: Expr | undefined, args: Expr[]): Expr | undefined {
    if (!MACRO_NAMES.has(fn)) return undefined;
    const def = MACROS.get(`${fn}:${args.length}:${target !== undefined}`);
    if (def === undefined || !this.opts.macros.has(def.name)) return undefined;
    if (def.twoVar && !this.opts.twoVarComprehensions) return undefined;
    // Past the visitor limit the parse fails anyway; do not copy very deep trees.
    if (this.visitDepthExceeded) return undefined;
    // The call's own id is dropped, as in cel-go (the expansion gets fresh ids).
    const out = def.expand(new MacroHelper(() => this.alloc(), range, fn, this.opts.celGoV022), target, args);
    if (isMacroError(out)) return this.report(out.error, out.at.range);
    return out;
  }
}
