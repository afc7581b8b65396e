// JSON utilities of the engine: Go-like encoding, int-preserving parsing, strict and semantic
// comparison, copying, JSON pointers and minimal RFC 6902 diffs.
export { encodeJson, encodeJsonString, goFloatString, utf8Length, type EncodeOptions } from './encode.js';
export { parseJsonPreservingInts, parseJson, type ParseResult } from './parse.js';
export { deepEqual, deepClone } from './equal.js';
export { isPlainObject, newJsonObject } from './object.js';
export { escapePointerToken, unescapePointerToken, formatPointer } from './pointer.js';
export { createPatch, type PatchOperation } from './diff.js';
export { semanticEqual, semanticContains, normalizeForComparison, semanticNormalize, type SemanticResult } from './semantic.js';
