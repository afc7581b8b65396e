// JSON Patch as the MutatingAdmissionPolicy plugin applies it: operations built like
// apiserver mutating/patch/json_patch.go builds them (op and path always, from when non-empty,
// value when set). Ports of the patch application in that package's json_patch_test.go
// (TestJSONPatch, on the Deployment's JSON form), the behaviours of semantics.md §6.3-§6.5 and
// OBSERVED.md "JSONPatch", and the pure-patch part of reference/sample/jsonpatch/*.yaml.
import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '../../../../src/engine/admission/jsonpatch/index.js';
import { deepEqual } from '../../../../src/engine/json/index.js';
import type { KubernetesVersion } from '../../../../src/engine/types.js';

type Op = Record<string, unknown>;
const apply = (doc: unknown, ops: Op[], version: KubernetesVersion = '1.36') => applyJsonPatch(doc, ops, { version });

function expectDoc(doc: unknown, ops: Op[], want: unknown, version: KubernetesVersion = '1.36'): void {
  const r = apply(doc, ops, version);
  if (!r.ok) throw new Error(`patch failed: ${JSON.stringify(r)}`);
  expect(deepEqual(r.doc, want), `got ${JSON.stringify(r.doc, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`).toBe(true);
}
const expectError = (doc: unknown, ops: Op[], error: string, version: KubernetesVersion = '1.36'): void => {
  expect(apply(doc, ops, version)).toEqual({ ok: false, error });
};

const deploy = (spec: unknown, labels?: Record<string, string>) => ({
  metadata: labels ? { labels } : {},
  spec,
});
const containers = (...names: string[]) => ({ template: { spec: { containers: names.map((name) => ({ name })) } } });

describe('apiserver mutating/patch json_patch_test.go TestJSONPatch (patch application)', () => {
  it('jsonPatch with false test operation: a test failure, the object stays as it was', () => {
    expect(
      apply(deploy({ replicas: 1n }), [
        { op: 'test', path: '/spec/replicas', value: 100n },
        { op: 'replace', path: '/spec/replicas', value: 3n },
      ]),
    ).toEqual({ ok: false, testFailed: true });
  });
  it('jsonPatch with true test operation', () => {
    expectDoc(deploy({ replicas: 1n }), [
      { op: 'test', path: '/spec/replicas', value: 1n },
      { op: 'replace', path: '/spec/replicas', value: 3n },
    ], deploy({ replicas: 3n }));
  });
  it('jsonPatch remove to unset field', () => {
    expectDoc(deploy({ replicas: 1n }), [{ op: 'remove', path: '/spec/replicas' }], deploy({}));
  });
  it('jsonPatch remove map entry by key', () => {
    expectDoc(deploy({}, { x: '1', y: '1' }), [{ op: 'remove', path: '/metadata/labels/y' }], deploy({}, { x: '1' }));
  });
  it('jsonPatch remove element in list', () => {
    expectDoc(deploy(containers('a', 'b', 'c')), [{ op: 'remove', path: '/spec/template/spec/containers/1' }], deploy(containers('a', 'c')));
  });
  it('jsonPatch copy map entry by key', () => {
    expectDoc(deploy({}, { x: '1' }), [{ op: 'copy', from: '/metadata/labels/x', path: '/metadata/labels/y' }], deploy({}, { x: '1', y: '1' }));
  });
  it('jsonPatch copy first element to end of list', () => {
    expectDoc(
      deploy(containers('a', 'b', 'c')),
      [{ op: 'copy', from: '/spec/template/spec/containers/0', path: '/spec/template/spec/containers/-' }],
      deploy(containers('a', 'b', 'c', 'a')),
    );
  });
  it('jsonPatch move map entry by key', () => {
    expectDoc(deploy({}, { x: '1' }), [{ op: 'move', from: '/metadata/labels/x', path: '/metadata/labels/y' }], deploy({}, { y: '1' }));
  });
  it('jsonPatch move first element to end of list', () => {
    expectDoc(
      deploy(containers('a', 'b', 'c')),
      [{ op: 'move', from: '/spec/template/spec/containers/0', path: '/spec/template/spec/containers/-' }],
      deploy(containers('b', 'c', 'a')),
    );
  });
  it('jsonPatch add map entry by key and value', () => {
    expectDoc(deploy({}, { y: '1' }), [{ op: 'add', path: '/metadata/labels/x', value: '2' }], deploy({}, { y: '1', x: '2' }));
  });
  it('jsonPatch add map value to field', () => {
    expectDoc(deploy({}), [{ op: 'add', path: '/metadata/labels', value: { y: '2' } }], deploy({}, { y: '2' }));
  });
  it('jsonPatch add map to existing map (performs a replacement)', () => {
    expectDoc(deploy({}, { x: '1' }), [{ op: 'add', path: '/metadata/labels', value: { y: '2' } }], deploy({}, { y: '2' }));
  });
  it('jsonPatch add to start of list', () => {
    expectDoc(deploy(containers('a')), [{ op: 'add', path: '/spec/template/spec/containers/0', value: { name: 'x' } }], deploy(containers('x', 'a')));
  });
  it('jsonPatch add to end of list', () => {
    expectDoc(deploy(containers('a')), [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'x' } }], deploy(containers('a', 'x')));
  });
  it('jsonPatch replace key in map (missing key: acts like add)', () => {
    expectDoc(deploy({}, { y: '1' }), [{ op: 'replace', path: '/metadata/labels/x', value: '2' }], deploy({}, { y: '1', x: '2' }));
  });
  it('jsonPatch replace map value of unset field (adds the field value)', () => {
    expectDoc(deploy({}), [{ op: 'replace', path: '/metadata/labels', value: { y: '2' } }], deploy({}, { y: '2' }));
  });
  it('jsonPatch replace map value of set field', () => {
    expectDoc(deploy({}, { x: '1' }), [{ op: 'replace', path: '/metadata/labels', value: { y: '2' } }], deploy({}, { y: '2' }));
  });
  it('jsonPatch replace first element in list', () => {
    expectDoc(deploy(containers('a')), [{ op: 'replace', path: '/spec/template/spec/containers/0', value: { name: 'x' } }], deploy(containers('x')));
  });
  it('JSONPatch key escaping', () => {
    expectDoc(
      deploy({}),
      [
        { op: 'add', path: '/metadata/labels', value: {} },
        { op: 'add', path: '/metadata/labels/k8s.io~1x~0y', value: 'true' },
      ],
      deploy({}, { 'k8s.io/x~y': 'true' }),
    );
  });
  it('jsonPatch replace end of list with - not allowed', () => {
    expectError(
      deploy(containers('a')),
      [{ op: 'replace', path: '/spec/template/spec/containers/-', value: { name: 'x' } }],
      'replace operation does not apply: doc is missing key: /spec/template/spec/containers/-: missing value',
    );
  });
});

const cm = (data: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' }, data });

describe('semantics.md §6.3 and OBSERVED.md "JSONPatch"', () => {
  const list = { l: ['a', 'b', 'c'] };
  it('-1: add appends, remove deletes the last element', () => {
    expectDoc(list, [{ op: 'add', path: '/l/-1', value: 'd' }], { l: ['a', 'b', 'c', 'd'] });
    expectDoc(list, [{ op: 'remove', path: '/l/-1' }], { l: ['a', 'b'] });
    expectDoc(list, [{ op: 'add', path: '/l/-4', value: 'z' }], { l: ['z', 'a', 'b', 'c'] });
  });
  it('leading zeros and a plus sign are accepted (strconv.Atoi)', () => {
    expectDoc(list, [{ op: 'remove', path: '/l/01' }], { l: ['a', 'c'] });
    expectDoc(list, [{ op: 'replace', path: '/l/+0', value: 'x' }], { l: ['x', 'b', 'c'] });
  });
  it('index == length appends; past the end errors; - appends', () => {
    expectDoc(list, [{ op: 'add', path: '/l/3', value: 'd' }], { l: ['a', 'b', 'c', 'd'] });
    expectDoc(list, [{ op: 'add', path: '/l/-', value: 'd' }], { l: ['a', 'b', 'c', 'd'] });
    expectError(list, [{ op: 'add', path: '/l/4', value: 'd' }], "error in add for path: '/l/4': Unable to access invalid index: 4: invalid index referenced");
    expectError(list, [{ op: 'add', path: '/l/x', value: 'd' }], `error in add for path: '/l/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`);
    expectError(list, [{ op: 'remove', path: '/l/99999999999999999999' }], `error in remove for path: '/l/99999999999999999999': strconv.Atoi: parsing "99999999999999999999": value out of range`);
  });
  it('sample pod-remove-past-end', () => {
    expectError({ spec: { containers: [{ name: 'a' }] } }, [{ op: 'remove', path: '/spec/containers/5' }], "error in remove for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced");
  });
  it('path "": replace swaps the whole document, add fails, an omitted path is ""', () => {
    expectDoc(cm({ a: 'b' }), [{ op: 'replace', path: '', value: { kind: 'X' } }], { kind: 'X' });
    expectDoc(cm({ a: 'b' }), [{ op: 'replace', value: { kind: 'X' } }], { kind: 'X' });
    expectError(cm({}), [{ op: 'add', path: '', value: {} }], 'add operation does not apply: doc is missing path: "": missing value');
    expectError(cm({}), [{ op: 'add', value: {} }], 'add operation does not apply: doc is missing path: "": missing value');
  });
  it('replace "" with a scalar: nothing in v4.12, an error in v4.13', () => {
    expectDoc({ a: 1n }, [{ op: 'replace', path: '', value: 'x' }], { a: 1n }, '1.34');
    expectError({ a: 1n }, [{ op: 'replace', path: '', value: 'x' }], 'replace operation value must be object or array: %!w(<nil>)', '1.35');
  });
  it('replace "" or test "" without a value panics', () => {
    expect(apply({}, [{ op: 'replace', path: '' }])).toMatchObject({ ok: false, panic: true });
    expect(apply({}, [{ op: 'test', path: '' }])).toMatchObject({ ok: false, panic: true });
  });
  it('a path without the leading slash addresses a top-level key (sample data/x)', () => {
    expectDoc(cm({ seed: 'x' }), [{ op: 'add', path: 'data/x', value: 'y' }], { ...cm({ seed: 'x' }), x: 'y' });
    expectError(cm({}), [{ op: 'add', path: 'data', value: 'y' }], 'add operation does not apply: doc is missing path: "data": missing value');
  });
  it('escapes: ~1 -> /, ~0 -> ~, ~01 -> ~1, an invalid ~2 is kept (sample escape-invalid-tilde2)', () => {
    expectDoc(cm({}), [{ op: 'add', path: '/data/a~1b', value: 'v' }], cm({ 'a/b': 'v' }));
    expectDoc(cm({}), [{ op: 'add', path: '/data/a~0b', value: 'v' }], cm({ 'a~b': 'v' }));
    expectDoc(cm({}), [{ op: 'add', path: '/data/a~01b', value: 'v' }], cm({ 'a~1b': 'v' }));
    expectDoc(cm({ seed: 'x' }), [{ op: 'add', path: '/data/a~2b', value: 'v' }], cm({ seed: 'x', 'a~2b': 'v' }));
  });
  it('move onto itself is a no-op; move into its own child fails', () => {
    expectDoc(cm({ a: 'b' }), [{ op: 'move', from: '/data', path: '/data' }], cm({ a: 'b' }));
    expectDoc(list, [{ op: 'move', from: '/l/1', path: '/l/1' }], list);
    expectError(cm({ a: 'b' }), [{ op: 'move', from: '/data', path: '/data/inner' }], 'move operation does not apply: doc is missing destination path: /data/inner: missing value');
  });
  it('move: missing from field, missing from key, missing from path', () => {
    expectError(cm({}), [{ op: 'move', path: '/data/x' }], 'move operation failed to decode from: operation, missing from field: missing value');
    expectError(cm({}), [{ op: 'move', from: '', path: '/data/x' }], 'move operation failed to decode from: operation, missing from field: missing value');
    expectError(cm({}), [{ op: 'move', from: '/data/nope', path: '/data/x' }], "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value");
    expectError(cm({}), [{ op: 'move', from: '/nope/x', path: '/data/x' }], 'move operation does not apply: doc is missing from path: /nope/x: missing value');
  });
  it('copy from a missing key copies null; copy into its own child (sample copy-into-own-child)', () => {
    expectDoc(cm({ a: 'b' }), [{ op: 'copy', from: '/data/missing', path: '/data/c' }], cm({ a: 'b', c: null }));
    expectDoc(cm({ seed: 'x' }), [{ op: 'copy', from: '/data', path: '/data/inner' }], cm({ seed: 'x', inner: { seed: 'x' } }));
    expectError(cm({}), [{ op: 'copy', from: '/nope/a', path: '/data/c' }], 'copy operation does not apply: doc is missing from path: /nope/a: missing value');
    expectError(cm({}), [{ op: 'copy', from: '/data', path: '/nope/c' }], 'copy operation does not apply: doc is missing destination path: /nope/c: missing value');
  });
  it('unknown ops (sample op-uppercase)', () => {
    expectError(cm({}), [{ op: 'ADD', path: '/data/x', value: 'y' }], 'Unexpected kind: ADD');
    expectError(cm({}), [{ op: '', path: '/data/x' }], 'Unexpected kind: ');
    expectError(cm({}), [{ path: '/data/x' }], 'Unexpected kind: ');
  });
  it('add without value inserts null (sample add-without-value)', () => {
    expectDoc(cm({ seed: 'x' }), [{ op: 'add', path: '/data/x' }], cm({ seed: 'x', x: null }));
  });
  it('add onto an existing key replaces it (sample add-existing-key-replaces)', () => {
    expectDoc(cm({ seed: 'x' }), [{ op: 'add', path: '/data/seed', value: 'new' }], cm({ seed: 'new' }));
  });
  it('add to a missing parent fails (the docs example on a Pod without initContainers)', () => {
    expectError(
      { spec: { containers: [] } },
      [{ op: 'add', path: '/spec/initContainers/-', value: { name: 'x' } }],
      'add operation does not apply: doc is missing path: "/spec/initContainers/-": missing value',
    );
  });
  it('a null in the document is no parent; a path through a scalar is missing', () => {
    expectError({ a: null }, [{ op: 'add', path: '/a/b', value: 1n }], 'add operation does not apply: doc is missing path: "/a/b": missing value');
    expectError({ a: 's' }, [{ op: 'add', path: '/a/b', value: 1n }], 'add operation does not apply: doc is missing path: "/a/b": missing value');
    expectError({ a: null }, [{ op: 'replace', path: '/a/b', value: 1n }], 'replace operation does not apply: doc is missing path: /a/b: missing value');
  });
  it('writing into a null that the same patch added is a Go panic (nil map)', () => {
    expect(apply({}, [{ op: 'add', path: '/a', value: null }, { op: 'add', path: '/a/b', value: 1n }])).toMatchObject({ ok: false, panic: true });
  });
  it('a failing operation discards the whole patch (sample remove-then-fail)', () => {
    expectError(
      cm({ seed: 'x' }),
      [{ op: 'remove', path: '/data/seed' }, { op: 'remove', path: '/data/seed' }],
      "error in remove for path: '/data/seed': Unable to remove nonexistent key: seed: missing value",
    );
    expectError(cm({ seed: 'x' }), [{ op: 'remove', path: '/data/missing' }], "error in remove for path: '/data/missing': Unable to remove nonexistent key: missing: missing value");
  });
  it('remove of a null-valued key works (the key is present)', () => {
    expectDoc({ a: null, b: 1n }, [{ op: 'remove', path: '/a' }], { b: 1n });
  });
  it('the paths an operation reads see the earlier operations', () => {
    expectDoc({}, [{ op: 'add', path: '/a', value: {} }, { op: 'add', path: '/a/b', value: [] }, { op: 'add', path: '/a/b/-', value: 1n }], { a: { b: [1n] } });
  });
  it('the 3 MiB copy limit', () => {
    const big = 'x'.repeat(1024 * 1024);
    expectError(
      { a: big, b: {} },
      [
        { op: 'copy', from: '/a', path: '/b/1' },
        { op: 'copy', from: '/a', path: '/b/2' },
        { op: 'copy', from: '/a', path: '/b/3' },
      ],
      `Unable to complete the copy, the accumulated size increase of copy is ${3 * (1024 * 1024 + 2)}, exceeding the limit ${3 * 1024 * 1024}`,
    );
  });
  it('copy size counts Go JSON bytes (HTML escapes, UTF-8)', () => {
    const r = applyJsonPatch({ a: '<é>', b: {} }, [{ op: 'copy', from: '/a', path: '/b/c' }], { version: '1.36', copySizeLimit: 15 });
    // "\u003cé\u003e" is 2 + 6 + 2 + 6 = 16 bytes
    expect(r).toEqual({ ok: false, error: 'Unable to complete the copy, the accumulated size increase of copy is 16, exceeding the limit 15' });
  });
  it('numbers come back as their JSON text reads: a double 5.0 is the int 5', () => {
    expectDoc({ spec: { replicas: 2n } }, [{ op: 'replace', path: '/spec/replicas', value: 5 }], { spec: { replicas: 5n } });
    expectDoc({ spec: { replicas: 2n } }, [{ op: 'replace', path: '/spec/replicas', value: 2.5 }], { spec: { replicas: 2.5 } });
  });
  it('op/path strings that Go quotes with escapes JSON lacks do not decode', () => {
    expectError(cm({}), [{ op: 'add', path: '/data/a\u0007' }], 'add operation failed to decode path: missing value');
    expectError(cm({}), [{ op: 'test', path: '/data/a\u007f' }], "test operation failed to decode path: invalid character 'x' in string escape code");
    expectError(cm({}), [{ op: 'add\u000b', path: '/data/a' }], 'Unexpected kind: unknown');
    expectDoc(cm({}), [{ op: 'add', path: '/data/a\n\u00ad', value: 'v' }], cm({ 'a\n\u00ad': 'v' }));
  });
});

describe('test (semantics.md §6.4)', () => {
  it('a value mismatch is a test failure; earlier operations are dropped too (sample test-fail-skips-all)', () => {
    expect(apply(cm({ seed: 'x' }), [{ op: 'add', path: '/data/before', value: '1' }, { op: 'test', path: '/data/seed', value: 'nope' }])).toEqual({
      ok: false,
      testFailed: true,
    });
  });
  it('a missing parent is a real error', () => {
    expectError(cm({}), [{ op: 'test', path: '/nope/x', value: 'a' }], 'test operation does not apply: is missing path: /nope/x: missing value');
  });
  it('missing leaf with a value (even null) fails', () => {
    expect(apply(cm({}), [{ op: 'test', path: '/data/x', value: 'a' }])).toEqual({ ok: false, testFailed: true });
    expect(apply(cm({}), [{ op: 'test', path: '/data/x', value: null }])).toEqual({ ok: false, testFailed: true });
  });
  it('missing leaf without a value: passes in 1.35+ (v4.13), panics in 1.32-1.34 (v4.12)', () => {
    expectDoc(cm({}), [{ op: 'test', path: '/data/x' }, { op: 'add', path: '/data/x', value: 'y' }], cm({ x: 'y' }), '1.35');
    expectDoc(cm({}), [{ op: 'test', path: '/data/x' }], cm({}), '1.36');
    for (const v of ['1.32', '1.33', '1.34'] as const) {
      expect(apply(cm({}), [{ op: 'test', path: '/data/x' }], v)).toMatchObject({ ok: false, panic: true });
    }
  });
  it('a present key without a value fails (sample test-present-path-without-value)', () => {
    expect(apply(cm({ seed: 'x' }), [{ op: 'test', path: '/data/seed' }, { op: 'add', path: '/data/after', value: '1' }])).toEqual({ ok: false, testFailed: true });
  });
  it('scalars compare by JSON text: 2.0 equals the int 2 (sample deploy-replicas-test-double), "1" does not', () => {
    expectDoc({ spec: { replicas: 2n } }, [{ op: 'test', path: '/spec/replicas', value: 2 }, { op: 'replace', path: '/spec/replicas', value: 7n }], { spec: { replicas: 7n } });
    expect(apply({ spec: { replicas: 2n } }, [{ op: 'test', path: '/spec/replicas', value: '2' }])).toEqual({ ok: false, testFailed: true });
    expect(apply({ a: 1.5 }, [{ op: 'test', path: '/a', value: 1.5 }]).ok).toBe(true);
  });
  it('objects by key, arrays by element; null members match absent ones only in a map', () => {
    expect(apply({ a: { x: 1n, y: [1n, 'b'] } }, [{ op: 'test', path: '/a', value: { y: [1n, 'b'], x: 1n } }]).ok).toBe(true);
    expect(apply({ a: { x: 1n, n: null } }, [{ op: 'test', path: '/a', value: { x: 1n, n: null } }]).ok).toBe(true);
    expect(apply({ a: [1n, 2n] }, [{ op: 'test', path: '/a', value: [2n, 1n] }])).toEqual({ ok: false, testFailed: true });
    // a null array element makes the library dereference nil
    expect(apply({ a: [null] }, [{ op: 'test', path: '/a', value: [null] }])).toMatchObject({ ok: false, panic: true });
  });
  it('strings compare by their (HTML-escaped) text', () => {
    expect(apply({ a: 'x\u007f\u2028' }, [{ op: 'test', path: '/a', value: 'x\u007f\u2028' }]).ok).toBe(true);
    expect(apply({ a: 'x<&>' }, [{ op: 'test', path: '/a', value: 'x<&>' }]).ok).toBe(true);
  });
  it('test "" compares the whole document', () => {
    expect(apply({ a: 1n }, [{ op: 'test', path: '', value: { a: 1n } }]).ok).toBe(true);
    expect(apply({ a: 1n }, [{ op: 'test', path: '', value: { a: 2n } }])).toEqual({ ok: false, testFailed: true });
  });
});

describe('sample/jsonpatch expectations (the patch step only)', () => {
  it('add-label-escaped', () => {
    expectDoc({ metadata: { labels: { a: 'b' } } }, [{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'web' }], {
      metadata: { labels: { a: 'b', 'app.kubernetes.io/name': 'web' } },
    });
  });
  it('deploy-env-insert-front', () => {
    const env = (e: unknown[]) => ({ spec: { template: { spec: { containers: [{ name: 'api', env: e }] } } } });
    expectDoc(env([{ name: 'A', value: '1' }]), [{ op: 'add', path: '/spec/template/spec/containers/0/env/0', value: { name: 'FIRST', value: '0' } }], env([
      { name: 'FIRST', value: '0' },
      { name: 'A', value: '1' },
    ]));
  });
  it('pod-move-container-to-end and pod-duplicate-container-name', () => {
    const pod = (...c: unknown[]) => ({ spec: { containers: c } });
    expectDoc(pod({ name: 'a' }, { name: 'b' }), [{ op: 'move', from: '/spec/containers/0', path: '/spec/containers/-' }], pod({ name: 'b' }, { name: 'a' }));
    expectDoc(pod({ name: 'app' }), [{ op: 'add', path: '/spec/containers/-', value: { name: 'app', image: 'dup' } }], pod({ name: 'app' }, { name: 'app', image: 'dup' }));
  });
  it('svc-remove-selector, svc-replace-selector, change-namespace', () => {
    expectDoc({ spec: { selector: { app: 'api' } } }, [{ op: 'remove', path: '/spec/selector' }], { spec: {} });
    expectDoc({ spec: { selector: { app: 'api' } } }, [{ op: 'replace', path: '/spec/selector', value: { app: 'api-v2' } }], { spec: { selector: { app: 'api-v2' } } });
    expectDoc(cm({}), [{ op: 'replace', path: '/metadata/namespace', value: 'other' }], { ...cm({}), metadata: { name: 'app-config', namespace: 'other' } });
  });
  it('value-bool-into-string-map and value-list-into-string-map patch fine (decoding rejects them later)', () => {
    expectDoc(cm({}), [{ op: 'add', path: '/data/b', value: true }], cm({ b: true }));
    expectDoc(cm({}), [{ op: 'add', path: '/data/l', value: ['a'] }], cm({ l: ['a'] }));
  });
});

describe('robustness', () => {
  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [null, 1, 'x', [], [1], { op: 1 }, { op: 'add', path: 7 }, { op: 'copy', from: {}, path: '/a' }];
    for (const o of odd) expect(() => apply({ a: [] }, [o as Op])).not.toThrow();
    expect(apply({ a: 1n }, [{ op: 'add', path: 7, value: 1n }])).toEqual({ ok: false, error: 'add operation failed to decode path: missing value' });
    expect(apply({ a: 1n }, [{ op: 'replace', path: 7, value: 1n }])).toEqual({ ok: false, error: 'replace operation failed to decode path: json: cannot unmarshal number into Go value of type string' });
  });
  it('keys such as __proto__ are plain data', () => {
    const r = apply({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.hasOwn(r.doc as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('does not modify its input', () => {
    const doc = { a: { b: [1n] } };
    apply(doc, [{ op: 'add', path: '/a/b/-', value: 2n }, { op: 'remove', path: '/a/b/0' }]);
    expect(doc).toEqual({ a: { b: [1n] } });
  });
});
