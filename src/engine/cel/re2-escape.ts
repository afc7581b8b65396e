// Escapes and errors of the RE2 translation (golang/go src/regexp/syntax/parse.go parseEscape:
// octal \123, hex \x41 and \x{1F600}, C escapes \a \f \n \r \t \v, escaped punctuation;
// a lone \1-\7 back-reference and unknown letters are `invalid escape sequence`).

/** A Go regexp/syntax error: `error parsing regexp: <code>: \`<expr>\``. */
export class Re2Error {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {}
}

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}

function unhex(c: string | undefined): number {
  if (c === undefined) return -1;
  const v = parseInt(c, 16);
  return /^[0-9A-Fa-f]$/.test(c) ? v : -1;
}

export function nextRune(s: string, i: number): [number, number] {
  const c = s.codePointAt(i)!;
  return [c, i + (c > 0xffff ? 2 : 1)];
}

/** Go's parseEscape at s[i] === '\\': the rune and the index after the escape. */
export function parseEscape(s: string, i: number): [number, number] {
  if (i + 1 >= s.length) throw new Re2Error('trailing backslash at end of expression', '');
  let [c, t] = nextRune(s, i + 1);
  const ch = String.fromCodePoint(c);
  const invalid = (end: number) => new Re2Error('invalid escape sequence', s.slice(i, end));
  if (c < 0x80 && !isAlnum(ch)) return [c, t];
  if (ch >= '1' && ch <= '7' && !(s[t] >= '0' && s[t] <= '7')) throw invalid(t);
  if (ch >= '0' && ch <= '7') {
    let r = c - 0x30;
    for (let k = 1; k < 3 && s[t] >= '0' && s[t] <= '7'; k++) r = r * 8 + (s.charCodeAt(t++) - 0x30);
    return [r, t];
  }
  switch (ch) {
    case 'x': {
      if (t >= s.length) throw invalid(t);
      [c, t] = nextRune(s, t);
      if (c === 0x7b) {
        let n = 0;
        let r = 0;
        for (;;) {
          if (t >= s.length) throw invalid(t);
          [c, t] = nextRune(s, t);
          if (c === 0x7d) break;
          const v = unhex(String.fromCodePoint(c));
          if (v < 0) throw invalid(t);
          r = r * 16 + v;
          if (r > 0x10ffff) throw invalid(t);
          n++;
        }
        if (n === 0) throw invalid(t);
        return [r, t];
      }
      const x = unhex(String.fromCodePoint(c));
      let y = -1;
      if (t < s.length) {
        [c, t] = nextRune(s, t);
        y = unhex(String.fromCodePoint(c));
      }
      if (x < 0 || y < 0) throw invalid(t);
      return [x * 16 + y, t];
    }
    case 'a':
      return [7, t];
    case 'f':
      return [12, t];
    case 'n':
      return [10, t];
    case 'r':
      return [13, t];
    case 't':
      return [9, t];
    case 'v':
      return [11, t];
  }
  throw invalid(t);
}
