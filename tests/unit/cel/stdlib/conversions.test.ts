// Conversions. Texts: cel-go common/types/*.go ConvertToType; cases from OBSERVED.md and the
// reference scenarios conv-*, double-*, dur-from-int.
import { describe, expect, it } from 'vitest';
import { CelError, CelUint, Duration, Timestamp, TypeValue, type CelValue } from '../../../../src/engine/cel/values.js';
import { dispatchOverloads, formatGoFloat } from '../../../../src/engine/cel/stdlib/index.js';
import { call, ctx, dur, errText, overloadsOf, ts, u } from './lib.js';

describe('string(double) is Go %g', () => {
  const cases: [number, string][] = [
    [1e20, '1e+20'],
    [1e21, '1e+21'],
    [123456789.0, '1.23456789e+08'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [-0, '-0'],
    [3, '3'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
    [100000, '100000'],
    [1000000, '1e+06'],
    [-12300, '-12300'],
    [2.5, '2.5'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [5e-324, '5e-324'],
    [0.1, '0.1'],
  ];
  for (const [v, want] of cases) it(`${v} -> ${want}`, () => expect(call('double_to_string', v)).toBe(want));
  it("'f' form for durations", () => {
    expect(formatGoFloat(1e21, 'f')).toBe('1000000000000000000000');
    expect(formatGoFloat(0.001, 'f')).toBe('0.001');
  });
});

describe('int()', () => {
  const cases: [string, CelValue, CelValue | string][] = [
    ['string_to_int64', '123', 123n],
    ['string_to_int64', '-456', -456n],
    ['string_to_int64', '+7', 7n],
    ['string_to_int64', '9223372036854775808', "type conversion error from 'string' to 'int'"],
    ['string_to_int64', '0x10', "type conversion error from 'string' to 'int'"],
    ['string_to_int64', ' 5', "type conversion error from 'string' to 'int'"],
    ['string_to_int64', '1_000', "type conversion error from 'string' to 'int'"],
    ['double_to_int64', 123.45, 123n],
    ['double_to_int64', -1.9, -1n],
    ['double_to_int64', 1e19, 'integer overflow'],
    ['double_to_int64', Infinity, 'integer overflow'],
    ['double_to_int64', NaN, 'integer overflow'],
    ['double_to_int64', -9223372036854775808, 'integer overflow'],
    ['uint64_to_int64', u(2n ** 63n), 'integer overflow'],
    ['uint64_to_int64', u(5), 5n],
    ['timestamp_to_int64', ts(1n), 1n],
    ['duration_to_int64', dur(10n ** 9n), 1000000000n],
  ];
  for (const [id, v, want] of cases) {
    it(`${id}(${String(v)})`, () => {
      const got = call(id, v);
      if (typeof want === 'string') expect(errText(got)).toBe(want);
      else expect(got).toEqual(want);
    });
  }
});

describe('uint() and double()', () => {
  it('uint', () => {
    expect(errText(call('int64_to_uint64', -1n))).toBe('unsigned integer overflow');
    expect(call('string_to_uint64', '18446744073709551615')).toEqual(u(2n ** 64n - 1n));
    expect(errText(call('string_to_uint64', '-1'))).toBe("type conversion error from 'string' to 'uint'");
    expect(errText(call('string_to_uint64', '+1'))).toBe("type conversion error from 'string' to 'uint'");
    expect(errText(call('double_to_uint64', -0.5))).toBe('unsigned integer overflow');
    expect(errText(call('double_to_uint64', 18446744073709551616))).toBe('unsigned integer overflow');
    expect(call('double_to_uint64', 123.45)).toEqual(u(123));
  });
  it('double', () => {
    expect(call('string_to_double', 'Infinity')).toBe(Infinity);
    expect(call('string_to_double', '-inf')).toBe(-Infinity);
    expect(Number.isNaN(call('string_to_double', 'NaN'))).toBe(true);
    expect(call('string_to_double', '1.5e3')).toBe(1500);
    expect(call('string_to_double', '.5')).toBe(0.5);
    expect(call('string_to_double', '0x1p-2')).toBe(0.25);
    expect(errText(call('string_to_double', 'abc'))).toBe("type conversion error from 'string' to 'double'");
    expect(errText(call('string_to_double', '1e400'))).toBe("type conversion error from 'string' to 'double'");
    expect(errText(call('string_to_double', ''))).toBe("type conversion error from 'string' to 'double'");
    expect(errText(call('string_to_double', ' 1'))).toBe("type conversion error from 'string' to 'double'");
    expect(errText(call('string_to_double', '+nan'))).toBe("type conversion error from 'string' to 'double'");
    expect(call('uint64_to_double', u(2n ** 64n - 1n))).toBe(18446744073709551616);
  });
});

describe('string(), bytes(), bool()', () => {
  it('string', () => {
    expect(call('int64_to_string', -123n)).toBe('-123');
    expect(call('uint64_to_string', u(123))).toBe('123');
    expect(call('bool_to_string', true)).toBe('true');
    expect(call('bytes_to_string', new Uint8Array([0xe2, 0x82, 0xac]))).toBe('€');
    expect(errText(call('bytes_to_string', new Uint8Array([0xff])))).toBe('invalid UTF-8 in bytes, cannot convert to string');
    expect(errText(call('bytes_to_string', new Uint8Array([0xed, 0xa0, 0x80])))).toBe(
      'invalid UTF-8 in bytes, cannot convert to string',
    );
  });
  it('string(timestamp) keeps the parsed offset', () => {
    const t = call('string_to_timestamp', '2024-01-01T00:00:00.5+02:00') as Timestamp;
    expect(call('timestamp_to_string', t)).toBe('2024-01-01T00:00:00.5+02:00');
    expect(call('timestamp_to_string', ts(0n))).toBe('1970-01-01T00:00:00Z');
    expect(call('timestamp_to_string', ts(0n, 123456789))).toBe('1970-01-01T00:00:00.123456789Z');
    expect(call('timestamp_to_string', call('string_to_timestamp', '2024-01-01T00:00:00+00:00') as Timestamp)).toBe(
      '2024-01-01T00:00:00Z',
    );
  });
  it('string(duration)', () => {
    expect(call('duration_to_string', dur(1_500_000_000n))).toBe('1.5s');
    expect(call('duration_to_string', dur(1_000_000n))).toBe('0.001s');
    expect(call('duration_to_string', dur(3600n * 10n ** 9n))).toBe('3600s');
    expect(call('duration_to_string', dur(-1n))).toBe('-1e-09s'.replace('-1e-09', '-0.000000001'));
    expect(call('duration_to_string', dur(0n))).toBe('0s');
  });
  it('bytes and bool', () => {
    expect(call('string_to_bytes', 'é')).toEqual(new Uint8Array([0xc3, 0xa9]));
    expect(call('string_to_bool', 'True')).toBe(true);
    expect(call('string_to_bool', 'f')).toBe(false);
    expect(errText(call('string_to_bool', 'yes'))).toBe("type conversion error from 'string' to 'bool'");
  });
});

describe('timestamp() and duration()', () => {
  it('timestamp(string)', () => {
    const t = call('string_to_timestamp', '2024-03-10T12:34:56Z') as Timestamp;
    expect(t.seconds).toBe(1710074096n);
    expect(errText(call('string_to_timestamp', '2024-13-01T00:00:00Z'))).toBe(
      "type conversion error from 'string' to 'google.protobuf.Timestamp'",
    );
    expect(errText(call('string_to_timestamp', '2023-02-29T00:00:00Z'))).toBe(
      "type conversion error from 'string' to 'google.protobuf.Timestamp'",
    );
    expect(errText(call('string_to_timestamp', '0000-01-01T00:00:00Z'))).toBe('timestamp overflow');
    expect((call('string_to_timestamp', '2024-01-01T1:00:00Z') as Timestamp).seconds).toBe(1704070800n);
    expect((call('string_to_timestamp', '2024-01-01T00:00:00,25Z') as Timestamp).nanos).toBe(250000000);
    expect((call('string_to_timestamp', '2024-01-01T00:00:00.1234567891Z') as Timestamp).nanos).toBe(123456789);
    expect(errText(call('string_to_timestamp', '2024-01-01 00:00:00Z'))).toBeDefined();
    expect(errText(call('string_to_timestamp', '2024-01-01T00:00:00z'))).toBeDefined();
    expect(errText(call('string_to_timestamp', '2024-01-01T00:00:00'))).toBeDefined();
  });
  it('timestamp(int)', () => {
    expect(call('int64_to_timestamp', 1n)).toEqual(new Timestamp(1n, 0, 0));
    expect(errText(call('int64_to_timestamp', 253402300800n))).toBe('timestamp overflow');
  });
  it('duration(string)', () => {
    expect(call('string_to_duration', '1h2m3s')).toEqual(new Duration(3723n * 10n ** 9n));
    expect(call('string_to_duration', '-1.5h')).toEqual(new Duration(-5400n * 10n ** 9n));
    expect(call('string_to_duration', '1µs')).toEqual(new Duration(1000n));
    expect(call('string_to_duration', '0')).toEqual(new Duration(0n));
    expect(call('string_to_duration', '.5s')).toEqual(new Duration(500_000_000n));
    for (const bad of ['1d', '2562048h', '', '1', '.s', '-', '1.5']) {
      expect(errText(call('string_to_duration', bad))).toBe(
        "type conversion error from 'string' to 'google.protobuf.Duration'",
      );
    }
    expect(call('string_to_duration', '2562047h')).toEqual(new Duration(2562047n * 3600n * 10n ** 9n));
  });
  it('duration(int) always fails in cel-go v0.26', () => {
    expect(errText(call('int64_to_duration', 5n))).toBe("type conversion error from 'int' to 'google.protobuf.Duration'");
  });
});

describe('guards and dispatch', () => {
  it('a guarded overload reports runtime types', () => {
    expect(errText(call('timestamp_to_int64', 'x'))).toBe('no such overload: int(string)');
  });
  it('function-level dispatch picks the overload by runtime type', () => {
    expect(dispatchOverloads('int', overloadsOf('int'), ['42'], ctx)).toBe(42n);
    expect(errText(dispatchOverloads('int', overloadsOf('int'), [true], ctx))).toBe('no such overload: int(bool)');
    expect(errText(dispatchOverloads('_+_', overloadsOf('_+_'), [1n, u(1)], ctx))).toBe('no such overload');
  });
  it('type() and dyn()', () => {
    expect((call('type', 1n) as TypeValue).type).toEqual({ kind: 'primitive', name: 'int' });
    expect(call('to_dyn', u(1))).toBeInstanceOf(CelUint);
  });
});

// Ported from cel-spec tests/simple/testdata/conversions.textproto (values and error classes).
describe('cel-spec conformance: conversions', () => {
  const cases: [string, CelValue, CelValue | string][] = [
    ['int64_to_double', 9223372036854775807n, 9.223372036854775807e18],
    ['uint64_to_double', u(18446744073709551615n), 1.8446744073709551615e19],
    ['string_to_double', '-0.0', -0],
    ['string_to_double', '6.02214e23', 6.02214e23],
    ['string_to_double', '-84.32e7', -8.432e8],
    ['uint64_to_int64', u(9223372036854775807n), 9223372036854775807n],
    ['uint64_to_int64', u(18446744073709551615n), 'integer overflow'],
    ['double_to_int64', -123.456, -123n],
    ['double_to_int64', -3.5, -3n],
    ['double_to_int64', 36028797018963969, 36028797018963968n],
    ['double_to_int64', 9223372036854775807.0, 'integer overflow'],
    ['double_to_int64', 1e99, 'integer overflow'],
    ['double_to_string', 123.456, '123.456'],
    ['double_to_string', -4.5e-3, '-0.0045'],
    ['int64_to_uint64', 9223372036854775807n, u(9223372036854775807n)],
    ['double_to_uint64', 25.5, u(25)],
    ['double_to_uint64', 6.022e23, 'unsigned integer overflow'],
    ['string_to_uint64', '300', u(300)],
    ['string_to_bool', 'TRUE', true],
    ['bytes_to_string', new Uint8Array([0xc3, 0xbf]), 'ÿ'],
  ];
  cases.forEach(([id, v, want], i) =>
    it(`${i}: ${id}`, () => {
      const got = call(id, v);
      if (typeof want === 'string' && got instanceof CelError) expect(got.message).toBe(want);
      else expect(got).toEqual(want);
    }),
  );
});
