// Every list field of every built-in kind must have its merge semantics written down (nothing
// silently defaults to atomic), and every fact must name a field that exists.
import { describe, expect, it } from 'vitest';
import { allClasses, BuiltinSchemas, builtinClass, classFields } from '../../../src/engine/schema/builtin.js';
import { FIELDS_SINCE } from '../../../src/engine/schema/field-versions.js';
import { ATOMIC_FIELDS, ATOMIC_STRUCTS, KEY_DEFAULTS, LIST_TYPES } from '../../../src/engine/schema/merge-semantics.js';
import { INT_OR_STRING_FIELDS, QUANTITY_FIELDS, RAW_EXTENSION_FIELDS } from '../../../src/engine/schema/scalar-fields.js';

function listPositions(): string[] {
  const out: string[] = [];
  for (const cls of allClasses()) {
    for (const [name, code] of classFields(cls) ?? []) {
      // the field itself, then lists nested in its list items or map values
      const key = `${cls}.${name}`;
      let c = code;
      let top = true;
      while (c.startsWith('[]') || c.startsWith('{}')) {
        if (c.startsWith('[]')) out.push(top ? key : key + '[]');
        c = c.slice(2);
        top = false;
      }
    }
  }
  return out;
}

describe('merge semantics table', () => {
  it('covers every list field of the generated structure', () => {
    const missing = listPositions().filter((k) => !Object.hasOwn(LIST_TYPES, k));
    expect(missing).toEqual([]);
  });

  it('names only existing fields and classes', () => {
    const positions = new Set(listPositions());
    expect(Object.keys(LIST_TYPES).filter((k) => !positions.has(k))).toEqual([]);
    const fields = new Set(allClasses().flatMap((c) => (classFields(c) ?? []).map(([n]) => `${c}.${n}`)));
    const since = Object.values(FIELDS_SINCE).flat();
    expect([...ATOMIC_FIELDS, ...QUANTITY_FIELDS, ...INT_OR_STRING_FIELDS, ...RAW_EXTENSION_FIELDS, ...Object.keys(KEY_DEFAULTS), ...since].filter((k) => !fields.has(k))).toEqual([]);
    expect([...ATOMIC_STRUCTS].filter((c) => !allClasses().includes(c))).toEqual([]);
  });

  it('has well-formed list types whose keys are fields of the item', () => {
    for (const [k, v] of Object.entries(LIST_TYPES)) {
      expect(v, k).toMatch(/^(atomic|set|map [\w,]+)$/);
      if (!v.startsWith('map ')) continue;
      const [cls, field] = k.replace(/\[\]$/, '').split('.');
      const code = (classFields(cls) ?? []).find(([n]) => n === field)![1];
      const item = code.replace(/^(\[\]|\{\})+/, '');
      expect(item.startsWith('@'), k).toBe(true);
      const names = (classFields(item.slice(1)) ?? []).map(([n]) => n);
      for (const key of v.slice(4).split(',')) expect(names, `${k} key ${key}`).toContain(key);
    }
  });

  it('records the commonly hit facts of semantics.md §7.2', () => {
    expect(LIST_TYPES['V1Container.args']).toBe('atomic');
    expect(LIST_TYPES['V1Container.command']).toBe('atomic');
    expect(LIST_TYPES['V1PodSpec.tolerations']).toBe('atomic');
    expect(LIST_TYPES['V1ObjectMeta.managedFields']).toBe('atomic');
    expect(LIST_TYPES['V1PodSpec.containers']).toBe('map name');
    expect(LIST_TYPES['V1Container.volumeMounts']).toBe('map mountPath');
    expect(LIST_TYPES['V1Container.ports']).toBe('map containerPort,protocol');
    expect(LIST_TYPES['V1PodSpec.topologySpreadConstraints']).toBe('map topologyKey,whenUnsatisfiable');
    expect(LIST_TYPES['V1ObjectMeta.ownerReferences']).toBe('map uid');
    expect(LIST_TYPES['V1ObjectMeta.finalizers']).toBe('set');
    expect(KEY_DEFAULTS['V1ContainerPort.protocol']).toBe('TCP');
    for (const s of ['V1LabelSelector', 'V1LocalObjectReference', 'V1SecretKeySelector', 'V1ConfigMapKeySelector', 'V1ObjectFieldSelector', 'V1ResourceFieldSelector', 'V1OwnerReference']) {
      expect(ATOMIC_STRUCTS.has(s), s).toBe(true);
    }
    expect(ATOMIC_FIELDS.has('V1PodSpec.nodeSelector')).toBe(true);
    expect(QUANTITY_FIELDS.has('V1ResourceRequirements.limits')).toBe(true);
  });
});

describe('built-in schemas', () => {
  it('knows the usual kinds', () => {
    expect(builtinClass('', 'v1', 'Pod')).toBe('V1Pod');
    expect(builtinClass('apps', 'v1', 'Deployment')).toBe('V1Deployment');
    expect(builtinClass('', 'v1', 'Event')).toBe('CoreV1Event');
    expect(builtinClass('events.k8s.io', 'v1', 'Event')).toBe('EventsV1Event');
    expect(builtinClass('autoscaling', 'v1', 'Scale')).toBe('V1Scale');
    expect(builtinClass('example.com', 'v1', 'Widget')).toBeUndefined();
  });

  it('resolves types lazily with the semantics applied', () => {
    const s = new BuiltinSchemas();
    const pod = s.classAtom('V1Pod');
    const spec = pod.map!.fields.get('spec')!.type();
    const containers = spec.map!.fields.get('containers')!.type();
    expect(containers.list).toMatchObject({ relationship: 'associative', keys: ['name'] });
    expect(spec.map!.fields.get('tolerations')!.type().list!.relationship).toBe('atomic');
    expect(spec.map!.fields.get('nodeSelector')!.type().map!.relationship).toBe('atomic');
    const container = containers.list!.elementType();
    const limits = container.map!.fields.get('resources')!.type().map!.fields.get('limits')!.type();
    expect(limits.map!.elementType!().scalar).toBe('untyped');
    const port = container.map!.fields.get('ports')!.type().list!.elementType();
    expect(port.map!.fields.get('protocol')!.default).toBe('TCP');
    expect(spec.map!.fields.get('imagePullSecrets')!.type().list!.elementType().map!.relationship).toBe('atomic');
    // recursive schemas resolve on demand
    const crd = s.classAtom('V1CustomResourceDefinition');
    expect(crd.map!.fields.has('spec')).toBe(true);
  });
});

describe('fields by release', () => {
  it('leaves out fields a release does not have yet', () => {
    const spec = (v?: '1.33' | '1.34') => new BuiltinSchemas(v).classAtom('V1PodSpec').map!.fields;
    expect(spec('1.33').has('hostnameOverride')).toBe(false);
    expect(spec('1.34').has('hostnameOverride')).toBe(true);
    expect(spec().has('hostnameOverride')).toBe(true);
  });
});
