// apiserver pkg/cel/library/lists.go semantics (the library's documented examples) and cost.go
// traversal costs.
import { describe, expect, it } from 'vitest';
import { listsLibrary, traversalCost } from '../../../../src/engine/cel/kubernetes/lists.js';
import { CelUint, Duration } from '../../../../src/engine/cel/values.js';
import { call, errorText } from './helpers.js';

const L = listsLibrary;

describe('lists library', () => {
  it('isSorted', () => {
    expect(call(L, 'list_int_is_sorted_bool', [1n, 2n, 3n])).toBe(true);
    expect(call(L, 'list_string_is_sorted_bool', ['b', 'a', 'c'])).toBe(false);
    expect(call(L, 'list_int_is_sorted_bool', [])).toBe(true);
    expect(call(L, 'list_double_is_sorted_bool', [1, 1, 2])).toBe(true);
  });
  it('sum', () => {
    expect(call(L, 'list_int_sum_int', [1n, 2n, 3n])).toBe(6n);
    expect(call(L, 'list_int_sum_int', [])).toBe(0n);
    expect(call(L, 'list_double_sum_double', [1.5, 2])).toBe(3.5);
    expect((call(L, 'list_uint_sum_uint', [new CelUint(1n), new CelUint(2n)]) as CelUint).value).toBe(3n);
    expect((call(L, 'list_duration_sum_duration', [new Duration(1000n), new Duration(2n)]) as Duration).nanos).toBe(1002n);
    expect(errorText(call(L, 'list_int_sum_int', [9223372036854775807n, 1n]))).toBe('integer overflow');
  });
  it('min / max', () => {
    expect(call(L, 'list_int_max_int', [1n, 3n, 2n])).toBe(3n);
    expect(call(L, 'list_int_min_int', [1n, 3n, 2n])).toBe(1n);
    expect(call(L, 'list_string_max_string', ['a', 'c', 'b'])).toBe('c');
    expect(errorText(call(L, 'list_int_min_int', []))).toBe('min called on empty list');
    expect(errorText(call(L, 'list_int_max_int', []))).toBe('max called on empty list');
  });
  it('indexOf / lastIndexOf', () => {
    expect(call(L, 'list_a_index_of_int', [1n, 2n, 2n, 3n], 2n)).toBe(1n);
    expect(call(L, 'list_a_last_index_of_int', [1n, 2n, 2n, 3n], 2n)).toBe(2n);
    expect(call(L, 'list_a_index_of_int', [1n, 2n], 9n)).toBe(-1n);
    expect(call(L, 'list_a_index_of_int', [[1n], [2n]], [2n])).toBe(1n);
    expect(call(L, 'list_a_last_index_of_int', [], 'a')).toBe(-1n);
  });
  it('overload ids', () => {
    const ids = L.functions!.flatMap((f) => f.overloads.map((o) => o.id));
    expect(ids).toContain('list_timestamp_max_timestamp');
    expect(ids).toContain('list_bytes_is_sorted_bool');
    expect(ids).toContain('list_duration_sum_duration');
    expect(ids).not.toContain('list_string_sum_string');
  });
  it('traversal cost', () => {
    expect(traversalCost([1n, 2n, 3n])).toBe(3);
    expect(traversalCost(['abcdefghij', 'abc'])).toBe(1);
    expect(traversalCost({ a: 1n })).toBe(1);
    expect(L.functions![0].overloads[0].cost!.runtime!([[1n, 2n]], true)).toBe(2);
  });
});
