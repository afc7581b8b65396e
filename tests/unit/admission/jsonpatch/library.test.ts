// Ports of evanphx/json-patch v4 patch_test.go (tags v4.12.0; the root package is unchanged in
// v4.13.0 apart from error wrapping and two nil guards): Cases, MutationTestCases, BadCases,
// TestCases and TestAdd. The patches are read with `libraryDecoding` (as the library decodes
// patch text), and the copy limit is the tests' 100 bytes.
import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '../../../../src/engine/admission/jsonpatch/index.js';
import { deepEqual, parseJsonPreservingInts } from '../../../../src/engine/json/index.js';

const j = (text: string): unknown => {
  const v = parseJsonPreservingInts(text);
  if (v === undefined) throw new Error(`bad JSON in test: ${text}`);
  return v;
};
const A48 = 'A'.repeat(48);
const A49 = 'A'.repeat(49);

function lib(doc: string, patch: string, version: '1.34' | '1.36' = '1.36') {
  return applyJsonPatch(j(doc), j(patch) as unknown[], { version, copySizeLimit: 100, libraryDecoding: true });
}

// patch_test.go Cases (the first one, an empty document, has no counterpart here)
const cases: [string, string, string][] = [
  [`{ "foo": "bar"}`, `[{ "op": "add", "path": "/baz", "value": "qux" }]`, `{"baz": "qux", "foo": "bar"}`],
  [`{ "foo": [ "bar", "baz" ] }`, `[{ "op": "add", "path": "/foo/1", "value": "qux" }]`, `{ "foo": [ "bar", "qux", "baz" ] }`],
  [`{ "foo": [ "bar", "baz" ] }`, `[{ "op": "add", "path": "/foo/-1", "value": "qux" }]`, `{ "foo": [ "bar", "baz", "qux" ] }`],
  [`{ "baz": "qux", "foo": "bar" }`, `[ { "op": "remove", "path": "/baz" } ]`, `{ "foo": "bar" }`],
  [`{ "foo": [ "bar", "qux", "baz" ] }`, `[ { "op": "remove", "path": "/foo/1" } ]`, `{ "foo": [ "bar", "baz" ] }`],
  [`{ "baz": "qux", "foo": "bar" }`, `[ { "op": "replace", "path": "/baz", "value": "boo" } ]`, `{ "baz": "boo", "foo": "bar" }`],
  [
    `{"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}}`,
    `[ { "op": "move", "from": "/foo/waldo", "path": "/qux/thud" } ]`,
    `{"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}}`,
  ],
  [`{ "foo": [ "all", "grass", "cows", "eat" ] }`, `[ { "op": "move", "from": "/foo/1", "path": "/foo/3" } ]`, `{ "foo": [ "all", "cows", "eat", "grass" ] }`],
  [`{ "foo": [ "all", "grass", "cows", "eat" ] }`, `[ { "op": "move", "from": "/foo/1", "path": "/foo/2" } ]`, `{ "foo": [ "all", "cows", "grass", "eat" ] }`],
  [`{ "foo": "bar" }`, `[ { "op": "add", "path": "/child", "value": { "grandchild": { } } } ]`, `{ "foo": "bar", "child": { "grandchild": { } } }`],
  [`{ "foo": ["bar"] }`, `[ { "op": "add", "path": "/foo/-", "value": ["abc", "def"] } ]`, `{ "foo": ["bar", ["abc", "def"]] }`],
  [`{ "foo": "bar", "qux": { "baz": 1, "bar": null } }`, `[ { "op": "remove", "path": "/qux/bar" } ]`, `{ "foo": "bar", "qux": { "baz": 1 } }`],
  [`{ "foo": "bar" }`, `[ { "op": "add", "path": "/baz", "value": null } ]`, `{ "baz": null, "foo": "bar" }`],
  [`{ "foo": ["bar"]}`, `[ { "op": "replace", "path": "/foo/0", "value": "baz"}]`, `{ "foo": ["baz"]}`],
  [`{ "foo": ["bar","baz"]}`, `[ { "op": "replace", "path": "/foo/0", "value": "bum"}]`, `{ "foo": ["bum","baz"]}`],
  [`{ "foo": ["bar","qux","baz"]}`, `[ { "op": "replace", "path": "/foo/1", "value": "bum"}]`, `{ "foo": ["bar", "bum","baz"]}`],
  [`[ {"foo": ["bar","qux","baz"]}]`, `[ { "op": "replace", "path": "/0/foo/0", "value": "bum"}]`, `[ {"foo": ["bum","qux","baz"]}]`],
  [
    `[ {"foo": ["bar","qux","baz"], "bar": ["qux","baz"]}]`,
    `[ { "op": "copy", "from": "/0/foo/0", "path": "/0/bar/0"}]`,
    // upstream writes `"bar": ["bar", "baz"]`, unchecked for a top-level array (see below); copy
    // adds, so the element is inserted
    `[ {"foo": ["bar","qux","baz"], "bar": ["bar", "qux", "baz"]}]`,
  ],
  [
    `[ {"foo": ["bar","qux","baz"], "bar": ["qux","baz"]}]`,
    `[ { "op": "copy", "from": "/0/foo/0", "path": "/0/bar"}]`,
    // upstream expects `"bar": ["bar", "qux", "baz"]`, which its compareJSON cannot check for a
    // top-level array (both sides fail to decode into a map); the copy gives "bar"
    `[ {"foo": ["bar","qux","baz"], "bar": "bar"}]`,
  ],
  [
    `[ { "foo": {"bar": ["qux","baz"]}, "baz": {"qux": "bum"}}]`,
    `[ { "op": "copy", "from": "/0/foo/bar", "path": "/0/baz/bar"}]`,
    `[ { "baz": {"bar": ["qux","baz"], "qux":"bum"}, "foo": {"bar": ["qux","baz"]}}]`,
  ],
  [`{ "foo": ["bar"]}`, `[{"op": "copy", "path": "/foo/0", "from": "/foo"}]`, `{ "foo": [["bar"], "bar"]}`],
  [`{ "foo": ["bar","qux","baz"]}`, `[ { "op": "remove", "path": "/foo/-2"}]`, `{ "foo": ["bar", "baz"]}`],
  [`{ "foo": []}`, `[ { "op": "add", "path": "/foo/-1", "value": "qux"}]`, `{ "foo": ["qux"]}`],
  [`{ "bar": [{"baz": null}]}`, `[ { "op": "replace", "path": "/bar/0/baz", "value": 1 } ]`, `{ "bar": [{"baz": 1}]}`],
  [`{ "bar": [{"baz": 1}]}`, `[ { "op": "replace", "path": "/bar/0/baz", "value": null } ]`, `{ "bar": [{"baz": null}]}`],
  [`{ "bar": [null]}`, `[ { "op": "replace", "path": "/bar/0", "value": 1 } ]`, `{ "bar": [1]}`],
  [`{ "bar": [1]}`, `[ { "op": "replace", "path": "/bar/0", "value": null } ]`, `{ "bar": [null]}`],
  [
    `{ "foo": ["A", "${A48}"] }`,
    `[ { "op": "copy", "path": "/foo/-", "from": "/foo/1" }, { "op": "copy", "path": "/foo/-", "from": "/foo/1" }]`,
    `{ "foo": ["A", "${A48}", "${A48}", "${A48}"] }`,
  ],
  [
    `{"id": "00000000-0000-0000-0000-000000000000", "parentID": "00000000-0000-0000-0000-000000000000"}`,
    `[{"op": "test", "path": "", "value": {"id": "00000000-0000-0000-0000-000000000000", "parentID": "00000000-0000-0000-0000-000000000000"}},
      {"op": "replace", "path": "", "value": {"id": "759981e8-ec68-4639-a83e-513225914ecb", "originalID": "bar", "parentID": "00000000-0000-0000-0000-000000000000"}}]`,
    `{"id" : "759981e8-ec68-4639-a83e-513225914ecb", "originalID" : "bar", "parentID" : "00000000-0000-0000-0000-000000000000"}`,
  ],
];

describe('evanphx/json-patch v4 patch_test.go Cases', () => {
  for (const [doc, patch, want] of cases) {
    it(patch.replace(/\s+/g, ' ').slice(0, 90), () => {
      const r = lib(doc, patch);
      expect(r.ok).toBe(true);
      if (r.ok) expect(deepEqual(r.doc, j(want))).toBe(true);
    });
  }
});

describe('evanphx/json-patch v4 patch_test.go MutationTestCases', () => {
  it('remove of a null-valued key changes the document', () => {
    const r = lib(`{ "foo": "bar", "qux": { "baz": 1, "bar": null } }`, `[ { "op": "remove", "path": "/qux/bar" } ]`);
    expect(r.ok && deepEqual(r.doc, j(`{ "foo": "bar", "qux": { "baz": 1 } }`))).toBe(true);
  });
  it('replace with null changes the document', () => {
    const r = lib(`{ "foo": "bar", "qux": { "baz": 1, "bar": null } }`, `[ { "op": "replace", "path": "/qux/baz", "value": null } ]`);
    expect(r.ok && deepEqual(r.doc, j(`{ "foo": "bar", "qux": { "baz": null, "bar": null } }`))).toBe(true);
  });
});

// patch_test.go BadCases, with the error text each one produces
const bad: [string, string, string][] = [
  [`{ "foo": "bar" }`, `[ { "op": "add", "path": "/baz/bat", "value": "qux" } ]`, 'add operation does not apply: doc is missing path: "/baz/bat": missing value'],
  [`{ "a": { "b": { "d": 1 } } }`, `[ { "op": "remove", "path": "/a/b/c" } ]`, "error in remove for path: '/a/b/c': Unable to remove nonexistent key: c: missing value"],
  [`{ "a": { "b": { "d": 1 } } }`, `[ { "op": "move", "from": "/a/b/c", "path": "/a/b/e" } ]`, "error in move for path: 'c': Unable to remove nonexistent key: c: missing value"],
  [`{ "a": { "b": [1] } }`, `[ { "op": "remove", "path": "/a/b/1" } ]`, "error in remove for path: '/a/b/1': Unable to access invalid index: 1: invalid index referenced"],
  [`{ "a": { "b": [1] } }`, `[ { "op": "move", "from": "/a/b/1", "path": "/a/b/2" } ]`, "error in move for path: '1': Unable to access invalid index: 1: invalid index referenced"],
  [`{ "foo": "bar" }`, `[ { "op": "add", "pathz": "/baz", "value": "qux" } ]`, 'add operation failed to decode path: missing value'],
  [`{ "foo": "bar" }`, `[ { "op": "add", "path": "", "value": "qux" } ]`, 'add operation does not apply: doc is missing path: "": missing value'],
  [`{ "foo": ["bar","baz"]}`, `[ { "op": "replace", "path": "/foo/2", "value": "bum"}]`, 'replace operation does not apply: doc is missing key: /foo/2: missing value'],
  [`{ "foo": ["bar","baz"]}`, `[ { "op": "add", "path": "/foo/-4", "value": "bum"}]`, "error in add for path: '/foo/-4': Unable to access invalid index: -4: invalid index referenced"],
  [`{ "name":{ "foo": "bat", "qux": "bum"}}`, `[ { "op": "replace", "path": "/foo/bar", "value":"baz"}]`, 'replace operation does not apply: doc is missing path: /foo/bar: missing value'],
  [`{ "foo": ["bar"]}`, `[ {"op": "add", "path": "/foo/2", "value": "bum"}]`, "error in add for path: '/foo/2': Unable to access invalid index: 2: invalid index referenced"],
  [`{ "foo": []}`, `[ {"op": "remove", "path": "/foo/-"}]`, `error in remove for path: '/foo/-': strconv.Atoi: parsing "-": invalid syntax`],
  [`{ "foo": []}`, `[ {"op": "remove", "path": "/foo/-1"}]`, "error in remove for path: '/foo/-1': Unable to access invalid index: -1: invalid index referenced"],
  [`{ "foo": ["bar"]}`, `[ {"op": "remove", "path": "/foo/-2"}]`, "error in remove for path: '/foo/-2': Unable to access invalid index: -2: invalid index referenced"],
  [`{}`, `[ {"op":null,"path":""} ]`, 'Unexpected kind: unknown'],
  [`{}`, `[ {"op":"add","path":null} ]`, 'add operation failed to decode path: missing value'],
  [`{}`, `[ { "op": "copy", "from": null }]`, 'copy operation failed to decode from: operation, missing from field: missing value'],
  [`{ "foo": ["bar"]}`, `[{"op": "copy", "path": "/foo/6666666666", "from": "/"}]`, "error while adding value during copy: Unable to access invalid index: 6666666666: invalid index referenced"],
  [`{ "foo": ["bar"]}`, `[{"op": "copy", "path": "/foo/2", "from": "/foo/0"}]`, 'error while adding value during copy: Unable to access invalid index: 2: invalid index referenced'],
  [
    `{ "foo": ["A", "${A49}"] }`,
    `[ { "op": "copy", "path": "/foo/-", "from": "/foo/1" }, { "op": "copy", "path": "/foo/-", "from": "/foo/1" }]`,
    'Unable to complete the copy, the accumulated size increase of copy is 102, exceeding the limit 100',
  ],
  [`{ "foo": [ "all", "grass", "cows", "eat" ] }`, `[ { "op": "move", "from": "/foo/1", "path": "/foo/4" } ]`, "error in move for path: '/foo/4': Unable to access invalid index: 4: invalid index referenced"],
];

describe('evanphx/json-patch v4 patch_test.go BadCases', () => {
  for (const [doc, patch, message] of bad) {
    it(message, () => {
      expect(lib(doc, patch)).toEqual({ ok: false, error: message });
    });
  }
});

// patch_test.go TestCases (test operations); true = passes
const tests: [string, string, boolean, string][] = [
  [`{"baz": "qux", "foo": [ "a", 2, "c" ]}`, `[{ "op": "test", "path": "/baz", "value": "qux" }, { "op": "test", "path": "/foo/1", "value": 2 }]`, true, ''],
  [`{ "baz": "qux" }`, `[ { "op": "test", "path": "/baz", "value": "bar" } ]`, false, '/baz'],
  [`{"baz": "qux", "foo": ["a", 2, "c"]}`, `[{ "op": "test", "path": "/baz", "value": "qux" }, { "op": "test", "path": "/foo/1", "value": "c" }]`, false, '/foo/1'],
  [`{ "baz": "qux" }`, `[ { "op": "test", "path": "/foo", "value": 42 } ]`, false, '/foo'],
  [`{ "baz": "qux" }`, `[ { "op": "test", "path": "/foo", "value": null } ]`, true, ''],
  [`{ "foo": null }`, `[ { "op": "test", "path": "/foo", "value": null } ]`, true, ''],
  [`{ "foo": {} }`, `[ { "op": "test", "path": "/foo", "value": null } ]`, false, '/foo'],
  [`{ "foo": [] }`, `[ { "op": "test", "path": "/foo", "value": null } ]`, false, '/foo'],
  [`{ "baz/foo": "qux" }`, `[ { "op": "test", "path": "/baz~1foo", "value": "qux"} ]`, true, ''],
  [`{ "foo": [] }`, `[ { "op": "test", "path": "/foo"} ]`, false, '/foo'],
];

describe('evanphx/json-patch v4 patch_test.go TestCases', () => {
  for (const [doc, patch, pass, path] of tests) {
    it(`${patch.replace(/\s+/g, ' ').slice(0, 80)} -> ${pass ? 'passes' : `fails at ${path}`}`, () => {
      const r = lib(doc, patch);
      if (pass) expect(r.ok).toBe(true);
      else expect(r).toEqual({ ok: false, testFailed: true });
    });
  }
});

describe('evanphx/json-patch v4 patch_test.go TestAdd (negative indices supported)', () => {
  const cases: [string, string | undefined][] = [
    ['0', undefined],
    ['1', 'Unable to access invalid index: 1: invalid index referenced'],
    ['-1', undefined],
    ['-2', 'Unable to access invalid index: -2: invalid index referenced'],
  ];
  for (const [key, error] of cases) {
    it(`add at ${key} of an empty array`, () => {
      const r = applyJsonPatch({ a: [] }, [{ op: 'add', path: `/a/${key}`, value: 1n }], { version: '1.36' });
      if (error) expect(r).toEqual({ ok: false, error: `error in add for path: '/a/${key}': ${error}` });
      else expect(r.ok && deepEqual(r.doc, { a: [1n] })).toBe(true);
    });
  }
});

describe('v4.13 "Check if raw is a null pointer for findObject"', () => {
  // A patch decoded from text stores `"value": null` as a node without text; walking through it
  // dereferenced nil in v4.12 and reads as a missing path in v4.13.
  const patch = `[{"op": "add", "path": "/a", "value": null}, {"op": "add", "path": "/a/b", "value": 1}]`;
  it('v4.12 (1.34) panics', () => {
    expect(lib('{}', patch, '1.34')).toMatchObject({ ok: false, panic: true });
  });
  it('v4.13 (1.36) reports the missing path', () => {
    expect(lib('{}', patch, '1.36')).toEqual({ ok: false, error: 'add operation does not apply: doc is missing path: "/a/b": missing value' });
  });
});
