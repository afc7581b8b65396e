// How kube-apiserver holds the object under review: built-in kinds are decoded into their Go
// type and rendered back (omitempty fields dropped, quantities canonical), then defaulted;
// custom resources stay as written (semantics.md §5.3, §6.1, §4.5).
import type { JsonObject } from '../cel/values.js';
import { applyDefaults } from '../k8s/defaults.js';
import { applyCrdDefaults } from '../k8s/crd-defaults.js';
import { decodeStrict, isTypedKind, toTypedJson, type DecodeMemo } from '../k8s/typed.js';
import { newJsonObject } from '../json/object.js';
import { interpretKind, missingKindError, withDefaultKind } from './jsonpatch/interpret.js';
import type { GroupVersionKind } from './request.js';
import { KnownValidByOptions } from './apply/known.js';

export type Decoded = { readonly ok: true; readonly value: JsonObject } | { readonly ok: false; readonly error: string };

export interface ObjectCodec {
  /** the object as the server decoded the request (defaults applied when defaulting is on) */
  decodeRequestObject(o: JsonObject): JsonObject;
  /** the request object decoded, with what the Go type could not hold of it (unknown fields, wrong types) */
  decodeRequest(o: JsonObject): { readonly value: JsonObject; readonly problems: readonly string[] };
  /** a JSONPatch result: strict decoding (its errors are fatal 500s), then defaulting */
  decodeJsonPatchResult(doc: JsonObject): Decoded;
  /** an ApplyConfiguration result: typed conversion (its errors are ordinary), then defaulting */
  decodeApplyResult(doc: JsonObject): Decoded;
  /** the live values this request's ApplyConfiguration merges found valid (see apply/known.ts) */
  readonly applyMemo: KnownValidByOptions;
  /**
   * whether ApplyConfiguration may drop the live object's fields its schema does not declare
   * instead of refusing them: built-in objects have none (decoding drops them), and a real
   * server prunes custom resources when it decodes them; without defaulting (the plugin run as
   * its unit tests run it) a custom resource keeps them and the typed conversion refuses them
   */
  readonly undeclaredLiveFieldsDropped: boolean;
}

/**
 * `crdSchema`: for a custom resource, the openAPIV3Schema of its version, whose `default`s apply.
 */
export function objectCodec(
  gvk: GroupVersionKind,
  defaulting: boolean,
  builtIn: boolean,
  kubernetesVersion: string,
  crdSchema?: Record<string, unknown>,
): ObjectCodec {
  const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
  const key = { apiVersion, kind: gvk.kind, group: gvk.group, version: gvk.version, kubernetesVersion };
  // What this request's decodings rendered: the parts of an object a mutation left alone are
  // not decoded again (see DecodeMemo).
  const memo: DecodeMemo = new Map(); // lives as long as the request
  const withDefaults = (o: JsonObject): JsonObject => {
    if (!defaulting) return o;
    return builtIn ? (applyDefaults(o, key) as JsonObject) : applyCrdDefaults(o, crdSchema);
  };
  return {
    applyMemo: new KnownValidByOptions(),
    undeclaredLiveFieldsDropped: builtIn || defaulting,
    // A real server holds the request in its internal version (a Secret's stringData folded into
    // data); without defaulting the plugin is run as its unit tests run it, on v1 objects only.
    decodeRequestObject(o) {
      return withDefaults(builtIn ? (toTypedJson(o, key, { internalRoundTrip: defaulting }).value as JsonObject) : o);
    },
    decodeRequest(o) {
      if (!builtIn) return { value: withDefaults(o), problems: [] };
      const typed = toTypedJson(o, key, { memo, internalRoundTrip: defaulting });
      return { value: withDefaults(typed.value as JsonObject), problems: typed.warnings };
    },
    decodeJsonPatchResult(doc) {
      const meta = interpretKind(doc);
      if (!meta.ok) return meta;
      if (!builtIn) {
        const missing = missingKindError(doc);
        return missing === undefined ? { ok: true, value: withDefaults(doc) } : { ok: false, error: missing };
      }
      // The serializer decodes into the kind the document names when it differs (OBSERVED: a
      // ConfigMap patched to kind Secret decodes as a Secret); only kinds of the request's
      // group-version that we know are followed.
      const actual = withDefaultKind(meta.gvk, gvk);
      const sameGv = actual.group === gvk.group && actual.version === gvk.version;
      const asKind = sameGv && actual.kind !== gvk.kind && isTypedKind({ ...key, kind: actual.kind }) ? { ...key, kind: actual.kind } : key;
      // strict decoding of `null` into the new object leaves it zero
      // (a real server's end-of-pass conversion to its internal version is approximated here)
      const r = decodeStrict(doc === null ? newJsonObject() : doc, asKind, asKind === key ? memo : undefined, defaulting);
      if (!r.ok) return r;
      // ConvertToVersion to the request's version sets the TypeMeta of the typed result.
      let value = r.value as JsonObject;
      if (value.apiVersion !== apiVersion || value.kind !== asKind.kind) {
        value = Object.assign(newJsonObject(), { kind: asKind.kind, apiVersion }, value, { kind: asKind.kind, apiVersion });
      }
      return { ok: true, value: defaulting ? (applyDefaults(value, asKind) as JsonObject) : value };
    },
    decodeApplyResult(doc) {
      if (!builtIn) return { ok: true, value: withDefaults(doc) };
      // The merged object reaches the Go type through FromUnstructured, which truncates an
      // out-of-range int32 silently (OBSERVED: priority 3000000000 -> -1294967296).
      return { ok: true, value: withDefaults(toTypedJson(doc, key, { wrapIntegers: true, memo, internalRoundTrip: defaulting }).value as JsonObject) };
    },
  };
}
