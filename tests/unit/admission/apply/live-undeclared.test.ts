// The live object's typed conversion in ApplyStructuredMergeDiff (apiserver mutating/patch/smd.go:
// ObjectToTyped with typed.AllowDuplicates only) refuses undeclared fields like the patch's; the
// merge drops them only where a real server would have pruned them already.
import { describe, expect, it } from 'vitest';
import { applyStructuredMergeDiff } from '../../../../src/engine/admission/apply/smd.js';
import type { SmdValue } from '../../../../src/engine/admission/apply/values.js';
import { BuiltinSchemas } from '../../../../src/engine/schema/builtin.js';
import { crdRootAtom } from '../../../../src/engine/schema/crd.js';
import type { TypeRef } from '../../../../src/engine/schema/types.js';

const atom = crdRootAtom({ type: 'object', properties: { spec: { type: 'object', properties: { name: { type: 'string' } } } } }, new BuiltinSchemas());
const widget: TypeRef = () => atom;
const live = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { name: 'a', bogus: 1n } } as unknown as SmdValue;
const patch = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { labels: { a: 'b' } } } as unknown as SmdValue;

describe('undeclared fields in the live object', () => {
  it('are refused when nothing pruned them (the plugin run as its unit tests run it)', () => {
    const r = applyStructuredMergeDiff(widget, live, patch, '1.36', undefined, false);
    expect(r).toEqual({ ok: false, error: 'failed to convert original object to typed object: .spec.bogus: field not declared in schema' });
  });
  it('are dropped by the merge when pruning would have removed them', () => {
    const r = applyStructuredMergeDiff(widget, live, patch, '1.36', undefined, true);
    expect(r.ok && (r.value as { spec: unknown }).spec).toEqual({ name: 'a' });
  });
});
