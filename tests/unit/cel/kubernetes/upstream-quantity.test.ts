// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/quantity_test.go TestQuantity
// Every case as a whole expression through the Kubernetes environment (quantity.test.ts calls
// the overloads directly).
import { describe, it } from 'vitest';
import { check, type Case } from './upstream-run.js';

const T = { value: true };
const F = { value: false };

const cases: Case[] = [
  ['parse', `quantity("12Mi")`, { equals: `quantity("12Mi")` }],
  ['parseInvalidSuffix', `quantity("10Mo")`, { errorMatch: /quantities must match the regular expression.*/ }],
  ['parseInvalidSuffixPassesRegex', `quantity("10Mm")`, { errorMatch: /unable to parse quantity's suffix/ }],
  ['isQuantity', `isQuantity("20")`, T],
  ['isQuantity_megabytes', `isQuantity("20M")`, T],
  ['isQuantity_mebibytes', `isQuantity("20Mi")`, T],
  ['isQuantity_invalidSuffix', `isQuantity("20Mo")`, F],
  ['isQuantity_passingRegex', `isQuantity("10Mm")`, F],
  ['isQuantity_noOverload', `isQuantity([1, 2, 3])`, { compileMatch: /found no matching overload for 'isQuantity' applied to.*/ }],
  ['equality_reflexivity', `quantity("200M") == quantity("200M")`, T],
  ['equality_symmetry', `quantity("200M") == quantity("0.2G") && quantity("0.2G") == quantity("200M")`, T],
  ['equality_transitivity', `quantity("2M") == quantity("0.002G") && quantity("2000k") == quantity("2M") && quantity("0.002G") == quantity("2000k")`, T],
  ['inequality', `quantity("200M") == quantity("0.3G")`, F],
  ['quantity_less', `quantity("50M").isLessThan(quantity("50Mi"))`, T],
  ['quantity_less_obvious', `quantity("50M").isLessThan(quantity("100M"))`, T],
  ['quantity_less_false', `quantity("100M").isLessThan(quantity("50M"))`, F],
  ['quantity_greater', `quantity("50Mi").isGreaterThan(quantity("50M"))`, T],
  ['quantity_greater_obvious', `quantity("150Mi").isGreaterThan(quantity("100Mi"))`, T],
  ['quantity_greater_false', `quantity("50M").isGreaterThan(quantity("100M"))`, F],
  ['compare_equal', `quantity("200M").compareTo(quantity("0.2G"))`, { value: 0n }],
  ['compare_less', `quantity("50M").compareTo(quantity("50Mi"))`, { value: -1n }],
  ['compare_greater', `quantity("50Mi").compareTo(quantity("50M"))`, { value: 1n }],
  ['add_quantity', `quantity("50k").add(quantity("20")) == quantity("50.02k")`, T],
  ['add_int', `quantity("50k").add(20).isLessThan(quantity("50020"))`, F],
  ['sub_quantity', `quantity("50k").sub(quantity("20")) == quantity("49.98k")`, T],
  ['sub_int', `quantity("50k").sub(20) == quantity("49980")`, T],
  ['arith_chain_1', `quantity("50k").add(20).sub(quantity("100k")).asInteger()`, { value: -49980n }],
  ['arith_chain', `quantity("50k").add(20).sub(quantity("100k")).sub(-50000).asInteger()`, { value: 20n }],
  ['as_integer', `quantity("50k").asInteger()`, { value: 50000n }],
  ['as_integer_error', `quantity("9999999999999999999999999999999999999G").asInteger()`, { errorMatch: /cannot convert value to integer/ }],
  ['is_integer (huge)', `quantity("9999999999999999999999999999999999999G").isInteger()`, F],
  ['is_integer', `quantity("50").isInteger()`, T],
  ['as_float', `quantity("50.703k").asApproximateFloat()`, { value: 50703 }],
];

describe('TestQuantity', () => {
  for (const [name, expr, want] of cases) it(name, () => check(expr, want));
});
