// Structural-schema defaulting of custom resources (apiextensions-apiserver pkg/apiserver/schema/
// defaulting): a property missing from an object gets its schema's `default`, at every depth,
// through properties, array items and additionalProperties. Runs when a request is decoded and
// after every mutation (semantics.md §4.5 step 5).
import { isJsonObject, newJsonObject, type CelValue, type JsonObject } from '../cel/values.js';
import { deepClone } from '../json/index.js';

type Schema = Record<string, unknown>;

const asSchema = (v: unknown): Schema | undefined => (isJsonObject(v) ? (v as Schema) : undefined);

function defaultValue(value: CelValue, schema: Schema | undefined): CelValue {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const items = asSchema(schema.items);
    return items ? value.map((v) => defaultValue(v, items)) : value;
  }
  if (!isJsonObject(value)) return value;
  const props = asSchema(schema.properties);
  const additional = asSchema(schema.additionalProperties);
  let out: JsonObject | undefined;
  const set = (k: string, v: CelValue): void => {
    if (!out) {
      out = newJsonObject();
      for (const key of Object.keys(value)) out[key] = value[key];
    }
    out[k] = v;
  };
  if (props) {
    for (const k of Object.keys(props)) {
      const sub = asSchema(props[k]);
      if (!sub) continue;
      if (Object.hasOwn(value, k)) {
        const next = defaultValue(value[k], sub);
        if (next !== value[k]) set(k, next);
      } else if (Object.hasOwn(sub, 'default')) {
        set(k, defaultValue(deepClone(sub.default) as CelValue, sub));
      }
    }
  }
  if (additional) {
    for (const k of Object.keys(value)) {
      if (props && Object.hasOwn(props, k)) continue;
      const next = defaultValue(value[k], additional);
      if (next !== value[k]) set(k, next);
    }
  }
  return out ?? value;
}

/** The schema of `version` in a CustomResourceDefinition, if it has one. */
export function crdVersionSchema(crd: JsonObject, version: string): Schema | undefined {
  const spec = asSchema(crd.spec);
  const versions = Array.isArray(spec?.versions) ? spec.versions : [];
  for (const v of versions) {
    const vs = asSchema(v);
    if (vs?.name === version) return asSchema(asSchema(vs.schema)?.openAPIV3Schema);
  }
  return undefined;
}

/** The object with every missing defaulted property filled in (a new object where anything changed). */
export function applyCrdDefaults(obj: JsonObject, schema: Schema | undefined): JsonObject {
  return defaultValue(obj, schema) as JsonObject;
}
