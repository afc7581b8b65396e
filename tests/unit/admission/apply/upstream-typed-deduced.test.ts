// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 typed/deduced_test.go TestValidateDeducedType, TestMergeDeduced
// The deduced type (`__untyped_deduced_`, what x-kubernetes-preserve-unknown-fields gives a
// custom resource's free-form parts): granular maps, atomic lists, any scalar.
// Left out: TestToSetDeduced and TestSymdiffDeduced (field sets and comparisons, which the
// plugin's Merge does not use).
import { describe, expect, it } from 'vitest';
import { mergeValues } from '../../../../src/engine/admission/apply/merge.js';
import { validate } from '../../../../src/engine/admission/apply/validate.js';
import { deepEqual } from '../../../../src/engine/json/index.js';
import { DEDUCED, type TypeRef } from '../../../../src/engine/schema/types.js';
import { v } from './smd-yaml-schema.js';

const deduced: TypeRef = () => DEDUCED;
const opts = { allowDuplicates: false, version: '1.36' } as const;

describe('structured-merge-diff typed/deduced_test.go TestValidateDeducedType', () => {
  for (const text of ['{"a": null}', '{"a": ["a", "b"]}', '{"a": {"b": [], "c": 2, "d": {"f": "string"}}}']) {
    it(text, () => expect(validate(v(text), deduced, opts)).toEqual([]));
  }
});

const triplets: [lhs: string, rhs: string, out: string][] = [
  ['{"key":"foo","value":{}}', '{"key":"foo","value":1}', '{"key":"foo","value":1}'],
  ['{"key":"foo","value":1}', '{"key":"foo","value":{}}', '{"key":"foo","value":{}}'],
  ['{"key":"foo","value":null}', '{"key":"foo","value":{}}', '{"key":"foo","value":{}}'],
  ['{"key":"foo"}', '{"value":true}', '{"key":"foo","value":true}'],
  ['{}', '{"inner":{}}', '{"inner":{}}'],
  ['{}', '{"inner":null}', '{"inner":null}'],
  ['{"inner":null}', '{"inner":{}}', '{"inner":{}}'],
  ['{"inner":{}}', '{"inner":null}', '{"inner":null}'],
  ['{"inner":{}}', '{"inner":{}}', '{"inner":{}}'],
  ['{}', '{"inner":[]}', '{"inner":[]}'],
  ['{"inner":null}', '{"inner":[]}', '{"inner":[]}'],
  ['{"inner":[]}', '{"inner":null}', '{"inner":null}'],
  ['{"inner":[]}', '{"inner":[]}', '{"inner":[]}'],
  ['{"numeric":1}', '{"numeric":3.14159}', '{"numeric":3.14159}'],
  ['{"numeric":3.14159}', '{"numeric":1}', '{"numeric":1}'],
  ['{"string":"aoeu"}', '{"bool":true}', '{"string":"aoeu","bool":true}'],
  ['{"atomic":["a","b","c"]}', '{"atomic":["a","b"]}', '{"atomic":["a","b"]}'],
  ['{"atomic":["a","b"]}', '{"atomic":["a","b","c"]}', '{"atomic":["a","b","c"]}'],
  ['{"atomic":["a","b","c"]}', '{"atomic":[]}', '{"atomic":[]}'],
  ['{"atomic":[]}', '{"atomic":["a","b","c"]}', '{"atomic":["a","b","c"]}'],
  ['{"":[true]}', '{"setBool":[false]}', '{"":[true],"setBool":[false]}'],
  ['{"atomic":[1,2,3.14159]}', '{"atomic":[1,2,3]}', '{"atomic":[1,2,3]}'],
  ['{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}'],
  ['{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":2,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":2,"value":{"a":"a"}}]}'],
  ['{"list":[{"key":"a","id":1},{"key":"b","id":1}]}', '{"list":[{"key":"a","id":1},{"key":"a","id":2}]}', '{"list":[{"key":"a","id":1},{"key":"a","id":2}]}'],
  ['{"atomicList":["a","a","a"]}', '{"atomicList":null}', '{"atomicList":null}'],
  ['{"atomicList":["a","b","c"]}', '{"atomicList":[]}', '{"atomicList":[]}'],
  ['{"atomicList":["a","a","a"]}', '{"atomicList":["a","a"]}', '{"atomicList":["a","a"]}'],
  [
    '{"a":1,"b":[null],"c":{"id":2,"list":["value"]}}',
    '{"a":2,"b":["value"],"c":{"name":"my_name"}}',
    '{"a":2,"b":["value"],"c":{"id":2,"list":["value"],"name":"my_name"}}',
  ],
];

const show = (x: unknown) => JSON.stringify(x, (_k, y) => (typeof y === 'bigint' ? Number(y) : y));

describe('structured-merge-diff typed/deduced_test.go TestMergeDeduced', () => {
  triplets.forEach(([lhs, rhs, out], i) => {
    it(`${i}: ${lhs} + ${rhs}`, () => {
      const l = v(lhs);
      const r = v(rhs);
      expect(validate(l, deduced, opts)).toEqual([]);
      expect(validate(r, deduced, opts)).toEqual([]);
      const got = mergeValues(l, r, deduced, '1.36');
      expect(deepEqual(got, v(out)), `got ${show(got)}`).toBe(true);
    });
  });
});
