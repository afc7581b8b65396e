import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../../src/engine/scenario/read.js';
import { parseYamlDocuments } from '../../../src/engine/scenario/yaml-doc.js';
import { resolvePlainYaml11 } from '../../../src/engine/scenario/yaml-resolve.js';

const value = (text: string) => parseYamlDocuments(text).docs[0].value;
const diags = (text: string) => {
  const r = parseYamlDocuments(text);
  return [...r.diagnostics, ...r.docs.flatMap((d) => d.diagnostics)];
};

describe('YAML 1.1 scalars as kubectl reads them (go-yaml v2 resolve.go)', () => {
  it.each([
    ['y', true], ['Y', true], ['yes', true], ['Yes', true], ['YES', true], ['on', true], ['On', true], ['ON', true],
    ['true', true], ['True', true], ['TRUE', true],
    ['n', false], ['N', false], ['no', false], ['NO', false], ['off', false], ['Off', false], ['false', false],
    ['~', null], ['null', null], ['Null', null], ['NULL', null], ['', null],
    ['0X1F', 31n], ['0x1f', 31n], ['0o17', 15n], ['017', 15n], ['0b101', 5n], ['-0b101', -5n], ['1_000', 1000n], ['+12', 12n],
    ['9223372036854775807', 9223372036854775807n], ['-9223372036854775808', -9223372036854775808n],
    ['9223372036854775808', 9223372036854775808], ['08', 8n], ['1.5', 1.5], ['.5', 0.5], ['1e3', 1000n], ['2.0', 2n],
    ['1e21', 1e21], ['-1.25e-7', -1.25e-7], ['1e400', '1e400'], ['0x1FFFFFFFFFFFFFFFF', 36893488147419103000], ['-99999999999999999999', -100000000000000000000],
    ['yes please', 'yes please'], ['0x', '0x'], ['1.2.3', '1.2.3'], ['2024-01-01', '2024-01-01'], ['nginx:1.2', 'nginx:1.2'],
  ])('%j', (text, expected) => {
    expect(value(`v: ${text}\n`)).toEqual({ v: expected });
  });
  it('quoted scalars stay strings', () => {
    expect(value(`a: "yes"\nb: 'on'\nc: "0x1F"\nd: |\n  true\n`)).toEqual({ a: 'yes', b: 'on', c: '0x1F', d: 'true\n' });
  });
  it('explicit tags', () => {
    expect(value('a: !!str 12\nb: !!int "7"\nc: !!null x\n')).toEqual({ a: '12', b: 7n, c: null });
  });
  it('non-string keys become strings as sigs.k8s.io/yaml makes them', () => {
    expect(value('on: a\nno: b\n5: c\n1.5: d\n~: e\n')).toEqual({ true: 'a', false: 'b', '5': 'c', '1.5': 'd' });
    // float keys print as Go's FormatFloat(f, 'g', -1, 32)
    expect(value('1e6: a\n123456.0: b\n0.00001: c\n')).toEqual({ '1e+06': 'a', '123456': 'b', '1e-05': 'c' });
  });
  it('.inf / .nan are errors (not JSON)', () => {
    expect(diags('a: .inf\n').some((d) => d.severity === 'error' && /cannot be represented in JSON/.test(d.message))).toBe(true);
    expect(resolvePlainYaml11('-.Inf')).toEqual({ kind: 'float', value: -Infinity });
  });
  it('warns where YAML 1.2 reads the same text differently', () => {
    const d = diags('a: yes\nb: 0777\nc: true\nd: 12\ne: 1_000\non: 1\n');
    const w = d.filter((x) => x.severity === 'warning').map((x) => x.path);
    expect(w).toEqual(['a', 'b', 'e', 'true']);
    expect(d[0].message).toContain('the boolean true');
    expect(d[0].message).toContain('YAML 1.2 would read the string "yes"');
    expect(d[0].location?.line).toBe(1);
  });
  it('merge keys and anchors', () => {
    expect(value('b: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\nl: [*b]\n')).toEqual({ b: { x: 1n, z: 2n }, m: { x: 1n, z: 3n }, l: [{ x: 1n, z: 2n }] });
    // the classic: an unquoted y key is the boolean true
    expect(value('y: 1\n')).toEqual({ true: 1n });
  });
  it('__proto__ and constructor keys stay data', () => {
    const v = value('__proto__: {polluted: true}\nconstructor: 1\nm:\n  <<: {__proto__: 2}\n') as Record<string, unknown>;
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(Object.hasOwn(v.m as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('duplicate keys: the last one wins, with a warning', () => {
    const t = 'a: 1\na: 2\n';
    expect(value(t)).toEqual({ a: 2n });
    expect(diags(t).some((d) => d.severity === 'warning' && /duplicate key "a"/.test(d.message))).toBe(true);
  });
});

describe('hostile and malformed input', () => {
  it('syntax errors come with line and column', () => {
    const r = readScenario('object:\n  a: [1, 2\nb: }\n');
    expect(r.scenario).toBeNull();
    const e = r.diagnostics.find((d) => d.severity === 'error')!;
    expect(e.location?.line).toBeGreaterThan(0);
    expect(e.message).toMatch(/line \d+, column \d+/);
  });
  it('a plain scalar with ": " inside is a syntax error (as in go-yaml)', () => {
    const r = readScenario('object: {}\nx:\n  expression: a ? b : c\n');
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
  it('alias bombs are refused, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    const names = 'abcdefghijk';
    for (let i = 1; i < names.length; i++) {
      lines.push(`${names[i]}: &${names[i]} [${Array(10).fill(`*${names[i - 1]}`).join(',')}]`);
    }
    lines.push('object: {}');
    const t0 = Date.now();
    const r = readScenario(lines.join('\n'));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.scenario).toBeNull();
    expect(r.diagnostics.some((d) => /excessive aliasing/.test(d.message))).toBe(true);
  });
  it('deep nesting does not crash', () => {
    const deep = 'object: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const r = readScenario(deep);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0].message).toBe('YAML nesting deeper than 1000 levels at line 1, column 1009');
    const deepMap = 'object:\n' + Array.from({ length: 1500 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n') + ' 1\n';
    expect(() => readScenario(deepMap)).not.toThrow();
    for (const n of [900, 1500, 7000]) {
      const seq = 'object:\n' + Array.from({ length: n }, (_, i) => ' '.repeat(i + 1) + '- ').join('\n') + 'x\n';
      expect(readScenario(seq).diagnostics.length).toBeGreaterThan(0);
      const flow = 'object: ' + '{a: '.repeat(Math.min(n, 999)) + '1' + '}'.repeat(Math.min(n, 999));
      expect(() => readScenario(flow)).not.toThrow();
    }
  });
  it('binary junk and odd documents never throw', () => {
    for (const t of ['\u0000\u0001', '---\n---\n', '- a\n- b', '"just a string"', 'object: [1', '%YAML 9.9\n---\na: 1', '? [a]\n: 1\n', '!!binary x']) {
      expect(() => readScenario(t)).not.toThrow();
      expect(readScenario(t).scenario).toBeNull();
    }
  });
  it('a 5 MB scenario parses in reasonable time', () => {
    const item = '  - name: c{i}\n    image: "registry.example.com/app:{i}"\n    env: [{name: A, value: "1"}, {name: B, value: "2"}]\n';
    const parts = ['object:\n apiVersion: v1\n kind: Pod\n metadata: {name: big}\n spec:\n  containers:\n'];
    let size = parts[0].length;
    for (let i = 0; size < 5_000_000; i++) {
      const s = item.replaceAll('{i}', String(i));
      parts.push(s);
      size += s.length;
    }
    const t0 = Date.now();
    const r = readScenario(parts.join(''));
    const ms = Date.now() - t0;
    expect(r.scenario).not.toBeNull();
    expect(ms).toBeLessThan(50000); // ~2-5 s unloaded; the machine is shared
  });
});

describe('readScenario: the scenario format', () => {
  const minimal = 'object: {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: default}}\n';
  it('fills defaults', () => {
    const r = readScenario(minimal);
    expect(r.diagnostics).toEqual([]);
    const s = r.scenario!;
    expect(s.kubernetesVersion).toBe('1.36');
    expect(s.defaulting).toBe(true);
    expect(s.policies).toEqual([]);
    expect(s.bindings).toBeUndefined();
    expect(s.params).toEqual([]);
    expect(s.crds).toEqual([]);
    expect(s.namespace).toBeUndefined();
    expect(s.request).toEqual({});
    expect(s.authorizer).toEqual({ allow: [] });
    expect(s.oldObject).toBeNull();
    expect(s.expect).toBeUndefined();
  });
  it('keeps `bindings: []` and `namespace: null` distinct from omitted', () => {
    const s = readScenario(minimal + 'bindings: []\nnamespace: null\n').scenario!;
    expect(s.bindings).toEqual([]);
    expect(s.namespace).toBeNull();
  });
  it('reads JSON too', () => {
    const s = readScenario('{"kubernetesVersion": "1.34", "object": {"kind": "Pod", "spec": {"replicas": 2.0, "x": 2.5}}}').scenario!;
    expect(s.kubernetesVersion).toBe('1.34');
    expect(s.object).toEqual({ kind: 'Pod', spec: { replicas: 2n, x: 2.5 } });
  });
  it('warns about unknown keys at the key', () => {
    const r = readScenario(minimal + 'polices: []\n');
    expect(r.scenario).not.toBeNull();
    const w = r.diagnostics.find((d) => d.severity === 'warning')!;
    expect(w.message).toContain('unknown scenario key "polices"');
    expect(w.location?.line).toBe(2);
    expect(w.location?.column).toBe(1);
  });
  it('reports wrong types with their position', () => {
    const r = readScenario(minimal + 'kubernetesVersion: "1.31"\ndefaulting: "yes"\npolicies: {a: 1}\nparams: [1]\nrequest: {operation: PATCH}\nauthorizer: {allow: [{verb: 5}]}\nexpect: {allowed: maybe}\n');
    expect(r.scenario).toBeNull();
    const msgs = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}@${d.location?.line}: ${d.message}`);
    expect(msgs).toEqual([
      'kubernetesVersion@2: unsupported kubernetesVersion "1.31": supported versions are 1.32, 1.33, 1.34, 1.35, 1.36',
      'defaulting@3: defaulting must be true or false, not a string',
      'policies@4: policies must be a list of objects, not a map',
      'params[0]@5: params[0] must be an object, not a number',
      'request.operation@6: request.operation must be one of CREATE, UPDATE, DELETE, CONNECT, not "PATCH"',
      'authorizer.allow[0].verb@7: authorizer.allow[0].verb must be a string, not a number',
      'expect.allowed@8: expect.allowed must be true or false, not a string',
    ]);
  });
  it('warns about unknown request keys', () => {
    const r = readScenario(minimal + 'request: {operaton: UPDATE}\n');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'unknown request key "operaton" is ignored (known keys: operation, userInfo, dryRun, subResource, options, resource, kind, name, namespace, requestKind, requestResource, requestSubResource, uid)',
    ]);
  });
  it('an unquoted version number is accepted with a warning', () => {
    const r = readScenario(minimal + 'kubernetesVersion: 1.33\n');
    expect(r.scenario!.kubernetesVersion).toBe('1.33');
    expect(r.diagnostics.some((d) => d.severity === 'warning' && d.path === 'kubernetesVersion')).toBe(true);
  });
  it('requires an object key', () => {
    const r = readScenario('policies: []\n');
    expect(r.scenario).toBeNull();
    expect(r.diagnostics[0].message).toContain('`object`');
  });
  it('reads expect, notes and source', () => {
    const s = readScenario(minimal + 'expect: {allowed: false, error: boom, objectContains: {a: 1}}\nnotes: hi\nsource: there\n').scenario!;
    expect(s.expect).toEqual({ allowed: false, error: 'boom', objectContains: { a: 1n } });
    expect(s.notes).toBe('hi');
    expect(s.source).toBe('there');
  });
  it('refuses several documents', () => {
    const r = readScenario(minimal + '---\n' + minimal);
    expect(r.scenario).toBeNull();
  });
});

describe('every reference scenario reads cleanly', () => {
  const root = '/work/shared/reference';
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => {
      const p = join(d, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.yaml') ? [p] : [];
    });
  let files: string[] = [];
  try {
    files = walk(root);
  } catch {
    files = [];
  }
  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, f) => {
    const r = readScenario(readFileSync(f, 'utf8'));
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario).not.toBeNull();
  });
});
