// The shortcuts the admission path takes for speed give the answers of the long way round:
// the JSON Patch applier reads a value as its JSON text would read, createPatch's banded edit
// script is the full table's, decoding with a memo equals decoding afresh, and an admission
// leaves its inputs as they were.
import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '../../../src/engine/admission/jsonpatch/index.js';
import { createPatch, deepEqual, encodeJson, parseJsonPreservingInts, semanticNormalize } from '../../../src/engine/json/index.js';
import { decodeStrict, toTypedJson, type DecodeMemo } from '../../../src/engine/k8s/typed.js';
import { admitCompiled, compileScenario, readScenario } from '../../../src/engine/index.js';
import type { JsonObject } from '../../../src/engine/cel/values.js';

const show = (v: unknown): string =>
  encodeJson(v) + ' ' + JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'number' ? `#${Object.is(x, -0) ? '-0' : x}` : x));

let seed = 7;
const rnd = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

describe('JSON Patch on a value reads it as its JSON text', () => {
  class Opaque {
    x = 1;
  }
  const tricky = (): Record<string, unknown> => ({
    int: 5n,
    double: 5.0,
    frac: 0.25,
    negZero: -0,
    huge: 1e21,
    tiny: 1e-7,
    big: 2n ** 64n,
    lone: 'a\ud800b',
    html: '<&>\u2028',
    nested: { list: [1n, 2.5, null, undefined, { '\udc00k': 'v' }], opaque: new Opaque(), missing: undefined },
  });
  const ops: unknown[][] = [
    [{ op: 'add', path: '/added', value: { a: [1.0, 'x\ud800'] } }],
    [{ op: 'replace', path: '/nested/list/1', value: 3n }],
    [{ op: 'copy', from: '/nested', path: '/copy' }],
    [{ op: 'move', from: '/nested/list', path: '/moved' }],
    [{ op: 'test', path: '/nested/list/0', value: 1n }, { op: 'remove', path: '/int' }],
    [{ op: 'add', path: '/nested/list/-', value: null }],
  ];
  it.each(ops.map((o, i) => [i, o] as const))('operations %i', (_i, operations) => {
    const doc = tricky();
    const asText = parseJsonPreservingInts(encodeJson(doc));
    const got = applyJsonPatch(doc, operations, { version: '1.36' });
    const want = applyJsonPatch(asText, operations, { version: '1.36' });
    expect(show(got)).toBe(show(want));
    expect(show(doc)).toBe(show(tricky())); // the input is left as it was
  });
  it('a value JSON cannot hold makes its node null, as the failing re-read did', () => {
    const r = applyJsonPatch({ a: { b: NaN }, c: 1n, d: Infinity }, [{ op: 'add', path: '/e', value: 1n }], { version: '1.36' });
    expect(show(r)).toBe(show({ ok: true, doc: { a: null, c: 1n, d: null, e: 1n } }));
  });
});

/** The full Levenshtein table createPatch used before it learned the band. */
function fullScript(a: readonly unknown[], b: readonly unknown[]): string[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const cost = new Uint32Array((n + 1) * w);
  const step = new Uint8Array((n + 1) * w);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const at = i * w + j;
      if (i === 0 && j === 0) continue;
      if (i > 0 && j > 0 && deepEqual(a[i - 1], b[j - 1])) {
        cost[at] = cost[at - w - 1];
        step[at] = 0;
        continue;
      }
      let best = Infinity;
      let s = 1;
      if (i > 0 && cost[at - w] + 1 < best) [best, s] = [cost[at - w] + 1, 1];
      if (j > 0 && cost[at - 1] + 1 < best) [best, s] = [cost[at - 1] + 1, 2];
      if (i > 0 && j > 0 && cost[at - w - 1] + 1 < best) [best, s] = [cost[at - w - 1] + 1, 3];
      cost[at] = best;
      step[at] = s;
    }
  }
  const out: string[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const s = step[i * w + j];
    out.push(`${s}@${i},${j}`);
    if (s === 0 || s === 3) {
      i--;
      j--;
    } else if (s === 1) i--;
    else j--;
  }
  return out.reverse();
}

/** The operations the full table gives for two arrays of scalars (what createPatch emits). */
function fullPatch(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const ops: unknown[] = [];
  let shift = 0;
  for (const st of fullScript(a, b)) {
    const [s, pos] = st.split('@');
    const [si, sj] = pos.split(',').map(Number);
    if (s === '0') continue;
    if (s === '2') {
      const index = si + shift;
      ops.push({ op: 'add', path: `/${index < a.length + shift ? index : '-'}`, value: b[sj - 1] });
      shift++;
    } else if (s === '1') {
      ops.push({ op: 'remove', path: `/${si - 1 + shift}` });
      shift--;
    } else if (!deepEqual(a[si - 1], b[sj - 1])) ops.push({ op: 'replace', path: `/${si - 1 + shift}`, value: b[sj - 1] });
  }
  return ops;
}

describe("createPatch's banded edit script is the full table's", () => {
  it('random edits of long arrays with repeated elements', () => {
    for (let t = 0; t < 400; t++) {
      const a = Array.from({ length: Math.floor(rnd() * 80) }, () => pick(['a', 'b', 'c', 1n, null]));
      const b = [...a];
      const edits = Math.floor(rnd() * 12);
      for (let e = 0; e < edits; e++) {
        const r = rnd();
        if (r < 0.4) b.splice(Math.floor(rnd() * (b.length + 1)), 0, pick(['a', 'b', 'd']));
        else if (r < 0.7 && b.length) b.splice(Math.floor(rnd() * b.length), 1);
        else if (b.length) b[Math.floor(rnd() * b.length)] = pick(['a', 'e', 2n]);
      }
      expect(show(createPatch(a, b))).toBe(show(fullPatch(a, b)));
    }
  });
});

/** semanticNormalize as a plain recursive copy (what it computed before it shared unchanged parts). */
function copyNormalize(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map((x) => copyNormalize(x) ?? null);
  if (typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(v)) {
      const n = copyNormalize((v as Record<string, unknown>)[k]);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

describe('semanticNormalize shares what it does not change', () => {
  const gen = (d: number): unknown => {
    const r = rnd();
    if (d > 3 || r < 0.4) return pick([1n, 0, 'a', '', true, null, undefined, [], {}]);
    if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(d + 1));
    const o: Record<string, unknown> = rnd() < 0.5 ? {} : Object.create(null);
    for (let i = 0; i < Math.floor(rnd() * 4); i++) {
      Object.defineProperty(o, pick(['x', 'y', '__proto__']), { value: gen(d + 1), enumerable: true, writable: true, configurable: true });
    }
    return o;
  };
  it('random values, with and without a memo', () => {
    for (let t = 0; t < 2000; t++) {
      const v = gen(0);
      const want = copyNormalize(v) ?? (Array.isArray(v) ? [] : v !== null && typeof v === 'object' ? {} : null);
      expect(show(semanticNormalize(v))).toBe(show(want));
      expect(show(semanticNormalize(v, new Map()))).toBe(show(want));
      if (v !== null && typeof v === 'object') expect(Object.keys(semanticNormalize(v) as object)).toEqual(Object.keys(want as object));
    }
  });
});

describe('decoding with a memo equals decoding afresh', () => {
  const POD = { apiVersion: 'v1', kind: 'Pod', group: '', version: 'v1', kubernetesVersion: '1.36' };
  const pod = (): JsonObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', creationTimestamp: '9999-12-31T23:59:59-01:00', labels: { b: 'x', a: 'y' } },
    spec: {
      containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '1500m', memory: '1e3', odd: ' 1Gi ' } }, ports: [{ containerPort: 80n }] }],
      priority: 5n,
    },
  });
  it('a patched object sharing the parts a first decoding rendered', () => {
    const memo: DecodeMemo = new Map();
    const first = toTypedJson(pod(), POD, { memo }).value;
    const spec = first.spec as JsonObject;
    const patched: JsonObject = { ...first, spec: { ...spec, hostname: 'h' } };
    const fresh = decodeStrict(patched, POD);
    const remembered = decodeStrict(patched, POD, memo);
    expect(show(remembered)).toBe(show(fresh));
    // a time past year 9999 does not decode back: the memo does not vouch for its metadata
    expect(remembered.ok).toBe(false);
  });
  it('decoding its own output again', () => {
    const memo: DecodeMemo = new Map();
    const o = pod();
    (o.metadata as JsonObject).creationTimestamp = '2024-01-02T03:04:05+01:00';
    const first = toTypedJson(o, POD, { memo }).value;
    expect(show(decodeStrict(first, POD, memo))).toBe(show(decodeStrict(first, POD)));
    expect(show(toTypedJson(first, POD, { memo, wrapIntegers: true }))).toBe(show(toTypedJson(first, POD, { wrapIntegers: true })));
  });
});

describe('an admission leaves its compiled scenario as it was', () => {
  it('the same answer twice', () => {
    const text = `
policies:
  - apiVersion: admissionregistration.k8s.io/v1
    kind: MutatingAdmissionPolicy
    metadata: { name: sidecar }
    spec:
      matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods] }] }
      reinvocationPolicy: IfNeeded
      mutations:
        - patchType: JSONPatch
          jsonPatch: { expression: '[JSONPatch{op: "add", path: "/spec/initContainers/-", value: Object.spec.initContainers{name: "x", image: "y"}}]' }
object:
  apiVersion: v1
  kind: Pod
  metadata: { name: web, namespace: default, labels: { app: web } }
  spec:
    initContainers: [{ name: a, image: a, resources: { limits: { cpu: 500m } } }]
    containers: [{ name: b, image: b, ports: [{ containerPort: 80 }] }]
`;
    const read = readScenario(text);
    if (!read.scenario) throw new Error(read.diagnostics.map((d) => d.message).join('; '));
    const compiled = compileScenario(read.scenario);
    const first = show(admitCompiled(compiled));
    expect(show(admitCompiled(compiled))).toBe(first);
    expect(first).toContain('/spec/initContainers/-');
  });
});
