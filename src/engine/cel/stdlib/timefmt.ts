// Go's time text formats as cel-go uses them:
//  - timestamp(string): time.Parse(time.RFC3339, s) (golang/go src/time/format_rfc3339.go fast
//    path, then the general parser of src/time/format.go, which also accepts a one-digit hour,
//    a ',' before the fraction, any number of fraction digits (nanoseconds kept), and zone
//    offsets up to 24 hours and 60 minutes);
//  - string(timestamp): Time.Format(time.RFC3339Nano) in the zone the value carries;
//  - duration(string): time.ParseDuration;
//  - string(duration): strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "s".
import { Timestamp } from '../values.js';
import { formatGoFloat } from './numfmt.js';

// ---- proleptic Gregorian calendar (days since 1970-01-01) ----

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

export function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Calendar fields of a local time given as seconds since the epoch (offset already applied). */
export interface CivilTime {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  yearDay: number; // 1-366
  weekday: number; // 0 = Sunday
  hour: number;
  minute: number;
  second: number;
}

export function civilTime(localSeconds: bigint): CivilTime {
  const days = Number(localSeconds >= 0n ? localSeconds / 86400n : -((-localSeconds + 86399n) / 86400n));
  const secOfDay = Number(localSeconds - BigInt(days) * 86400n);
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    yearDay: days - daysFromCivil(year, 1, 1) + 1,
    weekday: (((days + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
  };
}

// ---- RFC 3339 ----

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** time.Parse(time.RFC3339, s); undefined when Go rejects the text. No range check. */
export function parseRfc3339(s: string): Timestamp | undefined {
  const m = RFC3339.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day < 1 || day > daysIn(month, year)) return undefined;
  const nanos = m[7] ? Number(m[7].slice(0, 9).padEnd(9, '0')) : 0;
  let offset = 0;
  if (m[8] !== 'Z') {
    const hr = Number(m[8].slice(1, 3));
    const mm = Number(m[8].slice(4, 6));
    if (hr > 24 || mm > 60) return undefined;
    offset = (hr * 60 + mm) * 60 * (m[8][0] === '-' ? -1 : 1);
  }
  const local = BigInt(daysFromCivil(year, month, day)) * 86400n + BigInt(hour * 3600 + minute * 60 + second);
  return new Timestamp(local - BigInt(offset), nanos, offset);
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** Time.Format(time.RFC3339Nano) in the value's own offset. */
export function formatRfc3339Nano(t: Timestamp): string {
  const c = civilTime(t.seconds + BigInt(t.offsetSeconds));
  let out = `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}T${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}`;
  if (t.nanos !== 0) out += '.' + pad(t.nanos, 9).replace(/0+$/, '');
  if (t.offsetSeconds === 0) return out + 'Z';
  let zone = Math.trunc(t.offsetSeconds / 60);
  const sign = zone < 0 ? '-' : '+';
  zone = Math.abs(zone);
  return `${out}${sign}${pad(Math.floor(zone / 60), 2)}:${pad(zone % 60, 2)}`;
}

// ---- durations ----

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n, // U+00B5 micro sign
  'μs': 1000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const TWO_63 = 2n ** 63n;

/** time.ParseDuration: nanoseconds, or undefined when Go rejects the text. */
export function parseGoDuration(orig: string): bigint | undefined {
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) return undefined;
    // integer part (leadingInt: overflow past 2^63 is an error)
    let i = 0;
    let v = 0n;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') {
      if (v > TWO_63 / 10n) return undefined;
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > TWO_63) return undefined;
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    // fraction (leadingFraction: stops accumulating precision on overflow)
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') {
        if (!overflow) {
          if (f > (TWO_63 - 1n) / 10n) overflow = true;
          else {
            const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
            if (y > TWO_63) overflow = true;
            else {
              f = y;
              scale *= 10;
            }
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return undefined;
    // unit: everything up to the next digit or '.'
    let k = 0;
    while (k < s.length && s[k] !== '.' && !(s[k] >= '0' && s[k] <= '9')) k++;
    if (k === 0) return undefined;
    const unit = UNITS[s.slice(0, k)];
    s = s.slice(k);
    if (unit === undefined) return undefined;
    if (v > TWO_63 / unit) return undefined;
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return undefined;
    }
    d += v;
    if (d > TWO_63) return undefined;
  }
  if (neg) return -d;
  if (d > TWO_63 - 1n) return undefined;
  return d;
}

/** Go's Duration.Seconds() as a float64. */
export function durationSeconds(nanos: bigint): number {
  const sec = nanos / 1_000_000_000n;
  const nsec = nanos % 1_000_000_000n;
  return Number(sec) + Number(nsec) / 1e9;
}

/** string(duration): `1.5s`, `0.001s`, `3600s`. */
export function formatDuration(nanos: bigint): string {
  return formatGoFloat(durationSeconds(nanos), 'f') + 's';
}
