// upstream: kubernetes/apiserver v0.36.3 pkg/cel/environment/environment_test.go TestBaseEnvironment; base_test.go TestKnownLibraries
// TestBaseEnvironment extends the base environment with test-only options (variables, declared
// types, the `kubernetes.test` library) at versions before 1.32; only the cases that hold for the
// base environment itself are ported, checked at every version and mode we model.
import { describe, expect, it } from 'vitest';
import { run } from '../ext/eval-helper.js';
import { kubernetesEnvironmentLibraries } from '../../../../src/engine/cel/kubernetes/environment.js';
import { kubernetesLibraries, newAuthorizerValue } from '../../../../src/engine/cel/kubernetes/index.js';
import { KUBERNETES_VERSIONS } from '../../../../src/engine/types.js';

const authorizer = newAuthorizerValue({ authorize: () => ({ decision: 'allow', reason: '' }) }, { username: 'test' });

// [case, valid expressions (compile and evaluate to true), activation]
const cases: [string, string[], Record<string, unknown>][] = [
  ['core settings enabled', ['[1, 2, 3].indexOf(2) == 1', "'abc'.contains('bc')", "isURL('http://example.com')", "'a 1 b 2'.find('[0-9]') == '1'"], {}],
  ['authz enabled', ["authorizer.path('/healthz').check('get').allowed()"], { authorizer }],
  ['cross numeric comparisons enabled', ['1.5 > 1'], {}],
  // upstream declares an object type with a field `namespace`; ours: the admitted object
  ['recognizeKeywordAsFieldName enabled', ["object.metadata.namespace == 'buzz'"], { object: { metadata: { namespace: 'buzz' } } }],
];

describe('TestBaseEnvironment', () => {
  for (const [name, valid, activation] of cases) {
    for (const version of KUBERNETES_VERSIONS) {
      for (const mode of ['new', 'stored'] as const) {
        it(`${name} (${version}, ${mode})`, () => {
          for (const src of valid) expect(run(src, { version, mode }, activation as never), src).toEqual({ value: true });
        });
      }
    }
  }
  it.skip('authz disabled, cross numeric comparisons disabled, user defined variable, declared type, library version 0/1, recognizeKeywordAsFieldName disabled: before 1.32 or test-only options', () => {});
});

describe('TestKnownLibraries', () => {
  it('every non-core library of the environment is a known Kubernetes library', () => {
    const known = new Set(kubernetesLibraries('1.36').map((l) => l.name));
    for (const version of KUBERNETES_VERSIONS) {
      for (const kind of ['matchCondition', 'variable', 'mutation'] as const) {
        const used = kubernetesEnvironmentLibraries({ version, mode: 'stored', kind }).map((l) => l.name).filter((n) => !n.startsWith('cel.'));
        expect(used.filter((n) => !known.has(n))).toEqual([]);
      }
    }
  });
  it('library names are the upstream LibraryName()s', () => {
    expect(kubernetesLibraries('1.36').map((l) => l.name).sort()).toEqual(
      [
        'kubernetes.authz', 'kubernetes.authzSelectors', 'kubernetes.net.cidr', 'kubernetes.format', 'kubernetes.net.ip', 'kubernetes.jsonpatch',
        'kubernetes.lists', 'kubernetes.quantity', 'kubernetes.regex', 'kubernetes.Semver', 'kubernetes.urls',
      ].sort(),
    );
  });
});
