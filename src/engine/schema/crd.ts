// Schemas of custom resources: the served version's openAPIV3Schema, converted as kube-openapi's
// schemaconv does (docs/semantics.md §7.2). The API server adds apiVersion, kind and the built-in
// ObjectMeta at the root of every CRD's OpenAPI.
import type { JsonObject } from '../cel/values.js';
import { BuiltinSchemas } from './builtin.js';
import { DEDUCED, UNTYPED_ATOMIC, type Atom, type ListSchema, type MapSchema, type Scalar, type StructField, type TypeRef } from './types.js';

type Json = JsonObject[string];
const isObj = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** convertPrimitive: every string format but none and `byte` is an untyped scalar. */
function scalarOf(s: JsonObject): Scalar | undefined {
  switch (str(s.type)) {
    case 'integer':
    case 'number':
      return 'numeric';
    case 'boolean':
      return 'boolean';
    case 'string': {
      const f = str(s.format) ?? '';
      return f === '' || f === 'byte' ? 'string' : 'untyped';
    }
  }
  return undefined;
}

/** A JSON default as the merge sees it (numbers are JSON numbers). */
function defaultOf(v: Json | undefined): unknown {
  return v === undefined ? undefined : v;
}

/**
 * parseSchema. `keep`: x-kubernetes-preserve-unknown-fields on this node or an ancestor (schemaconv
 * hands the flag down to every inlined descendant). A node without `type` (int-or-string, or
 * preserve-unknown-fields alone) may be a scalar, a list or a map.
 */
function convert(s: JsonObject, builtins: BuiltinSchemas, inherited: boolean): Atom {
  const keep = inherited || s['x-kubernetes-preserve-unknown-fields'] === true;
  const type = str(s.type) ?? '';
  const scalar = scalarOf(s);
  if (scalar) return { scalar };
  if (type === 'array') return { list: listOf(s, builtins, keep) };
  if (type === 'object') return { map: mapOf(s, builtins, keep) };
  if (type === '') return { scalar: 'untyped', list: listOf(s, builtins, keep), map: mapOf(s, builtins, keep) };
  return { scalar: 'untyped' }; // an unrecognized type
}

function listOf(s: JsonObject, builtins: BuiltinSchemas, keep: boolean): ListSchema {
  // an array without items holds untyped atomic values
  const elementType: TypeRef = isObj(s.items) ? lazy(() => convert(s.items as JsonObject, builtins, keep)) : () => UNTYPED_ATOMIC;
  const lt = str(s['x-kubernetes-list-type']) ?? 'atomic';
  if (lt === 'map' || lt === 'set') {
    const keys = lt === 'map' && Array.isArray(s['x-kubernetes-list-map-keys']) ? (s['x-kubernetes-list-map-keys'] as Json[]).filter((k): k is string => typeof k === 'string') : [];
    return { elementType, relationship: 'associative', keys };
  }
  return { elementType, relationship: 'atomic', keys: [] };
}

/** parseObject. `root`: the resource itself, whose published schema always has the TypeMeta and ObjectMeta properties. */
function mapOf(s: JsonObject, builtins: BuiltinSchemas, keep: boolean, root = false): MapSchema {
  const props = isObj(s.properties) ? s.properties : undefined;
  const additional = s.additionalProperties;
  const fields = new Map<string, StructField>();
  for (const [name, p] of Object.entries(props ?? {})) {
    if (!isObj(p)) continue;
    const d = defaultOf(p.default);
    const t = lazy(() => convert(p, builtins, keep));
    fields.set(name, d === undefined ? { type: t } : { type: t, default: d });
  }
  // the published OpenAPI gives embedded objects apiVersion, kind and the built-in ObjectMeta
  if (root || s['x-kubernetes-embedded-resource'] === true) addTypeMeta(fields, builtins);
  let elementType: TypeRef | undefined;
  if (isObj(additional)) elementType = lazy(() => convert(additional, builtins, keep));
  else if (additional === true || (additional === undefined && (keep || fields.size === 0))) elementType = () => DEDUCED;
  const relationship = s['x-kubernetes-map-type'] === 'atomic' ? 'atomic' : 'separable';
  return elementType ? { fields, elementType, relationship } : { fields, relationship };
}

function lazy(f: () => Atom): TypeRef {
  let memo: Atom | undefined;
  return () => (memo ??= f());
}

function addTypeMeta(fields: Map<string, StructField>, builtins: BuiltinSchemas): void {
  fields.set('apiVersion', { type: () => ({ scalar: 'string' }) });
  fields.set('kind', { type: () => ({ scalar: 'string' }) });
  fields.set('metadata', { type: () => builtins.classAtom('V1ObjectMeta') });
}

/** The root atom of a custom resource from its version's openAPIV3Schema. */
export function crdRootAtom(openAPIV3Schema: JsonObject, builtins: BuiltinSchemas): Atom {
  return { map: mapOf(openAPIV3Schema, builtins, openAPIV3Schema['x-kubernetes-preserve-unknown-fields'] === true, true) };
}

/** The schemas of the scenario's CRDs by "group/version/kind", for every served version. */
export function crdSchemas(crds: readonly JsonObject[]): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const crd of crds) {
    const spec = isObj(crd.spec) ? crd.spec : undefined;
    const group = str(spec?.group);
    const kind = isObj(spec?.names) ? str(spec.names.kind) : undefined;
    if (!group || !kind || !Array.isArray(spec?.versions)) continue;
    for (const v of spec.versions as Json[]) {
      if (!isObj(v) || v.served === false) continue;
      const name = str(v.name);
      const schema = isObj(v.schema) && isObj(v.schema.openAPIV3Schema) ? v.schema.openAPIV3Schema : undefined;
      if (name && schema) out.set(`${group}/${name}/${kind}`, schema);
    }
  }
  return out;
}
