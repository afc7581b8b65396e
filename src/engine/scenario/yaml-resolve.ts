// How kubectl reads an untagged plain YAML scalar: go-yaml v2's resolver (YAML 1.1 flavour, as
// used by sigs.k8s.io/yaml), followed by the JSON round trip kubectl makes before sending the
// object (Go float64 values that are whole numbers print without a fraction and come back as
// integers on the server).
//
// Facts (gopkg.in/yaml.v2 resolve.go): booleans y Y yes Yes YES true True TRUE on On ON and
// n N no No NO false False FALSE off Off OFF; nulls "" ~ null Null NULL; .inf/.nan forms;
// underscores are removed before numbers are parsed; integers use Go's strconv.ParseInt(s, 0, 64)
// (so 0x/0X hex, 0o and leading-zero octal, 0b binary, a leading sign), then ParseUint, then the
// float pattern [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?; timestamps stay strings when
// decoded into interface{}.
import type { JsonValue } from '../types.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

export type Resolved =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'string'; value: string };

const BOOL_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity,
  '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity,
};
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go strconv.ParseInt/ParseUint with base 0 (sign handled by the caller), no underscores. */
function parseGoBase0(s: string): bigint | undefined {
  let base = 10;
  let digits = s;
  if (/^0[xX]/.test(s)) { base = 16; digits = s.slice(2); }
  else if (/^0[bB]/.test(s)) { base = 2; digits = s.slice(2); }
  else if (/^0[oO]/.test(s)) { base = 8; digits = s.slice(2); }
  else if (s.length > 1 && s[0] === '0') { base = 8; digits = s.slice(1); }
  if (digits === '') return undefined;
  const re = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!re.test(digits)) return undefined;
  let v = 0n;
  const b = BigInt(base);
  for (const ch of digits) v = v * b + BigInt(parseInt(ch, 16));
  return v;
}

function goParseInt(s: string): bigint | undefined {
  let neg = false;
  let body = s;
  if (body[0] === '+' || body[0] === '-') { neg = body[0] === '-'; body = body.slice(1); }
  const v = parseGoBase0(body);
  if (v === undefined) return undefined;
  const r = neg ? -v : v;
  return r < INT64_MIN || r > INT64_MAX ? undefined : r;
}

function goParseUint(s: string): bigint | undefined {
  if (s[0] === '+' || s[0] === '-') return undefined;
  const v = parseGoBase0(s);
  return v === undefined || v > UINT64_MAX ? undefined : v;
}

/** go-yaml v2's resolution of a plain (unquoted, untagged) scalar. */
export function resolvePlainYaml11(text: string): Resolved {
  if (NULLS.has(text)) return { kind: 'null' };
  const c = text[0];
  const hint = c === '+' || c === '-' ? 'S' : c >= '0' && c <= '9' ? 'D' : c === '.' ? '.' : 'M';
  if (BOOL_TRUE.has(text)) return { kind: 'bool', value: true };
  if (BOOL_FALSE.has(text)) return { kind: 'bool', value: false };
  if (Object.hasOwn(SPECIAL_FLOATS, text)) return { kind: 'float', value: SPECIAL_FLOATS[text] };
  if (hint === '.') {
    // Go ParseFloat on a text starting with '.'
    if (/^\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?$/.test(text) && !text.includes('_')) {
      return { kind: 'float', value: Number(text) };
    }
    return { kind: 'string', value: text };
  }
  if (hint === 'D' || hint === 'S') {
    const plain = text.replace(/_/g, '');
    const i = goParseInt(plain);
    if (i !== undefined) return { kind: 'int', value: i };
    const u = goParseUint(plain);
    if (u !== undefined) return { kind: 'float', value: Number(u) }; // uint64 beyond int64: a float on the server
    if (YAML_STYLE_FLOAT.test(plain)) return { kind: 'float', value: Number(plain) };
    if (plain.startsWith('0b')) {
      const v = /^[01]+$/.test(plain.slice(2)) ? BigInt('0b' + plain.slice(2)) : undefined;
      if (v !== undefined && v <= INT64_MAX) return { kind: 'int', value: v };
    } else if (plain.startsWith('-0b')) {
      const v = /^[01]+$/.test(plain.slice(3)) ? -BigInt('0b' + plain.slice(3)) : undefined;
      if (v !== undefined && v >= INT64_MIN) return { kind: 'int', value: v };
    }
  }
  return { kind: 'string', value: text };
}

/** YAML 1.2 core schema resolution of a plain scalar (what a YAML 1.2 reader would see). */
export function resolvePlainYaml12(text: string): Resolved {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return { kind: 'null' };
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return { kind: 'bool', value: true };
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return { kind: 'bool', value: false };
  if (/^[-+]?[0-9]+$/.test(text)) return { kind: 'int', value: BigInt(text.replace(/^\+/, '')) };
  if (/^0o[0-7]+$/.test(text)) return { kind: 'int', value: BigInt(text) };
  if (/^0x[0-9a-fA-F]+$/.test(text)) return { kind: 'int', value: BigInt(text) };
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return { kind: 'float', value: text[0] === '-' ? -Infinity : Infinity };
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return { kind: 'float', value: NaN };
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return { kind: 'float', value: Number(text) };
  return { kind: 'string', value: text };
}

/**
 * A number as the API server receives it from kubectl: Go prints a float64 that is a whole
 * number below 1e21 without fraction or exponent, and the server's JSON decoder reads such a
 * text back as an int64 (or a float64 beyond the int64 range).
 */
export function kubectlNumber(r: Resolved): JsonValue | undefined {
  if (r.kind === 'int') return r.value;
  if (r.kind !== 'float') return undefined;
  const v = r.value;
  if (!Number.isFinite(v)) return undefined;
  if (Number.isInteger(v) && Math.abs(v) < 1e21) {
    const b = BigInt(v);
    if (b >= INT64_MIN && b <= INT64_MAX) return b;
    return v;
  }
  return v;
}

/** The JSON value kubectl sends for a resolved scalar; undefined for NaN and infinities (not JSON). */
export function resolvedToJson(r: Resolved): JsonValue | undefined {
  switch (r.kind) {
    case 'null': return null;
    case 'bool': return r.value;
    case 'string': return r.value;
    default: return kubectlNumber(r);
  }
}

/** The map key string sigs.k8s.io/yaml makes of a non-string YAML key. */
export function keyToString(r: Resolved): string | undefined {
  switch (r.kind) {
    case 'string': return r.value;
    case 'bool': return r.value ? 'true' : 'false';
    case 'int': return r.value.toString();
    case 'float': {
      const v = r.value;
      if (Number.isNaN(v)) return '.nan';
      if (v === Infinity) return '.inf';
      if (v === -Infinity) return '-.inf';
      // Go strconv.FormatFloat(v, 'g', -1, 32): shortest float32 representation.
      return formatFloat32G(v);
    }
    case 'null': return undefined;
  }
}

function formatFloat32G(v: number): string {
  const f = Math.fround(v);
  // shortest digits that round-trip through float32
  let digits = '';
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) { digits = s; break; }
  }
  if (digits === '') digits = String(f);
  const n = Number(digits);
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
  const mant = digits.replace(/e.*$/, '').replace('-', '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  const prec = Math.max(mant.length, 1);
  // strconv %g with shortest digits switches to %e at exponent 6 (eprec = 6)
  if (exp < -4 || exp >= 6) {
    // %e with shortest digits, Go style exponent (at least two digits)
    const m = (n / 10 ** exp).toPrecision(prec).replace(/\.?0+$/, '');
    const sign = exp < 0 ? '-' : '+';
    const e = Math.abs(exp) < 10 ? '0' + Math.abs(exp) : String(Math.abs(exp));
    return `${m}e${sign}${e}`;
  }
  return String(n);
}

export function describeResolved(r: Resolved): string {
  switch (r.kind) {
    case 'null': return 'null';
    case 'bool': return `the boolean ${r.value}`;
    case 'int': return `the integer ${r.value}`;
    case 'float': return `the number ${r.value}`;
    case 'string': return `the string ${JSON.stringify(r.value)}`;
  }
}

export function sameResolved(a: Resolved, b: Resolved): boolean {
  if (a.kind === 'null' || b.kind === 'null') return a.kind === b.kind;
  const ja = resolvedToJson(a);
  const jb = resolvedToJson(b);
  if (a.kind !== b.kind && !(typeof ja === 'bigint' && typeof jb === 'bigint')) {
    if (!((a.kind === 'int' || a.kind === 'float') && (b.kind === 'int' || b.kind === 'float'))) return false;
  }
  if (typeof ja === 'number' && typeof jb === 'number') return ja === jb || (Number.isNaN(ja) && Number.isNaN(jb));
  if (ja === undefined || jb === undefined) return Object.is((a as { value?: unknown }).value, (b as { value?: unknown }).value);
  return ja === jb;
}
