// YAML (or JSON) text to the engine's JSON model, read the way kubectl reads manifests
// (go-yaml v2 / sigs.k8s.io/yaml), with a SourceMap from document paths back to the text.
import {
  parseAllDocuments,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node as YamlNode,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Diagnostic, DocPath, JsonValue, SourceMap, SourceSpan } from '../types.js';
import { newJsonObject } from '../cel/values.js';
import { describeResolved, keyToString, resolvedToJson, resolvePlainYaml11, resolvePlainYaml12, sameResolved, type Resolved } from './yaml-resolve.js';
import { scalarOffsets, type ScalarOffsets, type ScalarStyle } from './scalar-offsets.js';

/** Deepest nesting we convert (go-yaml v2 has a similar limit). */
const MAX_DEPTH = 1000;
/** Expanded size of aliased content we accept before calling it an alias bomb. */
const MAX_ALIAS_EXPANSION = 2_000_000;

export interface YamlDocument {
  /** undefined when the document is empty or could not be read */
  readonly value: JsonValue | undefined;
  readonly sourceMap: SourceMap;
  readonly diagnostics: Diagnostic[];
  /** offset range of the document in the text */
  readonly range: readonly [number, number];
}

/** Line starts of a text, for offset -> line/column. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  span(start: number, end: number): SourceSpan {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    const a = this.position(s);
    const b = this.position(e);
    return { start: s, end: e, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/** A printable path: `policies[0].spec.mutations[1]`. */
export function formatDocPath(path: DocPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

class ExcessiveAliasing extends Error {}

class Converter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly memo = new Map<YamlNode, JsonValue | undefined>();
  private readonly sizes = new Map<YamlNode, number>();
  private aliasBudget = MAX_ALIAS_EXPANSION;
  constructor(
    private readonly doc: Document,
    private readonly lines: LineIndex,
  ) {}

  private diag(severity: Diagnostic['severity'], path: DocPath, message: string, range?: readonly number[] | null): void {
    const location = range ? this.lines.span(range[0], range[1]) : undefined;
    this.diagnostics.push({ path: formatDocPath(path), docPath: [...path], severity, message, ...(location ? { location } : {}) });
  }

  convert(node: unknown, path: (string | number)[], depth: number): JsonValue | undefined {
    if (depth > MAX_DEPTH) {
      this.diag('error', path, `YAML nesting deeper than ${MAX_DEPTH} levels`, (node as YamlNode | null)?.range);
      return null;
    }
    if (node == null) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) {
        this.diag('error', path, `unknown anchor '${node.source}' referenced`, node.range);
        return null;
      }
      this.aliasBudget -= this.size(target, 0);
      if (this.aliasBudget < 0) throw new ExcessiveAliasing();
      if (this.memo.has(target)) return this.memo.get(target);
      const v = this.convert(target, path, depth + 1);
      this.memo.set(target, v);
      return v;
    }
    if (isScalar(node)) return this.scalar(node, path);
    if (isSeq(node)) return this.seq(node, path, depth);
    if (isMap(node)) return this.map(node, path, depth);
    this.diag('error', path, 'unsupported YAML node', (node as YamlNode).range);
    return null;
  }

  /** Expanded node count, for the alias bomb check. */
  private size(node: unknown, depth: number): number {
    if (depth > MAX_DEPTH) return 1;
    if (isAlias(node)) {
      const t = node.resolve(this.doc);
      return t ? this.size(t, depth + 1) : 1;
    }
    if (!isMap(node) && !isSeq(node)) return 1;
    const known = this.sizes.get(node as YamlNode);
    if (known !== undefined) return known;
    let n = 1;
    for (const it of (node as YAMLSeq | YAMLMap).items) {
      n += isPair(it) ? this.size(it.value, depth + 1) + 1 : this.size(it, depth + 1);
      if (n > MAX_ALIAS_EXPANSION) break;
    }
    this.sizes.set(node as YamlNode, n);
    return n;
  }

  private scalar(node: Scalar, path: DocPath): JsonValue | undefined {
    const text = String(node.value ?? '');
    const tag = node.tag;
    const plain = node.type === 'PLAIN' || node.type === undefined;
    if (tag && tag !== '!') {
      const short = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      switch (short) {
        case '!!str':
        case '!!binary':
          return text;
        case '!!null':
          return null;
        case '!!bool':
        case '!!int':
        case '!!float': {
          const r = resolvePlainYaml11(text);
          const want = short.slice(2);
          if (r.kind === want || (want === 'float' && r.kind === 'int')) return this.scalarJson(r, path, node);
          this.diag('error', path, `cannot decode ${JSON.stringify(text)} as ${short}`, node.range);
          return text;
        }
        default:
          this.diag('warning', path, `YAML tag ${tag} is ignored`, node.range);
      }
    }
    if (!plain) return text;
    const r11 = resolvePlainYaml11(text);
    this.warn12(r11, text, path, node, 'value');
    return this.scalarJson(r11, path, node);
  }

  private scalarJson(r: Resolved, path: DocPath, node: Scalar): JsonValue {
    const v = resolvedToJson(r);
    if (v === undefined) {
      this.diag('error', path, `${describeResolved(r)} cannot be represented in JSON`, node.range);
      return null;
    }
    return v;
  }

  private warn12(r11: Resolved, text: string, path: DocPath, node: Scalar, what: 'value' | 'key'): void {
    const r12 = resolvePlainYaml12(text);
    if (sameResolved(r11, r12)) return;
    this.diag(
      'warning',
      path,
      `the unquoted ${what} ${text} is read as ${describeResolved(r11)} (YAML 1.1, as kubectl reads it); ` +
        `YAML 1.2 would read ${describeResolved(r12)}. Quote it to make the intent explicit.`,
      node.range,
    );
  }

  private seq(node: YAMLSeq, path: (string | number)[], depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    node.items.forEach((it, i) => {
      path.push(i);
      const v = this.convert(it, path, depth + 1);
      path.pop();
      out.push(v === undefined ? null : v);
    });
    return out;
  }

  /** The string sigs.k8s.io/yaml uses as a map key; undefined for keys it cannot convert. */
  keyString(key: unknown, path: DocPath, warn: boolean): string | undefined {
    if (key == null) return '';
    if (isAlias(key)) {
      const t = key.resolve(this.doc);
      return t ? this.keyString(t, path, warn) : undefined;
    }
    if (isScalar(key)) {
      const text = String(key.value ?? '');
      if (key.type !== 'PLAIN' && key.type !== undefined) return text;
      const r = resolvePlainYaml11(text);
      const s = keyToString(r);
      if (warn) this.warn12(r, text, s === undefined ? path : [...path, s], key, 'key');
      if (s === undefined && warn) this.diag('error', path, `a map key ${JSON.stringify(text)} (null) cannot be converted to a JSON object key`, key.range);
      return s;
    }
    if (warn) this.diag('error', path, 'a map key must be a scalar', (key as YamlNode).range);
    return undefined;
  }

  private map(node: YAMLMap, path: (string | number)[], depth: number): { [k: string]: JsonValue } {
    // null prototype: keys such as __proto__ stay data
    const out = newJsonObject() as { [k: string]: JsonValue };
    const seen = new Map<string, Pair>();
    for (const pair of node.items) {
      const k = pair.key;
      if (isScalar(k) && (k.type === 'PLAIN' || k.type === undefined) && k.value === '<<' && !k.tag) {
        this.merge(pair.value, out, path, depth);
        continue;
      }
      const key = this.keyString(k, path, true);
      if (key === undefined) continue;
      path.push(key);
      if (seen.has(key)) this.diag('warning', path, `duplicate key ${JSON.stringify(key)}: the last one wins (as kubectl reads YAML)`, (k as YamlNode | null)?.range);
      seen.set(key, pair);
      const v = this.convert(pair.value, path, depth + 1);
      path.pop();
      out[key] = v === undefined ? null : v;
    }
    return out;
  }

  private merge(src: unknown, out: { [k: string]: JsonValue }, path: (string | number)[], depth: number): void {
    const node = isAlias(src) ? src.resolve(this.doc) : src;
    if (isMap(node)) {
      const v = this.convert(src, path, depth + 1);
      if (v && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) out[k] = (v as { [k: string]: JsonValue })[k];
      return;
    }
    if (isSeq(node)) {
      // later maps in the list take lower precedence
      for (let i = node.items.length - 1; i >= 0; i--) this.merge(node.items[i], out, path, depth + 1);
      return;
    }
    this.diag('error', path, 'map merge requires map or sequence of maps as the value', (node as YamlNode | null)?.range);
  }
}

/** Navigates the YAML node tree by document path (keys as kubectl converts them). */
class YamlSourceMap implements SourceMap {
  private readonly offsets = new Map<Scalar, ScalarOffsets | null>();
  constructor(
    private readonly doc: Document,
    private readonly lines: LineIndex,
    private readonly keyOf: (k: unknown) => string | undefined,
  ) {}

  private deref(n: unknown): unknown {
    for (let i = 0; i < 100 && isAlias(n); i++) n = (n as { resolve(d: Document): unknown }).resolve(this.doc);
    return n;
  }

  private findPair(map: YAMLMap, key: string, depth = 0): Pair | undefined {
    let found: Pair | undefined;
    for (const p of map.items) if (!this.isMergeKey(p.key) && this.keyOf(p.key) === key) found = p;
    if (found || depth > 20) return found;
    for (const p of map.items) {
      if (!this.isMergeKey(p.key)) continue;
      const v = this.deref(p.value);
      const srcs = isSeq(v) ? v.items.map((x) => this.deref(x)) : [v];
      for (const s of srcs) if (isMap(s)) { const f = this.findPair(s, key, depth + 1); if (f) return f; }
    }
    return undefined;
  }

  private isMergeKey(k: unknown): boolean {
    return isScalar(k) && (k.type === 'PLAIN' || k.type === undefined) && k.value === '<<' && !k.tag;
  }

  /** The deepest node along `path`: [node, pair holding it (if a map entry), complete?] */
  private walk(path: DocPath): { node: unknown; pair?: Pair; complete: boolean } {
    let node: unknown = this.doc.contents;
    let pair: Pair | undefined;
    for (const seg of path) {
      const n = this.deref(node);
      let next: unknown;
      let nextPair: Pair | undefined;
      if (isMap(n) && typeof seg === 'string') {
        nextPair = this.findPair(n, seg);
        if (!nextPair) return { node, pair, complete: false };
        next = nextPair.value;
      } else if (isSeq(n) && typeof seg === 'number' && seg >= 0 && seg < n.items.length) {
        next = n.items[seg];
      } else return { node, pair, complete: false };
      if (next == null) return { node: nextPair ? nextPair.key : node, pair: nextPair, complete: true };
      node = next;
      pair = nextPair;
    }
    return { node, pair, complete: true };
  }

  private nodeSpan(node: unknown): SourceSpan | undefined {
    const r = (node as YamlNode | null)?.range;
    return r ? this.lines.span(r[0], r[1]) : undefined;
  }

  span(path: DocPath): SourceSpan | undefined {
    return this.nodeSpan(this.walk(path).node);
  }

  keySpan(path: DocPath): SourceSpan | undefined {
    const w = this.walk(path);
    return w.complete && w.pair ? this.nodeSpan(w.pair.key) : undefined;
  }

  spanInString(path: DocPath, start: number, end: number): SourceSpan | undefined {
    const w = this.walk(path);
    if (!w.complete) return this.nodeSpan(w.node);
    const node = this.deref(w.node);
    if (!isScalar(node) || !node.range) return this.nodeSpan(node);
    let offs = this.offsets.get(node);
    if (offs === undefined) {
      offs = scalarOffsets(this.lines.text, node.range[0], node.range[1], (node.type ?? 'PLAIN') as ScalarStyle, String(node.value ?? '')) ?? null;
      this.offsets.set(node, offs);
    }
    if (!offs) return this.nodeSpan(node);
    const len = offs.value.length;
    const s = Math.max(0, Math.min(start, len));
    const e = Math.max(s, Math.min(end, len));
    let from: number;
    if (s < len) from = offs.starts[s];
    else from = len > 0 ? offs.ends[len - 1] : node.range[0];
    const to = e > s ? offs.ends[e - 1] : from;
    return this.lines.span(from, to);
  }
}

/** Texts beyond this many UTF-16 units are refused (the YAML parser's memory grows with it). */
const MAX_TEXT_LENGTH = 32 * 1024 * 1024;

/** Flow nesting beyond which the text is refused before parsing (the parser would exhaust memory). */
const MAX_FLOW_DEPTH = 1000;
/** Block nesting (indentation plus compact `- ` indicators) beyond which the text is refused. */
const MAX_BLOCK_INDENT = 2000;

/**
 * A cheap upper estimate of the flow-collection nesting ([ and {) of a text, skipping quoted
 * strings and comments; returns the offset where MAX_FLOW_DEPTH is exceeded, or -1.
 */
function excessiveFlowNesting(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    } else if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x27) {
      // a quote inside a plain scalar (it's) is not a string start; only after space or indicator
      const prev = i > 0 ? text[i - 1] : ' ';
      if (/[\s\[{,:-]/.test(prev)) for (i++; i < text.length && text.charCodeAt(i) !== 0x27; i++);
    } else if (c === 0x23 && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    }
  }
  return -1;
}

/** The first line whose indentation (spaces and leading `- ` / `? ` / `: ` indicators) exceeds MAX_BLOCK_INDENT, or -1. */
function excessiveBlockNesting(text: string): number {
  let lineStart = 0;
  while (lineStart < text.length) {
    let i = lineStart;
    while (i < text.length) {
      const c = text[i];
      if (c === ' ') i++;
      else if ((c === '-' || c === '?' || c === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) i += 2;
      else break;
      if (i - lineStart > MAX_BLOCK_INDENT) return i;
    }
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return -1;
}

/** Reads every document of a YAML (or JSON) text. Never throws. */
export function parseYamlDocuments(text: string): { docs: YamlDocument[]; diagnostics: Diagnostic[] } {
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  if (text.length > MAX_TEXT_LENGTH) {
    diagnostics.push({ path: '', severity: 'error', message: `the text is too large (${text.length} characters; at most ${MAX_TEXT_LENGTH})` });
    return { docs: [], diagnostics };
  }
  const tooDeepBlock = excessiveBlockNesting(text);
  if (tooDeepBlock >= 0) {
    const location = lines.span(tooDeepBlock, tooDeepBlock + 1);
    diagnostics.push({ path: '', severity: 'error', message: `YAML nesting deeper than ${MAX_BLOCK_INDENT} columns of indentation at line ${location.line}`, location });
    return { docs: [], diagnostics };
  }
  const tooDeep = excessiveFlowNesting(text);
  if (tooDeep >= 0) {
    const location = lines.span(tooDeep, tooDeep + 1);
    diagnostics.push({ path: '', severity: 'error', message: `YAML nesting deeper than ${MAX_FLOW_DEPTH} levels at line ${location.line}, column ${location.column}`, location });
    return { docs: [], diagnostics };
  }
  let parsed: Document[];
  try {
    parsed = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, keepSourceTokens: false, strict: false, prettyErrors: false }) as unknown as Document[];
    if (!Array.isArray(parsed)) parsed = [parsed as unknown as Document];
  } catch (e) {
    diagnostics.push({ path: '', severity: 'error', message: `cannot parse YAML: ${e instanceof Error ? e.message : String(e)}` });
    return { docs: [], diagnostics };
  }
  const docs: YamlDocument[] = [];
  for (const doc of parsed) {
    const conv = new Converter(doc, lines);
    const docDiags: Diagnostic[] = [];
    for (const err of doc.errors) {
      const loc = lines.span(err.pos[0], err.pos[1]);
      docDiags.push({ path: '', severity: 'error', message: `YAML syntax error at line ${loc.line}, column ${loc.column}: ${err.message.split('\n')[0]}`, location: loc });
    }
    for (const w of doc.warnings) {
      if (w.code === 'TAG_RESOLVE_FAILED') continue; // reported by the converter
      const loc = lines.span(w.pos[0], w.pos[1]);
      docDiags.push({ path: '', severity: 'warning', message: w.message.split('\n')[0], location: loc });
    }
    let value: JsonValue | undefined;
    if (doc.errors.length === 0) {
      try {
        value = doc.contents == null ? undefined : conv.convert(doc.contents, [], 0);
      } catch (e) {
        value = undefined;
        const msg = e instanceof ExcessiveAliasing ? 'document contains excessive aliasing' : e instanceof RangeError ? 'YAML nesting too deep' : `cannot read YAML: ${String(e)}`;
        conv.diagnostics.push({ path: '', severity: 'error', message: msg });
      }
    }
    docDiags.push(...conv.diagnostics);
    const keyOf = (k: unknown) => conv.keyString(k, [], false);
    const range = (doc.range ?? [0, text.length, text.length]) as number[];
    docs.push({ value, sourceMap: new YamlSourceMap(doc, lines, keyOf), diagnostics: docDiags, range: [range[0], range[2] ?? range[1]] });
  }
  return { docs, diagnostics };
}
