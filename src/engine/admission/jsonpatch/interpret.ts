// What the apiserver's JSON serializer reads of a JSONPatch result before decoding it
// (apimachinery runtime/serializer/json: Serializer.Decode, SimpleMetaFactory.Interpret,
// gvkWithDefaults; schema.ParseGroupVersion; runtime.NewMissingKindErr). Its errors become
// the patcher's `Internal error occurred: …` (apiserver mutating/patch/json_patch.go).
import { isPlainObject } from '../../json/object.js';
import { encodeJson } from '../../json/encode.js';
import { jsonKind } from '../../k8s/go-values.js';

export interface InterpretedKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** reflect's String() of Interpret's anonymous findKind struct */
const FIND_KIND = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/**
 * Interpret: encoding/json (case-insensitive keys, read in the document's sorted key order, the
 * first type error kept) into {apiVersion, kind}, then ParseGroupVersion of apiVersion.
 */
export function interpretKind(doc: unknown): { ok: true; gvk: InterpretedKind } | { ok: false; error: string } {
  const prefix = "couldn't get version/kind; json parse error: ";
  // `null` (a document replaced by null) unmarshals into the struct as a no-op
  if (doc === null) return { ok: true, gvk: { group: '', version: '', kind: '' } };
  if (!isPlainObject(doc)) return { ok: false, error: `${prefix}json: cannot unmarshal ${jsonKind(doc)} into Go value of type ${FIND_KIND}` };
  let apiVersion = '';
  let kind = '';
  let firstError: string | undefined;
  for (const k of Object.keys(doc).sort()) {
    const field = k.toLowerCase() === 'apiversion' ? 'apiVersion' : k.toLowerCase() === 'kind' ? 'kind' : undefined;
    if (field === undefined) continue;
    const v = (doc as Record<string, unknown>)[k];
    if (v === null) continue;
    if (typeof v !== 'string') {
      firstError ??= `${prefix}json: cannot unmarshal ${jsonKind(v)} into Go struct field .${field} of type string`;
      continue;
    }
    if (field === 'kind') kind = v;
    else apiVersion = v;
  }
  if (firstError !== undefined) return { ok: false, error: firstError };
  if (apiVersion === '' || apiVersion === '/') return { ok: true, gvk: { group: '', version: '', kind } };
  const slashes = apiVersion.split('/').length - 1;
  if (slashes > 1) return { ok: false, error: `unexpected GroupVersion string: ${apiVersion}` };
  const i = apiVersion.indexOf('/');
  return { ok: true, gvk: i < 0 ? { group: '', version: apiVersion, kind } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1), kind } };
}

/** gvkWithDefaults: what the type being decoded into fills in. */
export function withDefaultKind(actual: InterpretedKind, into: InterpretedKind): InterpretedKind {
  const kind = actual.kind || into.kind;
  let { group, version } = actual;
  if (version === '' && group === '') ({ group, version } = into);
  if (version === '' && group === into.group) version = into.version;
  return { group, version, kind };
}

function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortedKeys((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * A custom resource's patched JSON without a kind: NewMissingKindErr of the patch library's
 * output (json.Marshal of Go maps: keys sorted at every depth).
 */
export function missingKindError(doc: unknown): string | undefined {
  const kind = isPlainObject(doc) ? (doc as Record<string, unknown>).kind : undefined;
  if (typeof kind === 'string' && kind !== '') return undefined;
  return `Object 'Kind' is missing in '${encodeJson(sortedKeys(doc))}'`;
}
