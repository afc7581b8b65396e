// The values structured-merge-diff walks (value/valueunstructured.go): JSON-like data whose Go
// types decide what it is. A CEL value that convertField left unconverted (RawCelValue: a CEL
// null, a nested list or map literal, …) is none of map, list, scalar or null, so it fails the
// type checks; the messages print it the way Go's fmt does.
import { CelMap, CelUint, Duration, Timestamp, isJsonObject, mapEntries, type CelValue } from '../../cel/values.js';
import { civilTime } from '../../cel/stdlib/timefmt.js';
import { ObjectValue } from '../../cel/kubernetes/mutation-types.js';
import { formatGoFloat } from '../../cel/stdlib/numfmt.js';
import { RawCelValue } from '../../cel/kubernetes/mutation-json.js';

export type SmdValue = null | boolean | string | bigint | number | SmdValue[] | SmdMap | RawCelValue;
export type SmdMap = { [key: string]: SmdValue };

export const isMap = (v: SmdValue | undefined): v is SmdMap =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawCelValue) && isJsonObject(v);
export const isList = (v: SmdValue | undefined): v is SmdValue[] => Array.isArray(v);
export const isNull = (v: SmdValue | undefined): v is null => v === null;
export const isInt = (v: SmdValue | undefined): v is bigint => typeof v === 'bigint';
export const isFloat = (v: SmdValue | undefined): v is number => typeof v === 'number';
export const isString = (v: SmdValue | undefined): v is string => typeof v === 'string';
export const isBool = (v: SmdValue | undefined): v is boolean => typeof v === 'boolean';
export const isScalar = (v: SmdValue | undefined): boolean => isInt(v) || isFloat(v) || isString(v) || isBool(v);

/** Go's %v (and %#v) of a float64 (e.g. 1e+06). */
export function goFloat(x: number): string {
  return formatGoFloat(x, 'v');
}

/** Go's %q-ish quoting of a string (strconv.Quote for the common cases). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\x${h.slice(2)}`);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The digits of `frac` (prec digits) without trailing zeros, after a dot; '' when zero. */
function fraction(frac: bigint, prec: number): string {
  const t = frac.toString().padStart(prec, '0').replace(/0+$/, '');
  return t ? `.${t}` : '';
}

/**
 * time.Time.String() / GoString() of a CEL timestamp (time.Parse gives "Z" the UTC location and
 * any other offset a nameless fixed zone; the server's Local is taken to be UTC).
 */
function goTime(t: Timestamp, sharp: boolean): string {
  const c = civilTime(t.seconds + BigInt(t.offsetSeconds));
  if (sharp) {
    const loc = t.offsetSeconds === 0 ? 'time.UTC' : 'time.Location("")';
    return `time.Date(${c.year}, time.${MONTHS[c.month - 1]}, ${c.day}, ${c.hour}, ${c.minute}, ${c.second}, ${t.nanos}, ${loc})`;
  }
  const off = Math.abs(t.offsetSeconds) / 60;
  const zone = `${t.offsetSeconds < 0 ? '-' : '+'}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
  const date = `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${fraction(BigInt(t.nanos), 9)}`;
  return `${date} ${zone} ${t.offsetSeconds === 0 ? 'UTC' : zone}`;
}

/** time.Duration.String(): 1h2m3.5s, 1.5ms, 100µs, 0s. */
function goDuration(nanos: bigint): string {
  const sign = nanos < 0n ? '-' : '';
  const u = nanos < 0n ? -nanos : nanos;
  if (u === 0n) return '0s';
  if (u < 1000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${u / 1000n}${fraction(u % 1000n, 3)}µs`;
  if (u < 1_000_000_000n) return `${sign}${u / 1_000_000n}${fraction(u % 1_000_000n, 6)}ms`;
  const secs = u / 1_000_000_000n;
  const s = `${secs % 60n}${fraction(u % 1_000_000_000n, 9)}s`;
  const mins = secs / 60n;
  if (mins === 0n) return sign + s;
  const hours = mins / 60n;
  return hours === 0n ? `${sign}${mins % 60n}m${s}` : `${sign}${hours}h${mins % 60n}m${s}`;
}

/** %v of a CEL value held raw in a Go interface (types.String prints as its text, …). */
function celV(v: CelValue): string {
  if (v === null) return 'NULL_VALUE';
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloat(v);
  if (v instanceof CelUint) return String(v.value);
  if (v instanceof Uint8Array) return `[${[...v].join(' ')}]`;
  if (v instanceof Timestamp) return goTime(v, false);
  if (v instanceof Duration) return goDuration(v.nanos);
  if (Array.isArray(v)) return `[${v.map(celV).join(' ')}]`;
  if (v instanceof CelMap || isJsonObject(v)) {
    const parts = [...mapEntries(v)].map(([k, e]) => [celV(k as CelValue), celV(e)] as const);
    parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${parts.map(([k, e]) => `${k}:${e}`).join(' ')}]`;
  }
  if (v instanceof ObjectValue) return `&{${v.typeName} map[${[...v.fields.keys()].sort().map((k) => `${k}:${celV(v.fields.get(k) as CelValue)}`).join(' ')}]}`;
  return String(v);
}

/** %#v of a CEL value held raw (types.String prints quoted, unsigned ints in hex, …). */
function celSharpV(v: CelValue): string {
  if (v === null) return '0';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloat(v);
  if (v instanceof CelUint) return `0x${v.value.toString(16)}`;
  if (v instanceof Uint8Array) return `[]byte{${[...v].map((b) => `0x${b.toString(16)}`).join(', ')}}`;
  if (v instanceof Timestamp) return goTime(v, true);
  if (v instanceof Duration) return String(v.nanos);
  if (Array.isArray(v)) return `[]ref.Val{${v.map(celSharpV).join(', ')}}`;
  if (v instanceof CelMap || isJsonObject(v)) {
    const parts = [...mapEntries(v)].map(([k, e]) => [celSharpV(k as CelValue), celSharpV(e)] as const);
    parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[ref.Val]ref.Val{${parts.map(([k, e]) => `${k}:${e}`).join(', ')}}`;
  }
  return celV(v);
}

/** %v of the Go value inside a valueUnstructured. */
export function goV(v: SmdValue): string {
  if (v === null) return '<nil>';
  if (v instanceof RawCelValue) return celV(v.value);
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  const keys = Object.keys(v).sort();
  return `map[${keys.map((k) => `${k}:${goV(v[k])}`).join(' ')}]`;
}

/** %#v of the Go value inside a valueUnstructured (an interface{} field). */
export function goSharpV(v: SmdValue): string {
  if (v === null) return 'interface {}(nil)';
  if (v instanceof RawCelValue) return celSharpV(v.value);
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloat(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const keys = Object.keys(v).sort();
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(v[k])}`).join(', ')}}`;
}

/** %T of the Go value. */
export function goT(v: SmdValue): string {
  if (v === null) return '<nil>';
  if (v instanceof RawCelValue) return v.goType;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'number') return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** How errors print a value.Value: %v of *valueUnstructured is `&{…}`. */
export const printV = (v: SmdValue): string => `&{${goV(v)}}`;
export const printSharpV = (v: SmdValue): string => `&value.valueUnstructured{Value:${goSharpV(v)}}`;

/**
 * value.ToString (key values in path elements): %v of numbers, %q of strings, lists in brackets,
 * map entries as k=v run together; a value that is none of these (a CEL value left raw, even a
 * CEL null) prints as {{undefined}}.
 */
export function toStringValue(v: SmdValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloat(v);
  if (v instanceof RawCelValue) return '{{undefined}}';
  if (Array.isArray(v)) return `[${v.map(toStringValue).join(',')}]`;
  return Object.keys(v)
    .map((k) => `${k}=${toStringValue(v[k])}`)
    .join('');
}

/** A canonical text for comparing key values (value.Compare: ints and floats by number). */
export function compareKey(v: SmdValue): string {
  if (typeof v === 'bigint') return `n:${v}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `n:${BigInt(v)}` : `n:${v}`;
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  if (Array.isArray(v)) return `l:[${v.map(compareKey).join(',')}]`;
  if (isMap(v)) return `m:{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${compareKey(v[k])}`).join(',')}}`;
  return v === null ? 'null' : 'raw';
}
