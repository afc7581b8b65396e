// The patch types of MutatingAdmissionPolicy expressions (apiserver pkg/cel/mutation/**,
// Kubernetes 1.32-1.36):
//   JSONPatch           mutation/jsonpatch.go: fields op, path, from (string) and value (dyn)
//   Object, Object.<p>  mutation/dynamic/objects.go + typeresolver.go: any name that is `Object`
//                       or starts with `Object.`; every field name is accepted and is dyn
// and the type-name check the patchers apply to Object values (checkObjectTypeNames:
// ObjectVal.CheckTypeNamesMatchFieldPathNames, with the patchers' `type mismatch: ` prefix).
// Converting values to JSON is mutation-json.ts.
import type { TypeProvider } from '../decls.js';
import { T, type CelType } from '../types.js';
import {
  CelError,
  CelMap,
  CelUint,
  Duration,
  Optional,
  StructValue,
  Timestamp,
  isJsonObject,
  mapEntries,
  newJsonObject,
  type CelValue,
  type StructType,
} from '../values.js';
import { celEquals } from '../stdlib/equality.js';

export const JSONPATCH_TYPE_NAME = 'JSONPatch';
export const OBJECT_TYPE_NAME = 'Object';

// ---- JSONPatch ----

const JSONPATCH_STRING_FIELDS = ['op', 'path', 'from'] as const;

/** Go's %T of the native value of a CEL value (for the JSONPatch constructor's messages). */
/** Go's %T of the native value a CEL value converts to (for messages). */
export function goNativeTypeName(v: CelValue): string {
  if (v === null) return 'structpb.NullValue';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (v instanceof CelUint) return 'uint64';
  if (v instanceof Uint8Array) return '[]uint8';
  if (Array.isArray(v)) return '[]ref.Val';
  if (v instanceof CelMap || isJsonObject(v)) return 'map[ref.Val]ref.Val';
  if (v instanceof Timestamp) return 'time.Time';
  if (v instanceof Duration) return 'time.Duration';
  if (v instanceof ObjectValue) return 'map[string]interface {}';
  if (v instanceof JSONPatchValue) return '*mutation.JSONPatchVal';
  return 'interface {}';
}

export class JSONPatchValue extends StructValue {
  readonly type: StructType = jsonPatchType;
  constructor(
    readonly op: string,
    readonly path: string,
    readonly from: string,
    /** undefined when the field was not set */
    readonly value: CelValue | undefined,
  ) {
    super();
  }
  get(field: string): CelValue {
    switch (field) {
      case 'op':
        return this.op;
      case 'path':
        return this.path;
      case 'from':
        return this.from;
      case 'value':
        // upstream returns a nil value here; we answer null (unverified)
        return this.value === undefined ? null : this.value;
    }
    return new CelError(`unsupported indexer: ${field}`);
  }
  has(field: string): boolean {
    switch (field) {
      case 'op':
        return this.op.length > 0;
      case 'path':
        return this.path.length > 0;
      case 'from':
        return this.from.length > 0;
      case 'value':
        return this.value !== undefined;
    }
    return false;
  }
  equals(other: StructValue): boolean {
    if (!(other instanceof JSONPatchValue)) return false;
    if (this.op !== other.op || this.from !== other.from || this.path !== other.path) return false;
    if ((this.value === undefined) !== (other.value === undefined)) return false;
    if (this.value === undefined) return true;
    return celEquals(this.value, other.value as CelValue);
  }
  isZero(): boolean {
    return false;
  }
}

export const jsonPatchType: StructType = {
  name: JSONPATCH_TYPE_NAME,
  fieldType(field: string): CelType | undefined {
    if ((JSONPATCH_STRING_FIELDS as readonly string[]).includes(field)) return T.string;
    if (field === 'value') return T.dyn;
    return undefined;
  },
  newValue(fields: ReadonlyMap<string, CelValue>): StructValue | CelError {
    const s: Record<string, string> = { op: '', path: '', from: '' };
    let value: CelValue | undefined;
    for (const [name, v] of fields) {
      if (v instanceof CelError) return v;
      if ((JSONPATCH_STRING_FIELDS as readonly string[]).includes(name)) {
        if (typeof v !== 'string') return new CelError(`unexpected type ${goNativeTypeName(v)} for JSONPatchType '${name}' field`);
        s[name] = v;
      } else if (name === 'value') value = v;
      else return new CelError(`unexpected JSONPatchType field: ${name}`);
    }
    return new JSONPatchValue(s.op, s.path, s.from, value);
  },
};

// ---- Object ----

export function isObjectTypeName(name: string): boolean {
  return name === OBJECT_TYPE_NAME || name.startsWith(OBJECT_TYPE_NAME + '.');
}

/** Strict Go reflect.DeepEqual of two field values (what ObjectVal equality uses). */
function deepEqualField(a: CelValue, b: CelValue): boolean {
  if (a === null || typeof a !== 'object') return typeof a === typeof b && (Number.isNaN(a) ? false : a === b);
  if (a instanceof ObjectValue) return b instanceof ObjectValue && a.equals(b);
  if (a instanceof CelUint) return b instanceof CelUint && a.value === b.value;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (a instanceof Timestamp) return b instanceof Timestamp && a.seconds === b.seconds && a.nanos === b.nanos && a.offsetSeconds === b.offsetSeconds;
  if (a instanceof Duration) return b instanceof Duration && a.nanos === b.nanos;
  // CEL lists and maps hold function values upstream, which DeepEqual never finds equal
  return false;
}

export class ObjectValue extends StructValue {
  readonly type: StructType;
  constructor(
    readonly typeName: string,
    readonly fields: ReadonlyMap<string, CelValue>,
  ) {
    super();
    this.type = objectType(typeName);
  }
  /**
   * Field selection reads the converted native map: an unset field is null, a nested Object
   * reads as a plain map (objects.go Field.GetFrom over ObjectVal.Value()).
   */
  get(field: string): CelValue {
    const v = this.fields.get(field);
    if (v === undefined) return null;
    return nativeView(v);
  }
  has(field: string): boolean {
    return this.fields.has(field);
  }
  equals(other: StructValue): boolean {
    if (!(other instanceof ObjectValue) || other.typeName !== this.typeName) return false;
    if (other.fields.size !== this.fields.size) return false;
    for (const [k, v] of this.fields) {
      const w = other.fields.get(k);
      if (w === undefined || !deepEqualField(v, w)) return false;
    }
    return true;
  }
  isZero(): boolean {
    return this.fields.size === 0;
  }
}

/** How CEL sees a field value read back from an Object: nested Objects become plain maps. */
function nativeView(v: CelValue): CelValue {
  if (v instanceof ObjectValue) {
    const m = newJsonObject();
    for (const [k, f] of v.fields) m[k] = nativeView(f);
    return m;
  }
  if (Array.isArray(v)) return v.map((e) => (e instanceof ObjectValue ? nativeView(e) : e));
  // types.Optional.Value() unwraps (none reads as null)
  if (v instanceof Optional) return v.present ? nativeView(v.value as CelValue) : null;
  return v;
}

export function objectType(name: string): StructType {
  return {
    name,
    fieldType: () => T.dyn,
    newValue(fields) {
      for (const v of fields.values()) if (v instanceof CelError) return v;
      return new ObjectValue(name, new Map(fields));
    },
  };
}

/** The type provider of the patch types (mutation.DynamicTypeResolver + JSONPatch). */
export const mutationTypeProvider: TypeProvider = {
  findStructType(name: string): StructType | undefined {
    const n = name.startsWith('.') ? name.slice(1) : name;
    if (n === JSONPATCH_TYPE_NAME) return jsonPatchType;
    if (isObjectTypeName(n)) return objectType(n);
    return undefined;
  },
};

// ---- the type-name check ----

function typeCheck(v: CelValue, path: readonly string[], errs: string[]): void {
  if (v instanceof ObjectValue) {
    const expected = path.join('.');
    if (v.typeName !== expected) {
      errs.push(`unexpected type name "${v.typeName}", expected "${expected}", which matches field name path from root Object type`);
    }
    for (const [k, f] of v.fields) typeCheck(f, [...path, k], errs);
    return;
  }
  // intermediate lists and maps are transparent
  if (Array.isArray(v)) for (const e of v) typeCheck(e, path, errs);
  else if (v instanceof CelMap || isJsonObject(v)) for (const [, e] of mapEntries(v)) typeCheck(e, path, errs);
}

/**
 * The runtime check that nested `Object.<path>` names follow the field path from the root
 * (errors in field order; upstream iterates a Go map, so its order is random). Returns the
 * patchers' message `type mismatch: …` (several violations joined by newlines), or undefined.
 */
export function checkObjectTypeNames(value: ObjectValue, expectedRootName?: string): string | undefined {
  const errs: string[] = [];
  typeCheck(value, [expectedRootName ?? value.typeName], errs);
  return errs.length ? `type mismatch: ${errs.join('\n')}` : undefined;
}
