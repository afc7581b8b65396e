// Go's text forms of a few values the typed decoding renders: metav1.Time, base64 []byte, numbers.
import { newJsonObject, type JsonObject } from '../cel/values.js';
import { isPlainObject } from '../json/object.js';
import { utf8Encode } from '../cel/stdlib/helpers.js';

const isMap = isPlainObject as (v: unknown) => v is JsonObject;

/** metav1.Time round trip: RFC 3339 in, UTC RFC 3339 (whole seconds) out. */
export function formatGoTime(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se, , zone] = m;
  let offset = 0;
  if (zone !== 'Z' && zone !== 'z') offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return undefined;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)) - offset * 60000;
  const dt = new Date(ms);
  if (Number.isNaN(dt.getTime())) return undefined;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}T${pad(dt.getUTCHours())}:${pad(dt.getUTCMinutes())}:${pad(dt.getUTCSeconds())}Z`;
}

/** The input byte where Go's base64.StdEncoding.Decode reports a CorruptInputError, or undefined. */
export function base64Error(src: string): number | undefined {
  const isB64 = (c: string) => /^[A-Za-z0-9+/]$/.test(c);
  const nl = (c: string | undefined) => c === '\n' || c === '\r';
  let si = 0;
  for (;;) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return si - j;
      }
      const c = src[si++];
      if (isB64(c)) continue;
      if (nl(c)) {
        j--;
        continue;
      }
      if (c !== '=') return si - 1;
      if (j < 2) return si - 1;
      if (j === 2) {
        while (si < src.length && nl(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== '=') return si - 1;
        si++;
      }
      while (si < src.length && nl(src[si])) si++;
      return si < src.length ? si : undefined;
    }
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += A[(n >> 18) & 63] + A[(n >> 12) & 63] + (i + 1 < bytes.length ? A[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? A[n & 63] : '=');
  }
  return out;
}

export function base64Encode(s: string): string {
  return bytesToBase64(utf8Encode(s));
}

export function foldSecretStringData(secret: JsonObject): JsonObject {
  // v1 -> internal conversion of a Secret folds stringData into data (base64) and drops it; the
  // admission plugin itself works on v1 objects (mutating/dispatcher.go), so only a request
  // decoded by a real server (with its internal version) goes through this
  const sd = secret.stringData;
  if (!isMap(sd)) return secret;
  const out: JsonObject = { ...secret };
  const data = newJsonObject();
  if (isMap(out.data)) for (const k of Object.keys(out.data)) data[k] = out.data[k];
  for (const k of Object.keys(sd)) {
    const v = sd[k];
    data[k] = base64Encode(typeof v === 'string' ? v : '');
  }
  const sorted = newJsonObject();
  for (const k of Object.keys(data).sort()) sorted[k] = data[k];
  delete out.stringData;
  if (Object.hasOwn(out, 'data')) out.data = sorted;
  // keep encoding/json field order: data before type
  const ordered: JsonObject = {};
  for (const k of Object.keys(out)) {
    if (k === 'type' && !Object.hasOwn(ordered, 'data')) ordered.data = sorted;
    ordered[k] = out[k];
  }
  if (!Object.hasOwn(ordered, 'data')) ordered.data = sorted;
  return ordered;
}

/** A number as Go's encoding/json writes a float64 (or an int64). */
export function goNumberText(v: bigint | number): string {
  if (typeof v === 'bigint') return v.toString();
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return BigInt(v).toString();
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return v.toExponential().replace(/e([+-])(\d)$/, 'e$1$2');
  return String(v);
}

/** The JSON value kind encoding/json names in an UnmarshalTypeError (`cannot unmarshal <kind>`). */
export function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || typeof v === 'number') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}
