// Label selectors: ports of apimachinery pkg/apis/meta/v1/helpers_test.go
// (TestLabelSelectorAsSelector) and pkg/labels/selector_test.go (TestRequirementConstructor,
// the operators' Matches), with the error texts of each release.
import { describe, expect, it } from 'vitest';
import { labelKeyErrors, labelSelectorMatches, parseLabelSelector } from '../../../../src/engine/admission/match/index.js';

describe('helpers_test.go TestLabelSelectorAsSelector', () => {
  it('nil selects nothing, {} everything', () => {
    expect(parseLabelSelector(null)).toEqual({ kind: 'nothing' });
    expect(parseLabelSelector(undefined)).toEqual({ kind: 'nothing' });
    expect(parseLabelSelector({})).toEqual({ kind: 'everything' });
    expect(labelSelectorMatches(null, { a: 'b' })).toBe(false);
    expect(labelSelectorMatches({}, {})).toBe(true);
  });
  it('matchLabels and matchExpressions are ANDed', () => {
    const s = { matchLabels: { foo: 'bar' }, matchExpressions: [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }] };
    expect(labelSelectorMatches(s, { foo: 'bar', baz: 'norf' })).toBe(true);
    expect(labelSelectorMatches(s, { foo: 'bar', baz: 'other' })).toBe(false);
    expect(labelSelectorMatches(s, { baz: 'qux' })).toBe(false);
  });
  it('Exists with values is an error', () => {
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'baz', operator: 'Exists', values: ['qux', 'norf'] }] }, {})).toEqual({
      error: 'values: Invalid value: ["qux","norf"]: values set must be empty for exists and does not exist',
    });
  });
});

describe('selector_test.go TestRequirementConstructor (through LabelSelector)', () => {
  const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });
  it('In / NotIn need values', () => {
    expect(labelSelectorMatches(expr('x1', 'In'), {})).toEqual({ error: "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty" });
    expect(labelSelectorMatches(expr('x2', 'NotIn', []), {})).toEqual({ error: "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty" });
    expect(labelSelectorMatches(expr('x3', 'In', ['foo']), { x3: 'foo' })).toBe(true);
    expect(labelSelectorMatches(expr('x4', 'NotIn', ['foo']), { x4: 'foo' })).toBe(false);
  });
  it('Exists / DoesNotExist take no values', () => {
    expect(labelSelectorMatches(expr('x6', 'Exists'), { x6: '' })).toBe(true);
    expect(labelSelectorMatches(expr('x7', 'DoesNotExist'), { x6: '' })).toBe(true);
    expect(labelSelectorMatches(expr('x8', 'Exists', ['foo']), {})).toEqual({ error: 'values: Invalid value: ["foo"]: values set must be empty for exists and does not exist' });
  });
  it('1.32 and 1.33 print the values with %#v', () => {
    expect(labelSelectorMatches(expr('x1', 'In'), {}, '1.33')).toEqual({ error: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty" });
    expect(labelSelectorMatches(expr('x8', 'Exists', ['foo', 'bar']), {}, '1.32')).toEqual({
      error: 'values: Invalid value: []string{"foo", "bar"}: values set must be empty for exists and does not exist',
    });
  });
  it('an unknown operator', () => {
    expect(labelSelectorMatches(expr('x', 'Gt', ['1']), {})).toEqual({ error: '"Gt" is not a valid label selector operator' });
    expect(labelSelectorMatches(expr('x', 'in', ['1']), {})).toEqual({ error: '"in" is not a valid label selector operator' });
  });
  it('invalid keys: texts of 1.36 and 1.34', () => {
    expect(labelSelectorMatches({ matchLabels: { 'key ': 'v' } }, {})).toEqual({
      error:
        "key: Invalid value: \"key \": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    });
    expect(labelKeyErrors('a/b/c', '1.36')[0]).toMatch(/^a valid label key must consist of/);
    expect(labelKeyErrors('a/b/c', '1.34')[0]).toMatch(/^a qualified name must consist of/);
    expect(labelKeyErrors('x'.repeat(64), '1.36')[0]).toBe('name part must be no more than 63 bytes');
    expect(labelKeyErrors('x'.repeat(64), '1.34')[0]).toBe('name part must be no more than 63 characters');
    expect(labelKeyErrors('/a', '1.36')).toEqual(['prefix part must be non-empty']);
    expect(labelKeyErrors('Example.com/a', '1.36')[0]).toBe(
      "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    expect(labelKeyErrors('example.com/a', '1.36')).toEqual([]);
  });
  it('several errors are aggregated in brackets', () => {
    const r = labelSelectorMatches({ matchExpressions: [{ key: 'bad key', operator: 'In', values: ['bad value'] }] }, {});
    expect(typeof r === 'object' && r.error.startsWith('[key: Invalid value: "bad key": ') && r.error.includes(', values[0][bad key]: Invalid value: "bad value": ')).toBe(true);
  });
});
