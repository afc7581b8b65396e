// The CEL parser: parse(source, options) -> the macro-expanded AST, or cel-go's diagnostics.
// Never throws. Ids are allocated in cel-go's order (holes where cel-go drops a macro call's id).
// A node's range.start is where cel-go locates the node (so error columns match): the operator
// token for operator calls, '(' for calls and macros, '.' for selects, '[' / '{' for indexes,
// lists, maps and messages, ':' for map entries and message fields; range.end is the end of the
// node's source. Nodes made by macros carry the macro call's range.
import type { CelDiagnostic, ParsedAst } from '../ast.js';
import { type ParseOptions, resolveOptions } from './options.js';
import { Parser } from './parser.js';
import { NO_LOCATION } from './recovery.js';

export type ParseResult = { ok: true; ast: ParsedAst } | { ok: false; diagnostics: CelDiagnostic[] };

export { DEFAULT_PARSER_OPTIONS } from './options.js';
export type { ParseOptions } from './options.js';
export { ACCUMULATOR, LEGACY_ACCUMULATOR, MAP_INSERT, SORT_BY_ASSOCIATED_KEYS } from './macros.js';
export { NO_LOCATION } from './recovery.js';
export { formatErrors, lineAndColumn } from './display.js';

/** Code points in s (cel-go measures the size limit in runes). */
function codePointCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * Parses a CEL expression as cel-go's parser does (Kubernetes settings by default).
 * Diagnostics are in cel-go's display order; `range.start === -1` means cel-go reports no
 * location (`<input>:-1:0`), as for the recursion and size limits.
 */
export function parse(source: string, options?: Partial<ParseOptions>): ParseResult {
  const opts = resolveOptions(options);
  const size = codePointCount(source);
  if (size > opts.expressionSizeCodePointLimit) {
    return {
      ok: false,
      diagnostics: [
        {
          message: `expression code point size exceeds limit: size: ${size}, limit ${opts.expressionSizeCodePointLimit}`,
          range: NO_LOCATION,
        },
      ],
    };
  }
  try {
    const parser = new Parser(source, opts);
    const expr = parser.parseStart();
    const diagnostics = parser.diagnostics;
    if (expr === undefined || diagnostics.length > 0) return { ok: false, diagnostics };
    return { ok: true, ast: { expr, source, maxId: parser.maxId } };
  } catch (e) {
    // Only reachable with a raised maxRecursionDepth: the JS stack ends before the limit.
    const message =
      e instanceof RangeError
        ? `expression recursion limit exceeded: ${opts.maxRecursionDepth}`
        : `internal parser error: ${String(e)}`;
    return { ok: false, diagnostics: [{ message, range: NO_LOCATION }] };
  }
}
