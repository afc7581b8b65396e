// Time zones for the timestamp accessors (cel-go common/stdlib/standard.go inTimeZone):
//  - a value containing ':' is a numeric offset: strconv.Atoi of the text before and after the
//    colon (hours, minutes; a leading '-' subtracts the minutes);
//  - anything else is time.LoadLocation(name): "" and "UTC" are UTC, IANA names are resolved with
//    Intl.DateTimeFormat; unknown names are `unknown time zone <name>`.
// The result is the zone's offset east of UTC, in seconds, at the given instant.
import { CelError } from '../values.js';

/** strconv.Atoi with Go's error texts. */
export function goAtoi(s: string): number | CelError {
  const q = JSON.stringify(s);
  if (!/^[+-]?[0-9]+$/.test(s)) return new CelError(`strconv.Atoi: parsing ${q}: invalid syntax`);
  const v = BigInt(s);
  if (v < -(2n ** 63n) || v > 2n ** 63n - 1n) return new CelError(`strconv.Atoi: parsing ${q}: value out of range`);
  return Number(v);
}

const formatterCache = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  const cached = formatterCache.get(zone);
  if (cached !== undefined) return cached;
  let f: Intl.DateTimeFormat | null = null;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Go reads zone files by exact name: a name Intl accepts only case-insensitively is unknown.
    const resolved = f.resolvedOptions().timeZone;
    if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) f = null;
  } catch {
    f = null;
  }
  if (formatterCache.size > 256) formatterCache.clear();
  formatterCache.set(zone, f);
  return f;
}

/** Offset (seconds east of UTC) of an IANA zone at an instant, or undefined if the zone is unknown. */
export function ianaOffset(zone: string, epochSeconds: bigint): number | undefined {
  const f = formatterFor(zone);
  if (!f) return undefined;
  const ms = Number(epochSeconds) * 1000;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  d.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return Math.round((d.getTime() - ms) / 1000);
}

/** The offset of `tz` at the instant, or cel-go's error for the zone text. */
export function zoneOffset(tz: string, epochSeconds: bigint): number | CelError {
  const ind = tz.indexOf(':');
  if (ind === -1) {
    if (tz === '' || tz === 'UTC' || tz === 'Local') return 0;
    if (tz.includes('..') || tz[0] === '/' || tz[0] === '\\') return new CelError('time: invalid location name');
    const off = ianaOffset(tz, epochSeconds);
    return off === undefined ? new CelError(`unknown time zone ${tz}`) : off;
  }
  const hr = goAtoi(tz.slice(0, ind));
  if (hr instanceof CelError) return hr;
  const min = goAtoi(tz.slice(ind + 1));
  if (min instanceof CelError) return min;
  const offset = tz[0] === '-' ? hr * 60 - min : hr * 60 + min;
  return offset * 60;
}
