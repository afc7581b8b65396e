// JSON Patch (RFC 6902) as kube-apiserver's MutatingAdmissionPolicy plugin applies it.
export { applyJsonPatch, usesJsonPatchV413, APISERVER_COPY_SIZE_LIMIT, type ApplyResult, type ApplyOptions } from './apply.js';
export { goQuote, goAtoi } from './go-text.js';
