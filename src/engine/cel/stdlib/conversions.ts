// Type conversions int() uint() double() string() bytes() bool() duration() timestamp() dyn()
// (declarations: cel-go common/stdlib/standard.go; behaviour: ConvertToType of each type in
// common/types/*.go). Failed conversions say `type conversion error from 'string' to 'int'`.
// Except dyn(), each overload is guarded as in cel-go: arguments of another runtime type give
// `no such overload: int(bool)`.
import type { FunctionDecl } from '../decls.js';
import { T, type CelType } from '../types.js';
import { CelError, CelUint, Duration, INT64_MAX, INT64_MIN, Timestamp, UINT64_MAX, type CelValue } from '../values.js';
import { A, fn, global, type Impl } from './build.js';
import { bytesToStringCost, stringToBytesCost } from './costs.js';
import { utf8DecodeStrict, utf8Encode } from './helpers.js';
import { formatGoFloat } from './numfmt.js';
import { guarded } from './runtimetypes.js';
import { timestampInRange } from './timecore.js';
import { formatDuration, formatRfc3339Nano, parseGoDuration, parseRfc3339 } from './timefmt.js';
import { typeOfValueAsTypeValue } from './typeof.js';

const conversionError = (from: string, to: string) => new CelError(`type conversion error from '${from}' to '${to}'`);
const TS = 'google.protobuf.Timestamp';
const DUR = 'google.protobuf.Duration';

// ---- Go strconv parsing ----

/** strconv.ParseInt(s, 10, 64) */
export function parseGoInt(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** strconv.ParseUint(s, 10, 64): no sign allowed. */
export function parseGoUint(s: string): bigint | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v > UINT64_MAX ? undefined : v;
}

const DECIMAL_FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))[pP]([+-]?[0-9]+)$/;

/**
 * strconv.ParseFloat(s, 64): decimal and hexadecimal (`0x1p-2`) forms, `inf`/`infinity`/`nan`
 * in any case (signs allowed on infinities only); results that overflow are errors (ErrRange).
 */
export function parseGoFloat(s: string): number | undefined {
  const special = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (special) return special[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  let v: number;
  if (DECIMAL_FLOAT.test(s)) v = Number(s);
  else {
    const h = HEX_FLOAT.exec(s);
    if (!h) return undefined;
    const [intPart, fracPart = ''] = h[2].split('.');
    const mant = BigInt('0x' + ((intPart || '') + fracPart || '0'));
    const exp = Number(h[3]) - 4 * fracPart.length;
    v = Number(mant) * 2 ** exp;
    if (!Number.isFinite(v) && mant !== 0n) v = Infinity;
    if (h[1] === '-') v = -v;
  }
  return Number.isFinite(v) ? v : undefined;
}

/** strconv.ParseBool */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

// ---- conversions ----

export function toInt(v: CelValue): CelValue {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    // doubleToInt64Checked: NaN, infinities and |v| >= 2^63 overflow
    if (Number.isNaN(v) || v <= -9223372036854775808 || v >= 9223372036854775808) return new CelError('integer overflow');
    return BigInt(Math.trunc(v));
  }
  if (v instanceof CelUint) return v.value > INT64_MAX ? new CelError('integer overflow') : v.value;
  if (typeof v === 'string') return parseGoInt(v) ?? conversionError('string', 'int');
  if (v instanceof Timestamp) return v.seconds;
  if (v instanceof Duration) return v.nanos;
  return conversionError('?', 'int');
}

export function toUint(v: CelValue): CelValue {
  if (v instanceof CelUint) return v;
  if (typeof v === 'bigint') return v < 0n ? new CelError('unsigned integer overflow') : new CelUint(v);
  if (typeof v === 'number') {
    if (Number.isNaN(v) || v < 0 || v >= 18446744073709551616) return new CelError('unsigned integer overflow');
    return new CelUint(BigInt(Math.trunc(v)));
  }
  if (typeof v === 'string') {
    const u = parseGoUint(v);
    return u === undefined ? conversionError('string', 'uint') : new CelUint(u);
  }
  return conversionError('?', 'uint');
}

export function toDouble(v: CelValue): CelValue {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof CelUint) return Number(v.value);
  if (typeof v === 'string') return parseGoFloat(v) ?? conversionError('string', 'double');
  return conversionError('?', 'double');
}

export function toString(v: CelValue): CelValue {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof CelUint) return v.value.toString();
  if (typeof v === 'number') return formatGoFloat(v, 'g');
  if (v instanceof Uint8Array) {
    const s = utf8DecodeStrict(v);
    return s ?? new CelError('invalid UTF-8 in bytes, cannot convert to string');
  }
  if (v instanceof Timestamp) return formatRfc3339Nano(v);
  if (v instanceof Duration) return formatDuration(v.nanos);
  if (v === null) return 'null';
  return conversionError('?', 'string');
}

export function toBytes(v: CelValue): CelValue {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return utf8Encode(v);
  return conversionError('?', 'bytes');
}

export function toBool(v: CelValue): CelValue {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return parseGoBool(v) ?? conversionError('string', 'bool');
  return conversionError('?', 'bool');
}

export function toTimestamp(v: CelValue): CelValue {
  if (v instanceof Timestamp) return v;
  if (typeof v === 'bigint') {
    if (!timestampInRange(v)) return new CelError('timestamp overflow');
    return new Timestamp(v, 0, 0);
  }
  if (typeof v === 'string') {
    const t = parseRfc3339(v);
    if (!t) return conversionError('string', TS);
    return timestampInRange(t.seconds) ? t : new CelError('timestamp overflow');
  }
  return conversionError('?', TS);
}

export function toDuration(v: CelValue): CelValue {
  if (v instanceof Duration) return v;
  // cel-go's Int.ConvertToType has no Duration case: duration(int) is always this error
  if (typeof v === 'bigint') return conversionError('int', DUR);
  if (typeof v === 'string') {
    const d = parseGoDuration(v);
    return d === undefined ? conversionError('string', DUR) : new Duration(d);
  }
  return conversionError('?', DUR);
}

const identity: Impl = (a) => a[0];

function conv(name: string, id: string, param: CelType, result: CelType, op: (v: CelValue) => CelValue, extra = {}) {
  return global(id, [param], result, { impl: guarded(name, [param], (a) => op(a[0])), ...extra });
}

export function conversionFunctions(): FunctionDecl[] {
  const { int, uint, double, string, bytes, bool, timestamp, duration } = T;
  return [
    fn('type', [global('type', [A], T.typeOf(A), { impl: (a) => typeOfValueAsTypeValue(a[0]), typeParams: ['A'] })]),
    fn('bool', [
      conv('bool', 'bool_to_bool', bool, bool, (v) => v),
      conv('bool', 'string_to_bool', string, bool, toBool),
    ]),
    fn('bytes', [
      conv('bytes', 'bytes_to_bytes', bytes, bytes, (v) => v),
      conv('bytes', 'string_to_bytes', string, bytes, toBytes, {
        cost: stringToBytesCost,
      }),
    ]),
    fn('double', [
      conv('double', 'double_to_double', double, double, (v) => v),
      conv('double', 'int64_to_double', int, double, toDouble),
      conv('double', 'string_to_double', string, double, toDouble),
      conv('double', 'uint64_to_double', uint, double, toDouble),
    ]),
    fn('duration', [
      conv('duration', 'duration_to_duration', duration, duration, (v) => v),
      conv('duration', 'int64_to_duration', int, duration, toDuration),
      conv('duration', 'string_to_duration', string, duration, toDuration),
    ]),
    fn('dyn', [global('to_dyn', [A], T.dyn, { impl: identity, typeParams: ['A'] })]),
    fn('int', [
      conv('int', 'int64_to_int64', int, int, (v) => v),
      conv('int', 'double_to_int64', double, int, toInt),
      conv('int', 'duration_to_int64', duration, int, toInt),
      conv('int', 'string_to_int64', string, int, toInt),
      conv('int', 'timestamp_to_int64', timestamp, int, toInt),
      conv('int', 'uint64_to_int64', uint, int, toInt),
    ]),
    fn('string', [
      conv('string', 'string_to_string', string, string, (v) => v),
      conv('string', 'bool_to_string', bool, string, toString),
      conv('string', 'bytes_to_string', bytes, string, toString, {
        cost: bytesToStringCost,
      }),
      conv('string', 'double_to_string', double, string, toString),
      conv('string', 'duration_to_string', duration, string, toString),
      conv('string', 'int64_to_string', int, string, toString),
      conv('string', 'timestamp_to_string', timestamp, string, toString),
      conv('string', 'uint64_to_string', uint, string, toString),
    ]),
    fn('timestamp', [
      conv('timestamp', 'timestamp_to_timestamp', timestamp, timestamp, (v) => v),
      conv('timestamp', 'int64_to_timestamp', int, timestamp, toTimestamp),
      conv('timestamp', 'string_to_timestamp', string, timestamp, toTimestamp),
    ]),
    fn('uint', [
      conv('uint', 'uint64_to_uint64', uint, uint, (v) => v),
      conv('uint', 'double_to_uint64', double, uint, toUint),
      conv('uint', 'int64_to_uint64', int, uint, toUint),
      conv('uint', 'string_to_uint64', string, uint, toUint),
    ]),
  ];
}
