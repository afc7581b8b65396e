// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 merge/leaf_test.go TestUpdateLeaf
// Scalar fields of a struct. Each Apply and ForceApply merges into the object, an Update replaces
// it; an Apply upstream refuses with conflicts is not replayed. The "_different_version(s)" /
// "_across_version" twins use the same schema and give the same objects. Skipped: the cases where
// an apply drops fields its manager still owns (the Updater prunes them; the plugin never removes).
import { describe, it } from 'vitest';
import { itReplays, smdSchema, type ReplayCase } from './smd-yaml-schema.js';

const root = smdSchema(`types:
- name: leafFields
  map:
    fields:
    - name: numeric
      type:
        scalar: numeric
    - name: string
      type:
        scalar: string
    - name: bool
      type:
        scalar: boolean`)('leafFields');

const cases: ReplayCase[] = [
  ['apply_twice', [['apply', '{"numeric":1,"string":"string"}'], ['apply', '{"numeric":2,"string":"string","bool":false}']], '{"numeric":2,"string":"string","bool":false}'],
  [
    'apply_update_apply_no_conflict',
    [['apply', '{"numeric":1,"string":"string"}'], ['update', '{"numeric":1,"string":"string","bool":true}'], ['apply', '{"numeric":2,"string":"string"}']],
    '{"numeric":2,"string":"string","bool":true}',
  ],
  [
    'apply_update_apply_with_conflict (the forced apply)',
    [['apply', '{"numeric":1,"string":"string"}'], ['update', '{"numeric":1,"string":"controller string","bool":true}'], ['apply', '{"numeric":2,"string":"user string"}']],
    '{"numeric":2,"string":"user string","bool":true}',
  ],
  // the Update took numeric over, so the empty apply removes nothing
  ['update_apply_omits', [['apply', '{"numeric":2}'], ['update', '{"numeric":1}'], ['apply', '{}']], '{"numeric":1}'],
  ['update_remove_empty_set', [['apply', '{"string":"string"}'], ['update', '{"string":"new string"}']], '{"string":"new string"}'],
];

describe('structured-merge-diff merge/leaf_test.go TestUpdateLeaf', () => {
  itReplays(root, cases);
  it.skip('apply_twice_remove (and _different_version), apply_remove_empty_set: pruning of fields the manager no longer applies', () => {});
});
