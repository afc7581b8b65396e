// upstream: kubernetes-sigs/structured-merge-diff v6.3.3 typed/merge_test.go TestMerge
// (the same table in v6.3.0, v4.6.0 and v4.4.2: run for the release each Kubernetes version vendors)
// lhs.Merge(rhs) with the LHS read with typed.AllowDuplicates and the RHS without, as
// ApplyStructuredMergeDiff reads the live object and the apply configuration. (The plugin's
// atomic guard comes before the merge and is not part of these cases.)
import { describe, expect, it } from 'vitest';
import { mergeValues } from '../../../../src/engine/admission/apply/merge.js';
import { validate } from '../../../../src/engine/admission/apply/validate.js';
import { deepEqual } from '../../../../src/engine/json/index.js';
import type { KubernetesVersion } from '../../../../src/engine/types.js';
import { ASSOCIATIVE_LIST, SIMPLE_PAIR, STRUCT_GRAB_BAG, UNTYPED_ATOMIC_YAML, smdSchema, v } from './smd-yaml-schema.js';

interface MergeCase {
  name: string;
  root: string;
  schema: string;
  triplets: [lhs: string, rhs: string, out: string][];
}

const cases: MergeCase[] = [
  {
    name: 'simple pair',
    root: 'stringPair',
    schema: SIMPLE_PAIR,
    triplets: [
      ['{"key":"foo","value":{}}', '{"key":"foo","value":1}', '{"key":"foo","value":1}'],
      ['{"key":"foo","value":1}', '{"key":"foo","value":{}}', '{"key":"foo","value":{}}'],
      ['{"key":"foo","value":null}', '{"key":"foo","value":{}}', '{"key":"foo","value":{}}'],
      ['{"key":"foo"}', '{"value":true}', '{"key":"foo","value":true}'],
    ],
  },
  ...(['map', 'struct', 'list'] as const).map((kind): MergeCase => {
    const empty = kind === 'list' ? '[]' : '{}';
    const inner =
      kind === 'map'
        ? `        map:
          elementType:
            namedType: __untyped_atomic_`
        : kind === 'struct'
          ? `        map:
          fields:
          - name: value
            type:
              namedType: __untyped_atomic_`
          : `        list:
          elementType:
            namedType: __untyped_atomic_
          elementRelationship: atomic`;
    return {
      name: `null/empty ${kind}`,
      root: 'nested',
      schema: `types:
- name: nested
  map:
    fields:
    - name: inner
      type:
${inner}
${UNTYPED_ATOMIC_YAML}`,
      triplets: [
        ['{}', `{"inner":${empty}}`, `{"inner":${empty}}`],
        ['{}', '{"inner":null}', '{"inner":null}'],
        ['{"inner":null}', `{"inner":${empty}}`, `{"inner":${empty}}`],
        [`{"inner":${empty}}`, '{"inner":null}', '{"inner":null}'],
        [`{"inner":${empty}}`, `{"inner":${empty}}`, `{"inner":${empty}}`],
      ],
    };
  }),
  {
    name: 'struct grab bag',
    root: 'myStruct',
    schema: STRUCT_GRAB_BAG,
    triplets: [
      ['{"numeric":1}', '{"numeric":3.14159}', '{"numeric":3.14159}'],
      ['{"numeric":3.14159}', '{"numeric":1}', '{"numeric":1}'],
      ['{"string":"aoeu"}', '{"bool":true}', '{"string":"aoeu","bool":true}'],
      ['{"setStr":["a","b","c"]}', '{"setStr":["a","b"]}', '{"setStr":["a","b","c"]}'],
      ['{"setStr":["a","b"]}', '{"setStr":["a","b","c"]}', '{"setStr":["a","b","c"]}'],
      ['{"setStr":["a","b","c"]}', '{"setStr":[]}', '{"setStr":["a","b","c"]}'],
      ['{"setStr":[]}', '{"setStr":["a","b","c"]}', '{"setStr":["a","b","c"]}'],
      ['{"setStr":["a","b"]}', '{"setStr":["b","a"]}', '{"setStr":["b","a"]}'],
      ['{"setStr":["a","b","c"]}', '{"setStr":["d","e","f"]}', '{"setStr":["a","b","c","d","e","f"]}'],
      ['{"setStr":["a","b","c"]}', '{"setStr":["c","d","e","f"]}', '{"setStr":["a","b","c","d","e","f"]}'],
      ['{"setStr":["a","b","c","g","f"]}', '{"setStr":["c","d","e","f"]}', '{"setStr":["a","b","c","g","d","e","f"]}'],
      ['{"setStr":["a","b","c"]}', '{"setStr":["d","e","f","x","y","z"]}', '{"setStr":["a","b","c","d","e","f","x","y","z"]}'],
      ['{"setStr":["c","d","e","f"]}', '{"setStr":["a","c","e"]}', '{"setStr":["a","c","d","e","f"]}'],
      ['{"setStr":["a","b","c","x","y","z"]}', '{"setStr":["d","e","f"]}', '{"setStr":["a","b","c","x","y","z","d","e","f"]}'],
      ['{"setStr":["a","b","c","x","y","z"]}', '{"setStr":["d","e","f","x","y","z"]}', '{"setStr":["a","b","c","d","e","f","x","y","z"]}'],
      ['{"setStr":["c","a","g","f"]}', '{"setStr":["c","f","a","g"]}', '{"setStr":["c","f","a","g"]}'],
      ['{"setStr":["a","b","c","d"]}', '{"setStr":["d","e","f","a"]}', '{"setStr":["b","c","d","e","f","a"]}'],
      ['{"setStr":["c","d","e","f","g","h","i","j"]}', '{"setStr":["2","h","3","e","4","k","l"]}', '{"setStr":["c","d","f","g","2","h","i","j","3","e","4","k","l"]}'],
      [
        '{"setStr":["a","b","c","d","e","f","g","h","i","j"]}',
        '{"setStr":["1","b","2","h","3","e","4","k","l"]}',
        '{"setStr":["a","1","b","c","d","f","g","2","h","i","j","3","e","4","k","l"]}',
      ],
      // duplicates in the LHS
      ['{"setStr":["a","b","b"]}', '{"setStr":["c"]}', '{"setStr":["a","b","b","c"]}'],
      ['{"setStr":["a","b","b"]}', '{"setStr":["b"]}', '{"setStr":["a","b"]}'],
      ['{"setStr":["a","b","b"]}', '{"setStr":["a"]}', '{"setStr":["a","b","b"]}'],
      ['{"setStr":["a","b","c","d","e","c"]}', '{"setStr":["1","b","2","e","d"]}', '{"setStr":["a","1","b","c","2","e","c","d"]}'],
      ['{"setStr":["a","b","c","d","e","c"]}', '{"setStr":["1","b","2","c","e","d"]}', '{"setStr":["a","1","b","2","c","e","d"]}'],
      ['{"setStr":["a","a","b","b"]}', '{"setStr":["b","c","d"]}', '{"setStr":["a","a","b","c","d"]}'],
      ['{"setStr":["a","a","b","b"]}', '{"setStr":[]}', '{"setStr":["a","a","b","b"]}'],
      ['{"setBool":[true]}', '{"setBool":[false]}', '{"setBool":[true, false]}'],
      ['{"setNumeric":[1,2,3.14159]}', '{"setNumeric":[1,2,3]}', '{"setNumeric":[1,2,3.14159,3]}'],
      ['{"setStr":["c","a","g","f","c","a"]}', '{"setStr":["c","f","a","g"]}', '{"setStr":["c","f","a","g"]}'],
      ['{"setNumeric":[1,2,3.14159,1,2]}', '{"setNumeric":[1,2,3]}', '{"setNumeric":[1,2,3.14159,3]}'],
      ['{"setBool":[true,false,true]}', '{"setBool":[false]}', '{"setBool":[true,false,true]}'],
      ['{"setBool":[true,false,true]}', '{"setBool":[true]}', '{"setBool":[true, false]}'],
    ],
  },
  {
    name: 'associative list',
    root: 'myRoot',
    schema: ASSOCIATIVE_LIST,
    triplets: [
      ['{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}'],
      [
        '{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}',
        '{"list":[{"key":"a","id":2,"value":{"a":"a"}}]}',
        '{"list":[{"key":"a","id":1,"value":{"a":"a"}},{"key":"a","id":2,"value":{"a":"a"}}]}',
      ],
      ['{"list":[{"key":"a","id":1},{"key":"b","id":1}]}', '{"list":[{"key":"a","id":1},{"key":"a","id":2}]}', '{"list":[{"key":"a","id":1},{"key":"b","id":1},{"key":"a","id":2}]}'],
      ['{"list":[{"key":"b","id":2}]}', '{"list":[{"key":"a","id":1},{"key":"b","id":2},{"key":"c","id":3}]}', '{"list":[{"key":"a","id":1},{"key":"b","id":2},{"key":"c","id":3}]}'],
      ['{"list":[{"key":"a","id":1},{"key":"b","id":2},{"key":"c","id":3}]}', '{"list":[{"key":"c","id":3},{"key":"b","id":2}]}', '{"list":[{"key":"a","id":1},{"key":"c","id":3},{"key":"b","id":2}]}'],
      ['{"list":[{"key":"a","id":1},{"key":"b","id":2},{"key":"c","id":3}]}', '{"list":[{"key":"c","id":3},{"key":"a","id":1}]}', '{"list":[{"key":"b","id":2},{"key":"c","id":3},{"key":"a","id":1}]}'],
      ['{"atomicList":["a","a","a"]}', '{"atomicList":null}', '{"atomicList":null}'],
      ['{"atomicList":["a","b","c"]}', '{"atomicList":[]}', '{"atomicList":[]}'],
      ['{"atomicList":["a","a","a"]}', '{"atomicList":["a","a"]}', '{"atomicList":["a","a"]}'],
      [
        '{"list":[{"key":"a","id":1,"bv":true},{"key":"b","id":2},{"key":"a","id":1,"bv":false,"nv":2}]}',
        '{"list":[{"key":"a","id":1,"nv":3},{"key":"c","id":3},{"key":"b","id":2}]}',
        '{"list":[{"key":"a","id":1,"nv":3},{"key":"c","id":3},{"key":"b","id":2}]}',
      ],
      ['{"list":[{"key":"a","id":1,"nv":1},{"key":"a","id":1,"nv":2}]}', '{"list":[]}', '{"list":[{"key":"a","id":1,"nv":1},{"key":"a","id":1,"nv":2}]}'],
      ['{"list":[{"key":"a","id":1,"nv":1},{"key":"a","id":1,"nv":2}]}', '{}', '{"list":[{"key":"a","id":1,"nv":1},{"key":"a","id":1,"nv":2}]}'],
    ],
  },
];

const VERSIONS: KubernetesVersion[] = ['1.32', '1.33', '1.34', '1.36'];
const show = (x: unknown) => JSON.stringify(x, (_k, y) => (typeof y === 'bigint' ? Number(y) : y));

describe.each(VERSIONS)('structured-merge-diff typed/merge_test.go TestMerge (%s)', (version) => {
  for (const c of cases) {
    const root = smdSchema(c.schema)(c.root);
    describe(c.name, () => {
      c.triplets.forEach(([lhs, rhs, out], i) => {
        it(`${i}: ${lhs} + ${rhs}`, () => {
          const l = v(lhs);
          const r = v(rhs);
          expect(validate(l, root, { allowDuplicates: true, version })).toEqual([]);
          expect(validate(r, root, { allowDuplicates: false, version })).toEqual([]);
          const got = mergeValues(l, r, root, version);
          expect(deepEqual(got, v(out)), `got ${show(got)}`).toBe(true);
        });
      });
    });
  }
});
