// upstream: evanphx/json-patch v4.12.0 and v4.13.0 (master's root package) patch_test.go TestAllTest, TestAdd, TestEquality
// The cases of patch_test.go that library.test.ts does not hold. Equal(a, b) is lazyNode.equal,
// the comparison of the test operation, so each EqualityCase is run as a test operation, both
// ways round: at "/x" of `{"x": a}` with value b, and at "" when a is an object.
// Left out: Cases[0] (an empty document; the apiserver always patches an object), merge_test.go
// (merge patches; the plugin applies JSON Patch only).
import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '../../../../src/engine/admission/jsonpatch/index.js';
import { parseJsonPreservingInts } from '../../../../src/engine/json/index.js';
import type { KubernetesVersion } from '../../../../src/engine/types.js';

const j = (text: string): unknown => {
  const v = parseJsonPreservingInts(text);
  if (v === undefined) throw new Error(`bad JSON in test: ${text}`);
  return v;
};
const lib = (doc: string, patch: string, version: KubernetesVersion = '1.36') =>
  applyJsonPatch(j(doc), j(patch) as unknown[], { version, copySizeLimit: 100, libraryDecoding: true });

describe('patch_test.go TestCases added in v4.13 ("Fix panic on test op")', () => {
  const doc = `{ "baz": [] }`;
  const patch = `[ { "op": "test", "path": "/foo"} ]`;
  it('v4.13 (1.35+): a test without value of a missing key passes', () => {
    expect(lib(doc, patch, '1.36').ok).toBe(true);
    expect(lib(doc, patch, '1.35').ok).toBe(true);
  });
  it('v4.12 (1.32-1.34): the same test dereferences the missing value (panic)', () => {
    expect(lib(doc, patch, '1.34')).toMatchObject({ ok: false, panic: true });
  });
});

describe('patch_test.go TestAdd', () => {
  it.skip('negative but negative disabled: SupportNegativeIndices=false, which the apiserver never sets', () => {});
});

// name, a, b, equal
const equality: [string, string, string, boolean][] = [
  ['ExtraKeyFalse', `{"foo": "bar"}`, `{"foo": "bar", "baz": "qux"}`, false],
  ['StripWhitespaceTrue', `{\n\t"foo": "bar",\n\t"baz": "qux"\n}`, `{"foo": "bar", "baz": "qux"}`, true],
  ['KeysOutOfOrderTrue', `{\n\t"baz": "qux",\n\t"foo": "bar"\n}`, `{"foo": "bar", "baz": "qux"}`, true],
  ['ComparingNullFalse', `{"foo": null}`, `{"foo": "bar"}`, false],
  ['ComparingNullTrue', `{"foo": null}`, `{"foo": null}`, true],
  ['ArrayOutOfOrderFalse', `["foo", "bar", "baz"]`, `["bar", "baz", "foo"]`, false],
  ['ArrayTrue', `["foo", "bar", "baz"]`, `["foo", "bar", "baz"]`, true],
  [
    'NonStringTypesTrue',
    `{"int": 6, "bool": true, "float": 7.0, "string": "the_string", "null": null}`,
    `{"int": 6, "bool": true, "float": 7.0, "string": "the_string", "null": null}`,
    true,
  ],
  ['NestedNullFalse', `{"foo": ["an", "array"], "bar": {"an": "object"}}`, `{"foo": null, "bar": null}`, false],
  ['NullCompareStringFalse', `"foo"`, `null`, false],
  ['NullCompareIntFalse', `6`, `null`, false],
  ['NullCompareFloatFalse', `6.01`, `null`, false],
  ['NullCompareBoolFalse', `false`, `null`, false],
];

describe('patch_test.go TestEquality, through the test operation', () => {
  for (const [name, a, b, equal] of equality) {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      it(`${name}: /x of ${x.replace(/\s+/g, ' ')} against ${y}`, () => {
        const r = lib(`{"x": ${x}}`, `[{"op": "test", "path": "/x", "value": ${y}}]`);
        if (equal) expect(r.ok).toBe(true);
        else expect(r).toEqual({ ok: false, testFailed: true });
      });
      if (!x.trimStart().startsWith('{')) continue;
      it(`${name}: the whole document ${x.replace(/\s+/g, ' ')} against ${y}`, () => {
        const r = lib(x, `[{"op": "test", "path": "", "value": ${y}}]`);
        if (equal) expect(r.ok).toBe(true);
        else expect(r).toEqual({ ok: false, testFailed: true });
      });
    }
  }
});
