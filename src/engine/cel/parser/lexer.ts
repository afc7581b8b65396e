// The CEL lexer: cel-go's ANTLR lexer rules (parser/gen/CEL.g4) by hand, longest match first,
// with ANTLR's recovery from unrecognised input (report `token recognition error at: '<text>'`
// where <text> runs from the token start through the character that failed, then skip that
// character and go on).
import { T } from './tokens.js';

export interface Tokens {
  /** token types; the last one is always EOF */
  readonly types: number[];
  /** UTF-16 offsets [start, end) */
  readonly starts: number[];
  readonly ends: number[];
}

export interface LexError {
  /** offset of the token start, where ANTLR reports the error */
  readonly start: number;
  /** end of the offending text */
  readonly end: number;
  readonly message: string;
}

const CH_TAB = 9;
const CH_LF = 10;
const CH_FF = 12;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_DQUOTE = 34;
const CH_SQUOTE = 39;
const CH_BACKSLASH = 92;
const CH_BACKTICK = 96;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isIdentPart(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95;
}

/** Length in UTF-16 units of the code point at i. */
function cpLen(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < src.length) {
    const d = src.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** ANTLR's getErrorDisplay: control characters shown as escapes. */
export function errorDisplay(text: string): string {
  return text.replace(/[\n\r\t]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

/**
 * Scans an escape sequence at src[j] === '\\' (ESC_SEQ). Returns the index after it, or
 * ~failIndex (negative) where the lexer's automaton has no transition.
 */
function scanEscape(src: string, j: number): number {
  const n = src.length;
  if (j + 1 >= n) return ~n;
  const c = src.charCodeAt(j + 1);
  switch (c) {
    case 97: // a
    case 98: // b
    case 102: // f
    case 110: // n
    case 114: // r
    case 116: // t
    case 118: // v
    case CH_DQUOTE:
    case CH_SQUOTE:
    case CH_BACKSLASH:
    case 63: // ?
    case CH_BACKTICK:
      return j + 2;
    case 120: // x
    case 88: // X
      return scanDigits(src, j + 2, 2, isHex);
    case 117: // u
      return scanDigits(src, j + 2, 4, isHex);
    case 85: // U
      return scanDigits(src, j + 2, 8, isHex);
    default:
      if (c >= 48 && c <= 51) return scanDigits(src, j + 2, 2, (d) => d >= 48 && d <= 55);
      return ~(j + 1);
  }
}

function scanDigits(src: string, k: number, count: number, ok: (c: number) => boolean): number {
  for (let m = 0; m < count; m++) {
    if (k + m >= src.length) return ~src.length;
    if (!ok(src.charCodeAt(k + m))) return ~(k + m);
  }
  return k + count;
}

/**
 * Scans a quoted string whose opening quote is at i (STRING without its prefix). Returns the
 * end offset, or ~failIndex.
 */
function scanQuoted(src: string, i: number, raw: boolean): number {
  const n = src.length;
  const q = src.charCodeAt(i);
  if (src.charCodeAt(i + 1) === q) {
    if (src.charCodeAt(i + 2) !== q) return i + 2; // empty string
    // Triple quoted: (ESC_SEQ | ~'\\')*? up to the first closing triple quote; if it never
    // closes, the longest match is the empty string made of the first two quotes.
    let j = i + 3;
    for (;;) {
      if (j >= n) return i + 2;
      const c = src.charCodeAt(j);
      if (c === q && src.charCodeAt(j + 1) === q && src.charCodeAt(j + 2) === q) return j + 3;
      if (c === CH_BACKSLASH && !raw) {
        const e = scanEscape(src, j);
        if (e < 0) return i + 2;
        j = e;
      } else j++;
    }
  }
  let j = i + 1;
  for (;;) {
    if (j >= n) return ~n;
    const c = src.charCodeAt(j);
    if (c === q) return j + 1;
    if (c === CH_LF || c === CH_CR) return ~j;
    if (c === CH_BACKSLASH && !raw) {
      const e = scanEscape(src, j);
      if (e < 0) return e;
      j = e;
    } else j++;
  }
}

/** Scans a STRING token (optionally raw) at i, where src[i] is a quote or r/R. */
function scanString(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === CH_DQUOTE || c === CH_SQUOTE) return scanQuoted(src, i, false);
  return scanQuoted(src, i + 1, true); // r"…"
}

function isQuote(c: number): boolean {
  return c === CH_DQUOTE || c === CH_SQUOTE;
}

/** Lexes src; `backticks` enables ESC_IDENTIFIER (cel-go >= 0.23). */
export function lex(src: string, errors: LexError[], backticks = true): Tokens {
  const types: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = src.length;
  let i = 0;
  const push = (type: number, start: number, end: number): void => {
    types.push(type);
    starts.push(start);
    ends.push(end);
  };
  // Reports a failed token that started at `start` and failed at `failAt`; returns where to resume.
  const fail = (start: number, failAt: number): number => {
    const stop = failAt < n ? failAt + cpLen(src, failAt) : n;
    errors.push({
      start,
      end: stop,
      message: `token recognition error at: '${errorDisplay(src.slice(start, stop))}'`,
    });
    return stop;
  };
  while (i < n) {
    const c = src.charCodeAt(i);
    switch (c) {
      case CH_SPACE:
      case CH_TAB:
      case CH_LF:
      case CH_CR:
      case CH_FF:
        i++;
        continue;
      case 47: // '/'
        if (src.charCodeAt(i + 1) === 47) {
          const nl = src.indexOf('\n', i);
          i = nl < 0 ? n : nl;
          continue;
        }
        push(T.SLASH, i, i + 1);
        i++;
        continue;
      case 61: // '='
        if (src.charCodeAt(i + 1) === 61) {
          push(T.EQUALS, i, i + 2);
          i += 2;
        } else i = fail(i, i + 1);
        continue;
      case 33: // '!'
        if (src.charCodeAt(i + 1) === 61) {
          push(T.NOT_EQUALS, i, i + 2);
          i += 2;
        } else {
          push(T.EXCLAM, i, i + 1);
          i++;
        }
        continue;
      case 60: // '<'
        if (src.charCodeAt(i + 1) === 61) {
          push(T.LESS_EQUALS, i, i + 2);
          i += 2;
        } else {
          push(T.LESS, i, i + 1);
          i++;
        }
        continue;
      case 62: // '>'
        if (src.charCodeAt(i + 1) === 61) {
          push(T.GREATER_EQUALS, i, i + 2);
          i += 2;
        } else {
          push(T.GREATER, i, i + 1);
          i++;
        }
        continue;
      case 38: // '&'
        if (src.charCodeAt(i + 1) === 38) {
          push(T.LOGICAL_AND, i, i + 2);
          i += 2;
        } else i = fail(i, i + 1);
        continue;
      case 124: // '|'
        if (src.charCodeAt(i + 1) === 124) {
          push(T.LOGICAL_OR, i, i + 2);
          i += 2;
        } else i = fail(i, i + 1);
        continue;
      case 91:
        push(T.LBRACKET, i, ++i);
        continue;
      case 93:
        push(T.RBRACKET, i, ++i);
        continue;
      case 123:
        push(T.LBRACE, i, ++i);
        continue;
      case 125:
        push(T.RBRACE, i, ++i);
        continue;
      case 40:
        push(T.LPAREN, i, ++i);
        continue;
      case 41:
        push(T.RPAREN, i, ++i);
        continue;
      case 44:
        push(T.COMMA, i, ++i);
        continue;
      case 45:
        push(T.MINUS, i, ++i);
        continue;
      case 63:
        push(T.QUESTIONMARK, i, ++i);
        continue;
      case 58:
        push(T.COLON, i, ++i);
        continue;
      case 43:
        push(T.PLUS, i, ++i);
        continue;
      case 42:
        push(T.STAR, i, ++i);
        continue;
      case 37:
        push(T.PERCENT, i, ++i);
        continue;
      case 46: // '.'
        if (isDigit(src.charCodeAt(i + 1))) {
          let j = i + 1;
          while (isDigit(src.charCodeAt(j))) j++;
          j = scanExponent(src, j);
          push(T.NUM_FLOAT, i, j);
          i = j;
        } else {
          push(T.DOT, i, ++i);
        }
        continue;
      case CH_DQUOTE:
      case CH_SQUOTE: {
        const e = scanString(src, i);
        if (e < 0) i = fail(i, ~e);
        else {
          push(T.STRING, i, e);
          i = e;
        }
        continue;
      }
      case CH_BACKTICK: {
        if (!backticks) break;
        let j = i + 1;
        for (;;) {
          const d = src.charCodeAt(j);
          // LETTER | DIGIT | '_' | '.' | '-' | '/' | ' '
          if (isIdentPart(d) || d === 46 || d === 45 || d === 47 || d === CH_SPACE) j++;
          else break;
        }
        if (j > i + 1 && src.charCodeAt(j) === CH_BACKTICK) {
          push(T.ESC_IDENTIFIER, i, j + 1);
          i = j + 1;
        } else i = fail(i, j);
        continue;
      }
    }
    if (isDigit(c)) {
      i = lexNumber(src, i, push);
      continue;
    }
    if (isLetter(c) || c === 95) {
      // String prefixes: r"…", b"…", br"…" (BYTES : ('b'|'B') STRING; RAW : 'r'|'R').
      const c1 = src.charCodeAt(i + 1);
      if ((c === 114 || c === 82) && isQuote(c1)) {
        const e = scanString(src, i);
        if (e > 0) {
          push(T.STRING, i, e);
          i = e;
          continue;
        }
      } else if (c === 98 || c === 66) {
        if (isQuote(c1) || ((c1 === 114 || c1 === 82) && isQuote(src.charCodeAt(i + 2)))) {
          const e = scanString(src, i + 1);
          if (e > 0) {
            push(T.BYTES, i, e);
            i = e;
            continue;
          }
        }
      }
      let j = i + 1;
      while (isIdentPart(src.charCodeAt(j))) j++;
      push(keywordType(src, i, j), i, j);
      i = j;
      continue;
    }
    i = fail(i, i);
  }
  push(T.EOF, n, n);
  return { types, starts, ends };
}

function keywordType(src: string, i: number, j: number): number {
  const len = j - i;
  if (len === 2 && src.charCodeAt(i) === 105 && src.charCodeAt(i + 1) === 110) return T.IN;
  if (len === 4) {
    const w = src.slice(i, j);
    if (w === 'true') return T.TRUE;
    if (w === 'null') return T.NULL;
  } else if (len === 5 && src.slice(i, j) === 'false') return T.FALSE;
  return T.IDENTIFIER;
}

/** EXPONENT? at j: ('e'|'E') ('+'|'-')? DIGIT+; returns the end (j when absent). */
function scanExponent(src: string, j: number): number {
  const e = src.charCodeAt(j);
  if (e !== 101 && e !== 69) return j;
  let m = j + 1;
  const s = src.charCodeAt(m);
  if (s === 43 || s === 45) m++;
  if (!isDigit(src.charCodeAt(m))) return j;
  while (isDigit(src.charCodeAt(m))) m++;
  return m;
}

function lexNumber(src: string, i: number, push: (t: number, s: number, e: number) => void): number {
  // '0x' HEXDIGIT+ ('u'|'U')?  (lower-case x only)
  if (src.charCodeAt(i) === 48 && src.charCodeAt(i + 1) === 120 && isHex(src.charCodeAt(i + 2))) {
    let j = i + 2;
    while (isHex(src.charCodeAt(j))) j++;
    const u = src.charCodeAt(j);
    if (u === 117 || u === 85) {
      push(T.NUM_UINT, i, j + 1);
      return j + 1;
    }
    push(T.NUM_INT, i, j);
    return j;
  }
  let j = i;
  while (isDigit(src.charCodeAt(j))) j++;
  const u = src.charCodeAt(j);
  if (u === 117 || u === 85) {
    push(T.NUM_UINT, i, j + 1);
    return j + 1;
  }
  let k = j;
  if (u === 46 && isDigit(src.charCodeAt(j + 1))) {
    k = j + 1;
    while (isDigit(src.charCodeAt(k))) k++;
  }
  k = scanExponent(src, k);
  if (k > j) {
    push(T.NUM_FLOAT, i, k);
    return k;
  }
  push(T.NUM_INT, i, j);
  return j;
}
