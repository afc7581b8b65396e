// RFC 6901 JSON Pointer tokens.

/** Escapes one reference token: `~` -> `~0`, `/` -> `~1` (in one pass, as jsonpatch.escapeKey). */
export function escapePointerToken(token: string): string {
  return token.replace(/[~/]/g, (c) => (c === '~' ? '~0' : '~1'));
}

/** Decodes one token as evanphx/json-patch does: `~1` -> `/` and `~0` -> `~` in one left-to-right pass;
 * any other `~` sequence (e.g. `~2`) is kept literally. */
export function unescapePointerToken(token: string): string {
  return token.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

/** The pointer for a list of tokens (keys or indices); [] is the whole document (""). */
export function formatPointer(tokens: readonly (string | number)[]): string {
  let out = '';
  for (const t of tokens) out += '/' + (typeof t === 'number' ? String(t) : escapePointerToken(t));
  return out;
}
