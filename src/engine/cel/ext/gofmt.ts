// Go number and string rendering needed by the formatter (ext/formatting.ts):
//   goQuote        strconv.Quote (Go's %q of a string)
//   goFixed        fmt's %.Nf (exact binary value, round half to even)
//   fixedEnUS      golang.org/x/text message printer, "%.Nf" in en_US (grouping, ∞)
//   scientificEnUS golang.org/x/text message printer, "%<w>e" in en_US (superscript exponent)
// Facts from golang/go strconv (ftoa.go, decimal.go shouldRoundUp: exact halfway rounds to
// even) and golang.org/x/text v0.23 (message/print.go initDecimal/initScientific,
// internal/number/format.go appendDecimal/appendScientific, decimal.go ConvertFloat).

/** |x| = m * 2^e for a finite, non-zero double. */
function decompose(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return exp === 0 ? { m: mant, e: -1074 } : { m: mant | (1n << 52n), e: exp - 1075 };
}

/** round(|x| * 10^k), half to even, on the exact binary value. */
function scaledRound(x: number, k: number): bigint {
  if (x === 0) return 0n;
  const { m, e } = decompose(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const r2 = (num % den) * 2n;
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** |x| with exactly `prec` decimals: [integer digits, fraction digits]. */
function fixedParts(x: number, prec: number): [string, string] {
  const s = scaledRound(x, prec).toString().padStart(prec + 1, '0');
  return [s.slice(0, s.length - prec), s.slice(s.length - prec)];
}

/** Go's fmt `%.<prec>f`. */
export function goFixed(x: number, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [i, f] = fixedParts(x, prec);
  return sign + i + (prec > 0 ? '.' + f : '');
}

function group(intDigits: string): string {
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += ',';
    out += intDigits[i];
  }
  return out;
}

/** x/text `Sprintf("%.<prec>f", x)` with locale en_US. */
export function fixedEnUS(x: number, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  const neg = x < 0;
  // MinFractionDigits is a uint8 in x/text (precision wraps modulo 256); trailing zeros beyond
  // it are dropped. A double has at most 1074 significant fraction digits.
  const minFrac = prec % 256;
  const [i, f0] = fixedParts(x, Math.min(prec, 1100));
  let f = f0;
  while (f.length > minFrac && f.endsWith('0')) f = f.slice(0, -1);
  return (neg ? '-' : '') + group(i) + (f.length ? '.' + f : '');
}

const SUPER = ['\u2070', '\u00b9', '\u00b2', '\u00b3', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079'];

/**
 * x/text `Sprintf("%<width>e", x)` with locale en_US (cel-go passes the clause's precision as
 * the width): 7 significant digits, `×10` and a superscript exponent of at least two digits.
 * x/text before v0.23 (Kubernetes 1.32) put NARROW NO-BREAK SPACEs around the `×`
 * (golang/text commit 221d88c removed them).
 */
export function scientificEnUS(x: number, width: number, narrowSpaces = false): string {
  let body: string;
  if (Number.isNaN(x)) body = 'NaN';
  else if (!Number.isFinite(x)) body = x > 0 ? '∞' : '-∞';
  else {
    let digits = '0000000';
    let exp = 0;
    if (x !== 0) {
      exp = Math.floor(Math.log10(Math.abs(x)));
      let q = scaledRound(x, 6 - exp);
      if (q >= 10_000_000n) q = scaledRound(x, 6 - ++exp);
      else if (q < 1_000_000n) q = scaledRound(x, 6 - --exp);
      if (q >= 10_000_000n) q = scaledRound(x, 6 - ++exp);
      digits = q.toString();
    }
    const e = String(Math.abs(exp)).padStart(2, '0');
    body =
      (x < 0 ? '-' : '') +
      digits[0] +
      '.' +
      digits.slice(1) +
      (narrowSpaces ? '\u202f\u00d7\u202f10' : '\u00d710') +
      (exp < 0 ? '\u207b' : '') +
      Array.from(e, (c) => SUPER[c.charCodeAt(0) - 48]).join('');
  }
  const n = Array.from(body).length;
  // widths beyond fmt's limit (1e6) are not padded
  return width > n && width <= 1e6 ? ' '.repeat(width - n) + body : body;
}

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;
const SIMPLE: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

/** Go's strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    let c = ch;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      cp = 0xfffd;
      c = '\ufffd';
    }
    if (c === '"' || c === '\\') out += '\\' + c;
    else if (cp === 0x20 || PRINTABLE.test(c)) out += c;
    else if (SIMPLE[cp]) out += SIMPLE[cp];
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}
