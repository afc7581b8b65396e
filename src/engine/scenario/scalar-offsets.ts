// Where each character of a YAML string scalar's value comes from in the source text.
// Covers plain, single-quoted and double-quoted flow scalars (line folding, '' and backslash
// escapes) and literal / folded block scalars (indentation, chomping, folding), so that an
// offset inside a CEL expression can be turned back into a place in the YAML file.

export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** For every UTF-16 unit of the value: [start, end) in the source text. */
export interface ScalarOffsets {
  readonly value: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

class Builder {
  value = '';
  starts: number[] = [];
  ends: number[] = [];
  push(s: string, start: number, end: number): void {
    for (let i = 0; i < s.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    this.value += s;
  }
  pop(): void {
    this.value = this.value.slice(0, -1);
    this.starts.pop();
    this.ends.pop();
  }
  done(): ScalarOffsets {
    return { value: this.value, starts: Int32Array.from(this.starts), ends: Int32Array.from(this.ends) };
  }
}

interface Line {
  /** offset of the first character of the line */
  readonly start: number;
  /** offset just past the last character (before the line break) */
  readonly end: number;
  /** offset of the line break ending it, or -1 for the last line */
  readonly brk: number;
  /** length of the line break (1 or 2 for \r\n) */
  readonly brkLen: number;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const len = c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      lines.push({ start, end: i, brk: i, brkLen: len });
      i += len - 1;
      start = i + 1;
    }
  }
  lines.push({ start, end: to, brk: -1, brkLen: 0 });
  return lines;
}

const isWhite = (c: string | undefined) => c === ' ' || c === '\t';

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/**
 * Flow scalars (plain, 'single', "double"): `from`/`to` delimit the scalar's content in the text
 * (inside the quotes for quoted styles).
 */
function flowScalar(text: string, from: number, to: number, style: ScalarStyle): ScalarOffsets {
  const b = new Builder();
  const lines = splitLines(text, from, to);
  const quoted = style !== 'PLAIN';
  let pendingEmpty: number[] = []; // line breaks of empty lines since the last content
  let prevBreak = -1; // the break that ended the previous content line
  let prevEscaped = false; // the previous content line ended with an escaped line break
  for (let li = 0; li < lines.length; li++) {
    const ln = lines[li];
    const first = li === 0;
    const last = li === lines.length - 1;
    let s = ln.start;
    if (!first) while (s < ln.end && isWhite(text[s])) s++;
    if (!first && !last && s === ln.end) {
      pendingEmpty.push(ln.brk);
      continue;
    }
    let e = ln.end;
    let escaped = false;
    if (last && quoted) {
      // trailing white space before the closing quote is content
    } else {
      while (e > s && isWhite(text[e - 1])) e--;
      if (!last && style === 'QUOTE_DOUBLE' && e > s && text[e - 1] === '\\' && countBackslashes(text, s, e - 1) % 2 === 0) {
        escaped = true;
        e = e - 1;
        // white space before an escaped break stays content (it is left of e)
      }
    }
    if (!first) {
      if (prevEscaped) {
        for (const br of pendingEmpty) b.push('\n', br, br + 1);
      } else if (pendingEmpty.length > 0) {
        for (const br of pendingEmpty) b.push('\n', br, br + 1);
      } else if (prevBreak >= 0) {
        b.push(' ', prevBreak, prevBreak + 1);
      }
    }
    pendingEmpty = [];
    let i = s;
    while (i < e) {
      const c = text[i];
      if (style === 'QUOTE_SINGLE' && c === "'" && text[i + 1] === "'") {
        b.push("'", i, i + 2);
        i += 2;
      } else if (style === 'QUOTE_DOUBLE' && c === '\\') {
        const n = text[i + 1];
        if (n !== undefined && Object.hasOwn(SIMPLE_ESCAPES, n)) {
          b.push(SIMPLE_ESCAPES[n], i, i + 2);
          i += 2;
        } else if (n === 'x' || n === 'u' || n === 'U') {
          const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
          const hex = text.slice(i + 2, i + 2 + len);
          const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
          const ch = Number.isNaN(cp) || cp > 0x10ffff ? '' : String.fromCodePoint(cp);
          b.push(ch, i, i + 2 + len);
          i += 2 + len;
        } else {
          b.push(n ?? '', i, i + 2);
          i += 2;
        }
      } else {
        b.push(c, i, i + 1);
        i++;
      }
    }
    prevBreak = ln.brk;
    prevEscaped = escaped;
  }
  for (const br of pendingEmpty) b.push('\n', br, br + 1);
  return b.done();
}

function countBackslashes(text: string, from: number, at: number): number {
  let n = 0;
  for (let k = at - 1; k >= from && text[k] === '\\'; k--) n++;
  return n;
}

/** Block scalars: `from` is the `|`/`>` indicator, `to` the end of the node's value. */
function blockScalar(text: string, from: number, to: number, style: ScalarStyle, indentHint?: number): ScalarOffsets {
  const all = splitLines(text, from, to);
  const header = text.slice(all[0].start, all[0].end);
  const m = /^[|>]([-+1-9]*)/.exec(header);
  const ind = m ? m[1] : '';
  const chomp = ind.includes('-') ? 'strip' : ind.includes('+') ? 'keep' : 'clip';
  const body = all.slice(1);
  // drop a final zero-length line produced by a trailing break at `to`
  if (body.length > 0 && body[body.length - 1].start === body[body.length - 1].end && body[body.length - 1].brk < 0) body.pop();
  let indent = indentHint ?? -1;
  if (indent < 0) {
    indent = 0;
    for (const ln of body) {
      let k = ln.start;
      while (k < ln.end && text[k] === ' ') k++;
      if (k < ln.end) { indent = k - ln.start; break; }
      indent = Math.max(indent, k - ln.start);
    }
  }
  type L = { s: number; e: number; brk: number; empty: boolean; more: boolean };
  const lines: L[] = body.map((ln) => {
    const s = Math.min(ln.start + indent, ln.end);
    const empty = s >= ln.end && /^ *$/.test(text.slice(ln.start, ln.end));
    return { s, e: ln.end, brk: ln.brk, empty: empty || ln.start === ln.end, more: isWhite(text[s]) && s < ln.end };
  });
  let lastContent = -1;
  for (let i = lines.length - 1; i >= 0; i--) if (!lines[i].empty) { lastContent = i; break; }
  const b = new Builder();
  let prev: L | undefined; // previous content line
  let empties: L[] = [];
  let leading = true;
  for (let i = 0; i <= lastContent; i++) {
    const ln = lines[i];
    if (ln.empty) {
      empties.push(ln);
      continue;
    }
    if (leading) {
      for (const em of empties) b.push('\n', em.brk, em.brk + 1);
    } else if (prev) {
      const fold = style === 'BLOCK_FOLDED' && !prev.more && !ln.more;
      if (fold && empties.length === 0) b.push(' ', prev.brk, prev.brk + 1);
      else {
        if (!fold) b.push('\n', prev.brk, prev.brk + 1);
        for (const em of empties) b.push('\n', em.brk, em.brk + 1);
      }
    }
    leading = false;
    empties = [];
    for (let k = ln.s; k < ln.e; k++) b.push(text[k], k, k + 1);
    prev = ln;
  }
  // chomping
  if (chomp !== 'strip' && prev && prev.brk >= 0) b.push('\n', prev.brk, prev.brk + 1);
  if (chomp === 'keep') {
    for (let i = lastContent + 1; i < lines.length; i++) if (lines[i].brk >= 0) b.push('\n', lines[i].brk, lines[i].brk + 1);
    if (lastContent < 0) for (const em of empties) if (em.brk >= 0) b.push('\n', em.brk, em.brk + 1);
  }
  return b.done();
}

/**
 * The offsets of the value of a scalar written in `text[start, valueEnd)`, or undefined if the
 * reconstruction does not reproduce `expected` (the value the YAML parser produced).
 */
export function scalarOffsets(
  text: string,
  start: number,
  valueEnd: number,
  style: ScalarStyle,
  expected: string,
): ScalarOffsets | undefined {
  let r: ScalarOffsets | undefined;
  if (style === 'PLAIN') r = flowScalar(text, start, valueEnd, style);
  else if (style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE') r = flowScalar(text, start + 1, Math.max(start + 1, valueEnd - 1), style);
  else {
    r = blockScalar(text, start, valueEnd, style);
    if (r.value !== expected) {
      for (let indent = 0; indent <= 32 && r.value !== expected; indent++) r = blockScalar(text, start, valueEnd, style, indent);
    }
  }
  return r && r.value === expected ? r : undefined;
}
