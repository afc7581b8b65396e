// JSON text as Go's encoding/json writes it (the apiserver serializes objects with it):
// - integers (bigint) plainly; float64 (number) in the shortest form that round-trips, using
//   exponent notation when |x| < 1e-6 or |x| >= 1e21 with a one-digit negative exponent written
//   without its leading zero (Go floatEncoder: `1e-7`, `1e+21`, `0.000001`, `-0`);
// - strings with `"`, `\`, `\n`, `\r`, `\t`, `\b`, `\f` short escapes, other control characters
//   as `\u00xx`, and (HTML-safe, the default of json.Marshal) `<`, `>`, `&`, U+2028, U+2029 as
//   `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`; a lone surrogate becomes `\ufffd`
//   (Go replaces invalid UTF-8 with U+FFFD);
// - object keys in the order given (Go sorts map keys; typed structs use field order).
import type { JsonValue } from '../types.js';
import { isPlainObject } from './object.js';

export interface EncodeOptions {
  /** MarshalIndent's indent (prefix is always ""); a number means that many spaces. Omitted,
   * "" or 0: compact. */
  readonly indent?: string | number;
  /** HTML-safe escaping (json.Marshal's default). Default true. */
  readonly escapeHtml?: boolean;
}

const HEX = '0123456789abcdef';

/** Go strconv.FormatFloat(x, 'f' or 'e', -1, 64) as encoding/json's floatEncoder picks it. */
export function goFloatString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const abs = Math.abs(x);
  if (abs < 1e-6 || abs >= 1e21) {
    // JS's shortest exponent form equals Go's after its `e-0d` -> `e-d` clean-up.
    return x.toExponential();
  }
  // In this range JS prints plain decimal digits, the same shortest digits Go prints with 'f'.
  return String(x);
}

function escapeString(s: string, html: boolean): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20) {
      switch (c) {
        case 0x0a: rep = '\\n'; break;
        case 0x0d: rep = '\\r'; break;
        case 0x09: rep = '\\t'; break;
        case 0x08: rep = '\\b'; break;
        case 0x0c: rep = '\\f'; break;
        default: rep = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
      }
    } else if (c === 0x22) rep = '\\"';
    else if (c === 0x5c) rep = '\\\\';
    else if (html && (c === 0x3c || c === 0x3e || c === 0x26)) rep = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
    else if (c === 0x2028 || c === 0x2029) rep = c === 0x2028 ? '\\u2028' : '\\u2029';
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\\ufffd';
    }
    if (rep !== undefined) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** A JSON string literal as Go's encoding/json writes it. */
export function encodeJsonString(s: string, opts: EncodeOptions = {}): string {
  return escapeString(s, opts.escapeHtml !== false);
}

/**
 * Encodes a value of the JSON model as Go's encoding/json would. Never throws: a value outside
 * the JSON model (undefined, a function, a class instance other than arrays) is written `null`,
 * and a non-finite number is written as Go's %v would print it (json.Marshal would fail).
 */
export function encodeJson(value: unknown, opts: EncodeOptions = {}): string {
  const html = opts.escapeHtml !== false;
  const indent = typeof opts.indent === 'number' ? ' '.repeat(Math.max(0, Math.min(10, opts.indent))) : (opts.indent ?? '');
  const parts: string[] = [];
  const write = (v: unknown, depth: number): void => {
    if (v === null || v === undefined) {
      parts.push('null');
    } else if (typeof v === 'boolean') {
      parts.push(v ? 'true' : 'false');
    } else if (typeof v === 'bigint') {
      parts.push(v.toString());
    } else if (typeof v === 'number') {
      parts.push(goFloatString(v));
    } else if (typeof v === 'string') {
      parts.push(escapeString(v, html));
    } else if (Array.isArray(v)) {
      if (v.length === 0) {
        parts.push('[]');
        return;
      }
      parts.push('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) parts.push(',');
        if (indent) parts.push('\n' + indent.repeat(depth + 1));
        write(v[i], depth + 1);
      }
      if (indent) parts.push('\n' + indent.repeat(depth));
      parts.push(']');
    } else if (typeof v === 'object' && isPlainObject(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0) {
        parts.push('{}');
        return;
      }
      parts.push('{');
      keys.forEach((k, i) => {
        if (i > 0) parts.push(',');
        if (indent) parts.push('\n' + indent.repeat(depth + 1));
        parts.push(escapeString(k, html), indent ? ': ' : ':');
        write((v as Record<string, unknown>)[k], depth + 1);
      });
      if (indent) parts.push('\n' + indent.repeat(depth));
      parts.push('}');
    } else {
      parts.push('null');
    }
  };
  write(value, 0);
  return parts.join('');
}

/** The number of UTF-8 bytes of a JS string (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Re-export for callers that only need the type. */
export type { JsonValue };
