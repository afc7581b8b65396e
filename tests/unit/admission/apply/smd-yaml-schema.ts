// Test helper: a structured-merge-diff schema as its tests write it (schema/elements.go in YAML:
// `types:` of named maps, lists and scalars) turned into our schema model, and typed.FromYAML's
// reading of values (JSON text; ints stay ints).
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import type { Atom, ListSchema, MapSchema, Scalar, StructField, TypeRef } from '../../../../src/engine/schema/types.js';
import { DEDUCED } from '../../../../src/engine/schema/types.js';
import { deepEqual, parseJsonPreservingInts } from '../../../../src/engine/json/index.js';
import type { SmdValue } from '../../../../src/engine/admission/apply/values.js';
import { mergeValues } from '../../../../src/engine/admission/apply/merge.js';
import { formatErrors, validate } from '../../../../src/engine/admission/apply/validate.js';

interface YamlTypeRef {
  namedType?: string;
  /** a field-level override of the named type's relationship (Schema.Resolve) */
  elementRelationship?: string;
  scalar?: Scalar;
  list?: { elementType: YamlTypeRef; elementRelationship?: string; keys?: string[] };
  map?: { fields?: { name: string; type: YamlTypeRef; default?: unknown }[]; elementType?: YamlTypeRef; elementRelationship?: string };
}
type YamlType = YamlTypeRef & { name: string };

/** The named types of a schema; `__untyped_deduced_` is built in, as in the parser. */
export function smdSchema(yamlText: string): (name: string) => TypeRef {
  const named = new Map<string, YamlType>();
  for (const t of (parse(yamlText) as { types: YamlType[] }).types) named.set(t.name, t);
  const cache = new Map<string, Atom>();
  const ref = (r: YamlTypeRef): TypeRef => {
    if (r.elementRelationship !== undefined) {
      const base = ref({ ...r, elementRelationship: undefined });
      const rel = r.elementRelationship;
      // the map form if there is one, else the list form
      return () => {
        const a = base();
        if (a.map) return { ...a, map: { ...a.map, relationship: rel === 'atomic' ? 'atomic' : 'separable' } };
        if (a.list) return { ...a, list: { ...a.list, relationship: rel === 'atomic' ? 'atomic' : 'associative' } };
        throw new Error('relationship override of a scalar type');
      };
    }
    if (r.namedType !== undefined) {
      const name = r.namedType;
      return () => {
        if (name === '__untyped_deduced_' && !named.has(name)) return DEDUCED;
        let a = cache.get(name);
        if (!a) {
          const t = named.get(name);
          if (!t) throw new Error(`no type ${name} in the test schema`);
          a = atom(t);
          cache.set(name, a);
        }
        return a;
      };
    }
    const a = atom(r);
    return () => a;
  };
  const atom = (r: YamlTypeRef): Atom => {
    const out: { scalar?: Scalar; list?: ListSchema; map?: MapSchema } = {};
    if (r.scalar) out.scalar = r.scalar;
    if (r.list) {
      out.list = {
        elementType: ref(r.list.elementType),
        relationship: r.list.elementRelationship === 'associative' ? 'associative' : 'atomic',
        keys: r.list.keys ?? [],
      };
    }
    if (r.map) {
      const fields = new Map<string, StructField>();
      for (const f of r.map.fields ?? []) fields.set(f.name, f.default === undefined ? { type: ref(f.type) } : { type: ref(f.type), default: f.default });
      out.map = {
        fields,
        ...(r.map.elementType ? { elementType: ref(r.map.elementType) } : {}),
        relationship: r.map.elementRelationship === 'atomic' ? 'atomic' : 'separable',
      };
    }
    return out;
  };
  return (name: string) => ref({ namedType: name });
}

/** The untyped atomic type the tests spell out in full. */
export const UNTYPED_ATOMIC_YAML = `- name: __untyped_atomic_
  scalar: untyped
  list:
    elementType:
      namedType: __untyped_atomic_
    elementRelationship: atomic
  map:
    elementType:
      namedType: __untyped_atomic_
    elementRelationship: atomic
`;

export function v(text: string): SmdValue {
  const x = parseJsonPreservingInts(text);
  if (x === undefined) throw new Error(`bad JSON in test: ${text}`);
  return x as SmdValue;
}

// The schemas typed/merge_test.go and typed/validate_test.go share (v6.3.3).
export const SIMPLE_PAIR = `types:
- name: stringPair
  map:
    fields:
    - name: key
      type:
        scalar: string
    - name: value
      type:
        namedType: __untyped_atomic_
${UNTYPED_ATOMIC_YAML}`;

export const STRUCT_GRAB_BAG = `types:
- name: myStruct
  map:
    fields:
    - name: numeric
      type:
        scalar: numeric
    - name: string
      type:
        scalar: string
    - name: bool
      type:
        scalar: boolean
    - name: setStr
      type:
        list:
          elementType:
            scalar: string
          elementRelationship: associative
    - name: setBool
      type:
        list:
          elementType:
            scalar: boolean
          elementRelationship: associative
    - name: setNumeric
      type:
        list:
          elementType:
            scalar: numeric
          elementRelationship: associative
`;

export const ASSOCIATIVE_LIST = `types:
- name: myRoot
  map:
    fields:
    - name: list
      type:
        namedType: myList
    - name: atomicList
      type:
        namedType: mySequence
- name: myList
  list:
    elementType:
      namedType: myElement
    elementRelationship: associative
    keys:
    - key
    - id
- name: mySequence
  list:
    elementType:
      scalar: string
    elementRelationship: atomic
- name: myElement
  map:
    fields:
    - name: key
      type:
        scalar: string
    - name: id
      type:
        scalar: numeric
    - name: value
      type:
        namedType: myValue
    - name: bv
      type:
        scalar: boolean
    - name: nv
      type:
        scalar: numeric
- name: myValue
  map:
    elementType:
      scalar: string
`;

/**
 * An Updater sequence as far as the plugin's merge reproduces it: an Update writes the object,
 * an Apply merges its configuration into it. Only for sequences in which no Apply drops a field
 * its manager applied before (the Updater would prune it; the plugin never removes).
 */
export function replay(root: TypeRef, ops: readonly (readonly ['apply' | 'update', string])[]): SmdValue {
  let live = v('{}');
  for (const [op, text] of ops) {
    const config = v(text);
    const errs = validate(config, root, { allowDuplicates: op === 'update', version: '1.36' });
    if (errs.length) throw new Error(`invalid ${op} ${text}: ${formatErrors(errs)}`);
    live = op === 'update' ? config : (mergeValues(live, config, root, '1.36') ?? null);
  }
  return live;
}

/** A merge test: its name, the Apply/Update operations in order, and the object they leave (JSON). */
export type ReplayCase = readonly [name: string, ops: readonly (readonly ['apply' | 'update', string])[], object: string];

/** One test per case: replaying its operations must leave exactly its object. */
export function itReplays(root: TypeRef, cases: readonly ReplayCase[]): void {
  for (const [name, ops, object] of cases) {
    it(name, () => {
      const got = replay(root, ops);
      expect(deepEqual(got, v(object)), `got ${JSON.stringify(got, (_k, y) => (typeof y === 'bigint' ? Number(y) : y))}`).toBe(true);
    });
  }
}
