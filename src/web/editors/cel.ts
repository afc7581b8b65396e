// CEL help inside YAML, as pure functions (node-tested): where the `expression:` strings are,
// a light tokenization of them for highlighting, and what to complete at a position.
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { FunctionHelp } from '../worker/protocol.js';

/** Offsets [start, end) of every `expression:` scalar in a (multi-document) YAML text. */
export function expressionRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const walk = (n: unknown) => {
    if (isMap(n)) {
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const key = isScalar(p.key) ? p.key.value : undefined;
        const v = p.value as YamlNode | null;
        if ((key === 'expression' || key === 'expressionTemplate') && isScalar(v) && typeof v.value === 'string' && v.range) out.push([v.range[0], v.range[1]]);
        else walk(v);
      }
    } else if (isSeq(n)) n.items.forEach(walk);
  };
  try {
    for (const doc of parseAllDocuments(text)) if ('contents' in doc) walk(doc.contents);
  } catch {
    // half-typed YAML: no ranges this time
  }
  return out;
}

/** The CEL part of a raw YAML scalar: without its quotes, or the header line of a block scalar. */
export function celSpan(raw: string): [number, number] {
  const c = raw[0];
  if ((c === '"' || c === "'") && raw.length >= 2 && raw.endsWith(c)) return [1, raw.length - 1];
  if (c === '>' || c === '|') {
    const nl = raw.indexOf('\n');
    return nl < 0 ? [raw.length, raw.length] : [nl + 1, raw.length];
  }
  return [0, raw.length];
}

export const CEL_VARIABLES: readonly { name: string; doc: string }[] = [
  { name: 'object', doc: 'the object from the incoming request (null for DELETE)' },
  { name: 'oldObject', doc: 'the existing object (null for CREATE)' },
  { name: 'request', doc: 'attributes of the admission request (kind, operation, userInfo, …)' },
  { name: 'params', doc: "the parameter resource selected by the binding's paramRef" },
  { name: 'namespaceObject', doc: 'the Namespace the object belongs to (null for cluster-scoped objects)' },
  { name: 'authorizer', doc: 'performs authorization checks for the request user' },
  { name: 'variables', doc: 'the composited variables of spec.variables, by name' },
];
const KEYWORDS = new Set(['true', 'false', 'null', 'in']);
const MACROS = ['has', 'all', 'exists', 'exists_one', 'existsOne', 'map', 'filter'];

export type CelTokenKind = 'variable' | 'function' | 'string' | 'number' | 'keyword' | 'operator';

/** Tokens of a CEL text for highlighting (offsets relative to `text`). Tolerant of any input. */
export function celTokens(text: string): { start: number; end: number; kind: CelTokenKind }[] {
  const out: { start: number; end: number; kind: CelTokenKind }[] = [];
  const re = /(\\?"(?:[^"\\]|\\[^"])*?\\?"|'(?:[^'\\]|\\.)*')|(\b\d+(?:\.\d+)?u?\b)|([A-Za-z_][A-Za-z0-9_]*)(\s*\()?|(==|!=|<=|>=|&&|\|\||[-+*/%!<>?:])/g;
  const vars = new Set(CEL_VARIABLES.map((v) => v.name));
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    if (m[1]) out.push({ start, end: start + m[1].length, kind: 'string' });
    else if (m[2]) out.push({ start, end: start + m[2].length, kind: 'number' });
    else if (m[3]) {
      const end = start + m[3].length;
      const prev = text[start - 1];
      if (m[4]) out.push({ start, end, kind: 'function' });
      else if (KEYWORDS.has(m[3])) out.push({ start, end, kind: 'keyword' });
      else if (vars.has(m[3]) && prev !== '.') out.push({ start, end, kind: 'variable' });
    } else if (m[5]) out.push({ start, end: start + m[5].length, kind: 'operator' });
  }
  return out;
}

export interface CompletionContext {
  readonly functions: readonly FunctionHelp[];
  /** the object under review, for field names */
  readonly object: unknown;
  readonly oldObject?: unknown;
  readonly params?: unknown;
  /** names declared in spec.variables */
  readonly variables: readonly string[];
}

/** What completions know: set by the page whenever the scenario or the version changes. */
export const celContext: { current: CompletionContext } = { current: { functions: [], object: undefined, variables: [] } };

export interface CelCompletion {
  readonly label: string;
  readonly kind: 'variable' | 'field' | 'function' | 'macro';
  readonly detail: string;
  readonly insertText: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows a chain like `object.spec.containers[0]` into a sample value (lists: first item). */
function follow(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const seg of path) {
    while (Array.isArray(v)) v = v[0];
    if (!isRecord(v)) return undefined;
    v = v[seg];
  }
  return v;
}

/** The CEL type name a sample value has, as signatures print receivers (`string`, `list(`…). */
function receiverOf(v: unknown): string | undefined {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'list(';
  if (isRecord(v)) return 'map(';
  return undefined;
}

const takes = (f: FunctionHelp, receiver: string | undefined) =>
  !receiver || f.signatures.some((s) => s.startsWith(receiver.endsWith('(') ? receiver : `${receiver}.`) || /^[A-Z]\./.test(s) || s.startsWith('dyn.'));

/**
 * Completions for the CEL text before the cursor (`prefix`). After a dot: fields of the object
 * along the chain and member functions; else variables, macros and global functions.
 */
export function celCompletions(prefix: string, ctx: CompletionContext): CelCompletion[] {
  const chain = /([A-Za-z_][\w]*(?:\s*(?:\[[^\]]*\])?\s*\.\s*[A-Za-z_]\w*)*(?:\[[^\]]*\])?)\s*\.\s*[A-Za-z_]*$/.exec(prefix);
  if (chain) {
    const parts = chain[1].replace(/\[[^\]]*\]/g, '').split('.').map((s) => s.trim());
    const [head, ...rest] = parts;
    const out: CelCompletion[] = [];
    const roots: Record<string, unknown> = { object: ctx.object, oldObject: ctx.oldObject, params: ctx.params };
    // what the chain is, when the sample object tells: only functions that take it are offered
    let receiver: string | undefined;
    if (head === 'variables' && rest.length === 0) {
      for (const name of ctx.variables) out.push({ label: name, kind: 'variable', detail: 'spec.variables', insertText: name });
      receiver = 'none';
    } else if (head in roots && roots[head] !== undefined) {
      const raw = follow(roots[head], rest);
      let v = raw;
      while (Array.isArray(v) && /\]\s*\.\s*\w*$/.test(prefix)) v = v[0];
      if (isRecord(v)) for (const k of Object.keys(v)) out.push({ label: k, kind: 'field', detail: `field of ${parts.join('.')}`, insertText: k });
      receiver = receiverOf(v);
    }
    for (const f of ctx.functions) if (f.member && receiver !== 'none' && takes(f, receiver)) out.push({ label: f.name, kind: 'function', detail: f.signatures.join('\n'), insertText: f.name });
    if (receiver === undefined || receiver === 'list(' || receiver === 'map(') for (const m of MACROS.slice(1)) out.push({ label: m, kind: 'macro', detail: `macro: ${m}(x, predicate)`, insertText: m });
    return out;
  }
  const out: CelCompletion[] = CEL_VARIABLES.map((v) => ({ label: v.name, kind: 'variable' as const, detail: v.doc, insertText: v.name }));
  out.push({ label: 'has', kind: 'macro', detail: 'macro: has(a.b) tests whether a field is present', insertText: 'has' });
  for (const f of ctx.functions) if (f.global) out.push({ label: f.name, kind: 'function', detail: f.signatures.join('\n'), insertText: f.name });
  return out;
}
