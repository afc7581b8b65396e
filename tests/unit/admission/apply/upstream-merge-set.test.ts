// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 merge/set_test.go TestUpdateSet
// Order of a set (associative list of scalars) when an apply configuration meets a live list.
// The "_and_different_version" / "_across_versions" twins use the same schema and give the same
// objects. Skipped: the cases where the second apply drops items its manager applied before.
import { describe, it } from 'vitest';
import { itReplays, smdSchema, type ReplayCase } from './smd-yaml-schema.js';

const root = smdSchema(`types:
- name: sets
  map:
    fields:
    - name: list
      type:
        list:
          elementType:
            scalar: string
          elementRelationship: associative`)('sets');

const list = (...items: string[]) => JSON.stringify({ list: items });
const A = (...items: string[]) => ['apply', list(...items)] as const;
const U = (...items: string[]) => ['update', list(...items)] as const;

const cases: ReplayCase[] = [
  ['apply_twice', [A('a', 'c'), A('a', 'b', 'c', 'd')], list('a', 'b', 'c', 'd')],
  ['apply_update_apply_no_overlap', [A('a', 'c'), U('a', 'b', 'c', 'd'), A('a', 'aprime', 'c', 'cprime')], list('a', 'b', 'aprime', 'c', 'd', 'cprime')],
  ['apply_update_apply_with_overlap', [A('a', 'c'), U('a', 'b', 'c', 'd'), A('a', 'b', 'c')], list('a', 'b', 'c', 'd')],
  ['apply_twice_reorder', [A('a', 'b', 'c', 'd'), A('a', 'd', 'c', 'b')], list('a', 'd', 'c', 'b')],
  ['apply_update_apply_reorder', [A('a', 'b', 'c', 'd'), U('a', 'd', 'c', 'b'), A('a', 'b', 'c', 'd')], list('a', 'b', 'c', 'd')],
];

describe('structured-merge-diff merge/set_test.go TestUpdateSet', () => {
  itReplays(root, cases);
  it.skip('apply_twice_remove, apply_twice_remove_across_versions: the Updater prunes what the manager no longer applies; the plugin never removes', () => {});
});
