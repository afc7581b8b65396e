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
    if (YAML_STYLE_FLOAT.test(plain)) {
      // Go's ParseFloat fails (ErrRange) beyond the float64 range: the text stays a string
      const f = Number(plain);
      if (Number.isFinite(f)) return { kind: 'float', value: f };
    }
    if (plain.startsWith('0b')) {
      const v = /^[01]+$/.test(plain.slice(2)) ? BigInt('0b' + plain.slice(2)) : undefined;
      if (v !== undefined && v <= INT64_MAX) return { kind: 'int', value: v };
    } else if (plain.startsWith('-0b')) {
      const v = /^[01]+$/.test(plain.slice(3)) ? -BigInt('0b' + plain.slice(3)) : undefined;
      if (v !== undefined && v >= INT64_MIN) return { kind: 'int', value: v };
    }
    // syntactically an integer but out of the 64-bit range: a big.Int, a JSON number, a float64 on the server
    const sign = plain[0] === '-' ? -1 : 1;
    const big = parseGoBase0(plain.replace(/^[+-]/, ''));
    if (big !== undefined) return { kind: 'float', value: sign * Number(big) };
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
      // sigs.k8s.io/yaml: strconv.FormatFloat(v, 'g', -1, 64)
      return formatFloatG(v);
    }
    case 'null': return undefined;
  }
}

/** Go strconv.FormatFloat(v, 'g', -1, 64): shortest digits, %e when exp < -4 or exp >= 6. */
function formatFloatG(v: number): string {
  const e = v.toExponential(); // shortest round-trip digits
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-])(\d+)$/.exec(e);
  if (!m) return String(v);
  const [, sign, d0, rest = '', esign, edigits] = m;
  const exp = (esign === '-' ? -1 : 1) * Number(edigits);
  if (exp < -4 || exp >= 6) return `${sign}${d0}${rest ? '.' + rest : ''}e${esign}${edigits.padStart(2, '0')}`;
  return String(v);
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

/** Whether two readings give the same JSON value once kubectl has sent it. */
export function sameResolved(a: Resolved, b: Resolved): boolean {
  const ja = resolvedToJson(a);
  const jb = resolvedToJson(b);
  if (ja === undefined || jb === undefined) {
    // NaN / infinities: compare the raw floats
    return a.kind === b.kind && Object.is((a as { value?: unknown }).value, (b as { value?: unknown }).value);
  }
  return ja === jb;
}
