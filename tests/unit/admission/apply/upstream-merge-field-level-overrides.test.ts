// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 merge/field_level_overrides_test.go TestFieldLevelOverrides
// A field's type reference may override the referred type's relationship (atomic <-> granular).
// Each apply merges into the object; an apply that upstream refuses with a conflict leaves it
// unchanged and is not replayed. Left out: test_override_associative_list_with_atomic (its only
// second apply is a refused conflict: nothing is merged).
import { describe } from 'vitest';
import { itReplays, smdSchema, type ReplayCase } from './smd-yaml-schema.js';

const root = smdSchema(`types:
- name: type
  map:
    fields:
      - name: associativeListReference
        type:
          namedType: associativeList
          elementRelationship: atomic
      - name: separableInlineList
        type:
          list:
            elementType:
              scalar: numeric
            elementRelationship: atomic
          elementRelationship: associative
      - name: separableMapReference
        type:
          namedType: atomicMap
          elementRelationship: separable
      - name: atomicMapReference
        type:
          namedType: unspecifiedMap
          elementRelationship: atomic
- name: associativeList
  list:
    elementType:
      namedType: unspecifiedMap
      elementRelationship: atomic
    elementRelationship: associative
    keys:
    - name
- name: unspecifiedMap
  map:
    fields:
    - name: name
      type:
        scalar: string
    - name: value
      type:
        scalar: numeric
- name: atomicMap
  map:
    elementRelationship: atomic
    fields:
    - name: name
      type:
        scalar: string
    - name: value
      type:
        scalar: numeric
`)('type');

const cases: ReplayCase[] = [
  [
    'test_override_atomic_map_with_separable',
    [['apply', '{"separableMapReference":{"name":"a"}}'], ['apply', '{"separableMapReference":{"value":2}}']],
    '{"separableMapReference":{"name":"a","value":2}}',
  ],
  [
    'test_override_unspecified_map_with_atomic (the conflicting apply_two not replayed)',
    [['apply', '{"atomicMapReference":{"name":"a"}}'], ['apply', '{"atomicMapReference":{"name":"b","value":2}}']],
    '{"atomicMapReference":{"name":"b","value":2}}',
  ],
  ['test_override_inline_atomic_list_with_associative', [['apply', '{"separableInlineList":[1]}'], ['apply', '{"separableInlineList":[2]}']], '{"separableInlineList":[1,2]}'],
];

describe('structured-merge-diff merge/field_level_overrides_test.go TestFieldLevelOverrides', () => {
  itReplays(root, cases);
});
