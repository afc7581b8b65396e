// Ported from apiserver pkg/cel/library/semver_test.go (TestSemver) and the semver sample.
import { describe, expect, it } from 'vitest';
import { SemverValue, semverLibrary } from '../../../../src/engine/cel/kubernetes/semver.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import { call, errorText } from './helpers.js';

const L = semverLibrary(1);
const sv = (s: string, n?: boolean): CelValue => (n === undefined ? call(L, 'string_to_semver', s) : call(L, 'string_bool_to_semver', s, n));

describe('TestSemver (semver_test.go)', () => {
  it('parse', () => expect(sv('1.2.3')).toBeInstanceOf(SemverValue));
  it('parse invalid', () => expect(errorText(sv('v1.0'))).toBe('No Major.Minor.Patch elements found'));
  it.each([
    ['1.2.3-beta.1+build.1', true],
    ['', false],
    ['v1.0.0', false],
    [' 1.0.0', false],
    ['1. 0.0', false],
    ['1.0.0 ', false],
    ['01.01.01', false],
    ['1', false],
    ['1.1', false],
    ['v1.2.3', false],
  ])('isSemver(%j) = %s', (s, want) => expect(call(L, 'is_semver_string', s)).toBe(want));
  it.each([
    ['', false],
    [' 1.0.0', false],
    ['1. 0.0', false],
    ['1.0.0 ', false],
    ['v1.0.0', true],
    ['01.01.01', true],
    ['1', true],
    ['1.1', true],
  ])('isSemver(%j, true) = %s', (s, want) => expect(call(L, 'is_semver_string_bool', s, true)).toBe(want));
  it('equality and ordering', () => {
    expect((sv('v01.01', true) as SemverValue).equals(sv('1.1.0') as SemverValue)).toBe(true);
    expect((sv('1.2.3') as SemverValue).equals(sv('1.2.3') as SemverValue)).toBe(true);
    expect((sv('1.2.3') as SemverValue).equals(sv('1.0.0') as SemverValue)).toBe(false);
    expect(call(L, 'semver_is_less_than', sv('1.0.0'), sv('1.2.3'))).toBe(true);
    expect(call(L, 'semver_is_less_than', sv('1.0.0'), sv('1.0.0'))).toBe(false);
    expect(call(L, 'semver_is_greater_than', sv('1.2.3'), sv('1.0.0'))).toBe(true);
    expect(call(L, 'semver_compare_to', sv('1.2.3'), sv('1.2.3'))).toBe(0n);
    expect(call(L, 'semver_compare_to', sv('1.0.0-alpha'), sv('1.0.0'))).toBe(-1n);
    expect(call(L, 'semver_compare_to', sv('1.0.0-alpha.1'), sv('1.0.0-alpha.beta'))).toBe(-1n);
    expect(call(L, 'semver_compare_to', sv('1.0.0-rc.1'), sv('1.0.0-beta.11'))).toBe(1n);
  });
  it('major/minor/patch', () => {
    expect(call(L, 'semver_major', sv('1.2.3'))).toBe(1n);
    expect(call(L, 'semver_minor', sv('1.2.3'))).toBe(2n);
    expect(call(L, 'semver_patch', sv('1.2.3'))).toBe(3n);
    expect(call(L, 'semver_minor', sv('v1.2', true))).toBe(2n);
  });
  it('blang/semver error texts', () => {
    expect(errorText(sv(''))).toBe('Version string empty');
    expect(errorText(sv('01.1.1'))).toBe('Major number must not contain leading zeroes "01"');
    expect(errorText(sv('1.x.1'))).toBe('Invalid character(s) found in minor number "x"');
    expect(errorText(sv('1.2.3-'))).toBe('Prerelease is empty');
    expect(errorText(sv('1.2.3-01'))).toBe('Numeric PreRelease version must not contain leading zeroes "01"');
    expect(errorText(sv('1.2.3+'))).toBe('Build meta data is empty');
    expect(errorText(sv('1.2-beta', true))).toBe('short version cannot contain PreRelease/Build meta data');
  });
  it('library version 0 has no normalize overloads', () => {
    const ids = semverLibrary(0).functions!.flatMap((f) => f.overloads.map((o) => o.id));
    expect(ids).not.toContain('string_bool_to_semver');
  });
});
