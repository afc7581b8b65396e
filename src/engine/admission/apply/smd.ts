// ApplyStructuredMergeDiff (apiserver …/mutating/patch/smd.go): typed-convert the patch, refuse
// atomics, typed-convert the live object, merge (RHS wins), convert back. Errors are values.
import type { KubernetesVersion } from '../../types.js';
import type { TypeRef } from '../../schema/types.js';
import { validatePatch } from './atomics.js';
import type { KnownValidByOptions } from './known.js';
import { mergeValues } from './merge.js';
import { formatErrors, validate } from './validate.js';
import type { SmdValue } from './values.js';

export type SmdResult = { readonly ok: true; readonly value: SmdValue } | { readonly ok: false; readonly error: string };

/** Live duplicates of list-map keys are tolerated from structured-merge-diff v6 (Kubernetes 1.35). */
const liveDuplicatesAllowed = (v: KubernetesVersion): boolean => !(v === '1.32' || v === '1.33' || v === '1.34');

/**
 * `memo`: what earlier merges of the same request found valid in their live objects.
 * `dropUndeclaredLive`: the live object's undeclared fields are dropped by the merge instead of
 * refused (see ObjectCodec.undeclaredLiveFieldsDropped).
 */
export function applyStructuredMergeDiff(
  root: TypeRef,
  live: SmdValue,
  patch: SmdValue,
  version: KubernetesVersion,
  memo?: KnownValidByOptions,
  dropUndeclaredLive = true,
): SmdResult {
  const patchErrs = validate(patch, root, { allowDuplicates: false, version });
  if (patchErrs.length) return { ok: false, error: `failed to convert patch object to typed object: ${formatErrors(patchErrs)}` };
  const atomic = validatePatch(root, patch);
  if (atomic) return { ok: false, error: `invalid ApplyConfiguration: ${atomic}` };
  // typed.AllowDuplicates and no pruning: ObjectToTyped of the live object (smd.go) refuses an
  // undeclared field like any other (e.g. one a JSONPatch added to a custom resource)
  const allowDuplicates = liveDuplicatesAllowed(version);
  const known = memo?.for(`${version}/${allowDuplicates}/${dropUndeclaredLive}`);
  let liveErrs = validate(live, root, { allowDuplicates, version, known });
  if (dropUndeclaredLive) liveErrs = liveErrs.filter((e) => e.message !== 'field not declared in schema');
  if (liveErrs.length) return { ok: false, error: `failed to convert original object to typed object: ${formatErrors(liveErrs)}` };
  const merged = mergeValues(live, patch, root, version, known);
  return { ok: true, value: merged === undefined ? null : merged };
}
