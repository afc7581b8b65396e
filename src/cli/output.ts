// How `eval` prints a result: json, yaml, a unified diff, or a readable summary with file:line:col.
import { stringify } from 'yaml';
import { encodeJson } from '../engine/json/index.js';
import type { Diagnostic, Evaluation, Result } from '../engine/index.js';
import { unifiedDiff } from './text-diff.js';

export function renderJson(value: unknown): string {
  return encodeJson(value as never, { indent: 2, escapeHtml: false });
}

export function renderYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function renderDiff(result: Result, fileName: string): string {
  const before = result.decodedObject == null ? '' : renderYaml(result.decodedObject);
  const after = result.object == null ? '' : renderYaml(result.object);
  return unifiedDiff(before, after, `${fileName} (object as decoded)`, `${fileName} (after admission)`);
}

function where(d: Diagnostic, fileName: string): string {
  return d.location ? `${fileName}:${d.location.line}:${d.location.column}` : fileName;
}

export function renderSummary(evaluation: Evaluation, fileName: string): string {
  const lines: string[] = [];
  for (const d of evaluation.diagnostics) {
    const owner = d.policy ? ` [${d.policy}${d.path ? ` ${d.path}` : ''}]` : d.path ? ` [${d.path}]` : '';
    lines.push(`${where(d, fileName)}: ${d.severity}:${owner} ${d.message}`);
  }
  const r = evaluation.result;
  if (!r) {
    lines.push('invalid scenario: nothing was evaluated');
    return lines.join('\n') + '\n';
  }
  for (const t of r.trace) {
    const who = `${t.policy}${t.binding ? ` / ${t.binding}` : ''}${t.param ? ` / ${t.param}` : ''}`;
    const pass = t.reinvocation ? ' (reinvocation)' : '';
    lines.push(`  ${t.outcome.padEnd(15)} ${who}${pass}${t.reason ? `: ${t.reason}` : ''}`);
  }
  if (r.allowed) {
    lines.push(`ADMITTED${r.patch.length ? ` with ${r.patch.length} change(s):` : ', unchanged'}`);
    for (const op of r.patch) lines.push(`  ${renderJson(op).replace(/\s*\n\s*/g, ' ')}`);
  } else {
    lines.push(`REJECTED (${r.status?.code} ${r.status?.reason}): ${r.error}`);
  }
  return lines.join('\n') + '\n';
}
