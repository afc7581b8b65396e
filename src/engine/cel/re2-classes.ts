// Character classes for the RE2 -> JavaScript translation (re2.ts): Go regexp/syntax's Perl
// (\d \s \w) and POSIX ([:alpha:]) groups, Unicode class names (\pL, \p{Greek}), simple case
// folding, and the emission of a class as JavaScript `u`-mode source.
// Facts: golang/go src/regexp/syntax/perl_groups.go (ASCII-only groups; \s is [\t\n\f\r ]),
// parse.go unicodeTable (Any, unicode.Categories, unicode.Scripts).

export type Range = readonly [number, number];
const MAX_RUNE = 0x10ffff;

/** A class under construction: code point ranges plus JavaScript property escapes. */
export interface ClassSet {
  ranges: Range[];
  props: string[];
}

const r = (a: string, b: string = a): Range => [a.codePointAt(0)!, b.codePointAt(0)!];

export const PERL_GROUPS: Record<string, { neg: boolean; ranges: Range[] }> = {
  '\\d': { neg: false, ranges: [r('0', '9')] },
  '\\D': { neg: true, ranges: [r('0', '9')] },
  '\\s': { neg: false, ranges: [[9, 10], [12, 13], [32, 32]] },
  '\\S': { neg: true, ranges: [[9, 10], [12, 13], [32, 32]] },
  '\\w': { neg: false, ranges: [r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')] },
  '\\W': { neg: true, ranges: [r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')] },
};

const POSIX: Record<string, Range[]> = {
  alnum: [r('0', '9'), r('A', 'Z'), r('a', 'z')],
  alpha: [r('A', 'Z'), r('a', 'z')],
  ascii: [[0, 0x7f]],
  blank: [[9, 9], [32, 32]],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [r('0', '9')],
  graph: [r('!', '~')],
  lower: [r('a', 'z')],
  print: [r(' ', '~')],
  punct: [r('!', '/'), r(':', '@'), r('[', '`'), r('{', '~')],
  space: [[9, 13], [32, 32]],
  upper: [r('A', 'Z')],
  word: [r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')],
  xdigit: [r('0', '9'), r('A', 'F'), r('a', 'f')],
};

/** `[:alpha:]` / `[:^alpha:]` -> its ranges and sign, or undefined for an unknown name. */
export function posixGroup(name: string): { neg: boolean; ranges: Range[] } | undefined {
  const m = /^\[:(\^?)([a-z]+):\]$/.exec(name);
  if (!m || !Object.hasOwn(POSIX, m[2])) return undefined;
  return { neg: m[1] === '^', ranges: POSIX[m[2]] };
}

export function complement(ranges: readonly Range[]): Range[] {
  const sorted = normalize(ranges);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (next <= lo - 1) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

export function normalize(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

// ---- Unicode classes ----

const GO_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

function jsAccepts(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * The JavaScript class items for a Go Unicode class name, or undefined when Go does not know it.
 * `neg` selects \P. Go's `C` is Cc|Cf|Co|Cs (no unassigned code points).
 */
export function unicodeClass(name: string, neg: boolean, fold: boolean): string[] | undefined {
  const p = neg ? 'P' : 'p';
  if (name === 'Any') return neg ? [] : ['\\u{0}-\\u{10ffff}'];
  if (GO_CATEGORIES.has(name)) {
    if (name === 'C') return neg ? undefined : ['\\p{Cc}', '\\p{Cf}', '\\p{Co}', '\\p{Cs}'];
    if (fold && (name === 'Lu' || name === 'Ll' || name === 'Lt')) return [`\\${p}{LC}`];
    return [`\\${p}{${name}}`];
  }
  if (/^[A-Z][A-Za-z_]*$/.test(name) && jsAccepts(`\\p{Script=${name}}`)) return [`\\${p}{Script=${name}}`];
  return undefined;
}

// ---- simple case folding (Go's unicode.SimpleFold orbits) ----

const FOLD_SPECIALS = [
  0x00b5, 0x017f, 0x0345, 0x03c2, 0x03d0, 0x03d1, 0x03d5, 0x03d6, 0x03f0, 0x03f1, 0x03f5, 0x1e9b, 0x1e9e, 0x1fbe,
  0x212a, 0x212b, 0x1c80, 0x1c81, 0x1c82, 0x1c83, 0x1c84, 0x1c85, 0x1c86, 0x1c87, 0x1c88, 0x2126,
];

function single(s: string): number | undefined {
  const c = s.codePointAt(0);
  return c !== undefined && String.fromCodePoint(c) === s ? c : undefined;
}

const orbitCache = new Map<number, number[]>();

/** The code points that match c case-insensitively (c included): Go's SimpleFold orbit. */
export function foldOrbit(c: number): number[] {
  // ASCII non-letters never fold
  if (c < 0x80 && !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return [c];
  const hit = orbitCache.get(c);
  if (hit) return hit;
  const ch = String.fromCodePoint(c);
  const cands = new Set<number>([c]);
  for (const s of [ch.toLowerCase(), ch.toUpperCase(), ch.toUpperCase().toLowerCase(), ch.toLowerCase().toUpperCase()]) {
    const x = single(s);
    if (x !== undefined) cands.add(x);
  }
  for (const s of FOLD_SPECIALS) cands.add(s);
  let out: number[] = [c];
  try {
    // JavaScript's `iu` matching uses Unicode simple case folding, whose classes are Go's orbits
    const re = new RegExp(`^\\u{${c.toString(16)}}$`, 'iu');
    out = [...cands].filter((x) => x === c || re.test(String.fromCodePoint(x)));
  } catch {
    out = [c];
  }
  if (orbitCache.size > 20000) orbitCache.clear();
  orbitCache.set(c, out);
  return out;
}

/** Adds the case-fold equivalents of small ranges (large ranges are kept as they are). */
export function foldRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    if (hi - lo > 4000) continue;
    for (let c = lo; c <= hi; c++) for (const f of foldOrbit(c)) if (f < lo || f > hi) out.push([f, f]);
  }
  return normalize(out);
}

// ---- emission ----

function cp(c: number): string {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return String.fromCharCode(c);
  return `\\u{${c.toString(16)}}`;
}

/** A single code point as a JavaScript pattern atom. */
export function emitChar(c: number): string {
  return cp(c);
}

export function emitClass(set: ClassSet, negate: boolean): string {
  const body = normalize(set.ranges)
    .map(([lo, hi]) => (lo === hi ? cp(lo) : `${cp(lo)}-${cp(hi)}`))
    .join('');
  return `[${negate ? '^' : ''}${body}${set.props.join('')}]`;
}
