// The Go conversion of a merged built-in object (apimachinery runtime/converter.go
// FromUnstructured, run by Scheme.ConvertToVersion in apiserver mutating/dispatcher.go), and how
// raw CEL values print in structured-merge-diff errors (value/value.go ToString, fmt's %v/%#v).
import { describe, expect, it } from 'vitest';
import { RawCelValue } from '../../../../src/engine/cel/kubernetes/mutation-json.js';
import { Duration, Timestamp } from '../../../../src/engine/cel/values.js';
import { fromUnstructuredError } from '../../../../src/engine/admission/apply/from-unstructured.js';
import { printSharpV, printV, toStringValue } from '../../../../src/engine/admission/apply/values.js';
import type { JsonObject } from '../../../../src/engine/cel/values.js';

const POD = { group: '', version: 'v1', kind: 'Pod' };
const pod = (spec: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec }) as unknown as JsonObject;
const err = (doc: JsonObject, live: JsonObject = pod({})) => fromUnstructuredError(doc, live, POD, '1.36');
const prefix = 'unable to convert unstructured object to /v1, Kind=Pod: ';

describe('fromUnstructuredError', () => {
  it('refuses a fraction in an int field, accepts a whole double and wraps nothing itself', () => {
    expect(err(pod({ priority: 1.5 }))).toBe(prefix + 'cannot convert float64 to int32');
    expect(err(pod({ activeDeadlineSeconds: 0.5 }))).toBe(prefix + 'cannot convert float64 to int64');
    expect(err(pod({ priority: 2 }))).toBeUndefined();
    expect(err(pod({ priority: 3000000000n }))).toBeUndefined();
  });
  it('parses quantities from their JSON text', () => {
    const res = (v: unknown) => pod({ containers: [{ name: 'a', resources: { limits: { cpu: v } } }] });
    expect(err(res('abc'))).toMatch(/^unable to convert .*: quantities must match the regular expression/);
    expect(err(res(true))).toMatch(/quantities must match/);
    expect(err(res(0.5))).toBeUndefined();
    expect(err(res(' 1 '))).toBeUndefined(); // Quantity.UnmarshalJSON trims spaces
  });
  it('reads IntOrString numbers as int32', () => {
    const probe = (port: unknown) => pod({ containers: [{ name: 'a', livenessProbe: { tcpSocket: { port } } }] });
    expect(err(probe(8080.5))).toBe(prefix + 'json: cannot unmarshal number 8080.5 into Go value of type int32');
    expect(err(probe(2n ** 31n))).toBe(prefix + 'json: cannot unmarshal number 2147483648 into Go value of type int32');
    expect(err(probe(true))).toBe(prefix + 'json: cannot unmarshal bool into Go value of type int32');
    expect(err(probe(80.0))).toBeUndefined();
    expect(err(probe('http'))).toBeUndefined();
  });
  it('parses times and base64', () => {
    const meta = (m: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: m }) as unknown as JsonObject;
    expect(err(meta({ creationTimestamp: 'x' }))).toBe(prefix + 'parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"');
    expect(err(meta({ creationTimestamp: 5n }))).toBe(prefix + 'json: cannot unmarshal number into Go value of type string');
    const secret = { apiVersion: 'v1', kind: 'Secret', data: { a: 'a b' } } as unknown as JsonObject;
    expect(fromUnstructuredError(secret, {} as JsonObject, { group: '', version: 'v1', kind: 'Secret' }, '1.36')).toBe(
      'unable to convert unstructured object to /v1, Kind=Secret: error decoding from json: illegal base64 data at input byte 1',
    );
  });
  it('skips what the merge kept from the live object, and custom resources', () => {
    const containers = [{ name: 'a', resources: { limits: { cpu: 'abc' } } }];
    expect(err(pod({ containers }), pod({ containers }))).toBeUndefined();
    expect(fromUnstructuredError(pod({ priority: 1.5 }), pod({}), { group: 'example.com', version: 'v1', kind: 'Pod' }, '1.36')).toBeUndefined();
  });
});

describe('raw CEL values in structured-merge-diff messages', () => {
  const ts = new Timestamp(1704067200n, 500_000_000); // 2024-01-01T00:00:00.5Z
  it('prints time.Time and time.Duration as Go does', () => {
    expect(printV(new RawCelValue(ts, 'time.Time'))).toBe('&{2024-01-01 00:00:00.5 +0000 UTC}');
    expect(printSharpV(new RawCelValue(ts, 'time.Time'))).toBe('&value.valueUnstructured{Value:time.Date(2024, time.January, 1, 0, 0, 0, 500000000, time.UTC)}');
    expect(printV(new RawCelValue(new Timestamp(1704067200n, 0, 7200), 'time.Time'))).toBe('&{2024-01-01 02:00:00 +0200 +0200}');
    const d = (n: bigint) => printV(new RawCelValue(new Duration(n), 'time.Duration'));
    expect(d(90_000_000_000n)).toBe('&{1m30s}');
    expect(d(3_600_000_000_000n)).toBe('&{1h0m0s}');
    expect(d(1_500_000n)).toBe('&{1.5ms}');
    expect(d(-2_500_000_000n)).toBe('&{-2.5s}');
    expect(printSharpV(new RawCelValue(new Duration(1_000_000_000n), 'time.Duration'))).toBe('&value.valueUnstructured{Value:1000000000}');
  });
  it('prints key values as value.ToString', () => {
    expect(toStringValue(new RawCelValue(null, 'structpb.NullValue'))).toBe('{{undefined}}');
    expect(toStringValue(null)).toBe('null');
    expect(toStringValue(1e20)).toBe('1e+20');
    expect(toStringValue('a"b')).toBe('"a\\"b"');
    expect(toStringValue({ a: 1n, b: 'x' })).toBe('a=1b="x"');
  });
});
