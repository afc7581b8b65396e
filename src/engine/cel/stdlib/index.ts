// The CEL standard library as cel-go v0.26 declares it (common/stdlib/standard.go, overload ids
// of common/overloads/overloads.go) plus the optional library (cel/library.go, version 2).
//
// Integration notes for the checker and interpreter:
//  - Every OverloadDecl.impl receives already-evaluated arguments (receiver first for member
//    calls) and returns a value or a CelError; errors among the arguments are returned as is.
//  - Operators are cel-go "singletons": all overloads of `_+_`, `_<_`, `size`, `matches`, … share
//    one implementation that dispatches on runtime operands (e.g. `dyn(1) + 1u` is
//    `no such overload`). Other functions (conversions, accessors, optional functions) are
//    guarded per overload: arguments of another runtime type give `no such overload: f(types)`.
//    When the checker leaves several candidate overload ids, call `dispatchOverloads`.
//  - `_&&_`, `_||_`, `_?_:_`, `@not_strictly_false` are declared non-strict; the interpreter
//    evaluates them itself (their impls work on evaluated operands). `or`/`orValue` must be
//    short-circuited by the interpreter (evaluate the argument only when the receiver is none):
//    use `optionalOr`/`optionalOrValue` after evaluating (a non-optional receiver is returned
//    as it is, like cel-go's evalOptionalOr).
//  - `_==_`/`_!=_`: `celEquals`. `_[_]`: `index` (cel-go attribute texts). `x.?f`:
//    `optSelectField`; `x[?k]`: `optIndex`; `opt[k]`: `optionalIndex` (once a chain is optional,
//    cel-go presence-tests every later qualifier: absent keys give none, not errors).
//  - Regular expressions: `compileRe2` in ../re2.ts (Go regexp/syntax errors; cached; returned
//    RegExp has only the `u` flag).
//  - Estimates (`cost.estimate`) return the call's own cost; the checker adds argument costs.
//  - Type identifiers (`int`, `list`, `google.protobuf.Timestamp`, …) are declared as variables
//    of type `type(T)`; their values come from `typeDenotations()`.
//  - Cross-type numeric comparison overload ids are listed in CROSS_TYPE_COMPARISON_IDS (the
//    checker hides them unless cel.CrossTypeNumericComparisons is on).
//  - Costs: OverloadDecl.cost.runtime/estimate follow cel-go's default tracker/estimator; absent
//    means 1 (`_&&_`, `_||_`, `_?_:_` cost 0).
import type { Library, VariableDecl } from '../decls.js';
import { T } from '../types.js';
import { arithmeticFunctions } from './arithmetic.js';
import { collectionFunctions } from './collections.js';
import { comparisonFunctions } from './comparison.js';
import { conversionFunctions } from './conversions.js';
import { logicFunctions } from './logic.js';
import { optionalFunctions } from './optional.js';
import { stringFunctions } from './strings.js';
import { timeFunctions } from './time.js';
import { typeDenotations } from './typeof.js';

export { celEquals } from './equality.js';
export { compare, CROSS_TYPE_COMPARISON_IDS } from './comparison.js';
export { add, subtract, multiply, divide, modulo, negate } from './arithmetic.js';
export { index, inContainer, sizeOf } from './collections.js';
export { logicalAnd, logicalOr } from './logic.js';
export { matches } from './strings.js';
export { toBool, toBytes, toDouble, toDuration, toInt, toString, toTimestamp, toUint } from './conversions.js';
export { parseGoBool, parseGoFloat, parseGoInt, parseGoUint } from './conversions.js';
export { formatDuration, formatRfc3339Nano, parseGoDuration, parseRfc3339 } from './timefmt.js';
export { timestampFields } from './time.js';
export { zoneOffset } from './timezone.js';
export { formatGoFloat } from './numfmt.js';
export {
  isZeroValue,
  optIndex,
  optSelectField,
  optionalIndex,
  optionalOr,
  optionalOrValue,
  optionalValue,
} from './optional.js';
export { typeDenotations, typeOfValue, typeOfValueAsTypeValue } from './typeof.js';
export { dispatchOverloads, guarded, matchesRuntimeType } from './runtimetypes.js';
export { formatV, runtimeTypeName } from './helpers.js';
export { actualSize } from './costs.js';

function typeVariables(): VariableDecl[] {
  return typeDenotations()
    .filter((d) => d.name !== 'optional_type')
    .map((d) => ({ name: d.name, type: T.typeOf(d.value.type) }));
}

/** The standard library proper (without optional types). */
export function standardLibrary(): Library {
  return {
    name: 'cel.stdlib',
    functions: [
      ...logicFunctions(),
      ...arithmeticFunctions(),
      ...comparisonFunctions(),
      ...collectionFunctions(),
      ...conversionFunctions(),
      ...stringFunctions(),
      ...timeFunctions(),
    ],
    variables: typeVariables(),
    macros: ['has', 'all', 'exists', 'exists_one', 'existsOne', 'map', 'filter'],
  };
}

/** cel.OptionalTypes() (version 2: first, last, optional.unwrap, unwrapOpt). */
export function optionalLibrary(): Library {
  return {
    name: 'cel.lib.optional',
    functions: optionalFunctions(),
    variables: [{ name: 'optional_type', type: T.typeOf(T.opaque('optional_type')) }],
    macros: ['optMap', 'optFlatMap'],
  };
}

/** Both libraries, as Kubernetes' base environment has them. */
export function standardLibraries(): Library[] {
  return [standardLibrary(), optionalLibrary()];
}
