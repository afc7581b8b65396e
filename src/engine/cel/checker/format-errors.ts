// cel-go's common.Errors.ToDisplayString(): every diagnostic as
//   ERROR: <input>:L:C: message
//    | source line
//    | ....^
// sorted by position (stable), joined by newlines. Positions count code points (cel-go's
// source buffer is rune-indexed); ranges here are UTF-16 offsets, so they are converted.
import type { CelDiagnostic } from '../ast.js';
import { utf8Length } from '../../json/encode.js';

const MAX_ERRORS = 100;
const MAX_SNIPPET_BYTES = 16384;

interface SourceLines {
  /** the text as code points */
  readonly runes: readonly string[];
  /** code-point offsets where each line after the first starts, then a final len+1 (cel-go's lineOffsets) */
  readonly lineOffsets: readonly number[];
  /** UTF-16 offset -> code-point offset */
  toRuneOffset(utf16: number): number;
}

function sourceLines(text: string): SourceLines {
  const runes = Array.from(text);
  const lineOffsets: number[] = [];
  runes.forEach((r, i) => {
    if (r === '\n') lineOffsets.push(i + 1);
  });
  lineOffsets.push(runes.length + 1);
  // code-point index of each UTF-16 unit
  const map: number[] = [];
  runes.forEach((r, i) => {
    for (let k = 0; k < r.length; k++) map.push(i);
  });
  return {
    runes,
    lineOffsets,
    toRuneOffset: (u) => (u >= map.length ? runes.length + (u - map.length) : map[u]),
  };
}

/** cel-go sourceImpl.findLine: 1-based line and the code-point offset where it starts. */
function findLine(src: SourceLines, offset: number): [number, number] {
  let line = 1;
  for (const lo of src.lineOffsets) {
    if (lo > offset) break;
    line++;
  }
  return line === 1 ? [1, 0] : [line, src.lineOffsets[line - 2]];
}

function snippet(src: SourceLines, line: number): string | undefined {
  if (src.runes.length === 0) return undefined;
  const start = line === 1 ? 0 : line > 1 && line <= src.lineOffsets.length ? src.lineOffsets[line - 2] : -1;
  if (start < 0) return undefined;
  const next = line + 1 <= src.lineOffsets.length ? src.lineOffsets[line - 1] : -1;
  const end = next >= 0 ? next - 1 : src.runes.length;
  return src.runes.slice(start, end).join('');
}

interface Located {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

function displayOne(src: SourceLines, e: Located): string {
  let out = `ERROR: <input>:${e.line}:${e.column + 1}: ${e.message}`;
  const snip = e.line > 0 ? snippet(src, e.line) : undefined;
  if (snip === undefined || utf8Length(snip) > MAX_SNIPPET_BYTES) return out;
  const line = snip.replace(/\t/g, ' ');
  const chars = Array.from(line);
  let ind = '';
  // One dot per code point before the column; a wide dot / caret under non-ASCII characters.
  for (let i = 0; i < e.column && i < chars.length; i++) ind += chars[i].codePointAt(0)! > 0x7f ? '\uff0e' : '.';
  const under = chars[Math.max(0, e.column)];
  ind += e.column < chars.length && under !== undefined && under.codePointAt(0)! > 0x7f ? '\uff3e' : '^';
  out += `\n | ${line}\n | ${ind}`;
  return out;
}

/** Formats diagnostics exactly like cel-go's `Errors.ToDisplayString()`. */
export function formatCelErrors(source: string, diagnostics: readonly CelDiagnostic[]): string {
  const src = sourceLines(source);
  const kept = diagnostics.slice(0, MAX_ERRORS).map((d): Located => {
    if (d.range.start < 0) return { line: -1, column: -1, message: d.message };
    const off = src.toRuneOffset(d.range.start);
    const [line, lineStart] = findLine(src, off);
    return { line, column: off - lineStart, message: d.message };
  });
  const order = kept.map((_, i) => i);
  order.sort((a, b) => {
    const x = kept[a];
    const y = kept[b];
    if (x.line !== y.line) return x.line - y.line;
    if (x.column !== y.column) return x.column - y.column;
    return a - b;
  });
  const lines = order.map((i) => displayOne(src, kept[i]));
  if (diagnostics.length > MAX_ERRORS) lines.push(`${diagnostics.length - MAX_ERRORS} more errors were truncated`);
  return lines.join('\n');
}
