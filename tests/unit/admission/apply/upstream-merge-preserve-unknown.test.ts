// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 merge/preserve_unknown_test.go TestPreserveUnknownFields
// A struct with declared fields and an elementType for the others: both kinds merge as fields
// (each apply's object is the previous one merged with the configuration).
import { describe, expect, it } from 'vitest';
import { mergeValues } from '../../../../src/engine/admission/apply/merge.js';
import { validate } from '../../../../src/engine/admission/apply/validate.js';
import { deepEqual } from '../../../../src/engine/json/index.js';
import { smdSchema, v } from './smd-yaml-schema.js';

const root = smdSchema(`types:
- name: type
  map:
    fields:
      - name: num
        type:
          scalar: numeric
    elementType:
      scalar: string
`)('type');

describe('structured-merge-diff merge/preserve_unknown_test.go TestPreserveUnknownFields', () => {
  it('preserve_unknown_fields', () => {
    let live = v('{}');
    for (const c of ['{"num":5,"unknown":"value"}', '{"num":6,"unknown":"new"}']) {
      expect(validate(v(c), root, { allowDuplicates: false, version: '1.36' })).toEqual([]);
      live = mergeValues(live, v(c), root, '1.36') ?? null;
    }
    expect(deepEqual(live, v('{"num":6,"unknown":"new"}'))).toBe(true);
  });
});
