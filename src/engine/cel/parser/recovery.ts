// Token access and syntax-error handling modelled on ANTLR's DefaultErrorStrategy, which is what
// produces cel-go's "Syntax error: …" texts:
//  - after a reported error, further reports are suppressed until a token is matched;
//  - single-token deletion ("extraneous input 'x' expecting …") and insertion ("missing 'x' at …");
//  - otherwise "mismatched input 'x' expecting …", then tokens are skipped until one that can
//    follow an enclosing construct (the error recovery set);
//  - cel-go's limits: error reports (100), recovery attempts (30), recovery lookahead (256).
// Lexer errors are reported when the parser's lookahead reaches them, as ANTLR does.
import type { CelDiagnostic, Range } from '../ast.js';
import { errorDisplay, lex, type LexError } from './lexer.js';
import type { ParseOptions } from './options.js';
import { EXPR_START, OPERATORS, T, type TokenSet, formatSet, inSet, tokenTypeDisplay } from './tokens.js';

/** Thrown to stop parsing at a limit; caught by guard(). */
const ABORT = Symbol('abort');

/** cel-go's hack: a reserved word after '.' reads as a missing IDENTIFIER. */
const RESERVED_AFTER_DOT = /no viable alternative at input '.(true|false|null)'/;

export const NO_LOCATION: Range = { start: -1, end: -1 };

export abstract class Recovery {
  protected readonly types: number[];
  protected readonly starts: number[];
  protected readonly ends: number[];
  protected p = 0;
  private readonly last: number;
  /** ANTLR-level errors (lexer and parser), "Syntax error: …" and limits */
  private readonly syntaxDiags: CelDiagnostic[] = [];
  /** errors the visitor reports (literals, reserved words, macros, unsupported syntax) */
  protected readonly visitDiags: CelDiagnostic[] = [];
  private readonly lexErrors: LexError[] = [];
  private lexIndex = 0;
  private errorMode = false;
  private lastErrorIndex = -1;
  private attempts = 0;
  private reports = 0;
  private aborted = false;
  /** follow sets of the enclosing constructs; undefined marks an expression (operators follow) */
  private readonly follow: (TokenSet | undefined)[] = [];

  constructor(
    protected readonly src: string,
    private readonly limits: ParseOptions,
  ) {
    const toks = lex(src, this.lexErrors, !limits.celGoV022);
    this.types = toks.types;
    this.starts = toks.starts;
    this.ends = toks.ends;
    this.last = toks.types.length - 1;
  }

  /** All diagnostics in cel-go's display order (by position, unlocated first). */
  get diagnostics(): CelDiagnostic[] {
    const all = this.aborted ? [...this.syntaxDiags] : [...this.syntaxDiags, ...this.visitDiags];
    return all.sort((a, b) => a.range.start - b.range.start);
  }

  protected get cur(): number {
    return this.types[this.p];
  }

  protected la(k: number): number {
    return this.types[Math.min(this.p + k - 1, this.last)];
  }

  protected text(i: number): string {
    return this.src.slice(this.starts[i], this.ends[i]);
  }

  /** Consumes the current token as matched (ends ANTLR's error-recovery mode). */
  protected consume(): void {
    if (this.p < this.last) this.p++;
    this.errorMode = false;
  }

  protected pushFollow(set: TokenSet | undefined): void {
    this.follow.push(set);
  }

  protected popFollow(): void {
    this.follow.pop();
  }

  protected guard<R>(fn: () => R): R | undefined {
    try {
      return fn();
    } catch (e) {
      if (e === ABORT) {
        this.aborted = true;
        return undefined;
      }
      throw e;
    }
  }

  /** Reports the lexer errors not reached yet (they come before the end of input). */
  protected finish(): void {
    if (!this.aborted) this.guard(() => this.flushLex(Number.MAX_SAFE_INTEGER));
  }

  protected internalError(message: string): void {
    this.syntaxDiags.push({ message, range: NO_LOCATION });
  }

  protected recursionLimit(): never {
    this.flushLex(this.ends[this.p]);
    this.internalError(`expression recursion limit exceeded: ${this.limits.maxRecursionDepth}`);
    throw ABORT;
  }

  private flushLex(upto: number): void {
    while (this.lexIndex < this.lexErrors.length && this.lexErrors[this.lexIndex].start < upto) {
      const e = this.lexErrors[this.lexIndex++];
      this.syntaxError(e.message, { start: e.start, end: e.end });
    }
  }

  /** cel-go's SyntaxError listener: counts reports, stops after errorReportingLimit. */
  private syntaxError(message: string, range: Range): void {
    if (this.reports < this.limits.errorReportingLimit) {
      this.reports++;
      this.syntaxDiags.push({ message: `Syntax error: ${message}`, range });
      return;
    }
    this.syntaxDiags.push({ message: `Syntax error: More than ${this.limits.errorReportingLimit} syntax errors`, range });
    throw ABORT;
  }

  private tokenRange(i: number): Range {
    return { start: this.starts[i], end: this.ends[i] };
  }

  private display(i: number): string {
    return this.types[i] === T.EOF ? '<EOF>' : errorDisplay(this.text(i));
  }

  /** A parser error at token i, unless one was reported since the last match. */
  private parserError(message: string, i: number): void {
    if (this.errorMode) return;
    this.errorMode = true;
    this.flushLex(this.ends[Math.min(i + 1, this.last)]);
    this.syntaxError(message, this.tokenRange(i));
  }

  private checkAttempts(): void {
    if (this.attempts === this.limits.errorRecoveryLimit) {
      this.attempts++;
      this.syntaxError(`error recovery attempt limit exceeded: ${this.limits.errorRecoveryLimit}`, this.tokenRange(this.p));
      throw ABORT;
    }
    this.attempts++;
  }

  private inRecoverySet(t: number): boolean {
    if (t === T.EOF) return true;
    for (const f of this.follow) {
      if (f === undefined ? inSet(OPERATORS, t) : inSet(f, t)) return true;
    }
    return false;
  }

  /** DefaultErrorStrategy.Recover: skip to a token some enclosing construct can continue with. */
  private recover(): void {
    this.checkAttempts();
    let budget = this.limits.errorRecoveryLookaheadTokenLimit;
    const skip = (): void => {
      if (budget-- <= 0) {
        this.flushLex(this.ends[this.p]);
        this.internalError(
          `error recovery token lookahead limit exceeded: ${this.limits.errorRecoveryLookaheadTokenLimit}`,
        );
        throw ABORT;
      }
      this.p++;
    };
    if (this.lastErrorIndex === this.p && this.cur !== T.EOF) skip();
    this.lastErrorIndex = this.p;
    while (!this.inRecoverySet(this.cur)) skip();
  }

  /** Single-token deletion at a decision point: skips one token when the next one fits `set`. */
  protected syncDelete(set: TokenSet): boolean {
    // ANTLR skips sync entirely while recovering from an error
    if (this.errorMode || this.cur === T.EOF || !inSet(set, this.la(2))) return false;
    this.parserError(`extraneous input '${this.display(this.p)}' expecting ${formatSet(set)}`, this.p);
    this.p++;
    this.errorMode = false;
    return true;
  }

  /** InputMismatchException at a decision point expecting `set`, then recovery. */
  protected mismatched(set: TokenSet): void {
    this.parserError(`mismatched input '${this.display(this.p)}' expecting ${formatSet(set)}`, this.p);
    this.recover();
  }

  /** Sync at a loop-back state: report the stray token, skip to what may follow. */
  protected loopBackSync(expecting: TokenSet): void {
    if (this.errorMode || inSet(expecting, this.cur)) return;
    this.parserError(`extraneous input '${this.display(this.p)}' expecting ${formatSet(expecting)}`, this.p);
    while (!inSet(expecting, this.cur) && !this.inRecoverySet(this.cur)) this.p++;
  }

  /**
   * NoViableAltException for a decision starting at the current token and failing at offTok:
   * reported there with the input in between; the input stays at the decision start.
   */
  protected noViable(offTok: number): void {
    const startTok = this.p;
    const end = this.types[offTok] === T.EOF ? this.ends[Math.max(offTok - 1, startTok)] : this.ends[offTok];
    const text = this.src.slice(this.starts[startTok], Math.max(end, this.starts[startTok]));
    let msg = `no viable alternative at input '${errorDisplay(text)}'`;
    msg = msg.replace(RESERVED_AFTER_DOT, "mismatched input '$1' expecting IDENTIFIER");
    this.parserError(msg, offTok);
    this.recover();
  }

  /** Parser.Match with RecoverInline. Returns false when the token was missing and not conjured. */
  protected match(t: number): boolean {
    if (this.cur === t) {
      this.consume();
      return true;
    }
    this.checkAttempts();
    if (this.cur !== T.EOF && this.la(2) === t) {
      this.parserError(`extraneous input '${this.display(this.p)}' expecting ${tokenTypeDisplay(t)}`, this.p);
      this.p++;
      this.consume();
      return true;
    }
    if (this.canInsert(t)) {
      this.parserError(`missing ${tokenTypeDisplay(t)} at '${this.display(this.p)}'`, this.p);
      return true;
    }
    this.parserError(`mismatched input '${this.display(this.p)}' expecting ${tokenTypeDisplay(t)}`, this.p);
    this.recover();
    return false;
  }

  /** Whether the current token could follow the missing token t (single-token insertion). */
  private canInsert(t: number): boolean {
    const c = this.cur;
    if (t === T.COLON) return inSet(EXPR_START, c);
    if (t === T.RPAREN || t === T.RBRACKET || t === T.RBRACE) return this.inRecoverySet(c);
    return false;
  }

  /** Sync at the start of a list/map/message body: `first` starts an item, `open` is all that may come. */
  protected openSync(first: TokenSet, open: TokenSet): boolean {
    if (inSet(first, this.cur)) return true;
    if (this.syncDelete(open)) return true;
    this.mismatched(open);
    return false;
  }

  /** `','? closer` after the items of a list, map or message. */
  protected closeAfterItems(hadItems: boolean, closer: number): boolean {
    if (this.cur === T.COMMA) {
      this.consume();
      return this.match(closer);
    }
    if (this.cur === closer) {
      this.consume();
      return true;
    }
    if (!hadItems) return this.match(closer);
    const set = closer === T.RBRACKET ? CLOSE_LIST : CLOSE_BRACE;
    if (this.syncDelete(set)) {
      if (this.cur === T.COMMA) this.consume();
      return this.match(closer);
    }
    this.mismatched(set);
    return false;
  }
}

const CLOSE_LIST = new Uint8Array(39);
CLOSE_LIST[T.COMMA + 1] = 1;
CLOSE_LIST[T.RBRACKET + 1] = 1;
const CLOSE_BRACE = new Uint8Array(39);
CLOSE_BRACE[T.COMMA + 1] = 1;
CLOSE_BRACE[T.RBRACE + 1] = 1;
