// Ports of apiserver pkg/admission/plugin/webhook/predicates/rules/rules_test.go (TestGroup,
// TestVersion, TestOperation, TestResource, TestScope) through the whole rule: the fields a
// test does not look at are wildcards (resources `*/*` matches every resource and subresource).
import { describe, expect, it } from 'vitest';
import { matchesRule, type MatchAttributes } from '../../../../src/engine/admission/match/index.js';

const ALL = { operations: ['*'], apiGroups: ['*'], apiVersions: ['*'], resources: ['*/*'], scope: '*' };

function a(group: string, version: string, resource: string, subresource: string, name: string, operation = 'CREATE', namespace = 'ns'): MatchAttributes {
  return { group, version, resource, subresource, name, operation, namespace, kind: 'k' + resource };
}
const cluster = (g: string, v: string, r: string, s: string, n: string): MatchAttributes => a(g, v, r, s, n, 'CREATE', '');
const namespaced = (g: string, v: string, r: string, s: string, n: string): MatchAttributes => a(g, v, r, s, n, 'CREATE', 'ns');

interface Table {
  [name: string]: { rule: Record<string, unknown>; match: MatchAttributes[]; noMatch: MatchAttributes[] };
}

function run(title: string, table: Table): void {
  describe(title, () => {
    for (const [name, t] of Object.entries(table)) {
      it(name, () => {
        const rule = { ...ALL, ...t.rule };
        for (const m of t.match) expect(matchesRule(rule, m), `expected match ${JSON.stringify(m)}`).toBe(true);
        for (const m of t.noMatch) expect(matchesRule(rule, m), `expected no match ${JSON.stringify(m)}`).toBe(false);
      });
    }
  });
}

run('rules_test.go TestGroup', {
  wildcard: { rule: { apiGroups: ['*'] }, match: [a('g', 'v', 'r', '', 'name')], noMatch: [] },
  exact: {
    rule: { apiGroups: ['g1', 'g2'] },
    match: [a('g1', 'v', 'r', '', 'name'), a('g2', 'v2', 'r3', '', 'name')],
    noMatch: [a('g3', 'v', 'r', '', 'name'), a('g4', 'v', 'r', '', 'name')],
  },
});

run('rules_test.go TestVersion', {
  wildcard: { rule: { apiVersions: ['*'] }, match: [a('g', 'v', 'r', '', 'name')], noMatch: [] },
  exact: {
    rule: { apiVersions: ['v1', 'v2'] },
    match: [a('g1', 'v1', 'r', '', 'name'), a('g2', 'v2', 'r', '', 'name')],
    noMatch: [a('g1', 'v3', 'r', '', 'name'), a('g2', 'v4', 'r', '', 'name')],
  },
});

run('rules_test.go TestOperation', {
  wildcard: {
    rule: { operations: ['*'] },
    match: ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'].map((op) => a('g', 'v', 'r', '', 'name', op)),
    noMatch: [],
  },
  create: {
    rule: { operations: ['CREATE'] },
    match: [a('g', 'v', 'r', '', 'name', 'CREATE')],
    noMatch: ['UPDATE', 'DELETE', 'CONNECT'].map((op) => a('g', 'v', 'r', '', 'name', op)),
  },
  update: {
    rule: { operations: ['UPDATE'] },
    match: [a('g', 'v', 'r', '', 'name', 'UPDATE')],
    noMatch: ['CREATE', 'DELETE', 'CONNECT'].map((op) => a('g', 'v', 'r', '', 'name', op)),
  },
  delete: {
    rule: { operations: ['DELETE'] },
    match: [a('g', 'v', 'r', '', 'name', 'DELETE')],
    noMatch: ['CREATE', 'UPDATE', 'CONNECT'].map((op) => a('g', 'v', 'r', '', 'name', op)),
  },
  connect: {
    rule: { operations: ['CONNECT'] },
    match: [a('g', 'v', 'r', '', 'name', 'CONNECT')],
    noMatch: ['CREATE', 'UPDATE', 'DELETE'].map((op) => a('g', 'v', 'r', '', 'name', op)),
  },
  multiple: {
    rule: { operations: ['UPDATE', 'DELETE'] },
    match: [a('g', 'v', 'r', '', 'name', 'UPDATE'), a('g', 'v', 'r', '', 'name', 'DELETE')],
    noMatch: [a('g', 'v', 'r', '', 'name', 'CREATE'), a('g', 'v', 'r', '', 'name', 'CONNECT')],
  },
  'no operations': { rule: { operations: [] }, match: [], noMatch: [a('g', 'v', 'r', '', 'name')] },
});

run('rules_test.go TestResource', {
  'no subresources': {
    rule: { resources: ['*'] },
    match: [a('g', 'v', 'r', '', 'name'), a('2', 'v', 'r2', '', 'name')],
    noMatch: [a('g', 'v', 'r', 'exec', 'name'), a('2', 'v', 'r2', 'proxy', 'name')],
  },
  'r & subresources': {
    rule: { resources: ['r/*'] },
    match: [a('g', 'v', 'r', '', 'name'), a('g', 'v', 'r', 'exec', 'name')],
    noMatch: [a('2', 'v', 'r2', '', 'name'), a('2', 'v', 'r2', 'proxy', 'name')],
  },
  'r & subresources or r2': {
    rule: { resources: ['r/*', 'r2'] },
    match: [a('g', 'v', 'r', '', 'name'), a('g', 'v', 'r', 'exec', 'name'), a('2', 'v', 'r2', '', 'name')],
    noMatch: [a('2', 'v', 'r2', 'proxy', 'name')],
  },
  'proxy or exec': {
    rule: { resources: ['*/proxy', '*/exec'] },
    match: [a('g', 'v', 'r', 'exec', 'name'), a('2', 'v', 'r2', 'proxy', 'name'), a('2', 'v', 'r3', 'proxy', 'name')],
    noMatch: [a('g', 'v', 'r', '', 'name'), a('2', 'v', 'r2', '', 'name'), a('2', 'v', 'r4', 'scale', 'name')],
  },
  // OBSERVED.md "Matching": `*` does not match subresources; pods/* and */* match pods/status;
  // */scale matches deployments/scale
  'observed: */* and */scale': {
    rule: { resources: ['*/*'] },
    match: [a('', 'v1', 'pods', 'status', 'p'), a('', 'v1', 'pods', '', 'p')],
    noMatch: [],
  },
  'observed: */scale': {
    rule: { resources: ['*/scale'] },
    match: [a('apps', 'v1', 'deployments', 'scale', 'd')],
    noMatch: [a('apps', 'v1', 'deployments', '', 'd'), a('apps', 'v1', 'deployments', 'status', 'd')],
  },
  'observed: pods only matches the main resource': {
    rule: { resources: ['pods'] },
    match: [a('', 'v1', 'pods', '', 'p')],
    noMatch: [a('', 'v1', 'pods', 'status', 'p'), a('', 'v1', 'pods', 'exec', 'p')],
  },
});

run('rules_test.go TestScope', {
  'cluster scope': {
    rule: { scope: 'Cluster' },
    match: [
      cluster('g', 'v', 'r', '', 'name'),
      cluster('g', 'v', 'r', 'exec', 'name'),
      cluster('', 'v1', 'namespaces', '', 'ns'),
      cluster('', 'v1', 'namespaces', 'finalize', 'ns'),
      namespaced('', 'v1', 'namespaces', '', 'ns'),
      namespaced('', 'v1', 'namespaces', 'finalize', 'ns'),
    ],
    noMatch: [namespaced('g', 'v', 'r', '', 'name'), namespaced('g', 'v', 'r', 'exec', 'name')],
  },
  'namespace scope': {
    rule: { scope: 'Namespaced' },
    match: [namespaced('g', 'v', 'r', '', 'name'), namespaced('g', 'v', 'r', 'exec', 'name')],
    noMatch: [
      cluster('', 'v1', 'namespaces', '', 'ns'),
      cluster('', 'v1', 'namespaces', 'finalize', 'ns'),
      namespaced('', 'v1', 'namespaces', '', 'ns'),
      namespaced('', 'v1', 'namespaces', 'finalize', 'ns'),
      cluster('g', 'v', 'r', '', 'name'),
      cluster('g', 'v', 'r', 'exec', 'name'),
    ],
  },
  'all scopes': {
    rule: { scope: '*' },
    match: [
      namespaced('g', 'v', 'r', '', 'name'),
      namespaced('g', 'v', 'r', 'exec', 'name'),
      cluster('g', 'v', 'r', '', 'name'),
      cluster('g', 'v', 'r', 'exec', 'name'),
      cluster('', 'v1', 'namespaces', '', 'ns'),
      cluster('', 'v1', 'namespaces', 'finalize', 'ns'),
      namespaced('', 'v1', 'namespaces', '', 'ns'),
      namespaced('', 'v1', 'namespaces', 'finalize', 'ns'),
    ],
    noMatch: [],
  },
  'nil scope is all scopes': {
    rule: { scope: undefined },
    match: [namespaced('g', 'v', 'r', '', 'name'), cluster('g', 'v', 'r', '', 'name')],
    noMatch: [],
  },
  'an unknown scope matches nothing': { rule: { scope: 'Weird' }, match: [], noMatch: [namespaced('g', 'v', 'r', '', 'name')] },
});
