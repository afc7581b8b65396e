// Kubernetes semver library (apiserver pkg/cel/library/semverlib.go, pkg/cel/semver.go) with
// blang/semver v4 parsing: semver(s[, normalize]), isSemver(s[, normalize]), isGreaterThan,
// isLessThan, compareTo, major, minor, patch. Library version 1 (Kubernetes 1.33+) has the
// normalize overloads.
import type { Library } from '../decls.js';
import { T } from '../types.js';
import { CelError, OpaqueValue } from '../values.js';
import type { CelValue } from '../values.js';
import { K8S_TYPES, fixedCost, noSuchOverload, stringArgCost } from './common.js';

interface PR {
  readonly num?: bigint;
  readonly str?: string;
}
export interface Semver {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: readonly PR[];
  readonly build: readonly string[];
}

const NUMBERS = /^[0-9]*$/;
const ALNUM = /^[0-9A-Za-z-]*$/;
const q = (s: string): string => JSON.stringify(s);
const leadingZero = (s: string): boolean => s.length > 1 && s[0] === '0';
const U64_MAX = (1n << 64n) - 1n;

function parseUint(s: string): bigint | string {
  if (!/^[0-9]+$/.test(s)) return `strconv.ParseUint: parsing ${q(s)}: invalid syntax`;
  const v = BigInt(s);
  return v > U64_MAX ? `strconv.ParseUint: parsing ${q(s)}: value out of range` : v;
}

/** blang/semver v4 Parse: the version or the error text */
export function parseSemver(s: string): Semver | string {
  if (s.length === 0) return 'Version string empty';
  const parts = splitN(s, '.', 3);
  if (parts.length !== 3) return 'No Major.Minor.Patch elements found';
  if (!NUMBERS.test(parts[0])) return `Invalid character(s) found in major number ${q(parts[0])}`;
  if (leadingZero(parts[0])) return `Major number must not contain leading zeroes ${q(parts[0])}`;
  const major = parseUint(parts[0]);
  if (typeof major === 'string') return major;
  if (!NUMBERS.test(parts[1])) return `Invalid character(s) found in minor number ${q(parts[1])}`;
  if (leadingZero(parts[1])) return `Minor number must not contain leading zeroes ${q(parts[1])}`;
  const minor = parseUint(parts[1]);
  if (typeof minor === 'string') return minor;
  let patchStr = parts[2];
  let build: string[] = [];
  let prerelease: string[] = [];
  const b = patchStr.indexOf('+');
  if (b !== -1) {
    build = patchStr.slice(b + 1).split('.');
    patchStr = patchStr.slice(0, b);
  }
  const p = patchStr.indexOf('-');
  if (p !== -1) {
    prerelease = patchStr.slice(p + 1).split('.');
    patchStr = patchStr.slice(0, p);
  }
  if (!NUMBERS.test(patchStr)) return `Invalid character(s) found in patch number ${q(patchStr)}`;
  if (leadingZero(patchStr)) return `Patch number must not contain leading zeroes ${q(patchStr)}`;
  const patch = parseUint(patchStr);
  if (typeof patch === 'string') return patch;
  const pre: PR[] = [];
  for (const s1 of prerelease) {
    if (s1.length === 0) return 'Prerelease is empty';
    if (NUMBERS.test(s1)) {
      if (leadingZero(s1)) return `Numeric PreRelease version must not contain leading zeroes ${q(s1)}`;
      const n = parseUint(s1);
      if (typeof n === 'string') return n;
      pre.push({ num: n });
    } else if (ALNUM.test(s1)) pre.push({ str: s1 });
    else return `Invalid character(s) found in prerelease ${q(s1)}`;
  }
  for (const s1 of build) {
    if (s1.length === 0) return 'Build meta data is empty';
    if (!ALNUM.test(s1)) return `Invalid character(s) found in build meta data ${q(s1)}`;
  }
  return { major, minor, patch, pre, build };
}

function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  out.push(rest);
  return out;
}

/** semverlib normalizeAndParse: strip `v`, leading zeros, fill missing minor/patch */
export function normalizeAndParseSemver(s0: string): Semver | string {
  const s = s0.startsWith('v') ? s0.slice(1) : s0;
  const parts = splitN(s, '.', 3).map((p) => {
    if (p.length <= 1) return p;
    let t = p.replace(/^0+/, '');
    if (t.length === 0 || !/^[0-9]/.test(t)) t = '0' + t;
    return t;
  });
  if (parts.length < 3) {
    if (/[+-]/.test(parts[parts.length - 1])) return 'short version cannot contain PreRelease/Build meta data';
    while (parts.length < 3) parts.push('0');
  }
  return parseSemver(parts.join('.'));
}

const cmpBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
/** Version.Compare (build metadata ignored) */
export function compareSemver(a: Semver, b: Semver): number {
  const c = cmpBig(a.major, b.major) || cmpBig(a.minor, b.minor) || cmpBig(a.patch, b.patch);
  if (c) return c;
  if (a.pre.length === 0 && b.pre.length === 0) return 0;
  if (a.pre.length === 0) return 1;
  if (b.pre.length === 0) return -1;
  for (let i = 0; i < a.pre.length && i < b.pre.length; i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    let r: number;
    if (x.num !== undefined && y.num === undefined) r = -1;
    else if (x.num === undefined && y.num !== undefined) r = 1;
    else if (x.num !== undefined && y.num !== undefined) r = cmpBig(x.num, y.num);
    else r = x.str! === y.str! ? 0 : x.str! > y.str! ? 1 : -1;
    if (r) return r;
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length < b.pre.length ? -1 : 1;
}

export class SemverValue extends OpaqueValue {
  readonly celType = K8S_TYPES.semver;
  constructor(readonly version: Semver) {
    super();
  }
  equals(other: OpaqueValue): boolean {
    return other instanceof SemverValue && compareSemver(this.version, other.version) === 0;
  }
}

const S = K8S_TYPES.semver;
const toSemver = (s: CelValue, n: CelValue): CelValue => {
  if (typeof s !== 'string') return noSuchOverload(s);
  if (typeof n !== 'boolean') return noSuchOverload(s);
  const v = n ? normalizeAndParseSemver(s) : parseSemver(s);
  return typeof v === 'string' ? new CelError(v) : new SemverValue(v);
};
const isSemver = (s: CelValue, n: CelValue): CelValue => {
  if (typeof s !== 'string') return noSuchOverload(s);
  if (typeof n !== 'boolean') return noSuchOverload(s);
  return typeof (n ? normalizeAndParseSemver(s) : parseSemver(s)) !== 'string';
};
const cmpOp = (id: string, result: typeof T.int, f: (c: number) => CelValue) => ({
  id,
  member: true,
  params: [S, S],
  result,
  impl: ([a, b]: readonly CelValue[]) =>
    a instanceof SemverValue ? (b instanceof SemverValue ? f(compareSemver(a.version, b.version)) : noSuchOverload(a)) : noSuchOverload(a),
  cost: fixedCost(1),
});
const part = (id: string, f: (v: Semver) => bigint) => ({
  id,
  member: true,
  params: [S],
  result: T.int,
  impl: ([a]: readonly CelValue[]) => (a instanceof SemverValue ? BigInt.asIntN(64, f(a.version)) : noSuchOverload(a)),
  cost: fixedCost(1),
});

/** The semver library of the given library version (1 = with normalize overloads). */
export function semverLibrary(libVersion = 1): Library {
  const normalize = libVersion >= 1;
  return {
    name: 'kubernetes.Semver',
    functions: [
      {
        name: 'semver',
        overloads: [
          { id: 'string_to_semver', member: false, params: [T.string], result: S, impl: ([s]) => toSemver(s, false), cost: stringArgCost(0) },
          ...(normalize
            ? [{ id: 'string_bool_to_semver', member: false, params: [T.string, T.bool], result: S, impl: ([s, n]: readonly CelValue[]) => toSemver(s, n), cost: stringArgCost(0) }]
            : []),
        ],
      },
      {
        name: 'isSemver',
        overloads: [
          { id: 'is_semver_string', member: false, params: [T.string], result: T.bool, impl: ([s]) => isSemver(s, false), cost: stringArgCost(0) },
          ...(normalize
            ? [{ id: 'is_semver_string_bool', member: false, params: [T.string, T.bool], result: T.bool, impl: ([s, n]: readonly CelValue[]) => isSemver(s, n), cost: stringArgCost(0) }]
            : []),
        ],
      },
      { name: 'isGreaterThan', overloads: [cmpOp('semver_is_greater_than', T.bool, (c) => c === 1)] },
      { name: 'isLessThan', overloads: [cmpOp('semver_is_less_than', T.bool, (c) => c === -1)] },
      { name: 'compareTo', overloads: [cmpOp('semver_compare_to', T.int, (c) => BigInt(c))] },
      { name: 'major', overloads: [part('semver_major', (v) => v.major)] },
      { name: 'minor', overloads: [part('semver_minor', (v) => v.minor)] },
      { name: 'patch', overloads: [part('semver_patch', (v) => v.patch)] },
    ],
  };
}
