// RE2 (Go regexp/syntax, Perl flags) -> JavaScript RegExp (`u` flag) translation and validation.
//
// The parser follows the order of golang/go src/regexp/syntax/parse.go so that the first error
// found, its code and the quoted text are Go's (`error parsing regexp: missing closing ]: \`[\``).
// The emitted JavaScript never relies on JS flags other than `u`: `.` (no newline unless (?s)),
// `^`/`$` (text anchors; line anchors under (?m) as look-arounds on "\n" only), \d \s \w
// (ASCII), case folding (expanded per character), and (?U) are all spelled out.
// Unsupported by this translation (Go limits rarely reached): `expression too large`.
import { CelError } from './values.js';
import { Re2Error, parseEscape } from './re2-escape.js';
import {
  PERL_GROUPS,
  complement,
  emitChar,
  emitClass,
  foldOrbit,
  foldRanges,
  posixGroup,
  unicodeClass,
  type ClassSet,
  type Range,
} from './re2-classes.js';

const MAX_REPEAT = 1000;
const MAX_HEIGHT = 1000;

interface Flags {
  fold: boolean; // (?i)
  dotNL: boolean; // (?s)
  oneLine: boolean; // default; (?m) clears it
  nonGreedy: boolean; // (?U)
}

/** A repetition node ({n,m}) with the repetitions nested inside it, for repeatIsValid. */
interface RepNode {
  readonly m: number;
  readonly children: readonly RepNode[];
}

interface Item {
  src: string;
  /** can take a quantifier without a (?:…) wrapper */
  atom: boolean;
  reps: readonly RepNode[];
  height: number;
}

interface Frame {
  alts: Item[][];
  items: Item[];
  capture: boolean;
  outerFlags: Flags;
}


function repeatIsValid(node: RepNode, n: number): boolean {
  const m = node.m;
  if (m === 0) return true;
  if (m > n) return false;
  const rest = Math.floor(n / m);
  for (const c of node.children) if (!repeatIsValid(c, rest)) return false;
  return true;
}



class Translator {
  private pos = 0;
  private flags: Flags = { fold: false, dotNL: false, oneLine: true, nonGreedy: false };
  private readonly frames: Frame[] = [{ alts: [], items: [], capture: false, outerFlags: this.flags }];
  /** start index of the previous repetition operator, if the previous token was one */
  private lastRepeat = -1;

  constructor(private readonly s: string) {}

  private get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private push(src: string, atom = true): void {
    this.frame.items.push({ src, atom, reps: [], height: 1 });
  }

  private literal(c: number): void {
    if (this.flags.fold) {
      const orbit = foldOrbit(c);
      if (orbit.length > 1) {
        this.push(emitClass({ ranges: orbit.map((x): Range => [x, x]), props: [] }, false));
        return;
      }
    }
    this.push(emitChar(c));
  }

  private nextRune(i: number): [number, number] {
    const c = this.s.codePointAt(i)!;
    return [c, i + (c > 0xffff ? 2 : 1)];
  }

  translate(): string {
    const s = this.s;
    while (this.pos < s.length) {
      let repeatStart = -1;
      const ch = s[this.pos];
      switch (ch) {
        case '(':
          if (s[this.pos + 1] === '?') this.parsePerlFlags();
          else {
            this.openGroup(true, this.flags);
            this.pos++;
          }
          break;
        case '|':
          this.frame.alts.push(this.frame.items);
          this.frame.items = [];
          this.pos++;
          break;
        case ')':
          this.closeGroup();
          this.pos++;
          break;
        case '^':
          this.push(this.flags.oneLine ? '^' : '(?<![^\\n])', false);
          this.pos++;
          break;
        case '$':
          this.push(this.flags.oneLine ? '$' : '(?![^\\n])', false);
          this.pos++;
          break;
        case '.':
          this.push(this.flags.dotNL ? '[\\u{0}-\\u{10ffff}]' : '[^\\n]');
          this.pos++;
          break;
        case '[':
          this.parseClass();
          break;
        case '*':
        case '+':
        case '?': {
          const before = this.pos;
          repeatStart = before;
          this.repeat(ch, 0, 0, before, before + 1);
          break;
        }
        case '{': {
          const before = this.pos;
          const rep = this.parseRepeat(before);
          if (!rep) {
            this.literal(0x7b);
            this.pos++;
            break;
          }
          const [min, max, after] = rep;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            throw new Re2Error('invalid repeat count', s.slice(before, after));
          }
          repeatStart = before;
          this.repeat('{', min, max, before, after);
          break;
        }
        case '\\':
          this.parseBackslash();
          break;
        default: {
          const [c, next] = this.nextRune(this.pos);
          this.literal(c);
          this.pos = next;
        }
      }
      this.lastRepeat = repeatStart;
    }
    if (this.frames.length !== 1) throw new Re2Error('missing closing )', s);
    const root = this.frame;
    const src = [...root.alts, root.items].map((items) => items.map((i) => i.src).join('')).join('|');
    let height = 1;
    for (const items of [...root.alts, root.items]) for (const i of items) height = Math.max(height, i.height);
    if (height > MAX_HEIGHT) throw new Re2Error('expression nests too deeply', s);
    return src;
  }

  private openGroup(capture: boolean, outerFlags: Flags): void {
    this.frames.push({ alts: [], items: [], capture, outerFlags });
  }

  private closeGroup(): void {
    if (this.frames.length < 2) throw new Re2Error('unexpected )', this.s);
    const f = this.frames.pop()!;
    const all = [...f.alts, f.items];
    const body = all.map((items) => items.map((i) => i.src).join('')).join('|');
    const items = all.flat();
    this.flags = f.outerFlags;
    this.frame.items.push({
      src: f.capture ? `(${body})` : `(?:${body})`,
      atom: true,
      reps: items.flatMap((i) => i.reps),
      height: 1 + items.reduce((h, i) => Math.max(h, i.height), 0),
    });
  }

  /** p.repeat: `op` is '*', '+', '?' or '{'; [before, after) is the operator's text. */
  private repeat(op: string, min: number, max: number, before: number, after: number): void {
    let nonGreedy = this.flags.nonGreedy;
    if (this.s[after] === '?') {
      after++;
      nonGreedy = !nonGreedy;
    }
    if (this.lastRepeat >= 0) throw new Re2Error('invalid nested repetition operator', this.s.slice(this.lastRepeat, after));
    const items = this.frame.items;
    if (items.length === 0) throw new Re2Error('missing argument to repetition operator', this.s.slice(before, after));
    const sub = items[items.length - 1];
    let reps = sub.reps;
    let q: string;
    if (op === '{') {
      const node: RepNode = { m: max === -1 ? min : max, children: sub.reps };
      reps = [node];
      if ((min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
        throw new Re2Error('invalid repeat count', this.s.slice(before, after));
      }
      q = max === -1 ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`;
    } else q = op;
    const base = sub.atom ? sub.src : `(?:${sub.src})`;
    items[items.length - 1] = { src: base + q + (nonGreedy ? '?' : ''), atom: false, reps, height: sub.height + 1 };
    this.pos = after;
  }

  /** parseRepeat: {n}, {n,}, {n,m}; undefined when the text is not of that form. */
  private parseRepeat(start: number): [number, number, number] | undefined {
    const m = /^\{(0|[1-9][0-9]*)(?:(,)(0|[1-9][0-9]*)?)?\}/.exec(this.s.slice(start));
    if (!m) return undefined;
    const num = (t: string) => (t.length > 9 || Number(t) >= 1e9 ? -1 : Number(t)); // Go's parseInt gives up at 1e8+
    let min = num(m[1]);
    let max = m[2] ? (m[3] === undefined ? -1 : num(m[3])) : min;
    if (m[2] && m[3] !== undefined && max < 0) min = -1;
    if (!m[2]) max = min;
    return [min, max, start + m[0].length];
  }

  private parsePerlFlags(): void {
    const s = this.s;
    const start = this.pos;
    const t = s.slice(start);
    const startsWithP = t.length > 4 && t[2] === 'P' && t[3] === '<';
    const startsWithName = t.length > 3 && t[2] === '<';
    if (startsWithP || startsWithName) {
      const exprStart = startsWithP ? 4 : 3;
      const end = t.indexOf('>');
      if (end < 0) throw new Re2Error('invalid named capture', t);
      const name = t.slice(exprStart, end);
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Re2Error('invalid named capture', t.slice(0, end + 1));
      this.openGroup(true, this.flags);
      this.pos = start + end + 1;
      return;
    }
    let i = start + 2;
    const flags = { ...this.flags };
    let neg = false;
    let sawFlag = false;
    while (i < s.length) {
      const c = s[i];
      i++;
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        const on = !neg;
        if (c === 'i') flags.fold = on;
        else if (c === 'm') flags.oneLine = !on;
        else if (c === 's') flags.dotNL = on;
        else flags.nonGreedy = on;
        sawFlag = true;
        continue;
      }
      if (c === '-') {
        if (neg) break;
        neg = true;
        sawFlag = false;
        continue;
      }
      if (c === ':' || c === ')') {
        if (neg && !sawFlag) break;
        if (c === ':') this.openGroup(false, this.flags);
        this.flags = flags;
        this.pos = i;
        return;
      }
      break;
    }
    throw new Re2Error('invalid or unsupported Perl syntax', s.slice(start, i));
  }

  private parseBackslash(): void {
    const s = this.s;
    const start = this.pos;
    const c1 = s[start + 1];
    switch (c1) {
      case 'A':
        this.push('^', false);
        this.pos += 2;
        return;
      case 'z':
        this.push('$', false);
        this.pos += 2;
        return;
      case 'b':
        this.push('\\b', false);
        this.pos += 2;
        return;
      case 'B':
        this.push('\\B', false);
        this.pos += 2;
        return;
      case 'C':
        throw new Re2Error('invalid escape sequence', '\\C');
      case 'Q': {
        const end = s.indexOf('\\E', start + 2);
        const lit = end < 0 ? s.slice(start + 2) : s.slice(start + 2, end);
        for (const ch of lit) this.literal(ch.codePointAt(0)!);
        this.pos = end < 0 ? s.length : end + 2;
        return;
      }
    }
    if (c1 === 'p' || c1 === 'P') {
      const set: ClassSet = { ranges: [], props: [] };
      this.pos = this.parseUnicodeClass(start, set);
      this.push(emitClass(set, false));
      return;
    }
    const perl = PERL_GROUPS[s.slice(start, start + 2)];
    if (perl) {
      this.push(this.perlClass(perl.neg, perl.ranges));
      this.pos += 2;
      return;
    }
    const [c, next] = parseEscape(this.s, start);
    this.literal(c);
    this.pos = next;
  }

  private perlClass(neg: boolean, ranges: readonly Range[]): string {
    const rs = this.flags.fold ? foldRanges(ranges) : [...ranges];
    return emitClass({ ranges: neg ? complement(rs) : rs, props: [] }, false);
  }


  /** \pX, \p{Name}, \PX, \p{^Name} at s[i]; adds to set and returns the index after it. */
  private parseUnicodeClass(i: number, set: ClassSet): number {
    const s = this.s;
    let neg = s[i + 1] === 'P';
    let seq: string;
    let name: string;
    let end: number;
    if (s[i + 2] !== '{') {
      end = i + 2 < s.length ? this.nextRune(i + 2)[1] : i + 2;
      seq = s.slice(i, end);
      name = seq.slice(2);
    } else {
      const close = s.indexOf('}', i);
      if (close < 0) throw new Re2Error('invalid character class range', s.slice(i));
      end = close + 1;
      seq = s.slice(i, end);
      name = s.slice(i + 3, close);
    }
    if (name.startsWith('^')) {
      neg = !neg;
      name = name.slice(1);
    }
    const items = unicodeClass(name, neg, this.flags.fold);
    if (!items) throw new Re2Error('invalid character class range', seq);
    set.props.push(...items);
    return end;
  }

  /** parseClassChar: a class character (escapes allowed) at s[i]; missing ] at the end. */
  private parseClassChar(i: number, classStart: number): [number, number] {
    if (i >= this.s.length) throw new Re2Error('missing closing ]', this.s.slice(classStart));
    if (this.s[i] === '\\') return parseEscape(this.s, i);
    return this.nextRune(i);
  }

  private parseClass(): void {
    const s = this.s;
    const classStart = this.pos;
    let t = classStart + 1;
    let negate = false;
    if (s[t] === '^') {
      negate = true;
      t++;
    }
    const set: ClassSet = { ranges: [], props: [] };
    const add = (ranges: readonly Range[]) => set.ranges.push(...(this.flags.fold ? foldRanges(ranges) : ranges));
    let first = true;
    while (t >= s.length || s[t] !== ']' || first) {
      first = false;
      if (s[t] === '[' && s[t + 1] === ':' && t + 2 < s.length) {
        const close = s.indexOf(':]', t + 2);
        if (close >= 0) {
          const name = s.slice(t, close + 2);
          const g = posixGroup(name);
          if (!g) throw new Re2Error('invalid character class range', name);
          const rs = this.flags.fold ? foldRanges(g.ranges) : g.ranges;
          set.ranges.push(...(g.neg ? complement(rs) : rs));
          t = close + 2;
          continue;
        }
      }
      if (s[t] === '\\' && (s[t + 1] === 'p' || s[t + 1] === 'P')) {
        t = this.parseUnicodeClass(t, set);
        continue;
      }
      const perl = s[t] === '\\' ? PERL_GROUPS[s.slice(t, t + 2)] : undefined;
      if (perl) {
        const rs = this.flags.fold ? foldRanges(perl.ranges) : perl.ranges;
        set.ranges.push(...(perl.neg ? complement(rs) : rs));
        t += 2;
        continue;
      }
      const rng = t;
      let lo: number;
      [lo, t] = this.parseClassChar(t, classStart);
      let hi = lo;
      if (t + 1 < s.length && s[t] === '-' && s[t + 1] !== ']') {
        [hi, t] = this.parseClassChar(t + 1, classStart);
        if (hi < lo) throw new Re2Error('invalid character class range', s.slice(rng, t));
      }
      add([[lo, hi]]);
    }
    this.pos = t + 1;
    this.push(emitClass(set, negate));
  }
}

/** Translates an RE2 pattern to JavaScript source for `new RegExp(source, 'u')`, or Go's error. */
export function translateRe2(pattern: string): string | CelError {
  try {
    return new Translator(pattern).translate();
  } catch (e) {
    if (e instanceof Re2Error) return new CelError(`error parsing regexp: ${e.code}: \`${e.expr}\``);
    return new CelError(`error parsing regexp: regexp/syntax: internal error: \`${pattern}\``);
  }
}

const cache = new Map<string, RegExp | CelError>();
const CACHE_LIMIT = 500;

/**
 * Compiles an RE2 pattern (Go regexp.Compile) into a JavaScript RegExp with the `u` flag, or a
 * CelError with Go's message. Results are cached; the returned RegExp has no `g`/`y` flag (make a
 * new RegExp(re.source, 'gu') to iterate).
 */
export function compileRe2(pattern: string): RegExp | CelError {
  const hit = cache.get(pattern);
  // errors are values that get labelled with an expression id: hand out a fresh one each time
  if (hit) return hit instanceof CelError ? new CelError(hit.message) : hit;
  const src = translateRe2(pattern);
  let out: RegExp | CelError;
  if (src instanceof CelError) out = src;
  else {
    try {
      out = new RegExp(src, 'u');
    } catch {
      out = new CelError(`error parsing regexp: regexp/syntax: internal error: \`${pattern}\``);
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, out);
  return out instanceof CelError ? new CelError(out.message) : out;
}
