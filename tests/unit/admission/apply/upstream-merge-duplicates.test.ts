// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 merge/duplicates_test.go TestDuplicates
// The cases whose object is the live object (written by an Update, so with duplicates) merged
// with an apply configuration from a manager that owned nothing before: exactly the plugin's
// ObjectToTyped(live, AllowDuplicates).Merge(patch). Left out: the "ownership" cases and
// apply_update_duplicates_apply_without (managed fields and pruning, which the plugin has not),
// and the non-forced applies that only report conflicts.
import { describe, expect, it } from 'vitest';
import { mergeValues } from '../../../../src/engine/admission/apply/merge.js';
import { formatErrors, validate } from '../../../../src/engine/admission/apply/validate.js';
import { deepEqual } from '../../../../src/engine/json/index.js';
import { smdSchema, v } from './smd-yaml-schema.js';

const root = smdSchema(`types:
- name: type
  map:
    fields:
      - name: list
        type:
          namedType: associativeList
      - name: unrelated
        type:
          scalar: numeric
      - name: set
        type:
          namedType: set
- name: associativeList
  list:
    elementType:
      namedType: myElement
    elementRelationship: associative
    keys:
    - name
- name: myElement
  map:
    fields:
    - name: name
      type:
        scalar: string
    - name: value1
      type:
        scalar: numeric
    - name: value2
      type:
        scalar: numeric
- name: set
  list:
    elementType:
      scalar: numeric
    elementRelationship: associative
`)('type');

const LIVE_LIST = '{"list":[{"name":"a","value1":1},{"name":"a","value1":2},{"name":"b","value1":3}]}';

// name, live, apply configuration, object
const cases: [string, string, string, string][] = [
  ['sets/merging/remove_duplicate', '{"set":[1,1,3,4]}', '{"set":[1]}', '{"set":[1,3,4]}'],
  ['sets/merging/ignore_duplicate', '{"set":[1,1,3,4]}', '{"set":[5]}', '{"set":[1,1,3,4,5]}'],
  ['list/merge/unrelated_with_duplicated_items', LIVE_LIST, '{"unrelated":5}', '{"list":[{"name":"a","value1":1},{"name":"a","value1":2},{"name":"b","value1":3}],"unrelated":5}'],
  ['list/merge/change_duplicated_item', LIVE_LIST, '{"list":[{"name":"a","value1":3}]}', '{"list":[{"name":"a","value1":3},{"name":"b","value1":3}]}'],
  ['list/merge/unchanged_duplicated_item (the forced apply)', LIVE_LIST, '{"list":[{"name":"a","value1":3}]}', '{"list":[{"name":"a","value1":3},{"name":"b","value1":3}]}'],
  ['list/merge/change_non_duplicated_item', LIVE_LIST, '{"list":[{"name":"b","value1":4}]}', '{"list":[{"name":"a","value1":1},{"name":"a","value1":2},{"name":"b","value1":4}]}'],
];

const show = (x: unknown) => JSON.stringify(x, (_k, y) => (typeof y === 'bigint' ? Number(y) : y));

describe('structured-merge-diff merge/duplicates_test.go TestDuplicates (merge results)', () => {
  for (const [name, live, config, object] of cases) {
    it(name, () => {
      const l = v(live);
      const r = v(config);
      expect(formatErrors(validate(l, root, { allowDuplicates: false, version: '1.36' }))).toContain('duplicate entries for key');
      expect(validate(l, root, { allowDuplicates: true, version: '1.36' })).toEqual([]);
      expect(validate(r, root, { allowDuplicates: false, version: '1.36' })).toEqual([]);
      const got = mergeValues(l, r, root, '1.36');
      expect(deepEqual(got, v(object)), `got ${show(got)}`).toBe(true);
    });
  }
});
