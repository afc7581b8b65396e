import { readdirSync, readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { split, tabOfLine, toTabRange, TAB_IDS, type SplitOk } from '../../../src/web/state/split.js';
import { joinTab } from '../../../src/web/state/join.js';

const examplesDir = joinPath(__dirname, '../../../examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml'));
const sidecar = readFileSync(joinPath(examplesDir, 'sidecar-injection.yaml'), 'utf8');

const ok = (text: string): SplitOk => {
  const s = split(text);
  if (!s.ok) throw new Error(s.error);
  return s;
};

describe('split and join', () => {
  it.each(examples)('%s: writing every unedited tab back changes nothing', (file) => {
    const text = readFileSync(joinPath(examplesDir, file), 'utf8');
    const s = ok(text);
    for (const id of TAB_IDS) {
      const j = joinTab(text, id, s.tabs[id].text);
      expect(j.ok, id).toBe(true);
      if (j.ok) expect(parse(j.text), `${file} ${id}`).toEqual(parse(text));
    }
  });

  it('keeps the text byte for byte when a tab is written back unchanged', () => {
    const s = ok(sidecar);
    for (const id of ['object', 'policy', 'scenario'] as const) {
      const j = joinTab(sidecar, id, s.tabs[id].text);
      expect(j.ok && j.text).toBe(sidecar);
    }
  });

  it('shows the object de-indented, with its comments', () => {
    const text = 'object:\n  # the pod\n  kind: Pod\n  metadata: {name: a}\nexpect: {allowed: true}\n';
    expect(ok(text).tabs.object.text).toBe('# the pod\nkind: Pod\nmetadata: {name: a}\n');
  });

  it('writes an edited object back and keeps every other line and comment', () => {
    const s = ok(sidecar);
    const edited = s.tabs.object.text.replace('name: myapp', 'name: other');
    const j = joinTab(sidecar, 'object', edited);
    expect(j.ok).toBe(true);
    if (!j.ok) return;
    expect(j.text).toBe(sidecar.replace('name: myapp', 'name: other'));
  });

  it('maps the policy tab into documents, one per item, and back after an edit', () => {
    const s = ok(sidecar);
    const docs = s.tabs.policy.text.split('\n---\n');
    expect(docs).toHaveLength(3);
    expect(docs[0]).toMatch(/^apiVersion: admissionregistration.k8s.io\/v1alpha1\nkind: MutatingAdmissionPolicy\n/);
    const j = joinTab(sidecar, 'policy', s.tabs.policy.text.replace('failurePolicy: Fail', 'failurePolicy: Ignore'));
    expect(j.ok && j.text).toBe(sidecar.replace('failurePolicy: Fail', 'failurePolicy: Ignore'));
  });

  it('sorts new policy documents by kind, and a param lands in params', () => {
    const s = ok(sidecar);
    const tab = s.tabs.policy.text + '---\napiVersion: mutations.example.com/v1\nkind: Sidecar\nmetadata: {name: p, namespace: default}\n';
    const j = joinTab(sidecar, 'policy', tab);
    expect(j.ok).toBe(true);
    if (!j.ok) return;
    const v = parse(j.text);
    expect(v.params).toEqual([{ apiVersion: 'mutations.example.com/v1', kind: 'Sidecar', metadata: { name: 'p', namespace: 'default' } }]);
    expect(v.policies).toEqual(parse(sidecar).policies);
    expect(v.crds).toEqual(parse(sidecar).crds);
  });

  it('deleting every binding writes bindings: [] (no binding), not an implicit one', () => {
    const s = ok(sidecar);
    const docs = s.tabs.policy.text.split('\n---\n');
    const j = joinTab(sidecar, 'policy', [docs[0], docs[2]].join('\n---\n'));
    expect(j.ok && parse(j.text).bindings).toEqual([]);
  });

  it('refuses invalid YAML with the error at its place in the tab', () => {
    const s = ok(sidecar);
    const lines = s.tabs.object.text.split('\n');
    lines[3] = '  name: [unclosed';
    const j = joinTab(sidecar, 'object', lines.join('\n'));
    expect(j.ok).toBe(false);
    if (j.ok) return;
    expect(j.errors[0].startLineNumber).toBeGreaterThanOrEqual(4);
  });

  it('places policy-tab YAML errors in the right document line', () => {
    const j = joinTab('object: {}\n', 'policy', 'kind: MutatingAdmissionPolicy\n---\nkind: X\nmetadata: {name: [\n');
    expect(j.ok).toBe(false);
    if (!j.ok) expect(j.errors[0].startLineNumber).toBeGreaterThanOrEqual(4);
  });

  it('adds a missing key and removes a key whose tab is emptied', () => {
    const added = joinTab(sidecar, 'request', 'operation: UPDATE\n');
    expect(added.ok && parse(added.text).request).toEqual({ operation: 'UPDATE' });
    if (!added.ok) return;
    expect(added.text.indexOf('request:')).toBeLessThan(added.text.indexOf('expect:'));
    const removed = joinTab(added.text, 'request', '');
    expect(removed.ok && removed.text).toBe(sidecar);
    const inline = joinTab(sidecar, 'oldObject', 'null');
    expect(inline.ok && inline.text).toContain('\noldObject: null\n');
  });

  it('maps scenario positions onto tab positions', () => {
    const s = ok(sidecar);
    const scenarioLines = sidecar.split('\n');
    const line = scenarioLines.findIndex((l) => l.includes('name: myapp')) + 1;
    const column = scenarioLines[line - 1].indexOf('myapp') + 1;
    expect(tabOfLine(s, line)).toBe('object');
    const r = toTabRange(s.tabs.object, line, column, line, column + 5)!;
    const tabLine = s.tabs.object.text.split('\n')[r.startLineNumber - 1];
    expect(tabLine.slice(r.startColumn - 1, r.endColumn - 1)).toBe('myapp');
    // inside a policy document
    const pl = scenarioLines.findIndex((l) => l.includes('reinvocationPolicy')) + 1;
    const pc = scenarioLines[pl - 1].indexOf('IfNeeded') + 1;
    expect(tabOfLine(s, pl)).toBe('policy');
    const pr = toTabRange(s.tabs.policy, pl, pc, pl, pc + 8)!;
    expect(s.tabs.policy.text.split('\n')[pr.startLineNumber - 1].slice(pr.startColumn - 1, pr.endColumn - 1)).toBe('IfNeeded');
  });

  it('reports a broken scenario instead of throwing', () => {
    expect(split('object: [').ok).toBe(false);
  });
});

describe('kubernetesVersion', () => {
  it('sets the version after the header comment, and replaces it later', async () => {
    const { setKubernetesVersion, kubernetesVersionOf } = await import('../../../src/web/state/join.js');
    const once = setKubernetesVersion(sidecar, '1.34');
    expect(kubernetesVersionOf(once)).toBe('1.34');
    expect(once.split('\n')[0]).toBe(sidecar.split('\n')[0]);
    const twice = setKubernetesVersion(once, '1.32');
    expect(twice).toBe(once.replace('"1.34"', '"1.32"'));
    expect(kubernetesVersionOf(sidecar)).toBeUndefined();
  });
});
