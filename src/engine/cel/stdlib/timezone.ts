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

// The names Go finds in a tzdata zoneinfo directory: these single names, or an area and a
// location. Intl also accepts ICU-only IDs (`PST`, `IST`, `SystemV/AST4`), which Go does not.
const TOP_LEVEL_ZONES = new Set(
  ('CET CST6CDT Cuba EET EST EST5EDT Egypt Eire GB GB-Eire GMT GMT+0 GMT-0 GMT0 Greenwich HST Hongkong ' +
    'Iceland Iran Israel Jamaica Japan Kwajalein Libya MET MST MST7MDT NZ NZ-CHAT Navajo PRC PST8PDT ' +
    'Poland Portugal ROC ROK Singapore Turkey UCT UTC Universal W-SU WET Zulu').split(' '),
);
const ZONE_AREAS = new Set(
  'Africa America Antarctica Arctic Asia Atlantic Australia Brazil Canada Chile Etc Europe Indian Mexico Pacific US'.split(' '),
);

let zoneWords: Map<string, string> | undefined;

/** The spelling of each path element of the zone names Intl lists, by its lower case form. */
function knownZoneWords(): Map<string, string> {
  if (zoneWords) return zoneWords;
  zoneWords = new Map();
  const list = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  for (const z of list) for (const w of z.split('/')) zoneWords.set(w.toLowerCase(), w);
  return zoneWords;
}

/**
 * Whether `zone` can be the exact name of a tzdata file (time.LoadLocation is case-sensitive;
 * Intl is not): `asia/kolkata`, `Europe/LONDON`, `utc` and `PST` are unknown to Go.
 */
function isZoneFileName(zone: string): boolean {
  const parts = zone.split('/');
  if (parts.length === 1) return TOP_LEVEL_ZONES.has(zone);
  if (!ZONE_AREAS.has(parts[0])) return false;
  const words = knownZoneWords();
  return parts.every((w) => !/^[a-z]/.test(w) && (words.get(w.toLowerCase()) ?? w) === w);
}

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
    if (!isZoneFileName(zone)) f = null;
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
