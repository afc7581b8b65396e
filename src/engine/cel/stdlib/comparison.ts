// Ordering operators `_<_ _<=_ _>_ _>=_` (cel-go common/stdlib/standard.go; each type's Compare
// in common/types). Numbers order across int/uint/double at run time; a NaN operand is the error
// `NaN values cannot be ordered`; other kind mixes are `no such overload`.
import type { FunctionDecl } from '../decls.js';
import { T, type CelType } from '../types.js';
import { CelError, Duration, Timestamp, type CelValue } from '../values.js';
import { fn, global, type Impl } from './build.js';
import { minSizeCost } from './costs.js';
import { singleton } from './dispatch.js';
import { compareBytes, compareStrings, noSuchOverload } from './helpers.js';
import { asNum, compareNum } from './numeric.js';
import { compareTimestamps } from './timecore.js';

const nanError = () => new CelError('NaN values cannot be ordered');

/** cel-go's Compare: -1, 0, 1, or an error value. */
export function compare(l: CelValue, r: CelValue): number | CelError {
  const nl = asNum(l);
  if (nl) {
    if (nl.k === 'double' && Number.isNaN(nl.v)) return nanError();
    const nr = asNum(r);
    if (!nr) return noSuchOverload(r);
    const c = compareNum(nl, nr);
    return c === undefined ? nanError() : c;
  }
  if (typeof l === 'boolean') {
    if (typeof r !== 'boolean') return noSuchOverload(r);
    return l === r ? 0 : !l ? -1 : 1;
  }
  if (typeof l === 'string') return typeof r === 'string' ? compareStrings(l, r) : noSuchOverload(r);
  if (l instanceof Uint8Array) return r instanceof Uint8Array ? compareBytes(l, r) : noSuchOverload(r);
  if (l instanceof Timestamp) return r instanceof Timestamp ? compareTimestamps(l, r) : noSuchOverload(r);
  if (l instanceof Duration) {
    if (!(r instanceof Duration)) return noSuchOverload(r);
    return l.nanos < r.nanos ? -1 : l.nanos > r.nanos ? 1 : 0;
  }
  return noSuchOverload(l);
}

function relation(name: string, test: (c: number) => boolean): Impl {
  return singleton(name, 'comparer', (a) => {
    const c = compare(a[0], a[1]);
    return c instanceof CelError ? c : test(c);
  });
}

const OPS: readonly [string, string, (c: number) => boolean][] = [
  ['_<_', 'less', (c) => c < 0],
  ['_<=_', 'less_equals', (c) => c <= 0],
  ['_>_', 'greater', (c) => c > 0],
  ['_>=_', 'greater_equals', (c) => c >= 0],
];

// The order of cel-go's declarations (standard.go), with the id suffix of each signature.
const SIGS: readonly [string, CelType, CelType][] = [
  ['bool', T.bool, T.bool],
  ['int64', T.int, T.int],
  ['int64_double', T.int, T.double],
  ['int64_uint64', T.int, T.uint],
  ['uint64', T.uint, T.uint],
  ['uint64_double', T.uint, T.double],
  ['uint64_int64', T.uint, T.int],
  ['double', T.double, T.double],
  ['double_int64', T.double, T.int],
  ['double_uint64', T.double, T.uint],
  ['string', T.string, T.string],
  ['bytes', T.bytes, T.bytes],
  ['timestamp', T.timestamp, T.timestamp],
  ['duration', T.duration, T.duration],
];

/** Overload ids of the cross-type numeric comparisons (gated by cel.CrossTypeNumericComparisons). */
export const CROSS_TYPE_COMPARISON_IDS: ReadonlySet<string> = new Set(
  OPS.flatMap(([, prefix]) =>
    ['int64_double', 'int64_uint64', 'uint64_double', 'uint64_int64', 'double_int64', 'double_uint64'].map((s) => `${prefix}_${s}`),
  ),
);

export function comparisonFunctions(): FunctionDecl[] {
  return OPS.map(([name, prefix, test]) => {
    const impl = relation(name, test);
    return fn(
      name,
      SIGS.map(([suffix, l, r]) =>
        global(`${prefix}_${suffix}`, [l, r], T.bool, {
          impl,
          ...(suffix === 'string' || suffix === 'bytes' ? { cost: minSizeCost } : {}),
        }),
      ),
    );
  });
}
