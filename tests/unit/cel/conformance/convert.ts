// The cel-spec conformance data is protobuf JSON (cel.expr.Value, cel.expr.Type, Decl): these
// turn it into our values and types, and compare results strictly (int 1 is not uint 1).
import { T, type CelType } from '../../../../src/engine/cel/types.js';
import {
  CelMap,
  CelUint,
  Duration,
  Optional,
  Timestamp,
  TypeValue,
  isJsonObject,
  mapEntries,
  mapGet,
  mapSize,
  newJsonObject,
  type CelValue,
} from '../../../../src/engine/cel/values.js';
import { typeName } from '../../../../src/engine/cel/types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export class Unsupported extends Error {}

function bytesFromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function double(v: Json): number {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return Number(v);
}

/** cel.expr.Value (JSON) -> CelValue; throws Unsupported for messages and enums. */
export function valueFromJson(v: Json): CelValue {
  if ('int64Value' in v) return BigInt(v.int64Value);
  if ('uint64Value' in v) return new CelUint(BigInt(v.uint64Value));
  if ('doubleValue' in v) return double(v.doubleValue);
  if ('stringValue' in v) return v.stringValue;
  if ('bytesValue' in v) return bytesFromBase64(v.bytesValue);
  if ('boolValue' in v) return v.boolValue;
  if ('nullValue' in v) return null;
  if ('listValue' in v) return (v.listValue.values ?? []).map(valueFromJson);
  if ('mapValue' in v) {
    const entries: [CelValue, CelValue][] = (v.mapValue.entries ?? []).map((e: Json) => [valueFromJson(e.key), valueFromJson(e.value)]);
    if (entries.every(([k]) => typeof k === 'string')) {
      const o = newJsonObject();
      for (const [k, val] of entries) o[k as string] = val;
      return o;
    }
    return new CelMap(entries);
  }
  if ('typeValue' in v) return new TypeValue({ kind: 'opaque', name: `@typename:${v.typeValue}`, params: [] });
  if ('objectValue' in v) {
    const o = v.objectValue;
    if (o['@type'] === 'type.googleapis.com/google.protobuf.Duration') return durationFromString(o.value);
    if (o['@type'] === 'type.googleapis.com/google.protobuf.Timestamp') return timestampFromString(o.value);
    throw new Unsupported(`message ${o['@type']}`);
  }
  throw new Unsupported(`value ${JSON.stringify(v).slice(0, 60)}`);
}

function durationFromString(s: string): Duration {
  const m = /^(-?)(\d+)(?:\.(\d+))?s$/.exec(s);
  if (!m) throw new Unsupported(`duration ${s}`);
  const nanos = BigInt(m[2]) * 1_000_000_000n + BigInt((m[3] ?? '').padEnd(9, '0') || '0');
  return new Duration(m[1] ? -nanos : nanos);
}

function timestampFromString(s: string): Timestamp {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new Unsupported(`timestamp ${s}`);
  const frac = /\.(\d+)/.exec(s)?.[1] ?? '';
  const nanos = Number(frac.padEnd(9, '0').slice(0, 9) || '0');
  return new Timestamp(BigInt(Math.floor(ms / 1000)), nanos);
}

/** cel.expr.Type (JSON) -> CelType. */
export function typeFromJson(t: Json): CelType {
  if ('primitive' in t) {
    switch (t.primitive) {
      case 'BOOL':
        return T.bool;
      case 'INT64':
        return T.int;
      case 'UINT64':
        return T.uint;
      case 'DOUBLE':
        return T.double;
      case 'STRING':
        return T.string;
      case 'BYTES':
        return T.bytes;
    }
  }
  if ('dyn' in t) return T.dyn;
  if ('null' in t) return T.null;
  if ('listType' in t) return T.list(typeFromJson(t.listType.elemType));
  if ('mapType' in t) return T.map(typeFromJson(t.mapType.keyType), typeFromJson(t.mapType.valueType));
  if ('typeParam' in t) return T.param(t.typeParam);
  if ('type' in t) return t.type && Object.keys(t.type).length ? T.typeOf(typeFromJson(t.type)) : T.type;
  if ('wellKnown' in t) {
    if (t.wellKnown === 'TIMESTAMP') return T.timestamp;
    if (t.wellKnown === 'DURATION') return T.duration;
  }
  if ('messageType' in t) {
    if (t.messageType === 'google.protobuf.Duration') return T.duration;
    if (t.messageType === 'google.protobuf.Timestamp') return T.timestamp;
  }
  if ('abstractType' in t) {
    const a = t.abstractType;
    return T.opaque(a.name, ...(a.parameterTypes ?? []).map(typeFromJson));
  }
  throw new Unsupported(`type ${JSON.stringify(t).slice(0, 60)}`);
}

/** Strict equality of a result with an expected value: same kinds, deep for lists and maps. */
export function strictEquals(actual: CelValue, expected: CelValue): boolean {
  if (expected === null) return actual === null;
  if (typeof expected === 'bigint' || typeof expected === 'boolean' || typeof expected === 'string') return actual === expected;
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return false;
    return Number.isNaN(expected) ? Number.isNaN(actual) : Object.is(actual, expected) || actual === expected;
  }
  if (expected instanceof CelUint) return actual instanceof CelUint && actual.value === expected.value;
  if (expected instanceof Uint8Array) {
    return actual instanceof Uint8Array && actual.length === expected.length && actual.every((b, i) => b === expected[i]);
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => strictEquals(actual[i], e));
  }
  if (expected instanceof TypeValue) {
    if (!(actual instanceof TypeValue)) return false;
    const want = (expected.type as { name: string }).name.replace('@typename:', '');
    return typeName(actual.type) === want;
  }
  if (expected instanceof Duration) return actual instanceof Duration && actual.nanos === expected.nanos;
  if (expected instanceof Timestamp) {
    return actual instanceof Timestamp && actual.seconds === expected.seconds && actual.nanos === expected.nanos;
  }
  if (expected instanceof CelMap || isJsonObject(expected)) {
    if (!(actual instanceof CelMap || isJsonObject(actual))) return false;
    if (mapSize(actual) !== mapSize(expected)) return false;
    for (const [k, v] of mapEntries(expected)) {
      const a = mapGet(actual, k);
      if (a === undefined || !strictEquals(a, v)) return false;
    }
    return true;
  }
  if (expected instanceof Optional) return actual instanceof Optional && actual.present === expected.present;
  return false;
}
