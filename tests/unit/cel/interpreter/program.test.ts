// compile() + evaluate() through the real parser, checker and standard library: cel-go's
// runtime costs (with Kubernetes' OptOptimize), error texts, folding, optionals.
import { describe, expect, it } from 'vitest';
import { compile, newEnvironment, type EvalResult } from '../../../../src/engine/cel/program.js';
import { standardLibraries } from '../../../../src/engine/cel/stdlib/index.js';
import { stringsLibrary } from '../../../../src/engine/cel/ext/strings.js';
import { listsLibrary } from '../../../../src/engine/cel/ext/lists.js';
import { setsLibrary } from '../../../../src/engine/cel/ext/sets.js';
import { twoVarComprehensionsLibrary } from '../../../../src/engine/cel/ext/comprehensions.js';
import { T } from '../../../../src/engine/cel/types.js';
import { Optional, type CelValue } from '../../../../src/engine/cel/values.js';

const env = newEnvironment({
  libraries: [...standardLibraries(), stringsLibrary, listsLibrary, setsLibrary, twoVarComprehensionsLibrary],
  variables: [
    { name: 'object', type: T.dyn },
    { name: 'oldObject', type: T.dyn },
    { name: 'input', type: T.dyn },
    { name: 's', type: T.string },
    { name: 'l', type: T.list(T.int) },
  ],
  crossTypeNumericComparisons: true,
  homogeneousAggregateLiterals: true,
  defaultTimeZone: 'UTC',
  costLimit: 1_000_000,
});

const pod: CelValue = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', ports: [{ containerPort: 8080n }] }, { name: 'side' }] },
};
const vars: Record<string, CelValue> = { object: pod, oldObject: null, input: { key: 'v', testAttr: { nestedAttr: '0' } }, s: 'abc', l: [1n, 2n, 3n] };

function run(src: string, activation: Record<string, CelValue> = vars): EvalResult {
  const c = compile(src, env);
  if (!c.ok) throw new Error(`${c.stage}: ${c.diagnostics.map((d) => d.message).join('; ')}`);
  return c.program.evaluate(activation);
}
const val = (src: string) => {
  const r = run(src);
  return r.ok ? r.value : `error: ${r.error.message}`;
};
const cost = (src: string) => run(src).cost;

describe('runtime cost (cel-go runtimecost.go, OptOptimize)', () => {
  it.each([
    ['"Hello World!"', 0],
    ['input', 1],
    ["input['key']", 2],
    ["input['ke' + 'y']", 3],
    ['l[3-3]', 3],
    ['l[0]', 2],
    ['input.key', 2],
    ['has(input.testAttr.nestedAttr)', 2],
    ['has(input.key)', 1],
    ['[1, 2, 3]', 0],
    ['{"a": 1, "b": 2, "c": 3}', 0],
    ['[s]', 11],
    ['{"a": s}', 31],
    ['[1, 2, 3].all(x, true)', 10],
    ['false || false', 0],
    ['true && false', 0],
    ['1 < 2', 1],
    ['2 in [1, 2, 3]', 0],
    ['true ? 1 : 2', 0],
    // a branch that is an attribute is resolved without its own charge (conditional attribute)
    ['true ? s : "x"', 0],
    ['true ? input.key : "x"', 1],
    // filter over [1, 2, 3]: l 1; per element x > 1 (2), then `@result + [x]` (13) or `@result` (0); result 1
    ['l.filter(x, x > 1)', 1 + 3 * 2 + 2 * 13 + 1],
    ['false ? false : 1 > 3', 1],
    ['size("123")', 1],
    ["'12345678901234567890' == '123456789012345678901234567890'", 2],
    ['string(1)', 0],
    ["'123'.matches('[0-9]')", 2],
    ["s == 'abcdefghijklmnopqrstuvwxyz'", 1 + 1],
    ["'' == s", 1],
    ["dyn(l) == 'abcdefghijklmnopqrstuvwxyz'", 1 + 1 + 1],
    ["s.startsWith('a') && s.endsWith('c') && s.contains('b')", 1 + 1 + 1 + 1 + 1 + 1],
    ['l[0] + l[1] < 10', 2 + 2 + 1 + 1],
    ["'aaaaaaaaaaaaaaaaaaaa' + 'bbbbbbbbbbbbbbbbbbbb'", 4],
    // several candidate overloads: cel-go has no overload id, so the standard call costs 1
    ["dyn('aaaaaaaaaaaaaaaaaaaa') + dyn('bbbbbbbbbbbbbbbbbbbb')", 1],
    // chain 3; per element: condition 3 (@result, !_, @not_strictly_false), step 4; result 1; outer !_ 1
    ['!object.spec.containers.exists(c, c.name == "mesh-proxy")', 3 + 2 * (3 + 4) + 1 + 1],
  ])('%s costs %d', (src, want) => {
    expect(cost(src)).toBe(want);
  });

  it('stops runaway comprehensions at the limit', () => {
    const t0 = Date.now();
    const r = run('lists.range(1000000).map(x, x * 2).size() > 0');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('operation cancelled: actual cost limit exceeded');
    expect(Date.now() - t0).toBeLessThan(5000);
    const nested = run('lists.range(2000).all(i, lists.range(2000).all(j, i + j >= 0))');
    expect(!nested.ok && nested.error.message).toBe('operation cancelled: actual cost limit exceeded');
  });

  it('EvalOptions.costLimit overrides the environment limit', () => {
    const c = compile('l.map(x, x + 1)', env);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const r = c.program.evaluate(vars, { costLimit: 5 });
    expect(!r.ok && r.error.message).toBe('operation cancelled: actual cost limit exceeded');
    expect(c.program.evaluate(vars).ok).toBe(true);
  });
});

describe('errors as cel-go reports them', () => {
  it.each([
    ['object.spec.initContainers', 'error: no such key: initContainers'],
    ['object.spec.containers[5]', 'error: index out of bounds: 5'],
    ['object.metadata.labels["app.kubernetes.io/name"]', 'error: no such key: app.kubernetes.io/name'],
    ['oldObject.spec', 'error: no such key: spec'],
    ['has(oldObject.spec)', false],
    ['1 / 0', 'error: division by zero'],
    ['dyn(1) < "a"', 'error: no such overload'],
    ['object.spec.containers[0].ports[0].containerPort + 1u', 'error: no such overload'],
    ['false && (1 / 0 > 0)', false],
    ['(1 / 0 > 0) && false', false],
    ['(1 / 0 > 0) || true', true],
    ['true ? 1 : 1 / 0', 1n],
    ["dyn(1) == 'a'", false],
    ["dyn(null) != 'a'", true],
    ["'abc' == s", true],
    ["dyn(l) == 'abc'", false],
    ["object.spec.nope == 'a'", 'error: no such key: nope'],
  ])('%s', (src, want) => {
    expect(val(src)).toEqual(want);
  });

  it('errors carry the range of the expression that raised them', () => {
    const src = 'object.metadata.name == "p" && object.spec.nope == 1';
    const r = run(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(src.slice(r.range!.start, r.range!.end)).toBe('object.spec.nope');
  });
});

describe('constant folding (program instantiation failed)', () => {
  it.each([["int('9223372036854775808')"], ["int('0x10')"], ['uint(-1)'], ['int(1e19)'], ["double('abc')"], ["string(b'\\xff')"]])(
    '%s fails while planning',
    (src) => {
      const c = compile(src, env);
      expect(c.ok).toBe(false);
      expect(!c.ok && c.stage).toBe('plan');
    },
  );
  it('non-constant conversions fail at run time', () => {
    expect(compile('int(1.0 / 0.0)', env).ok).toBe(true);
    expect(String(val('int(1.0 / 0.0)'))).toMatch(/^error: /);
    expect(val("int('5') + 1")).toBe(6n);
  });
});

describe('optionals', () => {
  it.each([
    ['object.?spec.?initContainers', Optional.none],
    ['object.?metadata.name', Optional.of('p')],
    ['object.?metadata.nope.orValue("x")', 'x'],
    ['object.spec.?initContainers.orValue([]).size()', 0n],
    ['object.metadata.labels[?"app"].orValue("none")', 'web'],
    ['has(object.?metadata.nope)', false],
    ['optional.none().or(optional.of(1)).value()', 1n],
    ['optional.of(2).orValue(1 / 0)', 2n],
    ['[?optional.none(), ?optional.of(1)]', [1n]],
    ['{?"a": optional.none(), "b": 1}', { b: 1n }],
  ])('%s', (src, want) => {
    expect(val(src)).toEqual(want);
  });
});

describe('comprehensions', () => {
  it.each([
    ['l.map(x, x * 2)', [2n, 4n, 6n]],
    ['l.filter(x, x > 1)', [2n, 3n]],
    ['l.map(x, l.map(y, x * y))', [[1n, 2n, 3n], [2n, 4n, 6n], [3n, 6n, 9n]]],
    ['l.exists_one(x, x == 2)', true],
    ['l.all(x, x > 0)', true],
    ['l.exists(x, x / 0 == 1 || x == 2)', true],
    ['l.all(x, x / 0 == 1)', 'error: division by zero'],
    ['l.transformList(i, v, i * v)', [0n, 2n, 6n]],
    ['{"a": 1}.transformMap(k, v, v + 1)', { a: 2n }],
    ['object.metadata.labels.exists(k, k == "app")', true],
    ['l.map(x, x).map(y, y)', [1n, 2n, 3n]],
  ])('%s', (src, want) => {
    expect(val(src)).toEqual(want);
  });
});

describe('observe', () => {
  it('sees every step of a comprehension, with ranges, and costs the same', () => {
    const src = 'l.filter(x, x > 1).map(y, y * 10)';
    const c = compile(src, env);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const seen: string[] = [];
    const r = c.program.evaluate(vars, {
      observe: (_id, range, v) => seen.push(`${src.slice(range.start, range.end)}=${typeof v === 'bigint' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x))}`),
    });
    expect(r.ok && r.value).toEqual([20n, 30n]);
    expect(seen).toContain('x > 1=false');
    expect(seen).toContain('y * 10=30');
    expect(seen[seen.length - 1]).toBe(`${src}=[20,30]`);
    const plain = c.program.evaluate(vars);
    expect(plain.cost).toBe(r.cost);
  });
});

describe('activations', () => {
  it('resolves variables lazily through a resolver, once per read', () => {
    const c = compile('object.metadata.name + "-" + s', env);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const asked: string[] = [];
    const r = c.program.evaluate({
      resolve: (name) => {
        asked.push(name);
        return vars[name];
      },
    });
    expect(r.ok && r.value).toBe('p-abc');
    expect(asked).toEqual(['object', 's']);
  });
  it('a variable bound to an error fails where it is read', async () => {
    const { CelError } = await import('../../../../src/engine/cel/values.js');
    const src = 'true && object.metadata.name == "x"';
    const c = compile(src, env);
    if (!c.ok) throw new Error('compile');
    const r = c.program.evaluate({ ...vars, object: new CelError('composited variable "a" fails to evaluate: boom') });
    expect(!r.ok && r.error.message).toBe('composited variable "a" fails to evaluate: boom');
    expect(!r.ok && src.slice(r.range!.start, r.range!.end)).toBe('object');
  });
});

describe('qualified variable names', () => {
  const qenv = newEnvironment({ libraries: standardLibraries(), variables: [{ name: 'a.b', type: T.dyn }] });
  it('reads `a.b` as one variable and observes each node once', () => {
    const src = 'a.b.c';
    const c = compile(src, qenv);
    if (!c.ok) throw new Error(c.diagnostics[0].message);
    const seen: string[] = [];
    const r = c.program.evaluate({ 'a.b': { c: 1n } }, { observe: (_id, range) => seen.push(src.slice(range.start, range.end)) });
    expect(r.ok && r.value).toBe(1n);
    expect(seen).toEqual(['a.b', 'a.b.c']);
    const only = compile('a.b', qenv);
    if (!only.ok) throw new Error('compile');
    const seen2: string[] = [];
    only.program.evaluate({ 'a.b': 2n }, { observe: (_id, range) => seen2.push(`${range.start}-${range.end}`) });
    expect(seen2).toHaveLength(1);
  });
});

describe('re-entrant evaluation', () => {
  it('a resolver may evaluate the same program while it runs', () => {
    const c = compile('l.map(x, x + s.size())', env);
    if (!c.ok) throw new Error('compile');
    const program = c.program;
    let inner: unknown;
    const r = program.evaluate({
      resolve: (name) => {
        if (name === 's' && inner === undefined) {
          inner = program.evaluate({ l: [10n], s: 'ab' });
          return 'abc';
        }
        return name === 'l' ? [1n, 2n] : 'abc';
      },
    });
    expect(r.ok && r.value).toEqual([4n, 5n]);
    expect(inner).toMatchObject({ ok: true, value: [12n] });
    expect(program.evaluate({ l: [1n], s: '' })).toMatchObject({ ok: true, value: [1n] });
  });
});

describe('select and index edge cases', () => {
  it.each([
    ['dyn(l)[1u]', 2n],
    ['dyn(l)[1.0]', 2n],
    ["dyn(l)[1.5]", 'error: unsupported index value 1.5 in list'],
    ["dyn(l)['a']", "error: unsupported index type 'string' in list"],
    ['{1: "a", 2: "b"}[2]', 'b'],
    ['dyn({1: "a"})[1u]', 'a'],
    ['{1: "a"}[dyn(1.0)]', 'a'],
    ['{1: "a"}[2]', 'error: no such key: 2'],
    ["{'a': 1}[dyn(1)]", 'error: no such key: 1'],
    ['dyn(s).x', 'error: no such key: x'],
    ['has(dyn(s).x)', false],
    ['[1, 2][?5].orValue(0)', 0n],
    ['l[?1]', Optional.of(2n)],
    ['{"a": {"b": 1}}.?a.?b', Optional.of(1n)],
    ['{"a": {"b": 1}}.?a.c', Optional.none],
    ['has({"a": {"b": 1}}.a.b)', true],
    ['[[1, 2], [3]].map(x, x.size())', [2n, 1n]],
    ['{"a": 1, "b": 2}.map(k, k)', ['a', 'b']],
    ['{"a": 1, "b": 2}.all(k, v, v > 0)', true],
    ['[10, 20].exists(i, v, i == 1 && v == 20)', true],
  ])('%s', (src, want) => {
    expect(val(src)).toEqual(want);
  });
});

describe('JavaScript property names are plain data', () => {
  const o = JSON.parse('{"__proto__": "p", "constructor": "c", "x": {}}') as CelValue;
  it.each([
    ['object.constructor', 'c'],
    ['object.__proto__', 'p'],
    ['object.x.toString', 'error: no such key: toString'],
    ['object.x.constructor', 'error: no such key: constructor'],
    ['has(object.x.valueOf)', false],
    ['{"a": 1}.hasOwnProperty', 'error: no such key: hasOwnProperty'],
  ])('%s', (src, want) => {
    const r = run(src, { ...vars, object: o });
    expect(r.ok ? r.value : `error: ${r.error.message}`).toEqual(want);
  });
});
