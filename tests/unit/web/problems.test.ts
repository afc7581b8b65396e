import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateScenarioText } from '../../../src/engine/index.js';
import { placeProblems } from '../../../src/web/state/problems.js';
import { split } from '../../../src/web/state/split.js';

const sidecar = readFileSync(join(__dirname, '../../../examples/sidecar-injection.yaml'), 'utf8');

describe('placing the engine diagnostics in the tabs', () => {
  it('a CEL syntax error lands on its character in the Policy tab and in the Scenario tab', () => {
    const broken = sidecar.replace('ic.name == \\"mesh-proxy\\"', 'ic.name === \\"mesh-proxy\\"');
    const ev = evaluateScenarioText(broken);
    const s = split(broken);
    const placed = placeProblems(s, ev.diagnostics, {});
    expect(placed.listed).toHaveLength(1);
    const p = placed.listed[0];
    expect(p.tab).toBe('policy');
    if (!s.ok) throw new Error('split');
    const line = s.tabs.policy.text.split('\n')[p.range.startLineNumber - 1];
    expect(line.slice(p.range.startColumn - 1, p.range.endColumn - 1)).toBe('= ');
    expect(line.slice(0, p.range.startColumn - 1)).toMatch(/ic\.name ==$/);
    const whole = placed.markers.find((m) => m.tab === 'scenario')!;
    expect(broken.split('\n')[whole.range.startLineNumber - 1].slice(whole.range.startColumn - 1, whole.range.endColumn - 1)).toBe('= ');
  });

  it('a YAML error of the scenario stays in the Scenario tab', () => {
    const broken = sidecar.replace('kind: Pod', 'kind: [Pod');
    const ev = evaluateScenarioText(broken);
    const placed = placeProblems(split(broken), ev.diagnostics, {});
    expect(placed.listed.length).toBeGreaterThan(0);
    expect(placed.listed.every((p) => p.tab === 'scenario')).toBe(true);
  });
});
