// The patch types (apiserver pkg/cel/mutation/**, 1.32-1.36). Ported from
// mutation/typeresolver_test.go, mutation/dynamic/objects_test.go and the JSONPatch field
// semantics of semantics.md §5.5; conversions per §5.4 / §6.2.
import { describe, expect, it } from 'vitest';
import { compileError, run, runtimeError, value } from '../ext/eval-helper.js';
import { JSONPatchValue, ObjectValue, checkObjectTypeNames, jsonPatchType, mutationTypeProvider } from '../../../../src/engine/cel/kubernetes/mutation-types.js';
import { RawCelValue, celValueToJson, objectToJson } from '../../../../src/engine/cel/kubernetes/mutation-json.js';
import { CelError, CelMap, CelUint, Duration, Optional, Timestamp } from '../../../../src/engine/cel/values.js';

const obj = (name: string, fields: Record<string, unknown>) => new ObjectValue(name, new Map(Object.entries(fields)) as never);

describe('Object types (typeresolver_test.go)', () => {
  it('constructs values of any Object.* name with any field', () => {
    const v = value(`Object{spec: Object.spec{replicas: 3}}`);
    expect(v).toBeInstanceOf(ObjectValue);
    expect(objectToJson(v as ObjectValue)).toEqual({ ok: true, json: { spec: { replicas: 3n } } });
    expect(objectToJson(value(`Object{}`) as ObjectValue)).toEqual({ ok: true, json: {} });
    expect(compileError(`Object.spec.template.spec.containers{name: "nginx", whatever: 1}`)).toBeUndefined();
  });
  it('list of ints and map of strings', () => {
    expect(objectToJson(value(`Object{intList: [1, 2, 3]}`) as ObjectValue)).toEqual({ ok: true, json: { intList: [1n, 2n, 3n] } });
    expect(objectToJson(value(`Object{annotations: {"foo": "bar"}}`) as ObjectValue)).toEqual({ ok: true, json: { annotations: { foo: 'bar' } } });
  });
  it('field access and equality', () => {
    expect(value(`Object{intList: [1, 2, 3]}.intList.sum()`)).toBe(6n);
    expect(value(`Object{spec: Object.spec{replicas: 3}} == Object{spec: Object.spec{replicas: 1 + 2}}`)).toBe(true);
    expect(value(`Object{spec: Object.spec{replicas: 3}} == Object{spec: Object.spec{replicas: 3.0}}`)).toBe(false);
    expect(compileError(`Object.spec{} == Object{}`)).toContain("found no matching overload for '_==_' applied to '(Object.spec, Object)'");
    expect(value(`dyn(Object.spec{}) == Object{}`)).toBe(false);
    expect(value(`Object{a: 1}.b`)).toBe(null);
    expect(value(`Object{spec: Object.spec{x: 1}}.spec.x`)).toBe(1n);
  });
  it('unknown types do not compile', () => {
    expect(compileError(`Invalid{}`)).toContain("undeclared reference to 'Invalid'");
  });
  it('optional fields, has and ofNonZeroValue', () => {
    const v = value(`Object{?existing: optional.none()}`) as ObjectValue;
    expect(v.fields.size).toBe(0);
    const w = value(`Object{?spec: optional.ofNonZeroValue(Object.spec{?replicas: Object{}.?replicas})}`) as ObjectValue;
    expect(w.fields.size).toBe(0);
    expect(value(`Object{}.?existing`)).toBe(Optional.none);
    expect(value(`has(Object{a: 1}.a) && !has(Object{a: 1}.b)`)).toBe(true);
  });
});

describe('JSONPatch (typeresolver_test.go, semantics.md §5.5)', () => {
  it('constructs', () => {
    const p = value(`JSONPatch{op: "add", path: "/spec/replicas", value: 3}`) as JSONPatchValue;
    expect([p.op, p.path, p.from, p.value]).toEqual(['add', '/spec/replicas', '', 3n]);
    const q = value(`JSONPatch{op: "remove", path: "/spec/replicas"}`) as JSONPatchValue;
    expect(q.value).toBeUndefined();
    expect(value(`true ? JSONPatch{op: "add", path: "/a", value: 3} : JSONPatch{op: "remove", path: "/a"}`)).toBeInstanceOf(JSONPatchValue);
  });
  it('field access, has, equality', () => {
    expect(value(`JSONPatch{op: "add"}.op`)).toBe('add');
    expect(value(`has(JSONPatch{op: "add"}.op) && !has(JSONPatch{op: "add"}.path) && !has(JSONPatch{}.from)`)).toBe(true);
    expect(value(`has(JSONPatch{value: null}.value) && !has(JSONPatch{}.value)`)).toBe(true);
    expect(value(`JSONPatch{op: "add", value: 1} == JSONPatch{op: "add", value: 1.0}`)).toBe(true);
    expect(value(`JSONPatch{op: "add", value: "1"} == JSONPatch{op: "add", value: 1}`)).toBe(false);
    expect(value(`JSONPatch{op: "add"} == JSONPatch{op: "add", value: 1}`)).toBe(false);
  });
  it('field types are checked', () => {
    expect(compileError(`JSONPatch{foo: 1}`)).toContain("undefined field 'foo'");
    expect(compileError(`JSONPatch{op: 1}`)).toContain("expected type of field 'op' is 'string' but provided type is 'int'");
    expect(runtimeError(`JSONPatch{op: dyn(1)}`)).toBe("unexpected type int64 for JSONPatchType 'op' field");
    expect(jsonPatchType.newValue(new Map([['foo', 1n]]))).toEqual(new CelError('unexpected JSONPatchType field: foo'));
  });
  it('return type of a JSONPatch mutation', () => {
    expect(run(`[JSONPatch{op: "add", path: "/a", value: 1}]`)).toMatchObject({ value: [expect.any(JSONPatchValue)] });
  });
});

describe('checkObjectTypeNames (objects_test.go TestCheckTypeNamesMatchFieldPathNames)', () => {
  it('valid: maps and lists are transparent', () => {
    const v = obj('Object', {
      spec: obj('Object.spec', {
        replicas: 100n,
        m: new CelMap([['k1', obj('Object.spec.m', {})]]),
        l: [obj('Object.spec.l', {})],
      }),
    });
    expect(checkObjectTypeNames(v)).toBeUndefined();
  });
  it('invalid struct, map and list fields', () => {
    expect(checkObjectTypeNames(obj('Object', { invalid: obj('Object.spec', { replicas: 100n }) }))).toBe(
      'type mismatch: unexpected type name "Object.spec", expected "Object.invalid", which matches field name path from root Object type',
    );
    expect(checkObjectTypeNames(obj('Object', { spec: obj('Object.spec', { m: { k1: obj('Object.spec.invalid', {}) } }) }))).toContain(
      'unexpected type name "Object.spec.invalid", expected "Object.spec.m"',
    );
    expect(checkObjectTypeNames(obj('Object', { spec: obj('Object.spec', { l: [obj('Object.spec.l.item', {})] }) }))).toContain(
      'unexpected type name "Object.spec.l.item", expected "Object.spec.l"',
    );
  });
  it('several violations are joined with newlines', () => {
    const v = value(`Object{specx: Object.spec{}, metadata: Object.meta{}}`) as ObjectValue;
    expect(checkObjectTypeNames(v)).toBe(
      'type mismatch: unexpected type name "Object.spec", expected "Object.specx", which matches field name path from root Object type\n' +
        'unexpected type name "Object.meta", expected "Object.metadata", which matches field name path from root Object type',
    );
  });
  it('the root is checked against the expected name (ApplyConfiguration) or its own (JSONPatch)', () => {
    const v = obj('Object.spec.selector', { matchLabels: { a: 'b' } });
    expect(checkObjectTypeNames(v)).toBeUndefined();
    expect(checkObjectTypeNames(v, 'Object')).toContain('unexpected type name "Object.spec.selector", expected "Object"');
  });
});

describe('objectToJson (convertField, objects_test.go TestOptional)', () => {
  it('optionals convert to their value or null', () => {
    expect(objectToJson(obj('Object', { zero: Optional.of(0n), absent: Optional.none }))).toEqual({ ok: true, json: { zero: 0n, absent: null } });
  });
  it('non-string map keys', () => {
    expect(objectToJson(obj('Object', { m: new CelMap([[97n, 'x']]) }))).toEqual({
      ok: false,
      kind: 'convert',
      error: `fail to convert field "m": map key 'a' is of type types.Int, not string`,
    });
  });
  it('raw values stay raw', () => {
    const r = objectToJson(obj('Object', { n: null, t: new Timestamp(0n, 0) }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      const j = r.json as Record<string, unknown>;
      expect(j.n).toEqual(new RawCelValue(null, 'structpb.NullValue'));
      expect((j.t as RawCelValue).goType).toBe('time.Time');
    }
  });
  it('CEL-built nested containers inside a CEL-built list stay raw when the caller says so', () => {
    const env = [{ name: 'A' }];
    const r = objectToJson(obj('Object', { env }), (v) => v === env || v === env[0]);
    expect(r.ok && (r.json as { env: unknown[] }).env[0]).toBeInstanceOf(RawCelValue);
    expect(objectToJson(obj('Object', { env }))).toEqual({ ok: true, json: { env: [{ name: 'A' }] } });
  });
});

describe('celValueToJson (JSONPatch value, semantics.md §6.2)', () => {
  it('scalars', () => {
    expect(celValueToJson(null)).toEqual({ ok: true, json: null });
    expect(celValueToJson(9007199254740991n)).toEqual({ ok: true, json: 9007199254740991n });
    expect(celValueToJson(9007199254740993n)).toEqual({ ok: true, json: '9007199254740993' });
    expect(celValueToJson(new CelUint(2n ** 60n))).toEqual({ ok: true, json: '1152921504606846976' });
    expect(celValueToJson(3.0)).toEqual({ ok: true, json: 3n });
    expect(celValueToJson(2.5)).toEqual({ ok: true, json: 2.5 });
    expect(celValueToJson(1e21)).toEqual({ ok: true, json: 1e21 });
    expect(celValueToJson(new Uint8Array([104, 105]))).toEqual({ ok: true, json: 'aGk=' });
    expect(celValueToJson(new Duration(1_500_000_000n))).toEqual({ ok: true, json: '1.5s' });
    expect(celValueToJson(new Timestamp(0n, 0))).toEqual({ ok: true, json: '1970-01-01T00:00:00Z' });
    expect(celValueToJson(NaN)).toMatchObject({ ok: false, kind: 'marshal' });
  });
  it('lists and maps', () => {
    expect(celValueToJson([1n, 'a', null, { b: [true] }])).toEqual({ ok: true, json: [1n, 'a', null, { b: [true] }] });
    expect(celValueToJson(new CelMap([[1n, 'a']]))).toMatchObject({ ok: false, kind: 'marshal' });
  });
  it('Objects: ints become float64, null and timestamps fail', () => {
    expect(celValueToJson(obj('Object.spec', { replicas: 3n, big: 9007199254740993n }))).toEqual({
      ok: true,
      json: { replicas: 3n, big: 9007199254740992n },
    });
    expect(celValueToJson(value(`Object{a: null}`))).toEqual({
      ok: false,
      kind: 'marshal',
      error: 'JSONPath valueExpression evaluated to a type that could not marshal to JSON: proto: invalid type: structpb.NullValue',
    });
    expect(celValueToJson(obj('Object', { t: new Timestamp(0n, 0) }))).toMatchObject({
      ok: false,
      error: 'JSONPath valueExpression evaluated to a type that could not marshal to JSON: proto: invalid type: time.Time',
    });
  });
  it('a list of Objects is the 1.32-1.36 panic', () => {
    expect(celValueToJson(value(`[Object.spec.initContainers{name: "a"}]`))).toMatchObject({ ok: false, kind: 'panic' });
  });
});

describe('type provider', () => {
  it('resolves patch type names', () => {
    expect(mutationTypeProvider.findStructType('JSONPatch')).toBe(jsonPatchType);
    expect(mutationTypeProvider.findStructType('Object.spec.x')?.name).toBe('Object.spec.x');
    expect(mutationTypeProvider.findStructType('Objects')).toBeUndefined();
    expect(mutationTypeProvider.findStructType('Object.spec.x')?.fieldType('anything')).toEqual({ kind: 'dyn' });
  });
});

describe('Object field reads go through the converted map (objects.go GetFrom)', () => {
  it('optionals unwrap, nested Objects read as maps', () => {
    expect(value(`Object{f: optional.of(1)}.f`)).toBe(1n);
    expect(value(`Object{f: optional.none()}.f`)).toBe(null);
    expect(value(`Object{spec: Object.spec{x: 1}}.spec == {'x': 1}`)).toBe(true);
  });
});

describe('keys are plain data', () => {
  it('__proto__ survives conversion', () => {
    const m = Object.create(null) as Record<string, unknown>;
    m['__proto__'] = 'x';
    const r = celValueToJson(m as never);
    expect(r.ok && Object.keys(r.json as object)).toEqual(['__proto__']);
  });
});
