// Timestamp and duration accessors (cel-go common/stdlib/standard.go): getFullYear, getMonth
// (0-based), getDayOfYear (0-based), getDayOfMonth (0-based), getDate (1-based), getDayOfWeek
// (0 = Sunday), getHours, getMinutes, getSeconds, getMilliseconds, each with an optional time
// zone; on durations getHours/getMinutes/getSeconds/getMilliseconds are totals (truncated).
import type { CallContext, FunctionDecl } from '../decls.js';
import { T } from '../types.js';
import { CelError, Duration, Timestamp, type CelValue } from '../values.js';
import { fn, member } from './build.js';
import { guarded } from './runtimetypes.js';
import { civilTime, type CivilTime } from './timefmt.js';
import { zoneOffset } from './timezone.js';

type Field = (c: CivilTime, t: Timestamp) => number;

/** The calendar fields of a timestamp in a zone, or the zone's error. */
export function timestampFields(t: Timestamp, tz: string): CivilTime | CelError {
  const off = zoneOffset(tz, t.seconds);
  if (off instanceof CelError) return off;
  return civilTime(t.seconds + BigInt(off));
}

function accessor(field: Field) {
  return (args: readonly CelValue[], ctx: CallContext): CelValue => {
    const t = args[0] as Timestamp;
    const tz = args.length > 1 ? (args[1] as string) : ctx?.defaultTimeZone || 'UTC';
    const c = timestampFields(t, tz);
    return c instanceof CelError ? c : BigInt(field(c, t));
  };
}

const NS_PER_HOUR = 3600e9;
const NS_PER_MINUTE = 60e9;

/** Go's Duration.Hours()/Minutes()/Seconds() (float64), truncated to int like cel-go's Int(...). */
function durationTotal(nanos: bigint, unitNanos: bigint, unitFloat: number): bigint {
  const whole = nanos / unitNanos;
  const rest = nanos % unitNanos;
  return BigInt(Math.trunc(Number(whole) + Number(rest) / unitFloat));
}

export function durationHours(d: Duration): bigint {
  return durationTotal(d.nanos, 3_600_000_000_000n, NS_PER_HOUR);
}
export function durationMinutes(d: Duration): bigint {
  return durationTotal(d.nanos, 60_000_000_000n, NS_PER_MINUTE);
}
export function durationSecondsTotal(d: Duration): bigint {
  return durationTotal(d.nanos, 1_000_000_000n, 1e9);
}
export function durationMilliseconds(d: Duration): bigint {
  return d.nanos / 1_000_000n;
}

const ACCESSORS: readonly [string, string, string, Field][] = [
  ['getFullYear', 'timestamp_to_year', 'timestamp_to_year_with_tz', (c) => c.year],
  ['getMonth', 'timestamp_to_month', 'timestamp_to_month_with_tz', (c) => c.month - 1],
  ['getDayOfYear', 'timestamp_to_day_of_year', 'timestamp_to_day_of_year_with_tz', (c) => c.yearDay - 1],
  ['getDayOfMonth', 'timestamp_to_day_of_month', 'timestamp_to_day_of_month_with_tz', (c) => c.day - 1],
  ['getDate', 'timestamp_to_day_of_month_1_based', 'timestamp_to_day_of_month_1_based_with_tz', (c) => c.day],
  ['getDayOfWeek', 'timestamp_to_day_of_week', 'timestamp_to_day_of_week_with_tz', (c) => c.weekday],
  ['getHours', 'timestamp_to_hours', 'timestamp_to_hours_with_tz', (c) => c.hour],
  ['getMinutes', 'timestamp_to_minutes', 'timestamp_to_minutes_with_tz', (c) => c.minute],
  ['getSeconds', 'timestamp_to_seconds', 'timestamp_to_seconds_tz', (c) => c.second],
  ['getMilliseconds', 'timestamp_to_milliseconds', 'timestamp_to_milliseconds_with_tz', (_c, t) => Math.floor(t.nanos / 1e6)],
];

const DURATION_ACCESSORS: Record<string, [string, (d: Duration) => bigint]> = {
  getHours: ['duration_to_hours', durationHours],
  getMinutes: ['duration_to_minutes', durationMinutes],
  getSeconds: ['duration_to_seconds', durationSecondsTotal],
  getMilliseconds: ['duration_to_milliseconds', durationMilliseconds],
};

export function timeFunctions(): FunctionDecl[] {
  const { timestamp, string, int, duration } = T;
  return ACCESSORS.map(([name, id, tzId, field]) => {
    const impl = accessor(field);
    const overloads = [
      member(id, [timestamp], int, { impl: guarded(name, [timestamp], impl) }),
      member(tzId, [timestamp, string], int, { impl: guarded(name, [timestamp, string], impl) }),
    ];
    const d = DURATION_ACCESSORS[name];
    if (d) {
      const [did, op] = d;
      overloads.push(member(did, [duration], int, { impl: guarded(name, [duration], (a) => op(a[0] as Duration)) }));
    }
    return fn(name, overloads);
  });
}
