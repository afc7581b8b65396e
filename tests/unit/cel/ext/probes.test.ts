// The reference probes of this area (tests/fixtures/reference/sample/cel/{strext,fmt,lists,sets,
// tvc}-*.yaml, answered by the real admission plugin): each mutation expression is evaluated in
// the mutation environment of its Kubernetes version and its `/data/result` compared with the
// expected object, or its error with the expected denial.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from './eval-helper.js';
import { JSONPatchValue, ObjectValue } from '../../../../src/engine/cel/kubernetes/mutation-types.js';
import type { KubernetesVersion } from '../../../../src/engine/types.js';

const DIR = join(import.meta.dirname, '../../../fixtures/reference/sample/cel');
const files = readdirSync(DIR).filter((f) => /^(strext|fmt|lists|sets|tvc)-.*\.yaml$/.test(f));

describe('reference probes', () => {
  for (const f of files) {
    it(f, () => {
      const doc = parse(readFileSync(join(DIR, f), 'utf8'));
      const m = doc.policies[0].spec.mutations[0];
      const src: string = m.jsonPatch?.expression ?? m.applyConfiguration.expression;
      const r = run(src, { version: String(doc.kubernetesVersion) as KubernetesVersion });
      if (doc.expect.error) {
        expect('error' in r && doc.expect.error.endsWith(`resulted in error: ${r.error}`)).toBe(true);
        return;
      }
      expect(r).toHaveProperty('value');
      const v = (r as { value: unknown }).value;
      const result =
        v instanceof ObjectValue
          ? (v.fields.get('data') as Record<string, unknown>).result
          : ((v as JSONPatchValue[])[0] as JSONPatchValue).value;
      expect(result).toBe(doc.expect.object.data.result);
    });
  }
});
