// cel-go extension libraries as Kubernetes configures them (apiserver pkg/cel/environment/base.go):
// strings v2 (+ format v1), sets, two-variable comprehensions, lists v3, and cel-go's literal
// validators.
export { stringsLibrary, makeStringsLibrary, charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace, split, substring, trim, join, quote } from './strings.js';
export { formatCallImpl, stringFormatValidator } from './formatting.js';
export { listsLibrary, SORT_BY_ASSOCIATED_KEYS, listsRange, slice, flatten, distinct, sortByAssociatedKeys } from './lists.js';
export { setsLibrary, setsContains, setsEquivalent, setsIntersects } from './sets.js';
export { twoVarComprehensionsLibrary, MAP_INSERT, TWO_VAR_MACROS, mapInsert, mapInsertAll } from './comprehensions.js';
export { literalValidators, durationLiteralValidator, timestampLiteralValidator, regexLiteralValidator } from './validators.js';
