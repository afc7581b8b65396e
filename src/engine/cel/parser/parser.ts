// The CEL parser: primaries (identifiers, global calls, literals, parentheses, lists, maps and
// message construction) on top of the expression layers in expressions.ts.
import type { Expr, MapEntry, StructField } from '../ast.js';
import { ExpressionParser } from './expressions.js';
import { parseDoubleLiteral, parseIntLiteral, parseUintLiteral } from './literals.js';
import { newIdent, newList, newLiteral, newMap, newMapEntry, newStruct, newStructField } from './nodes.js';
import {
  EXPR_START,
  FIELD_NAME,
  FIELD_START,
  FOLLOW_FIELDS,
  FOLLOW_LIST,
  FOLLOW_MAP,
  FOLLOW_PAREN,
  LIST_OPEN,
  MAP_OPEN,
  MSG_OPEN,
  NUMBER_LIT,
  OPT_EXPR_START,
  T,
  inSet,
} from './tokens.js';
import { unescapeLiteral } from './unescape.js';

/** cel-go parser.go reservedIds (in/true/false/null are keywords of the lexer). */
const RESERVED = new Set([
  'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop',
  'package', 'namespace', 'return', 'var', 'void', 'while',
]);

export class Parser extends ExpressionParser {
  // ---- primary -------------------------------------------------------------------------

  protected parsePrimary(): Expr {
    const t = this.cur;
    switch (t) {
      case T.IDENTIFIER:
        return this.parseNamed(false);
      case T.DOT:
        if (this.la(2) === T.IDENTIFIER) return this.parseNamed(true);
        this.noViable(this.p + 1);
        return this.errorNode(this.tokRange(this.p));
      case T.LPAREN: {
        this.consume();
        this.pushFollow(FOLLOW_PAREN);
        const e = this.parseExpr();
        this.popFollow();
        this.match(T.RPAREN);
        return e;
      }
      case T.LBRACKET:
        return this.parseList();
      case T.LBRACE:
        return this.parseMap();
      case T.MINUS:
        if (inSet(NUMBER_LIT, this.la(2))) return this.parseNumber(true);
        this.noViable(this.p + 1);
        return this.errorNode(this.tokRange(this.p));
      case T.NUM_INT:
      case T.NUM_FLOAT:
        return this.parseNumber(false);
      case T.NUM_UINT: {
        const i = this.p;
        this.consume();
        const v = parseUintLiteral(this.text(i).slice(0, -1));
        if (v === undefined) return this.report('invalid uint literal', this.tokRange(i));
        return newLiteral(this.alloc(), this.tokRange(i), v);
      }
      case T.STRING:
      case T.BYTES:
        return this.parseText(t === T.BYTES);
      case T.TRUE:
      case T.FALSE:
      case T.NULL: {
        const i = this.p;
        this.consume();
        return newLiteral(this.alloc(), this.tokRange(i), t === T.NULL ? null : t === T.TRUE);
      }
    }
    this.mismatched(EXPR_START);
    return this.errorNode(this.tokRange(this.p));
  }

  private parseNumber(negative: boolean): Expr {
    const first = this.p;
    if (negative) this.consume();
    const i = this.p;
    const isInt = this.cur === T.NUM_INT;
    this.consume();
    const range = this.rangeFrom(first);
    const text = this.text(i);
    const v = isInt ? parseIntLiteral(text, negative) : parseDoubleLiteral(text, negative);
    if (v === undefined) return this.report(isInt ? 'invalid int literal' : 'invalid double literal', range);
    return newLiteral(this.alloc(), range, v);
  }

  private parseText(isBytes: boolean): Expr {
    const i = this.p;
    this.consume();
    const text = this.text(i);
    const r = unescapeLiteral(isBytes ? text.slice(1) : text, isBytes, this.opts.celGoV022);
    if (!r.ok) return this.report(r.message, this.tokRange(i));
    return newLiteral(this.alloc(), this.tokRange(i), r.value);
  }

  /** Ident, GlobalCall or CreateMessage, with an optional leading dot. */
  private parseNamed(leadingDot: boolean): Expr {
    const start = this.p;
    const j = start + (leadingDot ? 1 : 0);
    const name = this.text(j);
    if (this.types[j + 1] === T.LPAREN) {
      while (this.p <= j + 1) this.consume();
      const paren = j + 1;
      const reserved = RESERVED.has(name);
      const id = reserved ? 0 : this.alloc();
      const mark = this.visitDiags.length;
      const args = this.parseArgs();
      this.match(T.RPAREN);
      if (reserved) {
        // cel-go reports the name without visiting the arguments
        this.visitDiags.length = mark;
        return this.report(`reserved identifier: ${name}`, this.rangeFrom(start));
      }
      const fn = leadingDot ? `.${name}` : name;
      const call = this.globalCallOrMacro(id, this.rangeFrom(paren), fn, args);
      return this.depth(call, 0, args);
    }
    let k = j + 1;
    while (this.types[k] === T.DOT && this.types[k + 1] === T.IDENTIFIER) k += 2;
    if (this.types[k] === T.LBRACE) return this.parseMessage(start, k, leadingDot);
    this.consume();
    if (leadingDot) this.consume();
    if (RESERVED.has(name)) return this.report(`reserved identifier: ${name}`, this.rangeFrom(start));
    return newIdent(this.alloc(), this.tokRange(j), leadingDot ? `.${name}` : name);
  }

  private parseList(): Expr {
    const open = this.p;
    this.consume();
    const id = this.alloc();
    const elems: Expr[] = [];
    const optional: number[] = [];
    this.pushFollow(FOLLOW_LIST);
    const ok = this.cur === T.RBRACKET || this.cur === T.COMMA || this.openSync(OPT_EXPR_START, LIST_OPEN);
    if (ok && this.cur !== T.RBRACKET && this.cur !== T.COMMA) {
      for (;;) {
        const q = this.optionalMark();
        const e = this.parseExpr();
        if (q >= 0 && this.opts.optionalSyntax) optional.push(elems.length);
        elems.push(e);
        if (this.cur === T.COMMA && inSet(OPT_EXPR_START, this.la(2))) this.consume();
        else break;
      }
    }
    this.popFollow();
    this.closeAfterItems(elems.length > 0, T.RBRACKET);
    const list = newList(id, this.rangeFrom(open), elems, optional);
    return this.depth(list, 0, elems);
  }

  /** `?` before a list element, map key or field: reported when optional syntax is off. */
  private optionalMark(): number {
    if (this.cur !== T.QUESTIONMARK) return -1;
    const q = this.p;
    this.consume();
    if (!this.opts.optionalSyntax) this.report("unsupported syntax '?'", this.tokRange(q));
    return q;
  }

  private parseMap(): Expr {
    const open = this.p;
    this.consume();
    const id = this.alloc();
    const entries: MapEntry[] = [];
    const children: Expr[] = [];
    this.pushFollow(FOLLOW_MAP);
    const ok = this.cur === T.RBRACE || this.cur === T.COMMA || this.openSync(OPT_EXPR_START, MAP_OPEN);
    if (ok && this.cur !== T.RBRACE && this.cur !== T.COMMA) {
      for (;;) {
        const entryId = this.alloc();
        const q = this.optionalMark();
        const mark = this.visitDiags.length;
        const key = this.parseExpr();
        if (!this.match(T.COLON)) break;
        const colon = this.p - 1;
        const value = this.parseExpr();
        children.push(key, value);
        if (q < 0 || this.opts.optionalSyntax) {
          entries.push(newMapEntry(entryId, this.rangeFrom(colon), key, value, q >= 0));
        } else {
          this.visitDiags.length = mark; // cel-go skips the entry unvisited
        }
        if (this.cur === T.COMMA && inSet(OPT_EXPR_START, this.la(2))) this.consume();
        else break;
      }
    }
    this.popFollow();
    this.closeAfterItems(children.length > 0, T.RBRACE);
    return this.depth(newMap(id, this.rangeFrom(open), entries), 0, children);
  }

  /** `.`? IDENT ('.' IDENT)* '{' fields '}' — tokens start..brace */
  private parseMessage(start: number, brace: number, leadingDot: boolean): Expr {
    let typeName = leadingDot ? '.' : '';
    for (let i = start + (leadingDot ? 1 : 0); i < brace; i += 2) {
      typeName += (i > start + (leadingDot ? 1 : 0) ? '.' : '') + this.text(i);
    }
    while (this.p <= brace) this.consume();
    const id = this.alloc();
    const fields: StructField[] = [];
    const children: Expr[] = [];
    this.pushFollow(FOLLOW_FIELDS);
    const listStart = this.p;
    const ok = this.cur === T.RBRACE || this.cur === T.COMMA || this.openSync(FIELD_START, MSG_OPEN);
    if (ok && this.cur !== T.RBRACE && this.cur !== T.COMMA) {
      for (;;) {
        const q = this.optionalMark();
        if (!inSet(FIELD_NAME, this.cur)) {
          this.mismatched(FIELD_NAME);
          break;
        }
        const nameTok = this.p;
        this.consume();
        if (!this.match(T.COLON)) break;
        const colon = this.p - 1;
        const initId = this.alloc();
        // cel-go checks `?` first, then the name; a rejected field is skipped unvisited.
        const skipped = q >= 0 && !this.opts.optionalSyntax;
        const name = skipped ? '' : this.fieldName(nameTok, this.tokRange(listStart));
        const mark = this.visitDiags.length;
        const value = this.parseExpr();
        children.push(value);
        if (!skipped && (this.types[nameTok] !== T.ESC_IDENTIFIER || this.opts.identEscapeSyntax)) {
          fields.push(newStructField(initId, this.rangeFrom(colon), name, value, q >= 0));
        } else {
          this.visitDiags.length = mark;
        }
        if (this.cur === T.COMMA && inSet(FIELD_START, this.la(2))) this.consume();
        else break;
      }
    }
    this.popFollow();
    this.closeAfterItems(children.length > 0, T.RBRACE);
    return this.depth(newStruct(id, this.rangeFrom(brace), typeName, fields), 0, children);
  }

}
