// Applying a JSON Patch as kube-apiserver's MutatingAdmissionPolicy does (semantics.md §6):
// apiserver mutating/patch/json_patch.go builds each operation as
// `{"op": Quote(op), "path": Quote(path), "from"?: Quote(from) if non-empty, "value"?: json}` and
// calls Patch.Apply of gopkg.in/evanphx/json-patch.v4 (v4.12.0 for Kubernetes 1.32-1.34,
// v4.13.0 for 1.35-1.36) with the 3 MiB copy limit of apiserver pkg/server/config.go.
// Facts ported (not code) from evanphx/json-patch patch.go at those tags.
import type { JsonValue, KubernetesVersion } from '../../types.js';
import { encodeJson, utf8Length } from '../../json/encode.js';
import { unescapePointerToken } from '../../json/pointer.js';
import { isPlainObject } from '../../json/object.js';
import { containerOf, docContainer, aryContainer, type Container, type PatchError } from './containers.js';
import { GoPanic, NIL_DEREF, decodeQuoted } from './go-text.js';
import { jsonKind } from '../../k8s/go-values.js';
import { LazyNode, deref, intoAry, intoDoc, marshalNode, nodeEqual, nodeRawIsArray, nodeToValue, rawIsArray, rawIsNil, tryAry, tryDoc } from './lazy-node.js';

export type ApplyResult =
  | { ok: true; doc: JsonValue }
  | { ok: false; testFailed: true }
  | { ok: false; panic: true; detail: string }
  | { ok: false; error: string };

export interface ApplyOptions {
  readonly version: KubernetesVersion;
  /** AccumulatedCopySizeLimit; the apiserver sets 3 MiB (JSONPatchMaxCopyBytes). 0 = no limit. */
  readonly copySizeLimit?: number;
  /**
   * Read the operations as the library reads a patch decoded from JSON text (json.Unmarshal into
   * Operation) instead of as the apiserver builds them: a `null` field is a nil pointer (a null
   * `value` then equals a missing key in `test`), absent `op`/`path` stay absent, and an empty
   * `from` is kept. Only for porting the library's own tests.
   */
  readonly libraryDecoding?: boolean;
}

export const APISERVER_COPY_SIZE_LIMIT = 3 * 1024 * 1024;

/** The library release Kubernetes vendors: true for v4.13.0 (1.35+), false for v4.12.0. */
export function usesJsonPatchV413(version: KubernetesVersion): boolean {
  return version !== '1.32' && version !== '1.33' && version !== '1.34';
}

const ErrMissing = 'missing value';

interface Op {
  /** decoded field, or the decoding error; undefined when the key is absent */
  readonly op: Field;
  readonly path: Field;
  readonly from: Field;
  /** the value, whose encodeJson text is the operation's (nil: Go's nil RawMessage); undefined when absent */
  readonly value: { readonly nil: boolean; readonly v: unknown } | undefined;
}

type Field = { ok: true; value: string } | { ok: false; error: string } | undefined;

function readField(o: Readonly<Record<string, unknown>>, key: string, omitEmpty: boolean, library: boolean): Field {
  if (library) {
    // json.Unmarshal into map[string]*json.RawMessage: absent and null are both a nil pointer
    const v = Object.hasOwn(o, key) ? o[key] : undefined;
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return { ok: true, value: v };
    return { ok: false, error: `json: cannot unmarshal ${jsonKind(v)} into Go value of type string` };
  }
  if (!Object.hasOwn(o, key)) return omitEmpty ? undefined : { ok: true, value: '' };
  const v = o[key];
  if (v === undefined) return omitEmpty ? undefined : { ok: true, value: '' };
  if (v === null) return { ok: true, value: '' };
  if (typeof v === 'string') {
    if (omitEmpty && v === '') return undefined;
    return decodeQuoted(v);
  }
  return { ok: false, error: `json: cannot unmarshal ${jsonKind(v)} into Go value of type string` };
}

function toOp(o: unknown, library: boolean): Op {
  const rec = (typeof o === 'object' && o !== null && !Array.isArray(o) ? o : {}) as Readonly<Record<string, unknown>>;
  const hasValue = Object.hasOwn(rec, 'value') && rec.value !== undefined;
  let value: Op['value'];
  if (hasValue) value = { nil: library && rec.value === null, v: rec.value };
  return {
    op: readField(rec, 'op', false, library),
    path: readField(rec, 'path', false, library),
    from: readField(rec, 'from', true, library),
    value,
  };
}

const kind = (op: Op): string => (op.op && op.op.ok ? op.op.value : 'unknown');

function pathOf(op: Op): { ok: true; value: string } | { ok: false; error: string } {
  if (op.path === undefined) return { ok: false, error: `operation missing path field: ${ErrMissing}` };
  return op.path;
}

function fromOf(op: Op): { ok: true; value: string } | { ok: false; error: string } {
  if (op.from === undefined) return { ok: false, error: `operation, missing from field: ${ErrMissing}` };
  return op.from;
}

const valueNode = (op: Op): LazyNode | null =>
  op.value === undefined ? null : op.value.nil ? new LazyNode(undefined) : LazyNode.fromValue(op.value.v);

/** The whole document: a node whose `doc` or `ary` is the top container. */
class Document {
  constructor(public top: LazyNode) {}
  container(): Container {
    return this.top.which === 'ary' ? aryContainer(this.top) : docContainer(this.top);
  }
}

const err = (message: string, testFailed = false): PatchError => ({ message, testFailed });

class Patcher {
  private copied = 0;
  constructor(
    private readonly doc: Document,
    private readonly v413: boolean,
    private readonly copyLimit: number,
  ) {}

  /** findObject: the parent container and the last (decoded) key, or undefined. */
  private find(path: string): { con: Container; key: string } | undefined {
    const split = path.split('/');
    if (split.length < 2) return undefined;
    let con = this.doc.container();
    for (const part of split.slice(1, -1)) {
      const got = con.get(unescapePointerToken(part));
      if ('error' in got || got.node === null) return undefined;
      const next = got.node;
      if (rawIsNil(next)) {
        if (this.v413) return undefined;
        throw new GoPanic(NIL_DEREF);
      }
      if (nodeRawIsArray(next)) {
        if (!intoAry(next)) return undefined;
      } else if (!intoDoc(next)) return undefined;
      con = containerOf(next);
    }
    return { con, key: unescapePointerToken(split[split.length - 1]) };
  }

  run(op: Op): PatchError | undefined {
    switch (kind(op)) {
      case 'add':
        return this.add(op);
      case 'remove':
        return this.remove(op);
      case 'replace':
        return this.replace(op);
      case 'move':
        return this.move(op);
      case 'test':
        return this.test(op);
      case 'copy':
        return this.copy(op);
      default:
        return err(`Unexpected kind: ${kind(op)}`);
    }
  }

  private add(op: Op): PatchError | undefined {
    const p = pathOf(op);
    if (!p.ok) return err(`add operation failed to decode path: ${ErrMissing}`);
    const f = this.find(p.value);
    if (!f) return err(`add operation does not apply: doc is missing path: "${p.value}": ${ErrMissing}`);
    const e = f.con.add(f.key, valueNode(op));
    return e && err(`error in add for path: '${p.value}': ${e.message}`);
  }

  private remove(op: Op): PatchError | undefined {
    const p = pathOf(op);
    if (!p.ok) return err(`remove operation failed to decode path: ${ErrMissing}`);
    const f = this.find(p.value);
    if (!f) return err(`remove operation does not apply: doc is missing path: "${p.value}": ${ErrMissing}`);
    const e = f.con.remove(f.key);
    return e && err(`error in remove for path: '${p.value}': ${e.message}`);
  }

  private replace(op: Op): PatchError | undefined {
    const p = pathOf(op);
    if (!p.ok) return err(`replace operation failed to decode path: ${p.error}`);
    if (p.value === '') {
      const val = deref(valueNode(op));
      if (val.which === 'raw' && !tryDoc(val) && !tryAry(val)) {
        // v4.12 wraps a nil error with pkg/errors (giving nil: no error, nothing replaced);
        // v4.13 formats the nil cause with %w.
        return this.v413 ? err('replace operation value must be object or array: %!w(<nil>)') : undefined;
      }
      this.doc.top = val;
      return undefined;
    }
    const f = this.find(p.value);
    if (!f) return err(`replace operation does not apply: doc is missing path: ${p.value}: ${ErrMissing}`);
    if ('error' in f.con.get(f.key)) {
      return err(`replace operation does not apply: doc is missing key: ${p.value}: ${ErrMissing}`);
    }
    const e = f.con.set(f.key, valueNode(op));
    return e && err(`error in remove for path: '${p.value}': ${e.message}`);
  }

  private move(op: Op): PatchError | undefined {
    const from = fromOf(op);
    if (!from.ok) return err(`move operation failed to decode from: ${from.error}`);
    const f = this.find(from.value);
    if (!f) return err(`move operation does not apply: doc is missing from path: ${from.value}: ${ErrMissing}`);
    const got = f.con.get(f.key);
    if ('error' in got) return err(`error in move for path: '${f.key}': ${got.error.message}`);
    const removed = f.con.remove(f.key);
    if (removed) return err(`error in move for path: '${f.key}': ${removed.message}`);
    const p = pathOf(op);
    if (!p.ok) return err(`move operation failed to decode path: ${p.error}`);
    const t = this.find(p.value);
    if (!t) return err(`move operation does not apply: doc is missing destination path: ${p.value}: ${ErrMissing}`);
    const e = t.con.add(t.key, got.node);
    return e && err(`error in move for path: '${p.value}': ${e.message}`);
  }

  private test(op: Op): PatchError | undefined {
    const p = pathOf(op);
    if (!p.ok) return err(`test operation failed to decode path: ${p.error}`);
    const failed = err(`testing value ${p.value} failed: test failed`, true);
    if (p.value === '') {
      const top = this.doc.top;
      const self = new LazyNode(undefined);
      self.which = top.which === 'ary' ? 'ary' : 'doc';
      self.doc = top.doc;
      self.ary = top.ary;
      return nodeEqual(self, valueNode(op)) ? undefined : failed;
    }
    const f = this.find(p.value);
    if (!f) return err(`test operation does not apply: is missing path: ${p.value}: ${ErrMissing}`);
    const got = f.con.get(f.key);
    if ('error' in got) return err(`error in test for path: '${p.value}': ${got.error.message}`);
    const val = got.node;
    const want = valueNode(op);
    if (val === null) {
      if (want === null) {
        // v4.12 reads the raw field of the missing value: a nil pointer dereference.
        if (!this.v413) throw new GoPanic(NIL_DEREF);
        return undefined;
      }
      return rawIsNil(want) ? undefined : failed;
    }
    if (want === null) return failed;
    return nodeEqual(val, want) ? undefined : failed;
  }

  private copy(op: Op): PatchError | undefined {
    const from = fromOf(op);
    if (!from.ok) return err(`copy operation failed to decode from: ${from.error}`);
    const f = this.find(from.value);
    if (!f) return err(`copy operation does not apply: doc is missing from path: ${from.value}: ${ErrMissing}`);
    const got = f.con.get(f.key);
    if ('error' in got) return err(`error in copy for from: '${from.value}': ${got.error.message}`);
    const p = pathOf(op);
    if (!p.ok) return err(`copy operation failed to decode path: ${ErrMissing}`);
    const t = this.find(p.value);
    if (!t) return err(`copy operation does not apply: doc is missing destination path: ${p.value}: ${ErrMissing}`);
    let copy: LazyNode | null = null;
    if (got.node !== null) {
      const text = marshalNode(got.node);
      this.copied += utf8Length(text);
      copy = new LazyNode(text);
    }
    if (this.copyLimit > 0 && this.copied > this.copyLimit) {
      return err(
        `Unable to complete the copy, the accumulated size increase of copy is ${this.copied}, exceeding the limit ${this.copyLimit}`,
      );
    }
    const e = t.con.add(t.key, copy);
    return e && err(`error while adding value during copy: ${e.message}`);
  }
}

/**
 * Applies `operations` (JSON objects `{op, path, from?, value?}`, as the apiserver builds them
 * from the JSONPatch values; an absent `value` differs from `null`, an empty `from` counts as
 * absent) to `doc`, all or nothing. Never throws.
 * - `{ok: true, doc}`: the patched document (a fresh value; numbers re-read from their JSON text,
 *   so a double `5.0` comes back as the int 5, as the apiserver's decoding sees it);
 * - `{ok: false, testFailed: true}`: a `test` failed; the apiserver keeps the object unchanged
 *   and reports no error;
 * - `{ok: false, panic: true}`: the library panics (the apiserver answers HTTP 500);
 * - `{ok: false, error}`: the library's error, without the apiserver's `JSON Patch: ` prefix.
 */
export function applyJsonPatch(doc: unknown, operations: readonly unknown[], options: ApplyOptions): ApplyResult {
  try {
    // A map or slice is decoded from the value itself; anything else through its text.
    const container = Array.isArray(doc) || (typeof doc === 'object' && doc !== null && isPlainObject(doc));
    const text = container ? '' : encodeJson(doc);
    const top = container ? LazyNode.fromValue(doc) : new LazyNode(text);
    const decoded = container ? (Array.isArray(doc) ? tryAry(top) : tryDoc(top)) : rawIsArray(text) ? tryAry(top) : tryDoc(top);
    if (!decoded) {
      return { ok: false, error: `json: cannot unmarshal ${jsonKind(doc)} into Go value of type jsonpatch.partialDoc` };
    }
    top.raw = undefined;
    const limit = options.copySizeLimit ?? APISERVER_COPY_SIZE_LIMIT;
    const document = new Document(top);
    const patcher = new Patcher(document, usesJsonPatchV413(options.version), limit);
    for (const o of operations) {
      const e = patcher.run(toOp(o, options.libraryDecoding === true));
      if (e) return e.testFailed ? { ok: false, testFailed: true } : { ok: false, error: e.message };
    }
    return { ok: true, doc: nodeToValue(document.top) };
  } catch (e) {
    if (e instanceof GoPanic) return { ok: false, panic: true, detail: e.message };
    return { ok: false, panic: true, detail: String(e) };
  }
}
