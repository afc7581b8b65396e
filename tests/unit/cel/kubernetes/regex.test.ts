// apiserver pkg/cel/library/regex.go semantics: find / findAll (Go regexp FindString,
// FindAllString with n) and the `Illegal regex:` runtime error.
import { describe, expect, it } from 'vitest';
import { REGEX_OPTIMIZED_FUNCTIONS, goFindAll, regexLibrary } from '../../../../src/engine/cel/kubernetes/regex.js';
import { call, errorText } from './helpers.js';

const L = regexLibrary;

describe('regex library', () => {
  it('find', () => {
    expect(call(L, 'string_find_string', 'abc 123', '[0-9]+')).toBe('123');
    expect(call(L, 'string_find_string', 'abc', '[0-9]+')).toBe('');
  });
  it('findAll', () => {
    expect(call(L, 'string_find_all_string', '123 abc 456', '[0-9]+')).toEqual(['123', '456']);
    expect(call(L, 'string_find_all_string_int', '123 abc 456', '[0-9]+', 1n)).toEqual(['123']);
    expect(call(L, 'string_find_all_string_int', '123 abc 456', '[0-9]+', 0n)).toEqual([]);
    expect(call(L, 'string_find_all_string_int', '123 abc 456', '[0-9]+', -1n)).toEqual(['123', '456']);
    expect(call(L, 'string_find_all_string', 'abc', 'x')).toEqual([]);
  });
  it('Go skips an empty match right after a match', () => {
    expect(goFindAll(/a*/, 'baaab', -1)).toEqual(['', 'aaa', '']);
    expect(goFindAll(/x*/, 'ab', -1)).toEqual(['', '', '']);
  });
  it('invalid pattern at run time', () => {
    // the message after the prefix is re2.ts's (Go: `error parsing regexp: missing closing ]: \`[\``)
    expect(errorText(call(L, 'string_find_string', 'abc', '['))).toMatch(/^Illegal regex: error parsing regexp/);
    expect(errorText(call(L, 'string_find_all_string', 'abc', '('))).toMatch(/^Illegal regex: error parsing regexp/);
  });
  it('literal patterns are compiled when planning upstream', () => expect(REGEX_OPTIMIZED_FUNCTIONS.map((f) => f.function)).toEqual(['find', 'findAll']));
  it('cost: ceil((1+len)×0.1) × ceil(len(re)×0.25)', () => {
    const o = L.functions![0].overloads[0];
    expect(o.cost!.runtime!(['a'.repeat(19), '[0-9]+'], '')).toBe(2 * 2);
  });
});
