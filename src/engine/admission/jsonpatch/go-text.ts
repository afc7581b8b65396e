// Small Go runtime facts the JSON Patch port needs: strconv.Quote, strconv.Atoi and what
// encoding/json makes of a strconv.Quote'd string (the apiserver builds each operation's
// "op"/"path"/"from" as `json.RawMessage(strconv.Quote(s))`, mutating/patch/json_patch.go).

/** A Go runtime panic inside the library; the apiserver answers HTTP 500. */
export class GoPanic {
  constructor(readonly message: string) {}
}

export const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';
export const NIL_MAP_WRITE = 'assignment to entry in nil map';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint / strconv.IsPrint: letters, marks, numbers, punctuation, symbols, ASCII space. */
export function isGoPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

function* codePoints(s: string): Generator<number> {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        yield ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    // a lone surrogate cannot be UTF-8; Go would have U+FFFD there
    yield c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
  }
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** strconv.Quote */
export function goQuote(s: string): string {
  let out = '"';
  for (const cp of codePoints(s)) {
    if (cp === 0x22) out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (isGoPrint(cp)) out += String.fromCodePoint(cp);
    else if (cp === 0x07) out += '\\a';
    else if (cp === 0x08) out += '\\b';
    else if (cp === 0x0c) out += '\\f';
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x0d) out += '\\r';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0b) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + '"';
}

/**
 * `json.Unmarshal([]byte(strconv.Quote(s)), &out)`: the string back, or the syntax error for the
 * first escape Go's Quote writes that JSON does not have (`\a`, `\v`, `\xNN`, `\UNNNNNNNN`).
 */
export function decodeQuoted(s: string): { ok: true; value: string } | { ok: false; error: string } {
  let value = '';
  for (const cp of codePoints(s)) {
    if (cp === 0x07) return { ok: false, error: "invalid character 'a' in string escape code" };
    if (cp === 0x0b) return { ok: false, error: "invalid character 'v' in string escape code" };
    if ((cp < 0x20 && cp !== 0x08 && cp !== 0x0c && cp !== 0x0a && cp !== 0x0d && cp !== 0x09) || cp === 0x7f) {
      return { ok: false, error: "invalid character 'x' in string escape code" };
    }
    if (cp >= 0x10000 && !isGoPrint(cp)) return { ok: false, error: "invalid character 'U' in string escape code" };
    value += String.fromCodePoint(cp);
  }
  return { ok: true, value };
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi on a 64-bit platform: the value, or the NumError text. */
export function goAtoi(s: string): { ok: true; value: bigint } | { ok: false; error: string } {
  const m = /^[+-]?[0-9]+$/.exec(s);
  if (!m) return { ok: false, error: `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` };
  const v = BigInt(s.startsWith('+') ? s.slice(1) : s);
  if (v < INT64_MIN || v > INT64_MAX) return { ok: false, error: `strconv.Atoi: parsing ${goQuote(s)}: value out of range` };
  return { ok: true, value: v };
}
