// Token types of the CEL lexer. The numbers are those of cel-go's ANTLR grammar
// (parser/gen/CEL.tokens), because ANTLR lists "expecting {...}" sets in token-type order.
export const T = {
  EOF: -1,
  EQUALS: 1,
  NOT_EQUALS: 2,
  IN: 3,
  LESS: 4,
  LESS_EQUALS: 5,
  GREATER_EQUALS: 6,
  GREATER: 7,
  LOGICAL_AND: 8,
  LOGICAL_OR: 9,
  LBRACKET: 10,
  RBRACKET: 11,
  LBRACE: 12,
  RBRACE: 13,
  LPAREN: 14,
  RPAREN: 15,
  DOT: 16,
  COMMA: 17,
  MINUS: 18,
  EXCLAM: 19,
  QUESTIONMARK: 20,
  COLON: 21,
  PLUS: 22,
  STAR: 23,
  SLASH: 24,
  PERCENT: 25,
  TRUE: 26,
  FALSE: 27,
  NULL: 28,
  WHITESPACE: 29,
  COMMENT: 30,
  NUM_FLOAT: 31,
  NUM_INT: 32,
  NUM_UINT: 33,
  STRING: 34,
  BYTES: 35,
  IDENTIFIER: 36,
  ESC_IDENTIFIER: 37,
} as const;

/** ANTLR's vocabulary display names (literal name if any, else symbolic name). */
const DISPLAY: readonly string[] = [
  '<INVALID>',
  "'=='",
  "'!='",
  "'in'",
  "'<'",
  "'<='",
  "'>='",
  "'>'",
  "'&&'",
  "'||'",
  "'['",
  "']'",
  "'{'",
  "'}'",
  "'('",
  "')'",
  "'.'",
  "','",
  "'-'",
  "'!'",
  "'?'",
  "':'",
  "'+'",
  "'*'",
  "'/'",
  "'%'",
  "'true'",
  "'false'",
  "'null'",
  'WHITESPACE',
  'COMMENT',
  'NUM_FLOAT',
  'NUM_INT',
  'NUM_UINT',
  'STRING',
  'BYTES',
  'IDENTIFIER',
  'ESC_IDENTIFIER',
];

export function tokenTypeDisplay(t: number): string {
  return t === T.EOF ? '<EOF>' : (DISPLAY[t] ?? '<INVALID>');
}

/** A set of token types: a lookup table indexed by type + 1 (EOF is index 0). */
export type TokenSet = Uint8Array;

export function tokenSet(...types: number[]): TokenSet {
  const s = new Uint8Array(39);
  for (const t of types) s[t + 1] = 1;
  return s;
}

export function unionSets(...sets: TokenSet[]): TokenSet {
  const s = new Uint8Array(39);
  for (const x of sets) for (let i = 0; i < 39; i++) s[i] |= x[i];
  return s;
}

export function inSet(set: TokenSet, t: number): boolean {
  return set[t + 1] === 1;
}

/** ANTLR's IntervalSet display: `X` for one element, `{X, Y}` for more, in type order. */
export function formatSet(set: TokenSet): string {
  const names: string[] = [];
  for (let i = 0; i < 39; i++) if (set[i] === 1) names.push(tokenTypeDisplay(i - 1));
  return names.length === 1 ? names[0] : `{${names.join(', ')}}`;
}

/** Tokens that can start an expression (cel-go's `unary` rule). */
export const EXPR_START = tokenSet(
  T.LBRACKET,
  T.LBRACE,
  T.LPAREN,
  T.DOT,
  T.MINUS,
  T.EXCLAM,
  T.TRUE,
  T.FALSE,
  T.NULL,
  T.NUM_FLOAT,
  T.NUM_INT,
  T.NUM_UINT,
  T.STRING,
  T.BYTES,
  T.IDENTIFIER,
);

/** Tokens that can start a `member` (no unary operator; '-' only as a literal's sign). */
export const MEMBER_START = tokenSet(
  T.LBRACKET,
  T.LBRACE,
  T.LPAREN,
  T.DOT,
  T.MINUS,
  T.TRUE,
  T.FALSE,
  T.NULL,
  T.NUM_FLOAT,
  T.NUM_INT,
  T.NUM_UINT,
  T.STRING,
  T.BYTES,
  T.IDENTIFIER,
);

/** Tokens that may follow a complete operand: the operators and postfix forms. */
export const OPERATORS = tokenSet(
  T.EQUALS,
  T.NOT_EQUALS,
  T.IN,
  T.LESS,
  T.LESS_EQUALS,
  T.GREATER_EQUALS,
  T.GREATER,
  T.LOGICAL_AND,
  T.LOGICAL_OR,
  T.LBRACKET,
  T.DOT,
  T.MINUS,
  T.QUESTIONMARK,
  T.PLUS,
  T.STAR,
  T.SLASH,
  T.PERCENT,
);

// Sets used by the parser's error handling (what ANTLR expects at each decision).
export const FOLLOW_PAREN = tokenSet(T.RPAREN);
export const FOLLOW_ARGS = tokenSet(T.COMMA, T.RPAREN);
export const FOLLOW_LIST = tokenSet(T.COMMA, T.RBRACKET);
export const FOLLOW_INDEX = tokenSet(T.RBRACKET);
export const FOLLOW_MAP = tokenSet(T.COLON, T.COMMA, T.RBRACE);
export const FOLLOW_FIELDS = tokenSet(T.COMMA, T.RBRACE);
export const FOLLOW_TERNARY = tokenSet(T.COLON);
export const OPT_EXPR_START = unionSets(EXPR_START, tokenSet(T.QUESTIONMARK));
export const ARGS_OPEN = unionSets(EXPR_START, tokenSet(T.RPAREN));
export const LIST_OPEN = unionSets(OPT_EXPR_START, tokenSet(T.RBRACKET, T.COMMA));
export const MAP_OPEN = unionSets(OPT_EXPR_START, tokenSet(T.RBRACE, T.COMMA));
export const FIELD_START = tokenSet(T.QUESTIONMARK, T.IDENTIFIER, T.ESC_IDENTIFIER);
export const MSG_OPEN = unionSets(FIELD_START, tokenSet(T.RBRACE, T.COMMA));
export const FIELD_NAME = tokenSet(T.IDENTIFIER, T.ESC_IDENTIFIER);
export const NUMBER_LIT = tokenSet(T.NUM_INT, T.NUM_FLOAT);
/** member starts other than a literal's sign */
export const OPERAND_START = tokenSet(
  T.LBRACKET, T.LBRACE, T.LPAREN, T.DOT, T.TRUE, T.FALSE, T.NULL,
  T.NUM_FLOAT, T.NUM_INT, T.NUM_UINT, T.STRING, T.BYTES, T.IDENTIFIER,
);

