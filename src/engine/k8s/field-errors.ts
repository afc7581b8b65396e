// field.Error as apimachinery renders it (`<path>: <Type>: <detail>`).

export type FieldErrorType = 'Required value' | 'Unsupported value' | 'Invalid value' | 'Duplicate value' | 'Too many' | 'Forbidden';

export interface FieldError {
  readonly path: string;
  readonly type: FieldErrorType;
  readonly detail: string;
  readonly message: string;
}

/** How field.Error prints a bad value: strings quoted, numbers/bools bare, others as JSON. */
export function formatFieldValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return toGoJson(v);
}

function toGoJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(toGoJson).join(',')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${toGoJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return 'null';
}

/** Go's %q for a string (strconv.Quote). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

function make(path: string, type: FieldErrorType, detail: string): FieldError {
  return { path, type, detail, message: `${path}: ${type}${detail === '' ? '' : `: ${detail}`}` };
}

export const fieldErr = {
  required: (path: string, detail = '') => make(path, 'Required value', detail),
  invalid: (path: string, value: unknown, detail: string) =>
    make(path, 'Invalid value', `${formatFieldValue(value)}${detail === '' ? '' : `: ${detail}`}`),
  notSupported: (path: string, value: unknown, supported: readonly string[]) =>
    make(path, 'Unsupported value', `${formatFieldValue(value)}${supported.length ? `: supported values: ${supported.map((s) => goQuote(s)).join(', ')}` : ''}`),
  duplicate: (path: string, value: unknown) => make(path, 'Duplicate value', formatFieldValue(value)),
  tooMany: (path: string, actual: number, max: number) => make(path, 'Too many', `${actual}: must have at most ${max} items`),
  forbidden: (path: string, detail: string) => make(path, 'Forbidden', detail),
};
