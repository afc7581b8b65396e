// The scenario text is the one state; the input tabs are views of parts of it. split() cuts the
// text into tab texts by *lines* (de-indented, comments kept) and records where each tab line
// came from, so engine positions (in the scenario text) map onto tab positions. join.ts writes a
// tab's text back. Pure: runs under node tests.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node as YamlNode } from 'yaml';

export const TAB_IDS = ['policy', 'object', 'oldObject', 'request', 'namespace', 'scenario'] as const;
export type TabId = (typeof TAB_IDS)[number];
export const TAB_TITLES: Record<TabId, string> = {
  policy: 'Policy',
  object: 'Object',
  oldObject: 'Old Object',
  request: 'Request',
  namespace: 'Namespace',
  scenario: 'Scenario',
};
/** Keys of the scenario whose list items are the Policy tab's documents, in canonical order. */
export const POLICY_KEYS = ['policies', 'bindings', 'params', 'crds'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];
/** Tabs showing the value of one top-level key. */
export const VALUE_TABS = ['object', 'oldObject', 'request', 'namespace'] as const;
export type ValueTab = (typeof VALUE_TABS)[number];

/** Where a tab line comes from: a scenario line (0-based) minus `strip` leading characters. */
export interface LineOrigin {
  readonly line: number;
  readonly strip: number;
}

export interface TabView {
  readonly text: string;
  /** one per tab line; null for generated lines (`---` separators, re-serialized values) */
  readonly origins: readonly (LineOrigin | null)[];
}

/** A top-level entry of the scenario: lines are 0-based and inclusive. */
export interface Entry {
  readonly key: string;
  readonly keyLine: number;
  /** the first line of the value's region (keyLine when the value starts on the key's line) */
  readonly firstLine: number;
  readonly lastLine: number;
  /** the value starts on the key's line (a scalar or a flow collection) */
  readonly inline: boolean;
  /** offsets of an inline value */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** column of the value's content (block values) */
  readonly indent: number;
  /** for block sequences: each item's region, and the column of the dash */
  readonly items?: readonly { firstLine: number; lastLine: number; indent: number }[];
  readonly dashColumn?: number;
  readonly node: YamlNode | null;
}

export interface SplitOk {
  readonly ok: true;
  readonly lines: readonly string[];
  readonly entries: ReadonlyMap<string, Entry>;
  readonly tabs: Record<TabId, TabView>;
}
export type Split = SplitOk | { readonly ok: false; readonly error: string };

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 0-based line of an offset. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const leadingSpaces = (s: string) => s.length - s.trimStart().length;

/** Reads the top-level entries of a scenario text with their line regions. */
export function readEntries(text: string): { entries: Map<string, Entry>; lines: string[] } | { error: string } {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return { error: doc.errors[0].message };
  const lines = text.split('\n');
  const entries = new Map<string, Entry>();
  if (doc.contents == null || (isScalar(doc.contents) && doc.contents.value == null)) return { entries, lines };
  if (!isMap(doc.contents)) return { error: 'the scenario must be a map' };
  const starts = lineStarts(text);
  const endLine = (end: number, start: number) => lineOf(starts, Math.max(start, end - 1));
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyNode = pair.key as YamlNode | null;
    if (!keyNode?.range) continue;
    const keyLine = lineOf(starts, keyNode.range[0]);
    const value = pair.value as YamlNode | null;
    if (!value?.range) {
      entries.set(key, { key, keyLine, firstLine: keyLine, lastLine: keyLine, inline: true, valueStart: keyNode.range[1], valueEnd: keyNode.range[1], indent: 0, node: null });
      continue;
    }
    const [vStart, vEnd, nodeEnd] = value.range;
    const vLine = lineOf(starts, vStart);
    if (vLine === keyLine) {
      entries.set(key, { key, keyLine, firstLine: keyLine, lastLine: endLine(vEnd, vStart), inline: true, valueStart: vStart, valueEnd: vEnd, indent: 0, node: value });
      continue;
    }
    const lastLine = endLine(nodeEnd, vStart);
    const indent = vStart - starts[vLine];
    let items: Entry['items'];
    let dashColumn: number | undefined;
    if (isSeq(value) && !value.flow) {
      const its: { firstLine: number; lastLine: number; indent: number }[] = [];
      value.items.forEach((it, i) => {
        const node = it as YamlNode | null;
        const r = node?.range;
        const prevEnd = i === 0 ? keyLine + 1 : its[i - 1].lastLine + 1;
        if (!r) return;
        const contentLine = lineOf(starts, r[0]);
        const next = value.items[i + 1] as YamlNode | null;
        const last = next?.range ? endLine(r[1], r[0]) : lastLine;
        its.push({ firstLine: prevEnd, lastLine: Math.max(last, contentLine), indent: r[0] - starts[contentLine] });
      });
      items = its;
      dashColumn = indent;
    }
    entries.set(key, { key, keyLine, firstLine: keyLine + 1, lastLine, inline: false, valueStart: vStart, valueEnd: vEnd, indent, items, dashColumn, node: value });
  }
  return { entries, lines };
}

/** Lines [first, last] de-indented by `indent` (fewer if a line has fewer leading spaces). */
function cut(lines: readonly string[], first: number, last: number, indent: number, out: string[], origins: (LineOrigin | null)[]) {
  for (let l = first; l <= last && l < lines.length; l++) {
    const s = lines[l];
    const strip = Math.min(indent, leadingSpaces(s));
    // the dash line of a sequence item: strip `- ` too
    const rest = s.slice(strip);
    if (strip < indent && /^-( |$)/.test(rest) && strip + 2 <= indent) {
      const n = Math.min(indent, strip + 2 + leadingSpaces(rest.slice(2)));
      out.push(s.slice(n));
      origins.push({ line: l, strip: n });
      continue;
    }
    out.push(rest);
    origins.push({ line: l, strip });
  }
}

/** The text of an entry's value as a tab shows it. */
function valueView(lines: readonly string[], text: string, e: Entry | undefined): TabView {
  if (!e || !e.node) return { text: '', origins: [] };
  const out: string[] = [];
  const origins: (LineOrigin | null)[] = [];
  if (e.inline) {
    const starts = lineStarts(text);
    const slice = text.slice(e.valueStart, e.valueEnd).replace(/\n$/, '');
    slice.split('\n').forEach((s, i) => {
      out.push(s);
      origins.push({ line: e.keyLine + i, strip: i === 0 ? e.valueStart - starts[e.keyLine] : 0 });
    });
  } else {
    cut(lines, e.firstLine, e.lastLine, e.indent, out, origins);
  }
  return { text: trimTrailingBlank(out, origins), origins };
}

function trimTrailingBlank(out: string[], origins: (LineOrigin | null)[]): string {
  while (out.length > 0 && out[out.length - 1].trim() === '') {
    out.pop();
    origins.pop();
  }
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}

/** The Policy tab: every item of policies, bindings, params and crds as one `---` document. */
function policyView(lines: readonly string[], entries: ReadonlyMap<string, Entry>): TabView {
  const out: string[] = [];
  const origins: (LineOrigin | null)[] = [];
  const present = POLICY_KEYS.map((k) => entries.get(k)).filter((e): e is Entry => !!e?.node);
  present.sort((a, b) => a.keyLine - b.keyLine);
  for (const e of present) {
    const docs: { out: string[]; origins: (LineOrigin | null)[] }[] = [];
    if (e.items) {
      for (const it of e.items) {
        const d = { out: [] as string[], origins: [] as (LineOrigin | null)[] };
        cut(lines, it.firstLine, it.lastLine, it.indent, d.out, d.origins);
        docs.push(d);
      }
    } else if (e.node && isSeq(e.node)) {
      // flow sequence or JSON: re-serialized, comments cannot be kept
      for (const item of e.node.toJSON() as unknown[]) {
        const t = stringify(item, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
        docs.push({ out: t, origins: t.map(() => null) });
      }
    }
    for (const d of docs) {
      while (d.out.length > 0 && d.out[d.out.length - 1].trim() === '') {
        d.out.pop();
        d.origins.pop();
      }
      if (out.length > 0) {
        out.push('---');
        origins.push(null);
      }
      out.push(...d.out);
      origins.push(...d.origins);
    }
  }
  return { text: out.length ? out.join('\n') + '\n' : '', origins };
}

export function split(text: string): Split {
  const read = readEntries(text);
  if ('error' in read) return { ok: false, error: read.error };
  const { entries, lines } = read;
  const scenarioOrigins = lines.map((_, i) => ({ line: i, strip: 0 }));
  const tabs = {
    policy: policyView(lines, entries),
    object: valueView(lines, text, entries.get('object')),
    oldObject: valueView(lines, text, entries.get('oldObject')),
    request: valueView(lines, text, entries.get('request')),
    namespace: valueView(lines, text, entries.get('namespace')),
    scenario: { text, origins: scenarioOrigins },
  } satisfies Record<TabId, TabView>;
  return { ok: true, lines, entries, tabs };
}

/** A range in a tab, 1-based like Monaco. */
export interface TabRange {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** Maps a scenario range (1-based line/column) into a tab view; undefined when outside it. */
export function toTabRange(view: TabView, line: number, column: number, endLine: number, endColumn: number): TabRange | undefined {
  let start: { l: number; c: number } | undefined;
  let end: { l: number; c: number } | undefined;
  view.origins.forEach((o, i) => {
    if (!o) return;
    if (o.line === line - 1) start = { l: i + 1, c: Math.max(1, column - o.strip) };
    if (o.line === endLine - 1) end = { l: i + 1, c: Math.max(1, endColumn - o.strip) };
  });
  if (!start) return undefined;
  return { startLineNumber: start.l, startColumn: start.c, endLineNumber: end?.l ?? start.l, endColumn: end?.c ?? start.c + 1 };
}

/** The most specific input tab showing a scenario line (1-based), else 'scenario'. */
export function tabOfLine(s: SplitOk, line: number): TabId {
  for (const id of TAB_IDS) {
    if (id === 'scenario') continue;
    if (s.tabs[id].origins.some((o) => o?.line === line - 1)) return id;
  }
  return 'scenario';
}
