// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 merge/default_keys_test.go TestDefaultKeysFlat, TestDefaultKeysFlatErrors, TestDefaultKeysNested
// List-map keys with schema defaults: an item that omits a defaulted key is keyed by the default
// (so two such items collide), and an int key equals a float default. Each apply's object is the
// previous object merged with the configuration. Left out: apply_missing_defaulted_key_with_conflict
// (a conflict between managers; the plugin has no managed fields).
import { describe, expect, it } from 'vitest';
import { mergeValues } from '../../../../src/engine/admission/apply/merge.js';
import { formatErrors, validate } from '../../../../src/engine/admission/apply/validate.js';
import { deepEqual } from '../../../../src/engine/json/index.js';
import type { TypeRef } from '../../../../src/engine/schema/types.js';
import { smdSchema, v } from './smd-yaml-schema.js';

const ports = smdSchema(`types:
- name: v1
  map:
    fields:
      - name: containerPorts
        type:
          list:
            elementType:
              map:
                fields:
                - name: port
                  type:
                    scalar: numeric
                - name: protocol
                  default: "TCP"
                  type:
                    scalar: string
                - name: name
                  type:
                    scalar: string
            elementRelationship: associative
            keys:
            - port
            - protocol
`)('v1');

const book = smdSchema(`types:
- name: v1
  map:
    fields:
      - name: book
        type:
          list:
            elementType:
              map:
                fields:
                - name: chapter
                  default: 1
                  type:
                    scalar: numeric
                - name: section
                  default: "A"
                  type:
                    scalar: string
                - name: sentences
                  type:
                    list:
                      elementType:
                        map:
                          fields:
                          - name: page
                            default: 2.0
                            type:
                              scalar: numeric
                          - name: line
                            default: 3
                            type:
                              scalar: numeric
                          - name: text
                            type:
                              scalar: string
                      elementRelationship: associative
                      keys:
                      - page
                      - line
            elementRelationship: associative
            keys:
            - chapter
            - section
`)('v1');

const show = (x: unknown) => JSON.stringify(x, (_k, y) => (typeof y === 'bigint' ? Number(y) : y));

/** Applies each configuration in turn, starting from an empty object, and checks the last object. */
function applies(root: TypeRef, configs: string[], object: string): void {
  let live = v('{}');
  for (const c of configs) {
    const r = v(c);
    expect(validate(r, root, { allowDuplicates: false, version: '1.36' })).toEqual([]);
    live = mergeValues(live, r, root, '1.36') ?? null;
  }
  expect(deepEqual(live, v(object)), `got ${show(live)}`).toBe(true);
}

describe('structured-merge-diff merge/default_keys_test.go', () => {
  it('TestDefaultKeysFlat apply_missing_defaulted_key_A', () => {
    applies(ports, ['{"containerPorts":[{"port":80}]}'], '{"containerPorts":[{"port":80}]}');
  });
  it('TestDefaultKeysFlat apply_missing_defaulted_key_B', () => {
    const c = '{"containerPorts":[{"port":80},{"port":80,"protocol":"UDP"}]}';
    applies(ports, [c], c);
  });
  it('TestDefaultKeysFlat apply_missing_undefaulted_defaulted_key', () => {
    const c = '{"containerPorts":[{"protocol":"TCP","name":"A"}]}';
    applies(ports, [c], c);
  });
  for (const [name, c] of [
    ['apply_missing_defaulted_key_ambiguous_A', '{"containerPorts":[{"port":80},{"port":80}]}'],
    ['apply_missing_defaulted_key_ambiguous_B', '{"containerPorts":[{"port":80},{"port":80,"protocol":"TCP"}]}'],
  ]) {
    it(`TestDefaultKeysFlatErrors ${name}`, () => {
      // upstream only requires a failure; the item without protocol is keyed by its default
      expect(formatErrors(validate(v(c), ports, { allowDuplicates: false, version: '1.36' }))).toContain('duplicate entries for key');
    });
  }
  it('TestDefaultKeysNested apply_missing_every_key_nested', () => {
    const c = '{"book":[{"sentences":[{"text":"blah"}]}]}';
    applies(book, [c], c);
  });
  it('TestDefaultKeysNested apply_integer_key_with_float_default', () => {
    applies(book, ['{"book":[{"sentences":[{"text":"blah"}]}]}', '{"book":[{"sentences":[{"text":"blah","page":2}]}]}'], '{"book":[{"sentences":[{"text":"blah","page":2}]}]}');
  });
});
