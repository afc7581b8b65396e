// String and bytes literal decoding, as cel-go parser/unescape.go does it: newlines normalised,
// raw and triple-quoted forms, escapes giving code points in strings and raw bytes in bytes.
// The lexer has already checked the escape syntax; what can still fail is the value.

export type Unescaped = { ok: true; value: string | Uint8Array } | { ok: false; message: string };

const UNABLE = 'unable to unescape string';

/**
 * Decodes the text of a STRING token (for BYTES, the text after the b prefix). `legacy`: cel-go
 * v0.22 (Kubernetes 1.32) checked only the upper bound of escaped code points; a surrogate was
 * then encoded as U+FFFD.
 */
export function unescapeLiteral(text: string, isBytes: boolean, legacy = false): Unescaped {
  let value = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (value.length < 2) return { ok: false, message: UNABLE };
  let raw = false;
  const c0 = value.charCodeAt(0);
  if (c0 === 114 || c0 === 82) {
    value = value.slice(1);
    raw = true;
  }
  const q = value[0];
  if (q !== value[value.length - 1] || (q !== '"' && q !== "'")) return { ok: false, message: UNABLE };
  const triple = value.length >= 6 && value.startsWith(q + q + q);
  value = triple ? value.slice(3, value.length - 3) : value.slice(1, value.length - 1);
  if (raw || !value.includes('\\')) return { ok: true, value: isBytes ? utf8Encode(value) : value };
  return isBytes ? decodeBytes(value) : decodeString(value, legacy);
}

function hexValue(s: string, from: number, count: number): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const d = parseInt(s[from + k], 16);
    if (Number.isNaN(d)) return -1;
    v = v * 16 + d;
  }
  return from + count <= s.length ? v : -1;
}

const SIMPLE: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '`': 96,
  '?': 63,
};

/** One escape at s[i] === '\\': [code (code point or byte), length], or an error text. */
function escapeAt(s: string, i: number, isBytes: boolean, legacy = false): [number, number] | string {
  if (i + 1 >= s.length) return "unable to unescape string, found '\\' as last character";
  const c = s[i + 1];
  const simple = SIMPLE[c];
  if (simple !== undefined) return [simple, 2];
  let n = 0;
  if (c === 'x' || c === 'X') n = 2;
  else if (c === 'u') n = 4;
  else if (c === 'U') n = 8;
  if (n > 0) {
    if (isBytes && n > 2) return UNABLE;
    const v = hexValue(s, i + 2, n);
    if (v < 0) return UNABLE;
    if (!isBytes && legacy) return v > 0x10ffff ? UNABLE : [v >= 0xd800 && v <= 0xdfff ? 0xfffd : v, 2 + n];
    if (!isBytes && !validRune(v)) return 'invalid unicode code point';
    return [v, 2 + n];
  }
  if (c >= '0' && c <= '3') {
    let v = c.charCodeAt(0) - 48;
    for (let k = 2; k < 4; k++) {
      const d = s.charCodeAt(i + k);
      if (!(d >= 48 && d <= 55)) return 'unable to unescape octal sequence in string';
      v = v * 8 + (d - 48);
    }
    return [v, 4];
  }
  return UNABLE;
}

function validRune(v: number): boolean {
  return v <= 0x10ffff && !(v >= 0xd800 && v <= 0xdfff);
}

function decodeString(s: string, legacy: boolean): Unescaped {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const b = s.indexOf('\\', i);
    if (b < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, b);
    const e = escapeAt(s, b, false, legacy);
    if (typeof e === 'string') return { ok: false, message: e };
    out += String.fromCodePoint(e[0]);
    i = b + e[1];
  }
  return { ok: true, value: out };
}

function decodeBytes(s: string): Unescaped {
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== 92) {
      const cp = s.codePointAt(i)!;
      pushUtf8(out, cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = escapeAt(s, i, true);
    if (typeof e === 'string') return { ok: false, message: e };
    // \x and octal escapes are raw bytes; the simple escapes are ASCII.
    out.push(e[0] & 0xff);
    i += e[1];
  }
  return { ok: true, value: Uint8Array.from(out) };
}

function pushUtf8(out: number[], cp: number): void {
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // lone surrogate: Go encodes U+FFFD
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    pushUtf8(out, cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return Uint8Array.from(out);
}
