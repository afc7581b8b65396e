// The merged object of a built-in kind goes back into its Go type through Scheme.ConvertToVersion,
// i.e. runtime.DefaultUnstructuredConverter.FromUnstructured (apimachinery runtime/converter.go,
// mutating/dispatcher.go dispatchOne). structured-merge-diff has already checked the value kinds,
// but its schema is looser than the Go types: a numeric field takes a fraction, and Quantity,
// IntOrString and Time fields (untyped scalars) and []byte fields (strings) take any text. The
// Go conversion refuses those; its error is an ordinary, failurePolicy-governed one.
import type { JsonObject } from '../../cel/values.js';
import { fieldExistsAt, structFields, structForKind, type GoType } from '../../k8s/go-schema.js';
import { base64Error, formatGoTime } from '../../k8s/go-values.js';
import { isQuantityError, parseQuantity } from '../../k8s/quantity.js';
import { goNumberText } from '../../k8s/go-values.js';
import type { KubernetesVersion } from '../../types.js';

type Value = JsonObject[string] | undefined;

const isObject = (v: Value): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

/** The JSON text encoding/json gives a scalar (what the custom UnmarshalJSON methods receive). */
function jsonText(v: Value): string | undefined {
  if (typeof v === 'bigint' || typeof v === 'number') return goNumberText(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

/** json.Unmarshal's name of a JSON value's kind in an UnmarshalTypeError (numbers keep their text). */
const jsonKind = (v: Value): string => (typeof v === 'boolean' ? 'bool' : typeof v === 'string' ? 'string' : 'number');

/** strings.TrimSpace of what is left after Quantity.UnmarshalJSON strips the quotes (json.Marshal escapes tabs and newlines). */
const trimSpace = (s: string): string => s.replace(/^[ \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+|[ \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$/g, '');

class Walker {
  constructor(private readonly minor: number) {}

  /**
   * The first error in Go field order (map entries in key order: Go's is random). `live`: the
   * value at the same place in the object before the merge, which converted: the parts the merge
   * returned unchanged (the same objects) are not walked again.
   */
  value(v: Value, t: GoType, live: Value): string | undefined {
    if (v === undefined || v === null || (v === live && typeof v === 'object')) return undefined;
    switch (t.k) {
      case 'ptr':
        return this.value(v, t.elem, live);
      case 'i32':
      case 'i64':
        // a float converts only when whole (an int converts with wrap-around)
        return typeof v === 'number' && !Number.isInteger(v) ? `cannot convert float64 to ${t.k === 'i32' ? 'int32' : 'int64'}` : undefined;
      case 'qty': {
        // Quantity.UnmarshalJSON: the JSON text without its quotes
        const text = typeof v === 'string' ? trimSpace(v) : jsonText(v);
        if (text === undefined) return undefined;
        const q = parseQuantity(text);
        return isQuantityError(q) ? q.error : undefined;
      }
      case 'ios': {
        // IntOrString.UnmarshalJSON: anything but a JSON string is read into an int32
        if (typeof v === 'string') return undefined;
        // (structured-merge-diff lets lists and maps through: IntOrString's schema has no type)
        if (Array.isArray(v) || isObject(v)) return `json: cannot unmarshal ${Array.isArray(v) ? 'array' : 'object'} into Go value of type int32`;
        const text = jsonText(v);
        if (text === undefined) return undefined;
        if (typeof v !== 'boolean' && /^-?\d+$/.test(text) && BigInt(text) >= -(2n ** 31n) && BigInt(text) < 2n ** 31n) return undefined;
        return `json: cannot unmarshal ${typeof v === 'boolean' ? 'bool' : `number ${text}`} into Go value of type int32`;
      }
      case 'time':
        // Time.UnmarshalJSON: a JSON string, then time.Parse(time.RFC3339, …)
        if (typeof v !== 'string') return `json: cannot unmarshal ${jsonKind(v)} into Go value of type string`;
        return formatGoTime(v) === undefined ? `parsing time ${JSON.stringify(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(v)} as "2006"` : undefined;
      case 'bytes': {
        if (typeof v !== 'string') return undefined;
        const at = base64Error(v);
        return at === undefined ? undefined : `error decoding from json: illegal base64 data at input byte ${at}`;
      }
      case 'slice': {
        if (!Array.isArray(v)) return undefined;
        // merged list items keep their identity, not their index
        const kept = Array.isArray(live) ? new Set<Value>(live) : undefined;
        for (const e of v) {
          const err = kept?.has(e) ? undefined : this.value(e, t.elem, undefined);
          if (err) return err;
        }
        return undefined;
      }
      case 'map': {
        if (!isObject(v)) return undefined;
        const l = isObject(live) ? live : undefined;
        for (const k of Object.keys(v).sort()) {
          const err = this.value(v[k], t.elem, l?.[k]);
          if (err) return err;
        }
        return undefined;
      }
      case 'struct':
        return isObject(v) ? this.struct(v, t.name, isObject(live) ? live : undefined) : undefined;
      default:
        return undefined;
    }
  }

  struct(v: JsonObject, name: string, live: JsonObject | undefined): string | undefined {
    for (const f of structFields(name) ?? []) {
      if (!fieldExistsAt(f, this.minor) || !Object.hasOwn(v, f.json)) continue;
      const err = this.value(v[f.json], f.type, live?.[f.json]);
      if (err) return err;
    }
    return undefined;
  }
}

/**
 * Scheme.ConvertToVersion's error for the merged object of a built-in kind, or undefined when it
 * converts (kinds outside our Go tables are custom resources: unstructured, never converted).
 */
export function fromUnstructuredError(
  doc: JsonObject,
  live: JsonObject,
  gvk: { readonly group: string; readonly version: string; readonly kind: string },
  version: KubernetesVersion,
): string | undefined {
  const name = structForKind(gvk.group, gvk.version, gvk.kind);
  if (!name) return undefined;
  const err = new Walker(Number(version.split('.')[1])).struct(doc, name, live);
  return err === undefined ? undefined : `unable to convert unstructured object to ${gvk.group}/${gvk.version}, Kind=${gvk.kind}: ${err}`;
}
