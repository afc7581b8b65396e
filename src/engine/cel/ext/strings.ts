// cel-go's strings extension (ext/strings.go, cel-go v0.26.0) at the version Kubernetes 1.29+
// configures: `ext.Strings(ext.StringsVersion(2))` (apiserver pkg/cel/environment/base.go).
// Version 2 has charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace, split, substring,
// trim, format (the version-1 formatter of ext/formatting.go), strings.quote and the v2 `join`.
// `reverse` is version 3 and therefore absent.
//
// Indices count code points (Go runes). Costs follow Kubernetes' library cost estimator
// (apiserver pkg/cel/library/cost.go), which takes precedence over cel-go's defaults.
import type { CallEstimate, CallEstimateInput, Library, OverloadCost } from '../decls.js';
import { T } from '../types.js';
import { CelError, type CelValue } from '../values.js';
import { fn, global, member } from '../stdlib/build.js';
import { actualSize, formatCost, quoteCost } from '../stdlib/costs.js';
import { MAX, STRING_TRAVERSAL_COST_FACTOR, UNKNOWN_SIZE, add, addSat, byFactor, mul, mulFactor, mulSat, sizeAt } from '../cost-math.js';
import { formatV, noSuchOverloadSig } from '../stdlib/helpers.js';
import { utf8Length } from '../../json/encode.js';
import { formatCallImpl, stringFormatValidator } from './formatting.js';

const S = T.string;
const I = T.int;

// ---- implementations (pure functions; exported for tests) ----

function runes(s: string): string[] {
  return Array.from(s);
}

function outOfRange(i: bigint): CelError {
  return new CelError(`index out of range: ${i}`);
}

export function charAt(s: string, i: bigint): string | CelError {
  const r = runes(s);
  if (i < 0n || i > BigInt(r.length)) return outOfRange(i);
  if (i === BigInt(r.length)) return '';
  return r[Number(i)];
}

function matchAt(r: readonly string[], sub: readonly string[], i: number): boolean {
  for (let j = 0; j < sub.length; j++) if (r[i + j] !== sub[j]) return false;
  return true;
}

/** cel-go v0.26 indexOfOffset: an empty substring returns the offset unchecked. */
export function indexOf(s: string, sub: string, offset = 0n): bigint | CelError {
  if (sub === '') return offset;
  if (offset < 0n) return outOfRange(offset);
  const r = runes(s);
  if (offset >= BigInt(r.length)) return -1n;
  const sr = runes(sub);
  for (let i = Number(offset); i < r.length - (sr.length - 1); i++) if (matchAt(r, sr, i)) return BigInt(i);
  return -1n;
}

/** `lengthGuard`: cel-go 0.25+ returns -1 early when the substring is longer (0.22/0.23 send '' to the offset check). */
export function lastIndexOf(s: string, sub: string, offset?: bigint, lengthGuard = true): bigint | CelError {
  const r = runes(s);
  if (offset === undefined) {
    if (sub === '') return BigInt(r.length);
    // cel-go compares byte lengths here
    if (lengthGuard && utf8Length(s) < utf8Length(sub)) return -1n;
    offset = BigInt(r.length - 1);
  }
  if (sub === '') return offset;
  if (offset < 0n) return outOfRange(offset);
  if (offset >= BigInt(r.length)) return -1n;
  const sr = runes(sub);
  let off = Number(offset);
  if (off > r.length - sr.length) off = r.length - sr.length;
  for (let i = off; i >= 0; i--) if (matchAt(r, sr, i)) return BigInt(i);
  return -1n;
}

function mapAscii(s: string, f: (c: string) => string): string {
  let out = '';
  for (const c of s) out += c.codePointAt(0)! < 0x80 ? f(c) : c;
  return out;
}

export const lowerAscii = (s: string): string => mapAscii(s, (c) => c.toLowerCase());
export const upperAscii = (s: string): string => mapAscii(s, (c) => c.toUpperCase());

function countOccurrences(s: string, old: string): number {
  if (old === '') return runes(s).length + 1;
  let n = 0;
  for (let i = s.indexOf(old); i >= 0; i = s.indexOf(old, i + old.length)) n++;
  return n;
}

/** Go's strings.Replace (n < 0: all). */
export function replace(s: string, old: string, rep: string, n = -1n): string {
  if (old === rep || n === 0n) return s;
  const m = countOccurrences(s, old);
  if (m === 0) return s;
  const count = n < 0n || BigInt(m) < n ? m : Number(n);
  let out = '';
  let start = 0;
  for (let i = 0; i < count; i++) {
    let j = start;
    if (old.length === 0) {
      if (i > 0) j += s.codePointAt(start)! > 0xffff ? 2 : 1;
    } else {
      j = s.indexOf(old, start);
    }
    out += s.slice(start, j) + rep;
    start = j + old.length;
  }
  return out + s.slice(start);
}

/** Go's strings.SplitN (n < 0: all; n == 0: empty list). */
export function split(s: string, sep: string, n = -1n): string[] {
  if (n === 0n) return [];
  if (sep === '') {
    const r = runes(s);
    if (n < 0n || n > BigInt(r.length)) return r;
    const k = Number(n);
    return [...r.slice(0, k - 1), r.slice(k - 1).join('')];
  }
  let limit = n < 0n ? Infinity : Number(n);
  const out: string[] = [];
  let start = 0;
  while (limit > 1) {
    const j = s.indexOf(sep, start);
    if (j < 0) break;
    out.push(s.slice(start, j));
    start = j + sep.length;
    limit--;
  }
  out.push(s.slice(start));
  return out;
}

export function substring(s: string, start: bigint, end?: bigint): string | CelError {
  const r = runes(s);
  const l = BigInt(r.length);
  if (end === undefined) {
    if (start < 0n || start > l) return outOfRange(start);
    return r.slice(Number(start)).join('');
  }
  if (start > end) return new CelError(`invalid substring range. start: ${start}, end: ${end}`);
  if (start < 0n || start > l) return outOfRange(start);
  if (end < 0n || end > l) return outOfRange(end);
  return r.slice(Number(start), Number(end)).join('');
}

/** Go's unicode.IsSpace. */
function isGoSpace(c: number): boolean {
  switch (c) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
  }
  return c >= 0x2000 && c <= 0x200a;
}

/** Go's strings.TrimSpace. */
export function trim(s: string): string {
  const r = runes(s);
  let a = 0;
  let b = r.length;
  while (a < b && isGoSpace(r[a].codePointAt(0)!)) a++;
  while (b > a && isGoSpace(r[b - 1].codePointAt(0)!)) b--;
  return r.slice(a, b).join('');
}

export function join(list: readonly CelValue[], sep: string): string | CelError {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (typeof e !== 'string') return new CelError(`join: invalid input: ${formatV(e)}`);
    if (i > 0) out += sep;
    out += e;
  }
  return out;
}

const QUOTE_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

/** strings.quote: a double-quoted CEL string literal; invalid code units become U+FFFD. */
export function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd';
    else out += QUOTE_ESCAPES[c] ?? c;
  }
  return out + '"';
}

// ---- declarations ----

type Check = (args: readonly CelValue[]) => boolean;
const strs = (n: number): Check => (a) => a.slice(0, n).every((x) => typeof x === 'string');

/** Runtime type guard (cel-go checks arguments against the overload's parameter types). */
function guard(name: string, ok: Check, f: (args: readonly CelValue[]) => CelValue) {
  return (args: readonly CelValue[]): CelValue => {
    for (const a of args) if (a instanceof CelError) return a;
    if (!ok(args)) return noSuchOverloadSig(name, args);
    return f(args);
  };
}

const isInt = (v: CelValue): v is bigint => typeof v === 'bigint';

// Kubernetes cost.go: O(n) in the receiver's size.
export const receiverTraversal: OverloadCost = {
  runtime: (args) => mulFactor(actualSize(args[0]), STRING_TRAVERSAL_COST_FACTOR),
  estimate: (input) => {
    const sz = sizeAt(input, 0);
    return { cost: byFactor(sz, STRING_TRAVERSAL_COST_FACTOR), resultSize: sz };
  },
};

/** indexOf / lastIndexOf on strings: cost.go traversalCost (UTF-8 bytes * 0.1, truncated). */
const indexOfCost: OverloadCost = {
  runtime: (args) => (typeof args[0] === 'string' ? Math.floor(utf8Length(args[0]) * STRING_TRAVERSAL_COST_FACTOR) : 1),
  estimate: (input) => ({ cost: byFactor(sizeAt(input, 0), STRING_TRAVERSAL_COST_FACTOR) }),
};

/** cost.go: replace's result size from how many replacements fit. */
export function replaceEstimate(input: CallEstimateInput): CallEstimate {
  const sz = sizeAt(input, 0);
  const toReplace = sizeAt(input, 1);
  const replaceWith = sizeAt(input, 2);
  let countMax: number;
  let countMin: number;
  let retMax = 0;
  let retMin = 0;
  if (toReplace.min === 0) {
    countMax = sz.max < MAX ? sz.max + 1 : sz.max;
    retMax = sz.max;
  } else if (replaceWith.max <= toReplace.min) {
    countMax = 0;
    retMax = sz.max;
  } else countMax = Math.ceil(sz.max / toReplace.min);
  if (toReplace.max === 0) {
    countMin = sz.min < MAX ? sz.min + 1 : sz.min;
    retMin = sz.min;
  } else if (toReplace.max <= replaceWith.min) {
    countMin = 0;
    retMin = sz.min;
  } else countMin = Math.ceil(sz.min / toReplace.max);
  const resultSize = {
    min: addSat(mulSat(countMin, replaceWith.min), retMin),
    max: addSat(mulSat(countMax, replaceWith.max), retMax),
  };
  return { cost: byFactor(sz, 2 * STRING_TRAVERSAL_COST_FACTOR), resultSize };
}

const replaceCost: OverloadCost = {
  runtime: (args) => mulFactor(actualSize(args[0]), 2 * STRING_TRAVERSAL_COST_FACTOR),
  estimate: replaceEstimate,
};

export const splitCost: OverloadCost = {
  runtime: (args) => mulFactor(actualSize(args[0]), 2 * STRING_TRAVERSAL_COST_FACTOR),
  estimate: (input) => {
    const sz = sizeAt(input, 0);
    return { cost: byFactor(sz, 2 * STRING_TRAVERSAL_COST_FACTOR), resultSize: { min: 0, max: sz.max } };
  },
};

const joinCost: OverloadCost = {
  runtime: (_args, result) => mulFactor(actualSize(result), 2 * STRING_TRAVERSAL_COST_FACTOR),
  estimate: (input) => {
    // the element size is unknown here; cost.go multiplies list size by element size
    const list = sizeAt(input, 0);
    let sz = mul(list, UNKNOWN_SIZE);
    if (input.args.length > 1) {
      const sep = sizeAt(input, 1);
      sz = add(sz, mul(sep, { min: list.min > 0 ? list.min - 1 : 0, max: list.max > 0 ? list.max - 1 : 0 }));
    }
    return { cost: byFactor(sz, STRING_TRAVERSAL_COST_FACTOR), resultSize: sz };
  },
};

export interface StringsLibraryOptions {
  /** Kubernetes 1.32 (golang.org/x/text v0.19): `%e` has U+202F around the `×` */
  readonly scientificNarrowSpaces?: boolean;
  /** Kubernetes 1.32/1.33 (cel-go before 0.25): `''.lastIndexOf('x')` is `index out of range: -1` */
  readonly lastIndexOfEmptyError?: boolean;
}

export function makeStringsLibrary(opts: StringsLibraryOptions = {}): Library {
  const narrow = opts.scientificNarrowSpaces ?? false;
  const oldLastIndexOf = opts.lastIndexOfEmptyError ?? false;
  return {
  name: 'cel.lib.ext.strings',
  functions: [
    fn('charAt', [
      member('string_char_at_int', [S, I], S, {
        impl: guard('charAt', (a) => typeof a[0] === 'string' && isInt(a[1]), (a) => charAt(a[0] as string, a[1] as bigint)),
      }),
    ]),
    fn('indexOf', [
      member('string_index_of_string', [S, S], I, {
        impl: guard('indexOf', strs(2), (a) => indexOf(a[0] as string, a[1] as string)),
        cost: indexOfCost,
      }),
      member('string_index_of_string_int', [S, S, I], I, {
        impl: guard('indexOf', (a) => strs(2)(a) && isInt(a[2]), (a) => indexOf(a[0] as string, a[1] as string, a[2] as bigint)),
        cost: indexOfCost,
      }),
    ]),
    fn('lastIndexOf', [
      member('string_last_index_of_string', [S, S], I, {
        impl: guard('lastIndexOf', strs(2), (a) => lastIndexOf(a[0] as string, a[1] as string, undefined, !oldLastIndexOf)),
        cost: indexOfCost,
      }),
      member('string_last_index_of_string_int', [S, S, I], I, {
        impl: guard('lastIndexOf', (a) => strs(2)(a) && isInt(a[2]), (a) =>
          lastIndexOf(a[0] as string, a[1] as string, a[2] as bigint),
        ),
        cost: indexOfCost,
      }),
    ]),
    fn('lowerAscii', [
      member('string_lower_ascii', [S], S, {
        impl: guard('lowerAscii', strs(1), (a) => lowerAscii(a[0] as string)),
        cost: receiverTraversal,
      }),
    ]),
    fn('replace', [
      member('string_replace_string_string', [S, S, S], S, {
        impl: guard('replace', strs(3), (a) => replace(a[0] as string, a[1] as string, a[2] as string)),
        cost: replaceCost,
      }),
      member('string_replace_string_string_int', [S, S, S, I], S, {
        impl: guard('replace', (a) => strs(3)(a) && isInt(a[3]), (a) =>
          replace(a[0] as string, a[1] as string, a[2] as string, a[3] as bigint),
        ),
        cost: replaceCost,
      }),
    ]),
    fn('split', [
      member('string_split_string', [S, S], T.list(S), {
        impl: guard('split', strs(2), (a) => split(a[0] as string, a[1] as string)),
        cost: splitCost,
      }),
      member('string_split_string_int', [S, S, I], T.list(S), {
        impl: guard('split', (a) => strs(2)(a) && isInt(a[2]), (a) => split(a[0] as string, a[1] as string, a[2] as bigint)),
        cost: splitCost,
      }),
    ]),
    fn('substring', [
      member('string_substring_int', [S, I], S, {
        impl: guard('substring', (a) => typeof a[0] === 'string' && isInt(a[1]), (a) => substring(a[0] as string, a[1] as bigint)),
        cost: receiverTraversal,
      }),
      member('string_substring_int_int', [S, I, I], S, {
        impl: guard('substring', (a) => typeof a[0] === 'string' && isInt(a[1]) && isInt(a[2]), (a) =>
          substring(a[0] as string, a[1] as bigint, a[2] as bigint),
        ),
        cost: receiverTraversal,
      }),
    ]),
    fn('trim', [
      member('string_trim', [S], S, { impl: guard('trim', strs(1), (a) => trim(a[0] as string)), cost: receiverTraversal }),
    ]),
    fn('upperAscii', [
      member('string_upper_ascii', [S], S, {
        impl: guard('upperAscii', strs(1), (a) => upperAscii(a[0] as string)),
        cost: receiverTraversal,
      }),
    ]),
    fn('format', [
      member('string_format', [S, T.list(T.dyn)], S, {
        impl: guard('format', (a) => typeof a[0] === 'string' && Array.isArray(a[1]), (a) =>
          formatCallImpl(a[0] as string, a[1] as readonly CelValue[], narrow),
        ),
        cost: formatCost,
      }),
    ]),
    fn('strings.quote', [
      global('strings_quote', [S], S, { impl: guard('strings.quote', strs(1), (a) => quote(a[0] as string)), cost: quoteCost }),
    ]),
    fn('join', [
      member('list_join', [T.list(S)], S, {
        impl: guard('join', (a) => Array.isArray(a[0]), (a) => join(a[0] as readonly CelValue[], '')),
        cost: joinCost,
      }),
      member('list_join_string', [T.list(S), S], S, {
        impl: guard('join', (a) => Array.isArray(a[0]) && typeof a[1] === 'string', (a) =>
          join(a[0] as readonly CelValue[], a[1] as string),
        ),
        cost: joinCost,
      }),
    ]),
  ],
  validators: [stringFormatValidator],
  };
}

/** The strings library of Kubernetes 1.33+. */
export const stringsLibrary: Library = makeStringsLibrary();
