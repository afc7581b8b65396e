// The merge engine on its own: structured-merge-diff's typed conversion, atomic guard and merge
// (typed/{validate,merge,helpers}.go; apiserver mutating/patch/smd.go) on real schemas.
import { describe, expect, it } from 'vitest';
import { RawCelValue } from '../../../../src/engine/cel/kubernetes/mutation-json.js';
import { applyStructuredMergeDiff } from '../../../../src/engine/admission/apply/smd.js';
import { goFloat } from '../../../../src/engine/admission/apply/values.js';
import type { SmdValue } from '../../../../src/engine/admission/apply/values.js';
import { BuiltinSchemas } from '../../../../src/engine/schema/builtin.js';
import { crdRootAtom } from '../../../../src/engine/schema/crd.js';
import type { TypeRef } from '../../../../src/engine/schema/types.js';
import type { KubernetesVersion } from '../../../../src/engine/types.js';

const pod: TypeRef = () => new BuiltinSchemas().classAtom('V1Pod');
const NULL = new RawCelValue(null, 'structpb.NullValue');

function apply(live: unknown, patch: unknown, root: TypeRef = pod, version: KubernetesVersion = '1.36') {
  return applyStructuredMergeDiff(root, live as SmdValue, patch as SmdValue, version);
}
const merged = (live: unknown, patch: unknown, root?: TypeRef, version?: KubernetesVersion) => {
  const r = apply(live, patch, root, version);
  if (!r.ok) throw new Error(r.error);
  return r.value as Record<string, unknown>;
};
const names = (v: unknown) => (v as { name: string }[]).map((c) => c.name);
const podWith = (spec: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });

describe('associative list order (semantics.md §7.4)', () => {
  const order = (live: string[], patch: string[]) =>
    names((merged(podWith({ containers: live.map((name) => ({ name })) }), podWith({ containers: patch.map((name) => ({ name })) })).spec as { containers: unknown }).containers);
  it('appends patch-only items after the live ones', () => {
    expect(order(['x'], ['y'])).toEqual(['x', 'y']);
    expect(order(['init-container'], ['injected'])).toEqual(['init-container', 'injected']);
  });
  it('places new items before the shared ones that follow them in the patch', () => {
    expect(order(['A', 'B'], ['C', 'A'])).toEqual(['C', 'A', 'B']);
    expect(order(['app', 'sidecar'], ['log', 'app'])).toEqual(['log', 'app', 'sidecar']);
    expect(order(['a', 'b', 'c'], ['c', 'a'])).toEqual(['b', 'c', 'a']);
  });
  it('merges matched items and keeps live-only fields', () => {
    const r = merged(podWith({ containers: [{ name: 'a', image: 'i1', env: [{ name: 'X', value: '1' }] }] }), podWith({ containers: [{ name: 'a', image: 'i2', env: [{ name: 'Y', value: '2' }] }] }));
    expect(r.spec).toEqual({ containers: [{ name: 'a', image: 'i2', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }] });
  });
  it('keys a port without protocol by the TCP default', () => {
    const live = podWith({ containers: [{ name: 'a', ports: [{ containerPort: 80n, protocol: 'TCP' }] }] });
    const r = merged(live, podWith({ containers: [{ name: 'a', ports: [{ containerPort: 80n, name: 'http' }] }] }));
    expect((r.spec as any).containers[0].ports).toEqual([{ containerPort: 80n, protocol: 'TCP', name: 'http' }]);
  });
  it('keys an item without its required key by the zero value', () => {
    const r = merged(podWith({ containers: [{ name: 'a' }] }), podWith({ containers: [{ image: 'x' }] }));
    expect((r.spec as any).containers).toEqual([{ name: 'a' }, { image: 'x' }]);
  });
  it('merges sets by value', () => {
    const r = merged({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['c', 'a'] } });
    expect((r.metadata as any).finalizers).toEqual(['c', 'a', 'b']);
  });
  it('never removes: an empty patch list keeps the live items; empty on both sides stays empty', () => {
    expect((merged(podWith({ containers: [{ name: 'a' }] }), podWith({ containers: [] })).spec as any).containers).toEqual([{ name: 'a' }]);
    expect((merged(podWith({ containers: [] }), podWith({ containers: [] })).spec as any).containers).toEqual([]);
  });
  it('collapses live duplicates the patch touches (1.35+), keeps the others', () => {
    const live = podWith({ containers: [{ name: 'a', env: [{ name: 'T', value: '1' }, { name: 'T', value: '2' }, { name: 'F', value: 'x' }] }] });
    const r = merged(live, podWith({ containers: [{ name: 'a', env: [{ name: 'T', value: '3' }] }] }));
    expect((r.spec as any).containers[0].env).toEqual([{ name: 'T', value: '3' }, { name: 'F', value: 'x' }]);
    const kept = merged(live, podWith({ containers: [{ name: 'a', image: 'i' }] }));
    expect((kept.spec as any).containers[0].env).toHaveLength(3);
  });
  it('rejects live duplicates before 1.35', () => {
    const live = podWith({ containers: [{ name: 'a' }, { name: 'a' }] });
    expect(apply(live, podWith({}), pod, '1.34')).toEqual({
      ok: false,
      error: 'failed to convert original object to typed object: .spec.containers: duplicate entries for key [name="a"]',
    });
  });
});

describe('maps and scalars', () => {
  it('unions granular maps, RHS wins on scalars', () => {
    const r = merged({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { b: '3', c: '4' } } });
    expect((r.metadata as any).labels).toEqual({ a: '1', b: '3', c: '4' });
  });
  it('accepts ints and floats for numeric fields, any scalar for quantities and int-or-string', () => {
    expect(apply(podWith({}), podWith({ priority: 1.5, containers: [{ name: 'a', resources: { limits: { cpu: 1n } } }] })).ok).toBe(true);
  });
});

describe('errors (semantics.md §7.3, §7.5)', () => {
  const err = (patch: unknown, version?: KubernetesVersion, root?: TypeRef) => {
    const r = apply(podWith({}), patch, root, version);
    return r.ok ? undefined : r.error;
  };
  it('refuses atomic values, printing list items by index', () => {
    expect(err(podWith({ tolerations: [], nodeSelector: { a: 'b' } }))).toBe('invalid ApplyConfiguration: may not mutate atomic arrays, maps or structs: .spec.tolerations, .spec.nodeSelector');
    expect(err(podWith({ initContainers: [{ name: 'i', args: ['x'] }] }))).toBe('invalid ApplyConfiguration: may not mutate atomic arrays, maps or structs: .spec.initContainers[0].args');
    expect(err(podWith({ containers: [{ name: 'a', env: [{ name: 'E', valueFrom: { fieldRef: { fieldPath: 'x' } } }] }] }))).toBe(
      'invalid ApplyConfiguration: may not mutate atomic arrays, maps or structs: .spec.containers[0].env[0].valueFrom.fieldRef',
    );
  });
  it('reports unknown fields, stopping at the first of each map', () => {
    expect(err({ spec: { replicasx: 1n, other: 2n } })).toBe('failed to convert patch object to typed object: .spec.replicasx: field not declared in schema');
  });
  it('prints several errors on indented lines', () => {
    expect(err({ metadata: { name: 5n }, spec: { hostNetwork: 'yes' } })).toBe(
      'failed to convert patch object to typed object: errors:\n  .metadata.name: expected string, got &value.valueUnstructured{Value:5}\n  .spec.hostNetwork: expected boolean, got &{yes}',
    );
  });
  it('prints CEL values Go could not convert the way SMD does', () => {
    expect(err({ metadata: { labels: NULL } })).toBe('failed to convert patch object to typed object: .metadata.labels: expected map, got &{NULL_VALUE}');
    expect(err({ metadata: { labels: { a: NULL } } })).toBe('failed to convert patch object to typed object: .metadata.labels.a: expected string, got &value.valueUnstructured{Value:0}');
    expect(err({ spec: { priority: NULL } })).toBe('failed to convert patch object to typed object: .spec.priority: expected numeric (int or float), got structpb.NullValue');
    expect(err({ spec: { priority: 'x' } })).toBe('failed to convert patch object to typed object: .spec.priority: expected numeric (int or float), got string');
    expect(err({ spec: { hostNetwork: 1.5 } })).toBe('failed to convert patch object to typed object: .spec.hostNetwork: expected boolean, got &{1.5}');
    expect(err({ spec: { containers: 'x' } })).toBe('failed to convert patch object to typed object: .spec.containers: expected list, got &{x}');
  });
  it('reports duplicates in the patch', () => {
    expect(err(podWith({ containers: [{ name: 'app' }, { name: 'app' }] }))).toBe('failed to convert patch object to typed object: .spec.containers: duplicate entries for key [name="app"]');
  });
  it('reports items that omit every key, per release', () => {
    const crd = { type: 'object', properties: { spec: { type: 'object', properties: { items: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['id'], items: { type: 'object', properties: { id: { type: 'string' }, v: { type: 'string' } } } } } } } };
    const root: TypeRef = () => crdRootAtom(crd as never, new BuiltinSchemas());
    const patch = { spec: { items: [{ v: 'a' }] } };
    expect(err(patch, '1.36', root)).toBe(
      'failed to convert patch object to typed object: .spec.items: element 0: associative list with keys has an element that omits all key fields ["id"] (and doesn\'t have default values for any key fields)',
    );
    expect(err(patch, '1.32', root)).toBe(
      'failed to convert patch object to typed object: .spec.items: element 0: associative list with keys has an element that omits key field "id" (and doesn\'t have default value)',
    );
  });
});

describe('custom resource schemas', () => {
  const schema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          replicas: { type: 'integer' },
          tags: { type: 'array', items: { type: 'string' } },
          ports: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port'], items: { type: 'object', properties: { port: { type: 'integer' }, name: { type: 'string' } } } },
          free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          sel: { type: 'object', 'x-kubernetes-map-type': 'atomic', additionalProperties: { type: 'string' } },
        },
      },
    },
  };
  const root: TypeRef = () => crdRootAtom(schema as never, new BuiltinSchemas());
  const live = { apiVersion: 'example.com/v1', kind: 'W', metadata: { name: 'w' }, spec: { replicas: 1n, ports: [{ port: 80n, name: 'a' }] } };
  it('merges list-maps and accepts unknown fields under preserve-unknown-fields', () => {
    const r = merged(live, { spec: { ports: [{ port: 81n }], free: { anything: { x: 1n } } } }, root);
    expect(r.spec).toEqual({ replicas: 1n, ports: [{ port: 80n, name: 'a' }, { port: 81n }], free: { anything: { x: 1n } } });
  });
  it('refuses atomic lists and maps, and undeclared fields', () => {
    expect(apply(live, { spec: { tags: ['a'], sel: { a: 'b' } } }, root)).toEqual({ ok: false, error: 'invalid ApplyConfiguration: may not mutate atomic arrays, maps or structs: .spec.tags, .spec.sel' });
    expect(apply(live, { spec: { nope: 1n } }, root)).toEqual({ ok: false, error: 'failed to convert patch object to typed object: .spec.nope: field not declared in schema' });
  });
});

describe('Go formatting', () => {
  it('formats floats as %v does', () => {
    expect(goFloat(1.5)).toBe('1.5');
    expect(goFloat(123456)).toBe('123456');
    expect(goFloat(1e6)).toBe('1e+06');
    expect(goFloat(1234567.5)).toBe('1.2345675e+06');
    expect(goFloat(0.00001)).toBe('1e-05');
  });
});

describe('structured-merge-diff v4 quirks (1.32-1.33)', () => {
  it('formats list/map type errors with the message as the format', async () => {
    const { goSprintfNoArgs } = await import('../../../../src/engine/admission/apply/validate.js');
    expect(goSprintfNoArgs('expected map, got &{50%}')).toBe('expected map, got &{50%!}(MISSING)');
    expect(goSprintfNoArgs('a %% b %d c %')).toBe('a % b %!d(MISSING) c %!(NOVERB)');
    const r = apply({ metadata: {} }, { metadata: { labels: '50%' } }, pod, '1.33');
    expect(r).toEqual({ ok: false, error: 'failed to convert patch object to typed object: .metadata.labels: expected map, got &{50%!}(MISSING)' });
  });
});

describe('live objects', () => {
  it('drops undeclared live fields (decoding would have pruned them) instead of failing', () => {
    const schema = { type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } };
    const root: TypeRef = () => crdRootAtom(schema as never, new BuiltinSchemas());
    expect(merged({ kind: 'W', spec: { a: 'x', junk: 1n } }, { spec: { a: 'y' } }, root)).toEqual({ kind: 'W', spec: { a: 'y' } });
  });
});

describe('CRD schema extraction', () => {
  it('takes every served version and gives embedded resources their TypeMeta and ObjectMeta', async () => {
    const { crdSchemas } = await import('../../../../src/engine/schema/crd.js');
    const crd = {
      spec: {
        group: 'example.com',
        names: { kind: 'W' },
        versions: [
          { name: 'v1', served: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { tpl: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } } } } } } },
          { name: 'v0', served: false, schema: { openAPIV3Schema: { type: 'object' } } },
        ],
      },
    };
    const schemas = crdSchemas([crd as never]);
    expect([...schemas.keys()]).toEqual(['example.com/v1/W']);
    const root: TypeRef = () => crdRootAtom(schemas.get('example.com/v1/W')!, new BuiltinSchemas());
    const live = { apiVersion: 'example.com/v1', kind: 'W', metadata: { name: 'w' }, spec: {} };
    expect(apply(live, { spec: { tpl: { metadata: { labels: { a: 'b' } }, x: 1n } } }, root).ok).toBe(true);
    expect(apply(live, { spec: { tpl: { metadata: { nope: 1n } } } }, root)).toEqual({ ok: false, error: 'failed to convert patch object to typed object: .spec.tpl.metadata.nope: field not declared in schema' });
  });
});
