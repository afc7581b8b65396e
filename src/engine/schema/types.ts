// The schema model of structured-merge-diff (schema/elements.go): what the merge needs to know
// about a value's type. Built lazily from our data (built-in kinds) or from a CRD's schema.

/** schema.Scalar: `numeric` accepts ints and floats; `untyped` accepts any scalar */
export type Scalar = 'numeric' | 'string' | 'boolean' | 'untyped';

/** schema.ElementRelationship of maps and lists */
export type Relationship = 'separable' | 'atomic' | 'associative';

export interface StructField {
  readonly type: TypeRef;
  /** the OpenAPI `default`, used for list-map keys an item omits */
  readonly default?: unknown;
}

export interface MapSchema {
  /** declared fields (a struct); unknown keys use elementType, or are errors without one */
  readonly fields: ReadonlyMap<string, StructField>;
  readonly elementType?: TypeRef;
  /** 'separable' (granular) or 'atomic' */
  readonly relationship: 'separable' | 'atomic';
}

export interface ListSchema {
  readonly elementType: TypeRef;
  /** 'atomic', or 'associative' (a list-map with keys, or a set without) */
  readonly relationship: 'atomic' | 'associative';
  readonly keys: readonly string[];
}

/** schema.Atom: one or more of the three forms (deduced types have all three) */
export interface Atom {
  readonly scalar?: Scalar;
  readonly list?: ListSchema;
  readonly map?: MapSchema;
}

/** A reference to a type, resolved on demand (schemas are recursive: JSONSchemaProps). */
export type TypeRef = () => Atom;

const UNTYPED_LIST: ListSchema = { elementType: () => UNTYPED_ATOMIC, relationship: 'atomic', keys: [] };
const UNTYPED_MAP: MapSchema = { fields: new Map(), elementType: () => UNTYPED_ATOMIC, relationship: 'atomic' };

/** `__untyped_atomic_`: any scalar, atomic lists and atomic maps, all the way down */
export const UNTYPED_ATOMIC: Atom = { scalar: 'untyped', list: UNTYPED_LIST, map: UNTYPED_MAP };

const DEDUCED_MAP: MapSchema = { fields: new Map(), elementType: () => DEDUCED, relationship: 'separable' };

/** `__untyped_deduced_`: any scalar, atomic lists (of untyped atomic values), granular maps (free-form JSON) */
export const DEDUCED: Atom = { scalar: 'untyped', list: UNTYPED_LIST, map: DEDUCED_MAP };

/** The schema of one kind, and the name printed in "no corresponding type" errors. */
export interface KindSchema {
  readonly root: Atom;
}
