// Kubernetes resource.Quantity (k8s.io/apimachinery pkg/api/resource), pure TypeScript.
//
// Facts ported from apimachinery v0.36.3 quantity.go / amount.go / math.go / suffix.go:
// - a Quantity holds either an int64 amount (value × 10^scale) or an arbitrary-precision decimal
//   (inf.Dec: unscaled × 10^-scale); which one matters: AsInt64 fails for the decimal form even
//   for whole values (`1.5Gi`), and for negative int64 scales (`1000m`);
// - the string form is the original text when parsing proved it canonical, else the canonical
//   form (DecimalSI / BinarySI / DecimalExponent suffixes, exponents multiple of 3, base 1024);
// - parse errors: `quantities must match the regular expression '…'`,
//   `unable to parse numeric part of quantity`, `unable to parse quantity's suffix`.
// No exceptions, no global state.

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** An immutable Quantity. `kind: 'int'`: value = unscaled × 10^scale (unscaled fits int64).
 * `kind: 'dec'`: value = unscaled × 10^-decScale (Go's inf.Dec). */
export type Quantity =
  | { readonly kind: 'int'; readonly value: bigint; readonly scale: number; readonly format: QuantityFormat; readonly s?: string }
  | { readonly kind: 'dec'; readonly unscaled: bigint; readonly decScale: number; readonly format: QuantityFormat; readonly s?: string };

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);
const NANO = -9;
const MAX_INT64_FACTORS = 18;

const fitsI64 = (v: bigint): boolean => v >= I64_MIN && v <= I64_MAX;
const pow10n = (n: number): bigint => 10n ** BigInt(n);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

interface Parts {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

function parseQuantityString(str: string): Parts | { error: string } {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') pos++;
  }
  // leading zeroes
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[i] === '0') pos++;
    else break;
  }
  let num = '';
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str.slice(0, end), num: str.slice(pos, end), denom: '', suffix: '' };
    if (!isDigit(str[i])) {
      num = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (num.length === 0) num = '0';
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str.slice(0, end), num, denom: str.slice(pos, end), suffix: '' };
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!'eEinumkKMGTP'.includes(str[i])) {
      pos = i;
      break;
    }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!isDigit(str[i])) break;
  }
  return { error: ERR_FORMAT_WRONG };
}

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function interpretSuffix(s: string): Suffix | undefined {
  if (Object.hasOwn(DEC_SUFFIXES, s)) return { base: 10, exponent: DEC_SUFFIXES[s], format: 'DecimalSI' };
  if (Object.hasOwn(BIN_SUFFIXES, s)) return { base: 2, exponent: BIN_SUFFIXES[s], format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'E' || s[0] === 'e')) {
    const p = goParseInt64(s.slice(1));
    if (p === undefined) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, p)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** strconv.ParseInt(s, 10, 64) */
function goParseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return fitsI64(v) ? v : undefined;
}

function constructSuffix(base: number, exponent: number, format: QuantityFormat): string {
  if (format === 'DecimalSI') {
    for (const [k, e] of Object.entries(DEC_SUFFIXES)) if (base === 10 && e === exponent) return k;
    return '';
  }
  if (format === 'BinarySI') {
    for (const [k, e] of Object.entries(BIN_SUFFIXES)) if (base === 2 && e === exponent) return k;
    return '';
  }
  if (base !== 10 || exponent === 0) return '';
  return `e${exponent}`;
}

/** inf.Dec Round(x, s, RoundUp): round away from zero to `s` fractional digits. */
function decRound(unscaled: bigint, decScale: number, s: number): { unscaled: bigint; decScale: number } {
  if (decScale <= s) return { unscaled: unscaled * pow10n(s - decScale), decScale: s };
  const d = pow10n(decScale - s);
  let q = unscaled / d;
  if (q * d !== unscaled) q += unscaled > 0n ? 1n : -1n;
  return { unscaled: q, decScale: s };
}

/** resource.ParseQuantity */
export function parseQuantity(str: string): Quantity | { error: string } {
  if (str.length === 0) return { error: ERR_FORMAT_WRONG };
  if (str === '0') return { kind: 'int', value: 0n, scale: 0, format: 'DecimalSI', s: str };
  const parts = parseQuantityString(str);
  if ('error' in parts) return parts;
  const { positive, value, num, denom, suffix } = parts;
  const suf = interpretSuffix(suffix);
  if (!suf) return { error: ERR_SUFFIX };
  const { base, exponent } = suf;
  let format = suf.format;

  let precision = 0;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'DecimalExponent' || format === 'DecimalSI') {
    scale = exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  } else if (exponent >= 0 && denom.length === 0) {
    mantissa = BigInt.asIntN(64, 1n << BigInt(exponent));
    precision = 15 - num.length - Math.trunc(Math.fround(Math.fround(exponent) * 3) / 10) - 1;
  } else {
    precision = -1;
  }

  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= NANO) {
      const shifted = num + denom;
      const parsed = goParseInt64(shifted);
      if (parsed === undefined) return { error: ERR_NUMERIC };
      const product = parsed * mantissa;
      if (fitsI64(product)) {
        const result = positive ? product : -product;
        let keep = false;
        if (format === 'BinarySI') keep = exponent % 10 === 0 && (parsed & 7n) !== 0n;
        else keep = scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return keep ? { kind: 'int', value: result, scale, format, s: str } : { kind: 'int', value: result, scale, format };
      }
    }
  }

  // arbitrary precision path (inf.Dec SetString of the numeric text)
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(value);
  if (!m || (m[2] + (m[3] ?? '')).length === 0) return { error: ERR_NUMERIC };
  let unscaled = BigInt((m[1] === '-' ? '-' : '') + (m[2] + (m[3] ?? '')));
  let decScale = (m[3] ?? '').length;
  if (base === 10) decScale -= exponent;
  else unscaled *= 1n << BigInt(exponent);
  const negative = unscaled < 0n;
  if (negative) unscaled = -unscaled;
  if (unscaled !== 0n || !fitsI64(unscaled)) ({ unscaled, decScale } = decRound(unscaled, decScale, 9));
  if (format === 'BinarySI' && decCmp(unscaled, decScale, I64_MAX, 0) > 0) {
    unscaled = I64_MAX;
    decScale = 0;
  }
  if (format === 'BinarySI' && decCmp(unscaled, decScale, 1n, 0) < 0 && unscaled > 0n) format = 'DecimalSI';
  if (negative) unscaled = -unscaled;
  return { kind: 'dec', unscaled, decScale, format };
}

export function isQuantityError(q: Quantity | { error: string }): q is { error: string } {
  return 'error' in q;
}

/** An exact rational view: numerator × 10^exp10. */
function asDec(q: Quantity): { unscaled: bigint; decScale: number } {
  return q.kind === 'dec' ? { unscaled: q.unscaled, decScale: q.decScale } : { unscaled: q.value, decScale: -q.scale };
}

function decCmp(a: bigint, as: number, b: bigint, bs: number): number {
  const s = Math.max(as, bs);
  const x = a * pow10n(s - as);
  const y = b * pow10n(s - bs);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Quantity.Cmp: -1, 0, 1 (exact) */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const x = asDec(a);
  const y = asDec(b);
  return decCmp(x.unscaled, x.decScale, y.unscaled, y.decScale);
}

export function quantitySign(q: Quantity): number {
  const v = q.kind === 'dec' ? q.unscaled : q.value;
  return v > 0n ? 1 : v < 0n ? -1 : 0;
}

/** Quantity.AsInt64: undefined when not representable (decimal form, negative scale, overflow). */
export function quantityAsInt64(q: Quantity): bigint | undefined {
  if (q.kind === 'dec') return undefined;
  if (q.scale === 0) return q.value;
  if (q.scale < 0) return undefined;
  if (q.value === I64_MIN) return undefined;
  const v = q.value * pow10n(q.scale);
  return fitsI64(v) ? v : undefined;
}

// Go math.Pow10: products of exactly rounded table entries (not always correctly rounded).
const POW10_TAB = Array.from({ length: 32 }, (_, i) => Number(`1e${i}`));
const POW10_POS32 = Array.from({ length: 10 }, (_, i) => Number(`1e${i * 32}`));
const POW10_NEG32 = Array.from({ length: 11 }, (_, i) => Number(`1e-${i * 32}`));
export function goPow10(n: number): number {
  if (n >= 0 && n <= 308) return POW10_POS32[Math.floor(n / 32)] * POW10_TAB[n % 32];
  if (n >= -323 && n <= 0) return POW10_NEG32[Math.floor(-n / 32)] / POW10_TAB[-n % 32];
  return n > 0 ? Infinity : 0;
}

/** Quantity.AsApproximateFloat64 */
export function quantityAsApproximateFloat(q: Quantity): number {
  const base = Number(q.kind === 'dec' ? q.unscaled : q.value);
  const exponent = q.kind === 'dec' ? -q.decScale : q.scale;
  if (exponent === 0) return base;
  return base * goPow10(exponent);
}

function removeFactors(v: bigint, base: bigint): [bigint, number] {
  let times = 0;
  let r = v < 0n ? -v : v;
  while (r !== 0n && r >= base && r % base === 0n) {
    times++;
    r /= base;
  }
  return [v < 0n ? -r : r, times];
}

function decCanonical(unscaled: bigint, decScale: number): [string, number] {
  let [amount, times] = removeFactors(unscaled, 10n);
  let exponent = -decScale + times;
  while (exponent % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  return [amount.toString(), exponent];
}

function canonicalBase10(q: Quantity): [string, number] {
  if (q.kind === 'dec') return decCanonical(q.unscaled, q.decScale);
  let [amount, times] = removeFactors(q.value, 10n);
  let exponent = q.scale + times;
  const r = exponent % 3;
  if (r === 1 || r === -2) {
    amount *= 10n;
    exponent -= 1;
  } else if (r === 2 || r === -1) {
    amount *= 100n;
    exponent -= 2;
  }
  if (!fitsI64(amount) || amount === I64_MIN) return decCanonical(q.value, -q.scale);
  return [amount.toString(), exponent];
}

/** negativeScaleInt64: divide by 10^scale rounding away from zero; [result, exact] */
function negativeScale(base: bigint, scale: number): [bigint, boolean] {
  if (scale === 0) return [base, true];
  const d = pow10n(scale);
  let q = base / d;
  const exact = q * d === base;
  if (!exact) q += base > 0n ? 1n : -1n;
  return [q, exact];
}

/** the canonical string (Quantity.String without the cached original text) */
function canonicalize(q: Quantity): string {
  if (quantitySign(q) === 0) return '0';
  let format = q.format;
  let rounded: Quantity = q;
  if (format === 'BinarySI') {
    const v = asDec(q);
    if (decCmp(v.unscaled, v.decScale, -1024n, 0) > 0 && decCmp(v.unscaled, v.decScale, 1024n, 0) < 0) format = 'DecimalSI';
    else {
      let exact: boolean;
      if (q.kind === 'int') {
        if (q.scale >= 0) exact = true;
        else {
          const [r, ex] = negativeScale(q.value, -q.scale);
          rounded = { kind: 'int', value: r, scale: 0, format: q.format };
          exact = ex;
        }
      } else {
        const r = decRound(q.unscaled, q.decScale, 0);
        rounded = { kind: 'dec', unscaled: r.unscaled, decScale: 0, format: q.format };
        exact = decCmp(r.unscaled, 0, q.unscaled, q.decScale) === 0;
      }
      if (!exact) format = 'DecimalSI';
    }
  }
  if (format !== 'BinarySI') {
    const [number, exponent] = canonicalBase10(q);
    return number + constructSuffix(10, exponent, format);
  }
  // base 1024
  let whole: bigint;
  if (rounded.kind === 'int') {
    if (rounded.scale < 0) whole = negativeScale(rounded.value, -rounded.scale)[0];
    else whole = rounded.value * pow10n(rounded.scale);
  } else {
    whole = decRound(rounded.unscaled, rounded.decScale, 0).unscaled;
  }
  const [amount, times] = removeFactors(whole, 1024n);
  return amount.toString() + constructSuffix(2, times * 10, 'BinarySI');
}

/** Quantity.String(): the original text when it was canonical, else the canonical form. */
export function quantityToString(q: Quantity): string {
  return q.s ?? canonicalize(q);
}

/** The canonical serialization of a quantity string (`0.5` → `500m`, `1024Mi` → `1Gi`), or
 * undefined when the text is not a quantity. */
export function canonicalQuantity(s: string): string | undefined {
  const q = parseQuantity(s);
  return 'error' in q ? undefined : quantityToString(q);
}

/**
 * A quantity's canonical text as Quantity's JSON round trip writes it. The same few quantities
 * repeat in every request, so their texts are remembered (a bounded cache of a pure function).
 */
const CANONICAL_QUANTITIES = new Map<string, string | { readonly error: string }>();

export function canonicalQuantityText(text: string): string | { readonly error: string } {
  let canonical = CANONICAL_QUANTITIES.get(text);
  if (canonical === undefined) {
    const q = parseQuantity(text.trim());
    canonical = 'error' in q ? { error: q.error } : quantityToString(q);
    if (CANONICAL_QUANTITIES.size >= 4096) CANONICAL_QUANTITIES.clear();
    CANONICAL_QUANTITIES.set(text, canonical);
  }
  return canonical;
}

/** resource.NewQuantity(value, DecimalExponent) */
export function quantityFromInt(value: bigint): Quantity {
  return { kind: 'int', value, scale: 0, format: 'DecimalExponent' };
}

function int64Add(a: { value: bigint; scale: number }, b: { value: bigint; scale: number }): { value: bigint; scale: number } | undefined {
  if (b.value === 0n) return a;
  if (a.value === 0n) return b;
  let av = a.value;
  let bv = b.value;
  let scale = a.scale;
  if (a.scale > b.scale) {
    av = a.value * pow10n(a.scale - b.scale);
    if (!fitsI64(av) || (a.value === I64_MIN && a.scale !== b.scale)) return undefined;
    scale = b.scale;
  } else if (a.scale < b.scale) {
    bv = b.value * pow10n(b.scale - a.scale);
    if (!fitsI64(bv) || b.value === I64_MIN) return undefined;
  }
  const c = av + bv;
  if (!fitsI64(c)) return undefined;
  return { value: c, scale };
}

/** Quantity.Add (on a copy) */
export function addQuantities(q: Quantity, y: Quantity): Quantity {
  let format = q.format;
  if (q.kind === 'int' && y.kind === 'int') {
    if (q.value === 0n) format = y.format;
    const r = int64Add(q, y);
    if (r) return { kind: 'int', value: r.value, scale: r.scale, format };
  } else if (quantitySign(q) === 0) format = y.format;
  return decAddSub(q, y, format, 1n);
}

/** Quantity.Sub (on a copy) */
export function subQuantities(q: Quantity, y: Quantity): Quantity {
  let format = q.format;
  if (quantitySign(q) === 0) format = y.format;
  if (q.kind === 'int' && y.kind === 'int') {
    const r = int64Add(q, { value: BigInt.asIntN(64, -y.value), scale: y.scale });
    if (r) return { kind: 'int', value: r.value, scale: r.scale, format };
  }
  return decAddSub(q, y, format, -1n);
}

function decAddSub(q: Quantity, y: Quantity, format: QuantityFormat, sign: bigint): Quantity {
  const a = asDec(q);
  const b = asDec(y);
  const s = Math.max(a.decScale, b.decScale);
  const unscaled = a.unscaled * pow10n(s - a.decScale) + sign * b.unscaled * pow10n(s - b.decScale);
  return { kind: 'dec', unscaled, decScale: s, format };
}
