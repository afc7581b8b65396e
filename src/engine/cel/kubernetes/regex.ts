// Kubernetes regex library (apiserver pkg/cel/library/regex.go): <string>.find(re),
// <string>.findAll(re[, n]) with RE2 (Go regexp) semantics. A pattern that fails to compile at
// run time is `Illegal regex: error parsing regexp: …`; with a literal pattern upstream compiles
// at program planning (RegexOptimization) and fails there without the prefix: planners should
// treat the functions in REGEX_OPTIMIZED_FUNCTIONS (argument 1) that way.
import type { Library, OverloadCost } from '../decls.js';
import { T } from '../types.js';
import { CelError } from '../values.js';
import type { CelValue } from '../values.js';
import { REGEX_STRING_LENGTH_COST_FACTOR, STRING_TRAVERSAL_COST_FACTOR, actualSize, argSize, costMul, noSuchOverload, sizeTimes } from './common.js';
import { compileRe2 } from '../re2.js';

/** Functions whose literal pattern (argument index 1, receiver first) upstream compiles when the
 * program is planned; a failure is `program instantiation failed: <error>`. */
export const REGEX_OPTIMIZED_FUNCTIONS: readonly { readonly function: string; readonly regexIndex: number }[] = [
  { function: 'find', regexIndex: 1 },
  { function: 'findAll', regexIndex: 1 },
];

function compile(pattern: string): RegExp | CelError {
  const re = compileRe2(pattern);
  if (re instanceof CelError) return new CelError('Illegal regex: ' + re.message);
  return re;
}

/** Go Regexp.FindAllString(s, n) (n < 0: all): empty matches right after a match are skipped. */
export function goFindAll(re: RegExp, s: string, n: number): string[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const out: string[] = [];
  let pos = 0;
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && pos <= s.length) {
    g.lastIndex = pos;
    const m = g.exec(s);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    let accept = true;
    if (end === start) {
      if (start === prevEnd) accept = false;
      const cp = s.codePointAt(start);
      pos = start + (cp !== undefined && cp > 0xffff ? 2 : 1);
    } else {
      pos = end;
    }
    prevEnd = end;
    if (accept) out.push(m[0]);
  }
  return out;
}

function findCost(): OverloadCost {
  return {
    runtime: (args) => {
      const strCost = Math.ceil((1 + actualSize(args[0])) * STRING_TRAVERSAL_COST_FACTOR);
      const regexCost = Math.ceil(actualSize(args[1]) * REGEX_STRING_LENGTH_COST_FACTOR);
      return strCost * regexCost;
    },
    estimate: (input) => {
      const sz = argSize(input, 0);
      const strCost = sizeTimes({ min: sz.min + 1, max: sz.max + 1 }, STRING_TRAVERSAL_COST_FACTOR);
      const regexCost = sizeTimes(argSize(input, 1), REGEX_STRING_LENGTH_COST_FACTOR);
      return { cost: costMul(strCost, regexCost), resultSize: { min: 0, max: sz.max } };
    },
  };
}

export function find(str: CelValue, pattern: CelValue): CelValue {
  if (typeof str !== 'string') return noSuchOverload(str);
  if (typeof pattern !== 'string') return noSuchOverload(pattern);
  const re = compile(pattern);
  if (re instanceof CelError) return re;
  return goFindAll(re, str, 1)[0] ?? '';
}

export function findAll(str: CelValue, pattern: CelValue, n: CelValue = -1n): CelValue {
  if (typeof str !== 'string') return noSuchOverload(str);
  if (typeof pattern !== 'string') return noSuchOverload(pattern);
  if (typeof n !== 'bigint') return noSuchOverload(n);
  const re = compile(pattern);
  if (re instanceof CelError) return re;
  const limit = n < 0n ? -1 : n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
  return goFindAll(re, str, limit);
}

export const regexLibrary: Library = {
  name: 'kubernetes.regex',
  functions: [
    {
      name: 'find',
      overloads: [{ id: 'string_find_string', member: true, params: [T.string, T.string], result: T.string, impl: ([s, r]) => find(s, r), cost: findCost() }],
    },
    {
      name: 'findAll',
      overloads: [
        { id: 'string_find_all_string', member: true, params: [T.string, T.string], result: T.list(T.string), impl: ([s, r]) => findAll(s, r), cost: findCost() },
        {
          id: 'string_find_all_string_int',
          member: true,
          params: [T.string, T.string, T.int],
          result: T.list(T.string),
          impl: ([s, r, n]) => findAll(s, r, n),
          cost: findCost(),
        },
      ],
    },
  ],
};
