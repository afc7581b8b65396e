// Arithmetic operators. Expected texts: cel-go common/types/err.go (errIntOverflow …), and the
// reference scenarios int-*, uint-* (Kubernetes 1.36 answers).
import { describe, expect, it } from 'vitest';
import { CelError, CelUint, Duration, Timestamp, type CelValue } from '../../../../src/engine/cel/values.js';
import { INT_MAX, INT_MIN, call, dur, errText, ts, u } from './lib.js';

describe('int arithmetic', () => {
  const cases: [string, CelValue[], CelValue | string][] = [
    ['add_int64', [1n, 2n], 3n],
    ['add_int64', [INT_MAX, 1n], 'integer overflow'],
    ['add_int64', [INT_MIN, -1n], 'integer overflow'],
    ['subtract_int64', [INT_MIN, 1n], 'integer overflow'],
    ['subtract_int64', [-(INT_MAX), 1n], INT_MIN],
    ['multiply_int64', [INT_MIN, -1n], 'integer overflow'],
    ['multiply_int64', [2n ** 32n, 2n ** 31n], 'integer overflow'],
    ['multiply_int64', [-2n, 6n], -12n],
    ['divide_int64', [INT_MIN, -1n], 'integer overflow'],
    ['divide_int64', [1n, 0n], 'division by zero'],
    ['divide_int64', [-7n, 2n], -3n],
    ['modulo_int64', [INT_MIN, -1n], 'integer overflow'],
    ['modulo_int64', [7n, -3n], 1n],
    ['modulo_int64', [-7n, 3n], -1n],
    ['modulo_int64', [1n, 0n], 'modulus by zero'],
    ['negate_int64', [INT_MIN], 'integer overflow'],
    ['negate_int64', [5n], -5n],
  ];
  for (const [id, args, want] of cases) {
    it(`${id}(${args.join(', ')})`, () => {
      const got = call(id, ...args);
      if (typeof want === 'string') expect(errText(got)).toBe(want);
      else expect(got).toBe(want);
    });
  }
});

describe('uint arithmetic', () => {
  it('adds and overflows', () => {
    expect(call('add_uint64', u(1), u(2))).toEqual(u(3));
    expect(errText(call('add_uint64', u(2n ** 64n - 1n), u(1)))).toBe('unsigned integer overflow');
    expect(errText(call('subtract_uint64', u(2), u(3)))).toBe('unsigned integer overflow');
    expect(errText(call('multiply_uint64', u(2n ** 63n), u(2)))).toBe('unsigned integer overflow');
    expect(errText(call('divide_uint64', u(2), u(0)))).toBe('division by zero');
    expect(errText(call('modulo_uint64', u(2), u(0)))).toBe('modulus by zero');
    expect(call('modulo_uint64', u(7), u(3))).toEqual(u(1));
  });
});

describe('double arithmetic', () => {
  it('is IEEE', () => {
    expect(call('divide_double', 1, 0)).toBe(Infinity);
    expect(call('divide_double', -1, 0)).toBe(-Infinity);
    expect(Number.isNaN(call('divide_double', 0, 0))).toBe(true);
    expect(call('multiply_double', 1e308, 10)).toBe(Infinity);
    expect(call('negate_double', 0)).toBe(-0);
  });
});

describe('singleton dispatch on mismatched operands', () => {
  it('int + uint is no such overload', () => {
    expect(errText(call('add_int64', 1n, u(1)))).toBe('no such overload');
  });
  it('bool + int: no adder trait', () => {
    expect(errText(call('add_int64', true, 1n))).toBe('no such overload: _+_');
  });
  it('string - int: receiver type', () => {
    expect(errText(call('subtract_int64', 'a', 1n))).toBe('no such overload');
  });
  it('-true and -1u', () => {
    expect(errText(call('negate_int64', true))).toBe('no such overload');
    expect(errText(call('negate_int64', u(1)))).toBe('no such overload: -_');
  });
  it('errors propagate', () => {
    const e = new CelError('boom');
    expect(call('add_int64', e, 1n)).toBe(e);
    expect(call('add_int64', 1n, e)).toBe(e);
  });
});

describe('concatenation', () => {
  it('strings, bytes, lists', () => {
    expect(call('add_string', 'a', 'b')).toBe('ab');
    expect(call('add_bytes', new Uint8Array([1]), new Uint8Array([2]))).toEqual(new Uint8Array([1, 2]));
    expect(call('add_list', [1n], [2n, 3n])).toEqual([1n, 2n, 3n]);
  });
});

describe('time arithmetic', () => {
  const t0 = ts(1704067200n); // 2024-01-01T00:00:00Z
  it('timestamp + duration keeps the offset', () => {
    const r = call('add_timestamp_duration', ts(1704067200n, 0, 7200), dur(36n * 3600n * 10n ** 9n)) as Timestamp;
    expect(r.seconds).toBe(1704067200n + 36n * 3600n);
    expect(r.offsetSeconds).toBe(7200);
  });
  it('normalises nanoseconds', () => {
    const r = call('add_timestamp_duration', ts(10n, 900_000_000), dur(200_000_000n)) as Timestamp;
    expect([r.seconds, r.nanos]).toEqual([11n, 100_000_000]);
    const s = call('subtract_timestamp_duration', ts(10n, 100_000_000), dur(200_000_000n)) as Timestamp;
    expect([s.seconds, s.nanos]).toEqual([9n, 900_000_000]);
  });
  it('duration + timestamp', () => {
    const r = call('add_duration_timestamp', dur(10n ** 9n), t0) as Timestamp;
    expect(r.seconds).toBe(1704067201n);
  });
  it('timestamp overflow', () => {
    expect(errText(call('add_timestamp_duration', ts(253402300799n), dur(10n ** 9n)))).toBe('timestamp overflow');
    expect(errText(call('subtract_timestamp_duration', ts(-62135596800n), dur(1n)))).toBe('timestamp overflow');
  });
  it('timestamp - timestamp, with int64 overflow', () => {
    expect(call('subtract_timestamp_timestamp', ts(10n, 5), ts(8n, 10))).toEqual(new Duration(1_999_999_995n));
    expect(errText(call('subtract_timestamp_timestamp', ts(253402300799n), ts(-62135596800n)))).toBe('integer overflow');
  });
  it('duration overflow is integer overflow', () => {
    expect(errText(call('add_duration_duration', dur(INT_MAX), dur(1n)))).toBe('integer overflow');
    expect(errText(call('subtract_duration_duration', dur(INT_MIN), dur(1n)))).toBe('integer overflow');
  });
  it('uint values keep their class', () => {
    expect(call('add_uint64', u(1), u(1))).toBeInstanceOf(CelUint);
  });
});
