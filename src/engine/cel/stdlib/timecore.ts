// Checked timestamp/duration arithmetic (cel-go common/types/overflow.go): results outside
// 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z are `timestamp overflow`; int64
// nanosecond overflow of durations is `integer overflow`.
import { CelError, Duration, INT64_MAX, INT64_MIN, Timestamp } from '../values.js';

export const MIN_UNIX_SECONDS = -62135596800n;
export const MAX_UNIX_SECONDS = 253402300799n;
const NS = 1_000_000_000n;

export function checkedInt(v: bigint): bigint | CelError {
  return v < INT64_MIN || v > INT64_MAX ? new CelError('integer overflow') : v;
}

export function timestampInRange(seconds: bigint): boolean {
  return seconds >= MIN_UNIX_SECONDS && seconds <= MAX_UNIX_SECONDS;
}

/** addTimeDurationChecked; the result keeps the timestamp's zone offset. */
export function addTimestampDuration(t: Timestamp, d: bigint): Timestamp | CelError {
  const sec2 = d / NS; // truncated, like Go's integer division
  const nsec2 = d % NS;
  let sec = t.seconds + sec2;
  let nsec = BigInt(t.nanos) + nsec2;
  if (nsec < 0n || nsec >= NS) {
    sec += nsec / NS;
    nsec -= (nsec / NS) * NS;
    if (nsec < 0n) {
      sec -= 1n;
      nsec += NS;
    }
  }
  if (!timestampInRange(sec)) return new CelError('timestamp overflow');
  return new Timestamp(sec, Number(nsec), t.offsetSeconds);
}

export function subtractTimestampDuration(t: Timestamp, d: bigint): Timestamp | CelError {
  if (d === INT64_MIN) return new CelError('integer overflow');
  return addTimestampDuration(t, -d);
}

/** subtractTimeChecked: (sec1 - sec2) * 1e9 + (nsec1 - nsec2), each step int64-checked. */
export function subtractTimestamps(a: Timestamp, b: Timestamp): Duration | CelError {
  const sec = checkedInt(a.seconds - b.seconds);
  if (sec instanceof CelError) return sec;
  const tsec = checkedInt(sec * NS);
  if (tsec instanceof CelError) return tsec;
  const val = checkedInt(tsec + BigInt(a.nanos - b.nanos));
  if (val instanceof CelError) return val;
  return new Duration(val);
}

export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}
