// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 value/less_test.go TestValueLess
// The equality half of the table (Equals, Compare == 0), which decides when two set items or two
// list-map keys are the same: our compareKey texts are equal exactly when upstream's values are.
// Left out: the 8 "Invalid-*" rows (value.InvalidValue has no JSON form) and the order itself
// (Less), which the merge does not use.
import { describe, expect, it } from 'vitest';
import { compareKey } from '../../../../src/engine/admission/apply/values.js';
import { v } from './smd-yaml-schema.js';

// name, a, b, equal
const table: [string, string, string, boolean][] = [
  ['Float-1', '1.14', '3.14', false],
  ['Float-2', '1.0', '1.0', true],
  ['Float-3', '1.0', '1', true],
  ['Float-4', '1.0', '2', false],
  ['Float-5', '1.0', '"aoeu"', false],
  ['Float-6', '1.0', 'true', false],
  ['Float-7', '1.0', '[]', false],
  ['Float-8', '1.0', '{}', false],
  ['Float-9', '1.0', 'null', false],
  ['Int-1', '1', '2', false],
  ['Int-2', '1', '1', true],
  ['Int-3', '1', '1.0', true],
  ['Int-4', '1', '2.0', false],
  ['Int-5', '1', '"aoeu"', false],
  ['Int-6', '1', 'true', false],
  ['Int-7', '1', '[]', false],
  ['Int-8', '1', '{}', false],
  ['Int-9', '1', 'null', false],
  ['String-1', '"b-12"', '"b-9"', false],
  ['String-2', '"folate"', '"folate"', true],
  ['String-3', '"folate"', 'true', false],
  ['String-4', '"folate"', '[]', false],
  ['String-5', '"folate"', '{}', false],
  ['String-6', '"folate"', 'null', false],
  ['Bool-1', 'false', 'true', false],
  ['Bool-2', 'false', 'false', true],
  ['Bool-3', 'true', 'true', true],
  ['Bool-4', 'false', '[]', false],
  ['Bool-5', 'false', '{}', false],
  ['Bool-6', 'false', 'null', false],
  ['List-1', '[]', '[]', true],
  ['List-2', '[1]', '[1]', true],
  ['List-3', '[1]', '[2]', false],
  ['List-4', '[1]', '[1, 1]', false],
  ['List-5', '[1, 1]', '[2]', false],
  ['List-6', '[]', '{}', false],
  ['List-7', '[]', 'null', false],
  ['Map-1', '{"carotine": 1}', '{"carotine": 1}', true],
  ['Map-2', '{"carotine": 1}', '{"carotine": 2}', false],
  ['Map-3', '{"carotine": 1}', '{"ethanol": 1}', false],
  ['Map-4', '{"carotine": 1}', '{"ethanol": 1, "carotine": 2}', false],
  ['Map-5', '{"carotine": 1}', '{"carotine": 1, "ethanol": 1}', false],
  ['Map-6', '{"carotine": 1, "ethanol": 1}', '{"carotine": 2}', false],
  ['Map-7', '{}', 'null', false],
];

describe('structured-merge-diff value/less_test.go TestValueLess (equality)', () => {
  it('reads 1.0 as a float and 1 as an int, as upstream distinguishes them', () => {
    expect(typeof v('1.0')).toBe('number');
    expect(typeof v('1')).toBe('bigint');
  });
  for (const [name, a, b, equal] of table) {
    it(`${name}: ${a} ${equal ? '==' : '!='} ${b}`, () => {
      expect(compareKey(v(a)) === compareKey(v(b))).toBe(equal);
    });
  }
});
