// Small shared helpers of the standard library: runtime type names, cel-go's "no such overload"
// errors, and Go's `%v` rendering of values in messages.
import {
  CelError,
  CelMap,
  CelUint,
  Duration,
  OpaqueValue,
  Optional,
  StructValue,
  Timestamp,
  TypeValue,
  isJsonObject,
  type CelValue,
} from '../values.js';
import { formatType } from '../types.js';
import { formatGoFloat } from './numfmt.js';

/** The kinds of runtime values, as cel-go's `Type()` distinguishes them. */
export type Kind =
  | 'null'
  | 'bool'
  | 'int'
  | 'uint'
  | 'double'
  | 'string'
  | 'bytes'
  | 'list'
  | 'map'
  | 'timestamp'
  | 'duration'
  | 'type'
  | 'optional'
  | 'struct'
  | 'opaque'
  | 'error';

export function kindOf(v: CelValue): Kind {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'double';
    case 'string':
      return 'string';
  }
  if (Array.isArray(v)) return 'list';
  if (v instanceof CelUint) return 'uint';
  if (v instanceof Uint8Array) return 'bytes';
  if (v instanceof CelMap || isJsonObject(v)) return 'map';
  if (v instanceof Timestamp) return 'timestamp';
  if (v instanceof Duration) return 'duration';
  if (v instanceof TypeValue) return 'type';
  if (v instanceof Optional) return 'optional';
  if (v instanceof StructValue) return 'struct';
  if (v instanceof OpaqueValue) return 'opaque';
  if (v instanceof CelError) return 'error';
  return 'map';
}

/** cel-go's `val.Type().TypeName()` (used in `no such overload: f(int, string)`). */
export function runtimeTypeName(v: CelValue): string {
  const k = kindOf(v);
  switch (k) {
    case 'null':
      return 'null_type';
    case 'timestamp':
      return 'google.protobuf.Timestamp';
    case 'duration':
      return 'google.protobuf.Duration';
    case 'optional':
      return 'optional_type';
    case 'struct':
      return (v as StructValue).type.name;
    case 'opaque':
      return (v as OpaqueValue).celType.kind === 'opaque'
        ? ((v as OpaqueValue).celType as { name: string }).name
        : formatType((v as OpaqueValue).celType);
    case 'error':
      return 'error';
    default:
      return k;
  }
}

/** cel-go's types.NoSuchOverloadErr / MaybeNoSuchOverloadErr: `no such overload` (errors propagate). */
export function noSuchOverload(...args: CelValue[]): CelError {
  for (const a of args) if (a instanceof CelError) return a;
  return new CelError('no such overload');
}

/**
 * cel-go's decls.MaybeNoSuchOverload: `no such overload: name(t1, t2)` with runtime type names;
 * an error argument is returned instead.
 */
export function noSuchOverloadSig(fn: string, args: readonly CelValue[]): CelError {
  for (const a of args) if (a instanceof CelError) return a;
  return new CelError(`no such overload: ${fn}(${args.map(runtimeTypeName).join(', ')})`);
}

/** The first error among args, if any (strict functions propagate it). */
export function firstError(args: readonly CelValue[]): CelError | undefined {
  for (const a of args) if (a instanceof CelError) return a;
  return undefined;
}

/** Go's `%v` of a CEL value as it appears in messages such as `no such key: %v`. */
export function formatV(v: CelValue): string {
  switch (kindOf(v)) {
    case 'null':
      return 'null';
    case 'bool':
    case 'int':
    case 'string':
      return String(v);
    case 'uint':
      return String((v as CelUint).value);
    case 'double':
      return formatGoFloat(v as number, 'v');
    case 'error':
      return (v as CelError).message;
    default:
      return String(v);
  }
}

/** Number of Unicode code points in a string (cel-go counts runes): each surrogate pair counts once. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}

/** Byte-wise UTF-8 order (Go's strings.Compare), i.e. code point order: -1, 0 or 1. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (code points >= U+10000) sort above every BMP code unit in UTF-8 order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs && !ys) return 1;
    if (ys && !xs) return -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** UTF-8 encoding (lone surrogates become U+FFFD, as Go does for invalid runes). */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Strict UTF-8 decoding; undefined when the bytes are not valid UTF-8 (Go's utf8.Valid). */
export function utf8DecodeStrict(b: Uint8Array): string | undefined {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let cp: number;
    let n: number;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
      cp = c & 0x1f;
      n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      cp = c & 0x0f;
      n = 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      cp = c & 0x07;
      n = 4;
    } else return undefined;
    if (i + n > b.length) return undefined;
    for (let j = 1; j < n; j++) {
      const d = b[i + j];
      if ((d & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (d & 0x3f);
    }
    if ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) {
      return undefined;
    }
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}
