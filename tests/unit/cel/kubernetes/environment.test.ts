// The Kubernetes CEL environment per version and expression kind (apiserver
// pkg/cel/environment/base.go, pkg/admission/plugin/cel/compile.go, composition.go;
// semantics.md §5.1, §5.7, §5.8; OBSERVED.md "Library availability on 1.34").
import { describe, expect, it } from 'vitest';
import { compileError, run, value } from '../ext/eval-helper.js';
import { kubernetesEnvironment, kubernetesFeatures } from '../../../../src/engine/cel/kubernetes/environment.js';
import { variableFieldType } from '../../../../src/engine/cel/kubernetes/admission-types.js';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { T } from '../../../../src/engine/cel/types.js';
import { KUBERNETES_VERSIONS, type KubernetesVersion } from '../../../../src/engine/types.js';

const compiles = (src: string, version: KubernetesVersion, mode: 'stored' | 'new') =>
  compileError(src, { version, mode }) === undefined;

describe('version gating (stored = admission, new = API validation at version - 1)', () => {
  const table: [string, string, Record<KubernetesVersion, [boolean, boolean]>][] = [
    // [feature, expression, version -> [stored, new]]
    ['two-variable comprehensions', `[1].all(i, v, v > 0)`, { '1.32': [true, false], '1.33': [true, true], '1.34': [true, true], '1.35': [true, true], '1.36': [true, true] }],
    ['semver', `isSemver('1.2.3')`, { '1.32': [false, false], '1.33': [true, false], '1.34': [true, true], '1.35': [true, true], '1.36': [true, true] }],
    ['lists v3', `[1, 1].distinct()`, { '1.32': [false, false], '1.33': [false, false], '1.34': [true, false], '1.35': [true, true], '1.36': [true, true] }],
    ['lists v3 sortBy macro', `[2, 1].sortBy(x, x)`, { '1.32': [false, false], '1.33': [false, false], '1.34': [true, false], '1.35': [true, true], '1.36': [true, true] }],
    ['optional v2 first()', `[7, 8].first()`, { '1.32': [false, false], '1.33': [true, true], '1.34': [true, true], '1.35': [true, true], '1.36': [true, true] }],
    ['optional.unwrap', `optional.unwrap([optional.of(1)])`, { '1.32': [false, false], '1.33': [true, true], '1.34': [true, true], '1.35': [true, true], '1.36': [true, true] }],
    ['existsOne (2 args)', `[1].existsOne(x, x > 0)`, { '1.32': [false, false], '1.33': [true, true], '1.34': [true, true], '1.35': [true, true], '1.36': [true, true] }],
    ['strings v2', `'a'.charAt(0) + ['a'].join() + strings.quote('a')`, { '1.32': [true, true], '1.33': [true, true], '1.34': [true, true], '1.35': [true, true], '1.36': [true, true] }],
    ['sets', `sets.contains([1], [1])`, { '1.32': [true, true], '1.33': [true, true], '1.34': [true, true], '1.35': [true, true], '1.36': [true, true] }],
  ];
  for (const [name, src, byVersion] of table) {
    for (const v of KUBERNETES_VERSIONS) {
      const [stored, fresh] = byVersion[v];
      it(`${name} on ${v}: stored ${stored}, new ${fresh}`, () => {
        expect(compiles(src, v, 'stored')).toBe(stored);
        expect(compiles(src, v, 'new')).toBe(fresh);
      });
    }
  }
  it('feature table', () => {
    expect(kubernetesFeatures('1.34', 'stored')).toEqual({ twoVarComprehensions: true, semver: true, listsV3: true, celGo023: true, celGo025: true });
    expect(kubernetesFeatures('1.34', 'new')).toEqual({ twoVarComprehensions: true, semver: true, listsV3: false, celGo023: true, celGo025: true });
    expect(kubernetesFeatures('1.33', 'stored').celGo025).toBe(false);
  });
});

describe('never declared', () => {
  for (const src of [`cel.bind(x, 1, x)`, `math.greatest(1, 2)`, `base64.encode(b'a')`, `'abc'.reverse()`]) {
    it(src, () => {
      for (const v of KUBERNETES_VERSIONS) expect(compileError(src, { version: v })).toBeDefined();
    });
  }
});

describe('admission variables', () => {
  it('request fields (no uid)', () => {
    expect(compileError(`request.uid`)).toContain("undefined field 'uid'");
    expect(compileError(`request.userInfo.username == ''`)).toBeUndefined();
    expect(compileError(`request.kind.group + request.resource.resource + request.operation`)).toBeUndefined();
    expect(compileError(`request.options.x`)).toBeUndefined();
  });
  it('namespaceObject: restricted fields, UID, timestamps', () => {
    expect(compileError(`namespaceObject.metadata.uid`)).toContain("undefined field 'uid'");
    expect(compileError(`namespaceObject.metadata.ownerReferences`)).toContain("undefined field 'ownerReferences'");
    expect(run(`namespaceObject.metadata.UID`, {}, { namespaceObject: { metadata: { uid: 'x' } } })).toEqual({ error: 'no such key: UID' });
    expect(compileError(`namespaceObject.metadata.creationTimestamp < timestamp('2024-01-01T00:00:00Z')`)).toBeUndefined();
    expect(compileError(`namespaceObject.status.conditions[0].lastTransitionTime.getFullYear()`)).toBeUndefined();
  });
  it('params only with paramKind', () => {
    expect(compileError(`params.data`, { hasParams: false })).toContain("undeclared reference to 'params'");
    expect(compileError(`params.data`, { hasParams: true })).toBeUndefined();
  });
  it('authorizer', () => {
    expect(compileError(`authorizer.group('apps').resource('deployments').check('get').allowed()`)).toBeUndefined();
    expect(compileError(`authorizer.requestResource.check('get').allowed()`)).toBeUndefined();
  });
  it('object and oldObject are dyn', () => {
    expect(compileError(`["a", object.metadata.name]`)).toContain("expected type 'string' but found 'dyn'");
    expect(value(`oldObject == null`)).toBe(true);
  });
});

describe('patch types and variables by expression kind', () => {
  it('mutations have Object, JSONPatch and jsonpatch.escapeKey', () => {
    expect(value(`jsonpatch.escapeKey('a/b~c')`)).toBe('a~1b~0c');
    expect(compileError(`Object{spec: Object.spec{replicas: 1}}`)).toBeUndefined();
    expect(compileError(`JSONPatch{foo: 1}`)).toContain("undefined field 'foo'");
  });
  for (const kind of ['variable', 'matchCondition'] as const) {
    it(`${kind}s have no patch types`, () => {
      expect(compileError(`Object{}`, { kind })).toContain("undeclared reference to 'Object'");
      expect(compileError(`JSONPatch{}`, { kind })).toContain("undeclared reference to 'JSONPatch'");
      expect(compileError(`jsonpatch.escapeKey('a')`, { kind })).toBeDefined();
    });
  }
  it('variables: typed fields of earlier variables', () => {
    const vars = [
      { name: 'n', type: T.int },
      { name: 'q', type: T.opaque('kubernetes.Quantity') },
      { name: 'l', type: T.list(T.map(T.string, T.int)) },
      { name: 'broken', type: undefined },
    ];
    expect(value(`variables.n + 1`, { variables: vars }, { variables: { n: 41n } })).toBe(42n);
    expect(compileError(`variables.n + 'a'`, { variables: vars })).toContain('found no matching overload');
    expect(compileError(`variables.nope`, { variables: vars })).toContain("undefined field 'nope'");
    expect(compileError(`variables.q == 1 && variables.broken == 2 && variables.l[0]['a'] == 1`, { variables: vars })).toBeUndefined();
    expect(variableFieldType(T.optional(T.int))).toEqual(T.dyn);
    expect(variableFieldType(T.list(T.struct('Object')))).toEqual(T.list(T.dyn));
  });
  it('match conditions: `variables` only in the stored environment', () => {
    const vars = [{ name: 'a', type: T.bool }];
    expect(compileError(`variables.a`, { kind: 'matchCondition', mode: 'new', variables: vars })).toContain(
      "undeclared reference to 'variables'",
    );
    expect(compileError(`variables.a`, { kind: 'matchCondition', mode: 'stored', variables: vars })).toBeUndefined();
  });
});

describe('literal validators (cel-go cel/validator.go)', () => {
  it('reports at the literal', () => {
    expect(compileError(`duration('1d')`)).toContain('invalid duration argument');
    expect(compileError(`duration('2562048h')`)).toContain('invalid duration argument');
    expect(compileError(`timestamp('2024-13-01T00:00:00Z')`)).toContain('invalid timestamp argument');
    expect(compileError(`'abc'.matches('(')`)).toContain('invalid matches argument');
    expect(compileError(`duration('1h') > duration('1m')`)).toBeUndefined();
  });
});

describe('environment config', () => {
  it('options', () => {
    const c = kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false });
    expect(c.costLimit).toBe(1_000_000);
    expect(c.defaultTimeZone).toBe('UTC');
    expect(c.crossTypeNumericComparisons).toBe(true);
    expect(c.homogeneousAggregateLiterals).toBe(true);
    expect(c.variables?.map((v) => v.name)).toEqual(['object', 'oldObject', 'namespaceObject', 'request', 'authorizer', 'authorizer.requestResource', 'variables']);
  });
  it('cross-type numeric comparisons', () => {
    expect(value(`1 < 1.5 && 2u > 1`)).toBe(true);
  });
  it('cost limit', () => {
    const env = newEnvironment(kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false }));
    const r = compile(`lists.range(2000).all(i, lists.range(2000).all(j, true))`, env);
    if (!r.ok) throw new Error('compile');
    const e = r.program.evaluate({});
    expect(e.ok ? 'ok' : e.error.message).toBe('operation cancelled: actual cost limit exceeded');
  });
});

describe('homogeneous aggregate literals (with the format exemption)', () => {
  it('OBSERVED cases', () => {
    expect(compileError(`[1, 'a']`)).toContain("expected type 'int' but found 'string'");
    expect(compileError(`[dyn(1), 'a']`)).toContain("expected type 'dyn' but found 'string'");
    expect(compileError(`'%s %s'.format(['a', object.metadata.name])`)).toBeUndefined();
    expect(value(`{'a': 1, 'a': 2}.size()`)).toBe(1n);
  });
});
