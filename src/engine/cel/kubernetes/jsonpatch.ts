// jsonpatch.escapeKey (apiserver pkg/cel/library/jsonpatch.go): `~` → `~0`, `/` → `~1`, in one
// pass (strings.NewReplacer), so `~1/` → `~01~1`.
import type { Library } from '../decls.js';
import { T } from '../types.js';
import { noSuchOverload, stringArgCost } from './common.js';

export function escapeJsonPatchKey(k: string): string {
  return k.replace(/[~/]/g, (c) => (c === '~' ? '~0' : '~1'));
}

export const jsonPatchLibrary: Library = {
  name: 'kubernetes.jsonpatch',
  functions: [
    {
      name: 'jsonpatch.escapeKey',
      overloads: [
        {
          id: 'string_jsonpatch_escapeKey_string',
          member: false,
          params: [T.string],
          result: T.string,
          impl: ([s]) => (typeof s === 'string' ? escapeJsonPatchKey(s) : noSuchOverload(s)),
          cost: stringArgCost(0, 0.1, true),
        },
      ],
    },
  ],
};
