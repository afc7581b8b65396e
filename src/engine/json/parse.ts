// JSON text to the JSON model, keeping integers exact: a number without fraction or exponent that
// fits int64 becomes a bigint (as Kubernetes' unstructured decoding gives int64), any other
// number a float64 `number`. Objects get a null prototype, so `__proto__` is plain data; a
// duplicate key keeps its first position and its last value (Go keeps the last value).
import type { JsonValue } from '../types.js';
import { newJsonObject } from './object.js';

export type ParseResult = { ok: true; value: JsonValue } | { ok: false; error: string; offset: number };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const MAX_DEPTH = 10000; // encoding/json's nesting limit

class ParseError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'end of JSON input';
  if (ch === "'") return "invalid character '\\''";
  if (ch === '"') return `invalid character '"'`;
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `invalid character '\\x${code.toString(16).padStart(2, '0')}'`;
  return `invalid character '${ch}'`;
}

/** Parses JSON text; on invalid text, the Go-like error and its offset. */
export function parseJson(text: string): ParseResult {
  let i = 0;
  const n = text.length;
  const fail = (context: string): never => {
    if (i >= n) throw new ParseError('unexpected end of JSON input', i);
    throw new ParseError(`${describe(text[i])} ${context}`, i);
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const str = (): string => {
    // text[i] === '"'
    i++;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= n) fail('in string literal');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('in string literal');
      if (c === 0x5c) {
        out += text.slice(start, i);
        i++;
        const e = text[i];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(i + 1, i + 5);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              i++;
              while (i < n && /[0-9a-fA-F]/.test(text[i])) i++;
              fail('in \\u hexadecimal character escape');
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail('in string escape code');
        }
        i++;
        start = i;
        continue;
      }
      i++;
    }
  };
  const num = (): JsonValue => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (text[i] >= '1' && text[i] <= '9') while (text[i] >= '0' && text[i] <= '9') i++;
    else fail('in numeric literal');
    let isInt = true;
    if (text[i] === '.') {
      isInt = false;
      i++;
      if (!(text[i] >= '0' && text[i] <= '9')) fail('after decimal point in numeric literal');
      while (text[i] >= '0' && text[i] <= '9') i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      isInt = false;
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(text[i] >= '0' && text[i] <= '9')) fail('in exponent of numeric literal');
      while (text[i] >= '0' && text[i] <= '9') i++;
    }
    const lit = text.slice(start, i);
    if (isInt) {
      const b = BigInt(lit);
      if (b >= INT64_MIN && b <= INT64_MAX) return b;
    }
    return Number(lit);
  };
  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) throw new ParseError('exceeded max depth', i);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o = newJsonObject<JsonValue>();
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        const k = str();
        ws();
        if (text[i] !== ':') fail('after object key');
        i++;
        o[k] = value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return o;
        }
        fail('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      const a: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return a;
        }
        fail('after array element');
      }
    }
    if (c === '"') return str();
    if (c === '-' || (c >= '0' && c <= '9')) return num();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    if (c === 't' || c === 'f' || c === 'n') {
      i++;
      fail('in literal');
    }
    return fail('looking for beginning of value');
  };
  try {
    const v = value(0);
    ws();
    if (i < n) fail('after top-level value');
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message, offset: e.offset };
    return { ok: false, error: String(e), offset: i };
  }
}

/** Parses JSON text into the JSON model; undefined when the text is not valid JSON. */
export function parseJsonPreservingInts(text: string): JsonValue | undefined {
  const r = parseJson(text);
  return r.ok ? r.value : undefined;
}
