// Timestamp/duration accessors, time zones (cel-go common/stdlib/standard.go examples; reference
// scenarios ts-*), and the optional library (cel-go cel/library.go; opt-* scenarios).
import { describe, expect, it } from 'vitest';
import { CelError, CelMap, Optional, newJsonObject, type CelValue } from '../../../../src/engine/cel/values.js';
import { optIndex, optSelectField, optionalIndex, optionalOr, optionalOrValue } from '../../../../src/engine/cel/stdlib/index.js';
import { call, dur, errText, ts, u } from './lib.js';

const t = (s: string) => call('string_to_timestamp', s);

describe('timestamp accessors', () => {
  const x = t('2023-07-14T10:30:45.123Z');
  const cases: [string, CelValue[], bigint | string][] = [
    ['timestamp_to_year', [x], 2023n],
    ['timestamp_to_month', [x], 6n],
    ['timestamp_to_day_of_month', [x], 13n],
    ['timestamp_to_day_of_month_1_based', [x], 14n],
    ['timestamp_to_day_of_week', [x], 5n],
    ['timestamp_to_hours', [x], 10n],
    ['timestamp_to_minutes', [x], 30n],
    ['timestamp_to_seconds', [x], 45n],
    ['timestamp_to_milliseconds', [x], 123n],
    ['timestamp_to_day_of_year', [t('2023-01-02T00:00:00Z')], 1n],
    ['timestamp_to_year_with_tz', [t('2023-01-01T05:30:00Z'), '-08:00'], 2022n],
    ['timestamp_to_month_with_tz', [t('2023-01-01T05:30:00Z'), 'America/Los_Angeles'], 11n],
    ['timestamp_to_day_of_year_with_tz', [t('2023-01-01T05:00:00Z'), 'America/Los_Angeles'], 364n],
    ['timestamp_to_day_of_month_with_tz', [t('2023-07-01T05:00:00Z'), 'America/Los_Angeles'], 29n],
    ['timestamp_to_day_of_month_1_based_with_tz', [t('2023-07-01T05:00:00Z'), 'America/Los_Angeles'], 30n],
    ['timestamp_to_day_of_week_with_tz', [t('2023-07-16T05:00:00Z'), 'America/Los_Angeles'], 6n],
    ['timestamp_to_hours_with_tz', [x, 'America/Los_Angeles'], 3n],
    ['timestamp_to_day_of_week', [t('2024-03-10T12:34:56Z')], 0n],
    ['timestamp_to_hours_with_tz', [t('2024-03-10T12:34:56Z'), '+05:30'], 18n],
    ['timestamp_to_hours_with_tz', [t('2024-03-10T12:34:56Z'), 'America/New_York'], 8n],
    ['timestamp_to_minutes_with_tz', [t('2024-03-10T12:34:56Z'), '-00:30'], 4n],
    ['timestamp_to_hours_with_tz', [t('2024-01-01T00:00:00Z'), 'UTC'], 0n],
    ['timestamp_to_hours_with_tz', [t('2024-01-01T00:00:00Z'), 'Mars/Olympus'], 'unknown time zone Mars/Olympus'],
    ['timestamp_to_hours_with_tz', [t('2024-01-01T00:00:00Z'), 'america/new_york'], 'unknown time zone america/new_york'],
    ['timestamp_to_hours_with_tz', [t('2024-01-01T00:00:00Z'), 'x:30'], 'strconv.Atoi: parsing "x": invalid syntax'],
    ['timestamp_to_year', [t('0001-01-01T00:00:00Z')], 1n],
    ['timestamp_to_year', [t('9999-12-31T23:59:59.999999999Z')], 9999n],
    ['timestamp_to_day_of_year', [t('2024-12-31T00:00:00Z')], 365n],
    ['timestamp_to_year', [t('1969-12-31T23:59:59Z')], 1969n],
  ];
  cases.forEach(([id, args, want], i) =>
    it(`${i}: ${id}`, () => {
      const got = call(id, ...args);
      if (typeof want === 'string') expect(errText(got)).toBe(want);
      else expect(got).toBe(want);
    }),
  );
  it('the parsed offset does not change accessors (UTC by default)', () => {
    expect(call('timestamp_to_hours', t('2024-01-01T00:00:00+02:00'))).toBe(22n);
  });
  it('guards', () => {
    expect(errText(call('timestamp_to_hours', '2024-01-01T00:00:00Z'))).toBe('no such overload: getHours(string)');
  });
});

describe('duration accessors', () => {
  it('are totals', () => {
    const d = call('string_to_duration', '3723.456s');
    expect(call('duration_to_hours', d)).toBe(1n);
    expect(call('duration_to_minutes', d)).toBe(62n);
    expect(call('duration_to_seconds', d)).toBe(3723n);
    expect(call('duration_to_milliseconds', d)).toBe(3723456n);
    expect(call('duration_to_hours', dur(-5400n * 10n ** 9n))).toBe(-1n);
  });
});

describe('optional library', () => {
  it('of / ofNonZeroValue / none', () => {
    expect(call('optional_of', 1n)).toEqual(Optional.of(1n));
    for (const z of ['', 0n, 0, u(0), false, null, [], newJsonObject(), new Uint8Array(0), dur(0n), new CelMap()]) {
      expect(call('optional_ofNonZeroValue', z as CelValue)).toBe(Optional.none);
    }
    expect(call('optional_ofNonZeroValue', 'a')).toEqual(Optional.of('a'));
    expect(call('optional_ofNonZeroValue', ts(0n))).toEqual(Optional.of(ts(0n)));
    expect(call('optional_ofNonZeroValue', ts(-62135596800n))).toBe(Optional.none);
    expect(call('optional_none')).toBe(Optional.none);
  });
  it('value / hasValue', () => {
    expect(errText(call('optional_value', Optional.none))).toBe('optional.none() dereference');
    expect(call('optional_value', Optional.of(2n))).toBe(2n);
    expect(call('optional_hasValue', Optional.none)).toBe(false);
  });
  it('or / orValue', () => {
    expect(optionalOr(Optional.none, Optional.of(1n))).toEqual(Optional.of(1n));
    expect(optionalOrValue(Optional.of(1n), 2n)).toBe(1n);
    expect(optionalOrValue(Optional.none, 2n)).toBe(2n);
    expect(call('optional_orValue_value', Optional.none, 'x')).toBe('x');
  });
  it('first / last / unwrap', () => {
    expect(call('list_first', [])).toBe(Optional.none);
    expect(call('list_first', [1n, 2n])).toEqual(Optional.of(1n));
    expect(call('list_last', [1n, 2n])).toEqual(Optional.of(2n));
    expect(call('optional_unwrap', [Optional.of(1n), Optional.none])).toEqual([1n]);
    expect(call('optional_unwrapOpt', [Optional.none])).toEqual([]);
    // the type guard judges a list by its first element (cel-go defaultIsAssignableRuntimeType)
    expect(errText(call('optional_unwrap', [1n]))).toBe('no such overload: optional.unwrap(list)');
    expect(errText(call('optional_unwrap', [Optional.of(1n), 1n]))).toBe('value 1 is not optional');
  });
  it('optional selection and indexing helpers', () => {
    const m = newJsonObject();
    m.seed = 'x';
    expect(optSelectField(m, 'seed')).toEqual(Optional.of('x'));
    expect(optSelectField(m, 'missing')).toBe(Optional.none);
    expect(optSelectField(Optional.of(m), 'seed')).toEqual(Optional.of('x'));
    expect(optSelectField(Optional.none, 'seed')).toBe(Optional.none);
    expect(optSelectField(null, 'x')).toBe(Optional.none);
    expect(optIndex([1n, 2n], 5n)).toBe(Optional.none);
    expect(optIndex([1n, 2n], 1n)).toEqual(Optional.of(2n));
    expect(optIndex(m, 'seed')).toEqual(Optional.of('x'));
    expect(optionalIndex(Optional.of([1n]), 0n)).toEqual(Optional.of(1n));
    expect(optionalIndex(Optional.none, 0n)).toBe(Optional.none);
    expect(optionalIndex(Optional.of([1n]), 3n)).toBe(Optional.none);
    expect(optSelectField([1n], "x")).toBeInstanceOf(CelError);
  });
});

// Ported from cel-spec tests/simple/testdata/timestamps.textproto.
describe('cel-spec conformance: timestamps', () => {
  const x = t('2009-02-13T23:31:30Z');
  const y = t('2009-02-13T02:00:00Z');
  const cases: [string, CelValue[], bigint][] = [
    ['timestamp_to_int64', [x], 1234567890n],
    ['timestamp_to_day_of_month_1_based_with_tz', [x, 'Australia/Sydney'], 14n],
    ['timestamp_to_day_of_month_with_tz', [x, 'US/Central'], 12n],
    ['timestamp_to_day_of_month_with_tz', [x, '+11:00'], 13n],
    ['timestamp_to_day_of_month_with_tz', [y, '-02:30'], 11n],
    ['timestamp_to_day_of_month_with_tz', [y, 'America/St_Johns'], 11n],
    ['timestamp_to_day_of_year_with_tz', [x, 'US/Central'], 43n],
    ['timestamp_to_year_with_tz', [x, '-09:30'], 2009n],
    ['timestamp_to_hours_with_tz', [x, '02:00'], 1n],
    ['timestamp_to_minutes_with_tz', [x, 'Asia/Kathmandu'], 16n],
    ['timestamp_to_seconds_tz', [x, '-00:00'], 30n],
    ['duration_to_hours', [call('string_to_duration', '10000s')], 2n],
  ];
  cases.forEach(([id, args, want], i) => it(`${i}: ${id}`, () => expect(call(id, ...args)).toBe(want)));
  it('string forms', () => {
    expect(call('timestamp_to_string', x)).toBe('2009-02-13T23:31:30Z');
    expect(call('timestamp_to_string', t('9999-12-31T23:59:59.999999999Z'))).toBe('9999-12-31T23:59:59.999999999Z');
    expect(call('duration_to_string', call('string_to_duration', '1000000s'))).toBe('1000000s');
  });
  it('arithmetic near year 1', () => {
    const a = call('add_timestamp_duration', t('0001-01-01T00:00:01.000000001Z'), call('string_to_duration', '-999999999ns'));
    expect(call('timestamp_to_string', a)).toBe('0001-01-01T00:00:00.000000002Z');
    const b = call('add_timestamp_duration', t('0001-01-01T00:00:01.999999999Z'), call('string_to_duration', '999999999ns'));
    expect(call('timestamp_to_string', b)).toBe('0001-01-01T00:00:02.999999998Z');
  });
});
