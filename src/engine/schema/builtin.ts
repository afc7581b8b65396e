// Schemas of the built-in kinds: field structure from data/k8s-structure.ts, merge semantics
// from merge-semantics.ts (what kube-openapi's schemaconv derives from the OpenAPI extensions).
// Resolution is lazy and cached per release (builtinSchemas): only what is walked is built, once.
import { CLASSES, ROOTS } from './data/k8s-structure.js';
import type { KubernetesVersion } from '../types.js';
import { FIELDS_SINCE } from './field-versions.js';
import { ATOMIC_FIELDS, ATOMIC_STRUCTS, KEY_DEFAULTS, LIST_TYPES } from './merge-semantics.js';
import { INT_OR_STRING_FIELDS, QUANTITY_FIELDS, RAW_EXTENSION_FIELDS } from './scalar-fields.js';
import { DEDUCED, type Atom, type ListSchema, type StructField, type TypeRef } from './types.js';

/** The model class of a built-in group/version/kind ("" group for core), if we know it. */
export function builtinClass(group: string, version: string, kind: string): string | undefined {
  const key = `${group}/${version}/${kind}`;
  return Object.hasOwn(ROOTS, key) ? ROOTS[key] : undefined;
}

/** Every model class and its fields as [json name, type code] (for tests and lint). */
export function classFields(cls: string): ReadonlyArray<readonly [string, string]> | undefined {
  if (!Object.hasOwn(CLASSES, cls)) return undefined;
  return CLASSES[cls]
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => {
      const i = t.indexOf(':');
      return [t.slice(0, i), t.slice(i + 1)] as const;
    });
}

export function allClasses(): readonly string[] {
  return Object.keys(CLASSES);
}

/** "Class.field" -> the minor that added it (immutable after load). */
const SINCE: ReadonlyMap<string, number> = new Map(Object.entries(FIELDS_SINCE).flatMap(([v, fields]) => fields.map((f) => [f, Number(v)] as const)));

const SCALARS: Record<string, Atom> = {
  s: { scalar: 'string' },
  n: { scalar: 'numeric' },
  b: { scalar: 'boolean' },
  u: { scalar: 'untyped' },
  x: DEDUCED,
};

/** A lazy resolver of the built-in classes (it caches; see builtinSchemas for the shared ones). */
export class BuiltinSchemas {
  private readonly atoms = new Map<string, Atom>();
  private readonly minor: number;

  /** The schemas as the given release serves them (the newest when omitted). */
  constructor(version?: KubernetesVersion) {
    this.minor = version ? Number(version.split('.')[1]) : Infinity;
  }

  /** The atom of a model class. */
  classAtom(cls: string): Atom {
    const cached = this.atoms.get(cls);
    if (cached) return cached;
    const fields = new Map<string, StructField>();
    const atom: Atom = { map: { fields, relationship: ATOMIC_STRUCTS.has(cls) ? 'atomic' : 'separable' } };
    this.atoms.set(cls, atom);
    for (const [name, code] of classFields(cls) ?? []) {
      const key = `${cls}.${name}`;
      if ((SINCE.get(key) ?? 0) > this.minor) continue;
      const raw = Object.hasOwn(KEY_DEFAULTS, key) ? KEY_DEFAULTS[key] : undefined;
      // JSON numbers without a fraction are ints
      const def = typeof raw === 'number' ? BigInt(raw) : raw;
      const type = this.codeRef(code, key, true);
      fields.set(name, def === undefined ? { type } : { type, default: def });
    }
    return atom;
  }

  private codeRef(code: string, key: string, top: boolean): TypeRef {
    let memo: Atom | undefined;
    return () => (memo ??= this.codeAtom(code, key, top));
  }

  private codeAtom(code: string, key: string, top: boolean): Atom {
    if (code.startsWith('[]')) {
      const semantics = LIST_TYPES[top ? key : key + '[]'] ?? 'atomic';
      const elementType = this.codeRef(code.slice(2), key, false);
      const list: ListSchema =
        semantics === 'atomic'
          ? { elementType, relationship: 'atomic', keys: [] }
          : { elementType, relationship: 'associative', keys: semantics === 'set' ? [] : semantics.slice(4).split(',') };
      return { list };
    }
    if (code.startsWith('{}')) {
      const atomic = top && ATOMIC_FIELDS.has(key);
      return { map: { fields: new Map(), elementType: this.codeRef(code.slice(2), key, false), relationship: atomic ? 'atomic' : 'separable' } };
    }
    if (code.startsWith('@')) {
      const atom = this.classAtom(code.slice(1));
      // a field-level `+structType=atomic` / `+mapType=atomic` overrides the struct's own
      if (top && ATOMIC_FIELDS.has(key) && atom.map) return { map: { ...atom.map, relationship: 'atomic' } };
      return atom;
    }
    if (code === 's' && QUANTITY_FIELDS.has(key)) return SCALARS.u;
    if (code === 'u' && INT_OR_STRING_FIELDS.has(key)) return DEDUCED;
    if (code === 'x' && RAW_EXTENSION_FIELDS.has(key)) return SCALARS.u;
    return SCALARS[code] ?? DEDUCED;
  }
}

/** One resolver per release, shared: its atoms depend on the release only and are never modified. */
const SHARED = new Map<KubernetesVersion | undefined, BuiltinSchemas>();

/** The shared resolver of a release (the newest when omitted), built on first use. */
export function builtinSchemas(version?: KubernetesVersion): BuiltinSchemas {
  let s = SHARED.get(version);
  if (!s) SHARED.set(version, (s = new BuiltinSchemas(version)));
  return s;
}
