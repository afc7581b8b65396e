// Costs of standard functions: cel-go interpreter/runtimecost.go (costCall) and checker/cost.go
// (functionCost), factors from common/cost.go (0.1 per string unit, 0.25 per regex char).
import { describe, expect, it } from 'vitest';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import { T } from '../../../../src/engine/cel/types.js';
import { overload } from './lib.js';

function runtime(id: string, args: CelValue[], result: CelValue = null): number {
  const c = overload(id).cost;
  return c?.runtime ? c.runtime(args, result) : 1;
}

const sz = (min: number, max: number) => ({ type: T.string, size: { min, max } });

describe('runtime costs', () => {
  it('string traversal', () => {
    expect(runtime('starts_with_string', ['a'.repeat(25), 'a'])).toBe(3);
    expect(runtime('ends_with_string', ['', 'a'])).toBe(0);
    expect(runtime('string_to_bytes', ['abcdefghijk'])).toBe(2);
    expect(runtime('bytes_to_string', [new Uint8Array(10)])).toBe(1);
  });
  it('concatenation and comparison', () => {
    expect(runtime('add_string', ['a'.repeat(10), 'b'.repeat(11)])).toBe(3);
    expect(runtime('add_list', [[1n], [2n]])).toBe(1);
    expect(runtime('less_string', ['a'.repeat(30), 'b'.repeat(5)])).toBe(1);
    expect(runtime('equals', [[1n, 2n, 3n], [1n, 2n, 3n]])).toBe(1);
    expect(runtime('equals', [1n, 1n])).toBe(1);
    expect(runtime('less_int64', [1n, 2n])).toBe(1);
  });
  it('contains, matches, in', () => {
    expect(runtime('contains_string', ['a'.repeat(20), 'b'.repeat(11)])).toBe(4);
    // (1 + 9) * 0.1 = 1; 8 * 0.25 = 2
    expect(runtime('matches_string', ['a'.repeat(9), '^[a-z]+$'])).toBe(2);
    expect(runtime('matches', ['a'.repeat(9), '^[a-z]+$'])).toBe(1);
    expect(runtime('in_list', [1n, [1n, 2n, 3n]])).toBe(3);
    expect(runtime('logical_and', [true, true])).toBe(0);
  });
});

describe('estimates', () => {
  it('use argument sizes as cel-go does', () => {
    expect(overload('starts_with_string').cost!.estimate!({ args: [sz(0, 100), sz(0, 10)] }).cost).toEqual({ min: 0, max: 1 });
    expect(overload('add_string').cost!.estimate!({ args: [sz(1, 10), sz(2, 20)] })).toEqual({
      cost: { min: 1, max: 3 },
      resultSize: { min: 3, max: 30 },
    });
    expect(overload('equals').cost!.estimate!({ args: [sz(0, 100), sz(0, 30)] }).cost).toEqual({ min: 1, max: 3 });
    expect(overload('matches_string').cost!.estimate!({ args: [sz(0, 19), sz(4, 4)] }).cost).toEqual({ min: 1, max: 2 });
    expect(overload('contains_string').cost!.estimate!({ args: [sz(0, 20), sz(0, 10)] }).cost).toEqual({ min: 0, max: 2 });
  });
});
