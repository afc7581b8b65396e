// Ported from apiserver pkg/cel/library/quantity_test.go (TestQuantity) plus OBSERVED.md facts.
import { describe, expect, it } from 'vitest';
import { quantityLibrary, QuantityValue } from '../../../../src/engine/cel/kubernetes/quantity.js';
import { call, errorText } from './helpers.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';

const L = quantityLibrary;
const q = (s: string): CelValue => call(L, 'string_to_quantity', s);
const eq = (a: CelValue, b: CelValue): boolean => (a as QuantityValue).equals(b as QuantityValue);

describe('TestQuantity (quantity_test.go)', () => {
  it('parse', () => expect(q('12Mi')).toBeInstanceOf(QuantityValue));
  it('parseInvalidSuffix', () => expect(errorText(q('10Mo'))).toMatch(/^quantities must match the regular expression/));
  it('parseInvalidSuffixPassesRegex', () => expect(errorText(q('10Mm'))).toBe("unable to parse quantity's suffix"));
  it.each([
    ['20', true],
    ['20M', true],
    ['20Mi', true],
    ['20Mo', false],
    ['10Mm', false],
  ])('isQuantity(%s)', (s, want) => expect(call(L, 'is_quantity_string', s)).toBe(want));
  it('equality', () => {
    expect(eq(q('200M'), q('200M'))).toBe(true);
    expect(eq(q('200M'), q('0.2G')) && eq(q('0.2G'), q('200M'))).toBe(true);
    expect(eq(q('2M'), q('0.002G')) && eq(q('2000k'), q('2M'))).toBe(true);
    expect(eq(q('200M'), q('0.3G'))).toBe(false);
  });
  it.each([
    ['quantity_is_less_than', '50M', '50Mi', true],
    ['quantity_is_less_than', '50M', '100M', true],
    ['quantity_is_less_than', '100M', '50M', false],
    ['quantity_is_greater_than', '50Mi', '50M', true],
    ['quantity_is_greater_than', '150Mi', '100Mi', true],
    ['quantity_is_greater_than', '50M', '100M', false],
    ['quantity_compare_to', '200M', '0.2G', 0n],
    ['quantity_compare_to', '50M', '50Mi', -1n],
    ['quantity_compare_to', '50Mi', '50M', 1n],
  ])('%s(%s, %s)', (id, a, b, want) => expect(call(L, id, q(a), q(b))).toBe(want));
  it('add/sub', () => {
    expect(eq(call(L, 'quantity_add', q('50k'), q('20')), q('50.02k'))).toBe(true);
    expect(call(L, 'quantity_is_less_than', call(L, 'quantity_add_int', q('50k'), 20n), q('50020'))).toBe(false);
    expect(eq(call(L, 'quantity_sub', q('50k'), q('20')), q('49.98k'))).toBe(true);
    expect(eq(call(L, 'quantity_sub_int', q('50k'), 20n), q('49980'))).toBe(true);
    const chain = call(L, 'quantity_sub', call(L, 'quantity_add_int', q('50k'), 20n), q('100k'));
    expect(call(L, 'quantity_get_int', chain)).toBe(-49980n);
    expect(call(L, 'quantity_get_int', call(L, 'quantity_sub_int', chain, -50000n))).toBe(20n);
  });
  it('as_integer / is_integer / as_float', () => {
    expect(call(L, 'quantity_get_int', q('50k'))).toBe(50000n);
    expect(errorText(call(L, 'quantity_get_int', q('9999999999999999999999999999999999999G')))).toBe('cannot convert value to integer');
    expect(call(L, 'quantity_is_integer', q('9999999999999999999999999999999999999G'))).toBe(false);
    expect(call(L, 'quantity_is_integer', q('50'))).toBe(true);
    expect(call(L, 'quantity_get_float', q('50.703k'))).toBe(50703);
  });
});

describe('OBSERVED.md quantity facts', () => {
  it('1.5Gi.asInteger() fails although whole; 1.5k and 2Gi work', () => {
    expect(errorText(call(L, 'quantity_get_int', q('1.5Gi')))).toBe('cannot convert value to integer');
    expect(call(L, 'quantity_get_int', q('1.5k'))).toBe(1500n);
    expect(call(L, 'quantity_get_int', q('2Gi'))).toBe(2147483648n);
    expect(errorText(call(L, 'quantity_get_int', q('10E')))).toBe('cannot convert value to integer');
  });
  it('asApproximateFloat of 1Ki', () => expect(call(L, 'quantity_get_float', q('1Ki'))).toBe(1024));
  it('1Gi == 1024Mi', () => expect(eq(q('1Gi'), q('1024Mi'))).toBe(true));
  it('sign is global only, no string(quantity)', () => {
    const sign = L.functions!.find((f) => f.name === 'sign')!;
    expect(sign.overloads.every((o) => !o.member)).toBe(true);
    expect(L.functions!.some((f) => f.name === 'string')).toBe(false);
    expect(call(L, 'quantity_sign', q('-1m'))).toBe(-1n);
    expect(call(L, 'quantity_sign', q('0'))).toBe(0n);
  });
  it('quantity of a non-quantity string (qty-from-object)', () =>
    expect(errorText(q('x'))).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
  it('cost: string argument × 0.1, methods 1', () => {
    const o = L.functions!.find((f) => f.name === 'quantity')!.overloads[0];
    expect(o.cost!.runtime!(['1234567890123'], null)).toBe(2);
  });
});

describe('== on quantities from add/sub (upstream returns *Quantity there)', () => {
  it('value on the right is required', () => {
    const sum = call(L, 'quantity_add_int', q('1'), 1n) as QuantityValue;
    expect(sum.celEqualsOrError(q('2'))).toBe(true);
    expect(errorText((q('2') as QuantityValue).celEqualsOrError(sum) as CelValue)).toBe('no such overload');
    expect(errorText(sum.celEqualsOrError(call(L, 'quantity_sub_int', q('3'), 1n)) as CelValue)).toBe('no such overload');
  });
});
