// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 typed/validate_test.go TestSchemaValidation
// (the same table in v6.3.0; v4.6.0 and v4.4.2 lack the valid item that omits the key "id")
// typed.FromYAML's validation: valid objects, invalid ones (with a useful error, never "invalid
// atom"), and objects valid only with typed.AllowDuplicates (how the plugin reads the live object).
// Left out: TestSchemaSchema (the parser reading its own schema; we have no schema parser).
import { describe, expect, it } from 'vitest';
import { formatErrors, validate } from '../../../../src/engine/admission/apply/validate.js';
import type { KubernetesVersion } from '../../../../src/engine/types.js';
import { ASSOCIATIVE_LIST, SIMPLE_PAIR, STRUCT_GRAB_BAG, smdSchema, v } from './smd-yaml-schema.js';

const V6_ONLY = '{"list":[{"key":"x","value":{"a":"a"},"bv":true,"nv":3.14}]}';

interface ValidationCase {
  name: string;
  root: string;
  schema: string;
  valid: string[];
  invalid: string[];
  duplicates?: string[];
}

const cases: ValidationCase[] = [
  {
    name: 'simple pair',
    root: 'stringPair',
    schema: SIMPLE_PAIR,
    valid: ['{"key":"foo","value":1}', '{"key":"foo","value":{}}', '{"key":"foo","value":null}', '{"key":"foo"}', '{"key":"foo","value":true}', '{"key":null}'],
    invalid: ['{"key":true,"value":1}', '{"key":1,"value":{}}', '{"key":false,"value":null}', '{"key":[1, 2]}', '{"key":{"foo":true}}'],
  },
  {
    name: 'struct grab bag',
    root: 'myStruct',
    schema: STRUCT_GRAB_BAG,
    valid: [
      '{"numeric":null}', '{"numeric":1}', '{"numeric":3.14159}', '{"string":null}', '{"string":"aoeu"}', '{"bool":null}',
      '{"bool":true}', '{"bool":false}', '{"setStr":["a","b","c"]}', '{"setBool":[true,false]}', '{"setNumeric":[1,2,3,3.14159]}',
    ],
    invalid: [
      '{"numeric":["foo"]}', '{"numeric":{"a":1}}', '{"numeric":"foo"}', '{"numeric":true}',
      '{"string":1}', '{"string":3.5}', '{"string":true}', '{"string":{"a":1}}', '{"string":["foo"]}',
      '{"bool":1}', '{"bool":3.5}', '{"bool":"aoeu"}', '{"bool":{"a":1}}', '{"bool":["foo"]}',
      '{"setStr":[1]}', '{"setStr":[true]}', '{"setStr":[1.5]}', '{"setStr":[null]}', '{"setStr":[{}]}', '{"setStr":[[]]}',
      '{"setBool":[1]}', '{"setBool":[1.5]}', '{"setBool":[null]}', '{"setBool":[{}]}', '{"setBool":[[]]}', '{"setBool":["a"]}',
      '{"setNumeric":[null]}', '{"setNumeric":[true]}', '{"setNumeric":["a"]}', '{"setNumeric":[[]]}', '{"setNumeric":[{}]}',
    ],
    duplicates: ['{"setStr":["a","a"]}', '{"setBool":[true,false,true]}', '{"setNumeric":[1,2,3,3.14159,1]}'],
  },
  {
    name: 'associative list',
    root: 'myRoot',
    schema: ASSOCIATIVE_LIST,
    valid: [
      '{"list":[]}',
      '{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}',
      '{"list":[{"key":"a","id":1},{"key":"a","id":2},{"key":"b","id":1}]}',
      '{"atomicList":["a","a","a"]}',
      V6_ONLY,
    ],
    invalid: [
      '{"key":true,"value":1}', '{"list":{"key":true,"value":1}}', '{"list":true}', 'true',
      '{"list":[{"key":true,"value":1}]}', '{"list":[{"key":[],"value":1}]}', '{"list":[{"key":{},"value":1}]}',
      '{"list":[{"key":1.5,"value":1}]}', '{"list":[{"key":1,"value":1}]}', '{"list":[{"key":null,"value":1}]}',
      '{"list":[{},{}]}', '{"list":[{},null]}', '{"list":[[]]}', '{"list":[null]}', '{"list":[{}]}',
      '{"list":[{"value":{"a":"a"},"bv":true,"nv":3.14}]}',
      '{"list":[{"key":"a","id":1,"value":{"a":1}}]}',
      '{"list":[{"key":"a","id":1,"value":{"a":"a"},"bv":"true","nv":3.14}]}',
      '{"list":[{"key":"a","id":1,"value":{"a":"a"},"bv":true,"nv":false}]}',
    ],
    duplicates: ['{"list":[{"key":"a","id":1},{"key":"a","id":1}]}'],
  },
];

const VERSIONS: KubernetesVersion[] = ['1.32', '1.33', '1.34', '1.36'];
const v4 = (version: KubernetesVersion) => version === '1.32' || version === '1.33';

describe.each(VERSIONS)('structured-merge-diff typed/validate_test.go TestSchemaValidation (%s)', (version) => {
  const check = (root: ReturnType<ReturnType<typeof smdSchema>>, text: string, allowDuplicates: boolean) =>
    validate(v(text), root, { allowDuplicates, version });
  for (const c of cases) {
    const root = smdSchema(c.schema)(c.root);
    describe(c.name, () => {
      for (const text of c.valid) {
        if (text === V6_ONLY && v4(version)) continue;
        it(`valid ${text}`, () => expect(check(root, text, false)).toEqual([]));
      }
      for (const text of c.invalid) {
        it(`invalid ${text}`, () => {
          const errs = check(root, text, false);
          expect(errs.length).toBeGreaterThan(0);
          expect(formatErrors(errs)).not.toContain('invalid atom');
        });
      }
      for (const text of c.duplicates ?? []) {
        it(`duplicates ${text}`, () => {
          expect(formatErrors(check(root, text, false))).toContain('duplicate entries for key');
          expect(check(root, text, true)).toEqual([]);
        });
      }
    });
  }
});
