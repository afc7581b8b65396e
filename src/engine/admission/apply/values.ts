// The values structured-merge-diff walks (value/valueunstructured.go): JSON-like data whose Go
// types decide what it is. A CEL value that convertField left unconverted (RawCelValue: a CEL
// null, a nested list or map literal, …) is none of map, list, scalar or null, so it fails the
// type checks; the messages print it the way Go's fmt does.
import { CelMap, CelUint, isJsonObject, mapEntries, type CelValue } from '../../cel/values.js';
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

/** %v of a CEL value held raw in a Go interface (types.String prints as its text, …). */
function celV(v: CelValue): string {
  if (v === null) return 'NULL_VALUE';
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloat(v);
  if (v instanceof CelUint) return String(v.value);
  if (v instanceof Uint8Array) return `[${[...v].join(' ')}]`;
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

/** value.ToString (key values in path elements): JSON text. */
export function toStringValue(v: SmdValue): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (v === null || v instanceof RawCelValue) return 'null';
  if (Array.isArray(v)) return `[${v.map(toStringValue).join(',')}]`;
  return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${toStringValue(v[k])}`).join(',')}}`;
}

/** A canonical text for comparing key values (value.Compare: ints and floats by number). */
export function compareKey(v: SmdValue): string {
  if (typeof v === 'bigint') return `n:${v}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `n:${BigInt(v)}` : `n:${v}`;
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  return `j:${toStringValue(v)}`;
}
