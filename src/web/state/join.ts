// Writing a tab's text back into the scenario text. Only the edited part of the scenario changes;
// everything else (comments, order, other keys) stays byte for byte. A tab whose YAML does not
// parse is not written back: the caller keeps it as a draft and shows these errors in place.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { POLICY_KEYS, readEntries, type Entry, type PolicyKey, type TabId } from './split.js';

/** A problem in a tab's own text (1-based, Monaco style). */
export interface TabError {
  readonly message: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}
export type JoinResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly errors: readonly TabError[] };

const KIND_KEY: Record<string, PolicyKey> = {
  MutatingAdmissionPolicy: 'policies',
  MutatingAdmissionPolicyBinding: 'bindings',
  CustomResourceDefinition: 'crds',
};

/** YAML errors of a text, shifted by `lineOffset` lines. */
function yamlErrors(text: string, lineOffset: number): TabError[] {
  const doc = parseDocument(text);
  return doc.errors.map((e) => {
    const [a, b] = e.linePos ?? [{ line: 1, col: 1 }];
    const end = b ?? { line: a.line, col: a.col + 1 };
    return { message: e.message.split('\n')[0], startLineNumber: a.line + lineOffset, startColumn: a.col, endLineNumber: end.line + lineOffset, endColumn: Math.max(end.col, a.col + 1) };
  });
}

const indentLines = (text: string, n: number) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : ' '.repeat(n) + l));

/** Replaces lines [first, last] (0-based, inclusive) of a text; `replacement` null deletes them. */
function spliceLines(lines: readonly string[], first: number, last: number, replacement: readonly string[]): string {
  return [...lines.slice(0, first), ...replacement, ...lines.slice(last + 1)].join('\n');
}

/** The whole entry for `key` with a value given as tab text. */
function renderEntry(key: string, tabText: string, indent: number): string[] {
  const body = tabText.replace(/\n$/, '');
  const node = parseDocument(body).contents;
  const block = (isMap(node) || isSeq(node)) && !node.flow;
  if (!body.includes('\n') && !block && !/^\s*#/.test(body)) return [`${key}: ${body.trim()}`];
  return [`${key}:`, ...indentLines(tabText, indent)];
}

/** Where to put a key that the scenario does not have yet: after `after` entries, else at the end. */
function insertionLine(lines: readonly string[], entries: ReadonlyMap<string, Entry>, before: readonly string[] | 'first'): number {
  const candidates = [...entries.values()].filter((e) => before === 'first' || before.includes(e.key));
  const next = candidates.sort((a, b) => a.keyLine - b.keyLine)[0];
  if (next) {
    let l = next.keyLine;
    // keep the comments right above that key with it (the file's header stays first)
    while (before !== 'first' && l > 0 && /^\s*#/.test(lines[l - 1])) l--;
    return l;
  }
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  return end;
}

function replaceEntry(text: string, key: string, rendered: string[] | null, insertBefore: readonly string[] | 'first'): string {
  const read = readEntries(text);
  if ('error' in read) return text;
  const { entries, lines } = read;
  const e = entries.get(key);
  if (!e) {
    if (!rendered) return text;
    const at = insertionLine(lines, entries, insertBefore);
    const tail = at === lines.length ? [''] : [];
    return spliceLines(lines, at, at - 1, [...rendered, ...tail]);
  }
  // blank lines that end the region separate it from the next entry: keep them
  let last = e.lastLine;
  const blanks: string[] = [];
  while (last > e.keyLine && lines[last].trim() === '') {
    blanks.push('');
    last--;
  }
  return spliceLines(lines, e.keyLine, e.lastLine, rendered ? [...rendered, ...blanks] : []);
}

/** Writes the Object, Old Object, Request or Namespace tab back. Empty text removes the key. */
export function joinValue(text: string, tab: Exclude<TabId, 'policy' | 'scenario'>, tabText: string): JoinResult {
  const errors = yamlErrors(tabText, 0);
  if (errors.length > 0) return { ok: false, errors };
  const read = readEntries(text);
  if ('error' in read) return { ok: false, errors: [{ message: `the scenario has a YAML error; fix it in the Scenario tab first: ${read.error}`, startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 }] };
  const e = read.entries.get(tab);
  const empty = tabText.trim() === '' || tabText.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#'));
  const rendered = empty ? null : renderEntry(tab, tabText, e && !e.inline ? e.indent || 2 : 2);
  return { ok: true, text: replaceEntry(text, tab, rendered, ['expect', 'notes', 'source']) };
}

/** The Policy tab's documents, sorted by kind. */
export function splitPolicyDocuments(tabText: string): { docs: Record<PolicyKey, string[]>; errors: TabError[] } {
  const docs: Record<PolicyKey, string[]> = { policies: [], bindings: [], params: [], crds: [] };
  const errors: TabError[] = [];
  const lines = tabText.split('\n');
  let chunk: string[] = [];
  let chunkStart = 0;
  const flush = (nextStart: number) => {
    const body = chunk.join('\n');
    const offset = chunkStart;
    chunk = [];
    chunkStart = nextStart;
    if (body.trim() === '') return;
    const errs = yamlErrors(body, offset);
    if (errs.length > 0) return void errors.push(...errs);
    const value = parseDocument(body).contents;
    if (value == null || (isScalar(value) && value.value == null)) return;
    if (!isMap(value)) {
      errors.push({ message: 'each document must be a Kubernetes object (a map with apiVersion and kind)', startLineNumber: offset + 1, startColumn: 1, endLineNumber: offset + 1, endColumn: 2 });
      return;
    }
    const kind = String(value.get('kind') ?? '');
    docs[KIND_KEY[kind] ?? 'params'].push(body.replace(/\n+$/, ''));
  };
  lines.forEach((l, i) => {
    if (/^(---|\.\.\.)\s*(#.*)?$/.test(l)) flush(i + 1);
    else chunk.push(l);
  });
  flush(lines.length);
  return { docs, errors };
}

/** A sequence item: leading comment lines at the dash's column, then `- ` and the document. */
function renderItem(doc: string, dash: number): string[] {
  const lines = doc.split('\n');
  const out: string[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i].trim() === '' || lines[i].trimStart().startsWith('#')); i++) {
    out.push(lines[i].trim() === '' ? '' : ' '.repeat(dash) + lines[i]);
  }
  if (i < lines.length) out.push(' '.repeat(dash) + '- ' + lines[i++]);
  for (; i < lines.length; i++) out.push(lines[i].trim() === '' ? '' : ' '.repeat(dash + 2) + lines[i]);
  return out;
}

/** Writes the Policy tab back: policies, bindings, params and crds rebuilt from its documents. */
export function joinPolicy(text: string, tabText: string): JoinResult {
  const { docs, errors } = splitPolicyDocuments(tabText);
  if (errors.length > 0) return { ok: false, errors };
  let out = text;
  for (const key of POLICY_KEYS) {
    const read = readEntries(out);
    if ('error' in read) return { ok: false, errors: [{ message: `the scenario has a YAML error; fix it in the Scenario tab first: ${read.error}`, startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 }] };
    const e = read.entries.get(key);
    const list = docs[key];
    let rendered: string[] | null;
    if (list.length > 0) rendered = [`${key}:`, ...list.flatMap((d) => renderItem(d, e?.dashColumn ?? 0))];
    // deleting every binding means "no binding" (a cluster runs no policy), not implicit ones
    else if (key === 'bindings' && e) rendered = ['bindings: []'];
    else rendered = null;
    // unchanged entries stay byte for byte
    if (e && rendered && e.items && sameItems(read.lines, e, list)) continue;
    const later = POLICY_KEYS.slice(POLICY_KEYS.indexOf(key) + 1);
    out = replaceEntry(out, key, rendered, [...later, 'namespace', 'request', 'object', 'oldObject', 'expect']);
  }
  return { ok: true, text: out };
}

function sameItems(lines: readonly string[], e: Entry, docs: readonly string[]): boolean {
  if (!e.items || e.items.length !== docs.length) return false;
  const dash = e.dashColumn ?? 0;
  const current = lines.slice(e.firstLine, e.lastLine + 1).join('\n').replace(/\n+$/, '');
  return current === docs.flatMap((d) => renderItem(d, dash)).join('\n').replace(/\n+$/, '');
}

/** Writes any tab back. */
export function joinTab(text: string, tab: TabId, tabText: string): JoinResult {
  if (tab === 'scenario') return { ok: true, text: tabText };
  if (tab === 'policy') return joinPolicy(text, tabText);
  return joinValue(text, tab, tabText);
}

/** Sets `kubernetesVersion` (the version selector), keeping the rest of the text. */
export function setKubernetesVersion(text: string, version: string): string {
  return replaceEntry(text, 'kubernetesVersion', [`kubernetesVersion: "${version}"`], 'first');
}

/** The scenario's `kubernetesVersion` as written, if it reads as one. */
export function kubernetesVersionOf(text: string): string | undefined {
  const read = readEntries(text);
  if ('error' in read) return undefined;
  const node = read.entries.get('kubernetesVersion')?.node;
  return node && isScalar(node) && node.value != null ? String(node.value) : undefined;
}
