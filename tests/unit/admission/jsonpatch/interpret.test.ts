// What the JSON serializer reads of a patched document before decoding it (apimachinery
// runtime/serializer/json: SimpleMetaFactory.Interpret, gvkWithDefaults, NewMissingKindErr), and
// the key order of the library's output (json.Marshal of its Go maps: sorted).
import { describe, expect, it } from 'vitest';
import { interpretKind, missingKindError, withDefaultKind } from '../../../../src/engine/admission/jsonpatch/interpret.js';
import { applyJsonPatch } from '../../../../src/engine/admission/jsonpatch/index.js';

const P = "couldn't get version/kind; json parse error: ";

describe('interpretKind', () => {
  it('reads apiVersion and kind', () => {
    expect(interpretKind({ apiVersion: 'apps/v1', kind: 'Deployment' })).toEqual({ ok: true, gvk: { group: 'apps', version: 'v1', kind: 'Deployment' } });
    expect(interpretKind({ apiVersion: 'v1', kind: 'Pod' })).toEqual({ ok: true, gvk: { group: '', version: 'v1', kind: 'Pod' } });
    expect(interpretKind({})).toEqual({ ok: true, gvk: { group: '', version: '', kind: '' } });
    expect(interpretKind({ apiVersion: '/', kind: null })).toEqual({ ok: true, gvk: { group: '', version: '', kind: '' } });
    expect(interpretKind(null)).toEqual({ ok: true, gvk: { group: '', version: '', kind: '' } });
  });
  it('matches keys case-insensitively, the last in sorted order winning', () => {
    expect(interpretKind({ Kind: 'Secret', kind: 'ConfigMap', apiVersion: 'v1' })).toEqual({ ok: true, gvk: { group: '', version: 'v1', kind: 'ConfigMap' } });
    expect(interpretKind({ KIND: 'Secret', apiVersion: 'v1' })).toEqual({ ok: true, gvk: { group: '', version: 'v1', kind: 'Secret' } });
  });
  it('reports encoding/json errors into the anonymous struct, the first in key order', () => {
    expect(interpretKind({ kind: 5n, apiVersion: true })).toEqual({ ok: false, error: `${P}json: cannot unmarshal bool into Go struct field .apiVersion of type string` });
    expect(interpretKind({ kind: {} })).toEqual({ ok: false, error: `${P}json: cannot unmarshal object into Go struct field .kind of type string` });
    expect(interpretKind([1n])).toEqual({
      ok: false,
      error: `${P}json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    });
  });
  it('rejects a group-version with two slashes', () => {
    expect(interpretKind({ apiVersion: 'a/b/c', kind: 'X' })).toEqual({ ok: false, error: 'unexpected GroupVersion string: a/b/c' });
  });
});

describe('withDefaultKind (gvkWithDefaults)', () => {
  const into = { group: 'apps', version: 'v1', kind: 'Deployment' };
  it('fills what the document leaves out', () => {
    expect(withDefaultKind({ group: '', version: '', kind: '' }, into)).toEqual(into);
    expect(withDefaultKind({ group: 'apps', version: '', kind: 'ReplicaSet' }, into)).toEqual({ group: 'apps', version: 'v1', kind: 'ReplicaSet' });
    expect(withDefaultKind({ group: '', version: 'v1', kind: '' }, into)).toEqual({ group: '', version: 'v1', kind: 'Deployment' });
  });
});

describe('missingKindError', () => {
  it('quotes the document as json.Marshal writes it', () => {
    expect(missingKindError({ b: 1n, a: { d: '<', c: null } })).toBe(`Object 'Kind' is missing in '{"a":{"c":null,"d":"\\u003c"},"b":1}'`);
    expect(missingKindError(null)).toBe("Object 'Kind' is missing in 'null'");
    expect(missingKindError({ kind: 'Widget' })).toBeUndefined();
  });
});

describe('output key order', () => {
  it('writes every map the library decoded with sorted keys, leaving untouched values as they are', () => {
    const r = applyJsonPatch({ z: 1n, a: { y: 1n, b: 2n }, m: { q: 1n, p: 2n } }, [{ op: 'add', path: '/a/c', value: 3n }], { version: '1.36' });
    if (!r.ok) throw new Error('patch failed');
    const doc = r.doc as Record<string, Record<string, unknown>>;
    expect(Object.keys(doc)).toEqual(['a', 'm', 'z']);
    expect(Object.keys(doc.a)).toEqual(['b', 'c', 'y']);
    expect(Object.keys(doc.m)).toEqual(['q', 'p']);
  });
});
