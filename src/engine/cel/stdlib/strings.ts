// contains, startsWith, endsWith, matches (cel-go common/stdlib/standard.go and
// common/types/string.go). `matches` compiles its pattern as Go's regexp (RE2 syntax) and
// searches (unanchored); invalid patterns are errors with Go's regexp/syntax text.
import type { FunctionDecl } from '../decls.js';
import { T } from '../types.js';
import { CelError, type CelValue } from '../values.js';
import { fn, global, member, type Impl } from './build.js';
import { containsCost, matchesCost, traversalCost } from './costs.js';
import { singleton } from './dispatch.js';
import { noSuchOverload } from './helpers.js';
import { compileRe2 } from '../re2.js';

function stringPair(op: (s: string, t: string) => boolean): Impl {
  return (a) => {
    const [s, t] = a;
    if (typeof s !== 'string') return noSuchOverload(s);
    if (typeof t !== 'string') return noSuchOverload(t);
    return op(s, t);
  };
}

/** String.Match: Go's regexp.MatchString(pattern, s). */
export function matches(s: CelValue, pattern: CelValue): CelValue {
  if (typeof pattern !== 'string') return noSuchOverload(pattern);
  if (typeof s !== 'string') return noSuchOverload(s);
  const re = compileRe2(pattern);
  if (re instanceof CelError) return re;
  re.lastIndex = 0;
  return re.test(s);
}

const containsImpl = stringPair((s, t) => s.includes(t));
const startsWithImpl = stringPair((s, t) => s.startsWith(t));
const endsWithImpl = stringPair((s, t) => s.endsWith(t));
const matchesImpl: Impl = singleton('matches', 'matcher', (a) => matches(a[0], a[1]));

export function stringFunctions(): FunctionDecl[] {
  const { string, bool } = T;
  return [
    fn('contains', [member('contains_string', [string, string], bool, { impl: containsImpl, cost: containsCost })]),
    fn('endsWith', [member('ends_with_string', [string, string], bool, { impl: endsWithImpl, cost: traversalCost(0, 1) })]),
    fn('startsWith', [
      member('starts_with_string', [string, string], bool, { impl: startsWithImpl, cost: traversalCost(0, 1) }),
    ]),
    fn('matches', [
      global('matches', [string, string], bool, { impl: matchesImpl }),
      member('matches_string', [string, string], bool, { impl: matchesImpl, cost: matchesCost }),
    ]),
  ];
}
