// Go's shortest float formatting (strconv.FormatFloat with precision -1), as cel-go uses it:
//   string(double)      fmt.Sprintf("%g", d)                 -> formatGoFloat(d, 'g')
//   string(duration)    strconv.FormatFloat(s, 'f', -1, 64)  -> formatGoFloat(s, 'f')
// Go's %v of a float64 is %g. Facts from golang/go src/strconv/ftoa.go (formatDigits: with the
// shortest precision, %g switches to the exponent form when exp < -4 || exp >= 6) and
// src/fmt/format.go (fmtFloat keeps the '+' of "+Inf").

/** Shortest round-trip decimal digits of |x| (x finite, non-zero) and the decimal exponent. */
function shortestDigits(x: number): { digits: string; exp: number } {
  const s = Math.abs(x).toExponential(); // shortest round-trip digits, like Go's shortest mode
  const e = s.indexOf('e');
  const digits = s.slice(0, e).replace('.', '');
  return { digits, exp: Number(s.slice(e + 1)) };
}

function fixed(digits: string, exp: number): string {
  if (exp < 0) return '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return digits + '0'.repeat(exp + 1 - digits.length);
  return digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
}

export function formatGoFloat(x: number, mode: 'g' | 'f' | 'v'): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0';
  const { digits, exp } = shortestDigits(x);
  if (mode === 'f') return sign + fixed(digits, exp);
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const ae = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  return sign + fixed(digits, exp);
}
