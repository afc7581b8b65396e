// cel-go's error display (common/errors.go Errors.ToDisplayString and common/error.go
// Error.ToDisplayString): `ERROR: <input>:L:C: message`, then the source line and a caret line.
// Lines and columns count code points; unlocated errors (range.start -1) show as `-1:0`.
import type { CelDiagnostic } from '../ast.js';

const MAX_ERRORS = 100;
const MAX_SNIPPET_BYTES = 16384;

function utf8Size(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Line (1-based) and column (0-based, in code points) of a UTF-16 offset. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      line++;
      column = 0;
    } else if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(source.charCodeAt(i - 1)))) {
      column++;
    }
  }
  return { line, column };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function displayOne(source: string, lines: string[], d: CelDiagnostic, description: string): string {
  if (d.range.start < 0) return `ERROR: ${description}:-1:0: ${d.message}`;
  const { line, column } = lineAndColumn(source, d.range.start);
  let out = `ERROR: ${description}:${line}:${column + 1}: ${d.message}`;
  const raw = lines[line - 1];
  if (source.length === 0 || raw === undefined) return out;
  const snippet = raw.replace(/\t/g, ' ');
  const cps = [...snippet];
  let bytes = 0;
  for (const ch of cps) bytes += utf8Size(ch.codePointAt(0)!);
  if (bytes > MAX_SNIPPET_BYTES) return out;
  let ind = '';
  for (let i = 0; i < column && i < cps.length; i++) ind += utf8Size(cps[i].codePointAt(0)!) > 1 ? '\uff0e' : '.';
  const at = cps[column];
  ind += at !== undefined && utf8Size(at.codePointAt(0)!) > 1 ? '\uff3e' : '^';
  out += `\n | ${snippet}\n | ${ind}`;
  return out;
}

/**
 * Formats diagnostics exactly as cel-go prints an Issues error: sorted by position (unlocated
 * first), at most 100, joined by newlines.
 */
export function formatErrors(source: string, diagnostics: readonly CelDiagnostic[], description = '<input>'): string {
  const kept = diagnostics.slice(0, MAX_ERRORS);
  const keyed = kept.map((d) => ({ d, pos: d.range.start < 0 ? { line: -1, column: -1 } : lineAndColumn(source, d.range.start) }));
  keyed.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  const lines = source.split('\n');
  const out = keyed.map(({ d }) => displayOne(source, lines, d, description));
  if (diagnostics.length > MAX_ERRORS) out.push(`${diagnostics.length - MAX_ERRORS} more errors were truncated`);
  return out.join('\n');
}
