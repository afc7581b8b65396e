// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 merge/deduced_test.go TestDeduced
// Updater sequences on the deduced type (free-form maps, atomic lists). Each Apply and ForceApply
// merges into the object, an Update replaces it; an Apply upstream refuses with conflicts is not
// replayed. Skipped: the cases where an apply drops fields its manager applied before.
import { describe, it } from 'vitest';
import { DEDUCED, type TypeRef } from '../../../../src/engine/schema/types.js';
import { itReplays, type ReplayCase } from './smd-yaml-schema.js';

const root: TypeRef = () => DEDUCED;

const nested1 = '{"a":1,"b":{"c":{"d":2,"e":[1,2,3],"f":[{"name":"n","value":1}]}}}';
const nestedU = '{"a":1,"b":{"c":{"d":3,"e":[1,2,3,4],"f":[{"name":"n","value":2}]}},"g":5}';
const nested2 = '{"a":2,"b":{"c":{"d":2,"e":[3,2,1],"f":[{"name":"n","value":1}]}}}';

const cases: ReplayCase[] = [
  ['leaf_apply_twice', [['apply', '{"numeric":1,"string":"string"}'], ['apply', '{"numeric":2,"string":"string","bool":false}']], '{"numeric":2,"string":"string","bool":false}'],
  [
    'leaf_apply_update_apply_no_conflict',
    [['apply', '{"numeric":1,"string":"string"}'], ['update', '{"numeric":1,"string":"string","bool":true}'], ['apply', '{"numeric":2,"string":"string"}']],
    '{"numeric":2,"string":"string","bool":true}',
  ],
  [
    'leaf_apply_update_apply_with_conflict (the forced apply)',
    [['apply', '{"numeric":1,"string":"string"}'], ['update', '{"numeric":1,"string":"controller string","bool":true}'], ['apply', '{"numeric":2,"string":"user string"}']],
    '{"numeric":2,"string":"user string","bool":true}',
  ],
  ['leaf_update_remove_empty_set', [['apply', '{"string":"string"}'], ['update', '{"string":"new string"}']], '{"string":"new string"}'],
  ['apply_twice_list_is_atomic', [['apply', '{"list":["a","c"]}'], ['apply', '{"list":["a","d","c","b"]}']], '{"list":["a","d","c","b"]}'],
  ['apply_update_apply_list', [['apply', '{"list":["a","c"]}'], ['update', '{"list":["a","b","c","d"]}'], ['apply', '{"list":["a","b","c"]}']], '{"list":["a","b","c"]}'],
  [
    'apply_update_apply_nested (and _different_version; the forced apply)',
    [['apply', nested1], ['update', nestedU], ['apply', nested2]],
    '{"a":2,"b":{"c":{"d":2,"e":[3,2,1],"f":[{"name":"n","value":1}]}},"g":5}',
  ],
];

describe('structured-merge-diff merge/deduced_test.go TestDeduced', () => {
  itReplays(root, cases);
  it.skip('leaf_apply_twice_remove, leaf_apply_remove_empty_set: the Updater prunes what the manager no longer applies; the plugin never removes', () => {});
});
