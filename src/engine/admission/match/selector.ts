// metav1.LabelSelector as labels.Selector (apimachinery pkg/apis/meta/v1/helpers.go
// LabelSelectorAsSelector, pkg/labels/selector.go NewRequirement and Requirement.Matches):
// - a nil selector selects nothing, an empty one everything;
// - matchLabels are `=` requirements, matchExpressions In / NotIn / Exists / DoesNotExist;
// - an unknown operator: `"<op>" is not a valid label selector operator`; invalid keys, values
//   and value counts give the field.ErrorList aggregate of NewRequirement, e.g.
//   `key: Invalid value: "a b": name part must consist of …`.
import type { KubernetesVersion } from '../../types.js';
import { NEWEST_VERSION } from '../../types.js';
import { encodeJson } from '../../json/encode.js';
import { aggregate } from '../errors.js';
import { goQuote } from '../jsonpatch/go-text.js';
import { labelKeyErrors, labelValueErrors } from './label-validation.js';

type Operator = 'in' | 'notin' | 'exists' | '!' | '=';

interface Requirement {
  readonly key: string;
  readonly op: Operator;
  readonly values: readonly string[];
}

/** A parsed selector: 'nothing' (nil), 'everything' (empty), or requirements (ANDed). */
export type ParsedSelector = { readonly kind: 'nothing' } | { readonly kind: 'everything' } | { readonly kind: 'requirements'; readonly requirements: readonly Requirement[] };

export type Labels = Readonly<Record<string, unknown>>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The BadValue of a []string in field.Error: JSON from 1.34 on, Go's %#v before. */
function formatValues(values: readonly string[], version: KubernetesVersion): string {
  if (version === '1.32' || version === '1.33') {
    return values.length === 0 ? '[]string(nil)' : `[]string{${values.map(goQuote).join(', ')}}`;
  }
  return values.length === 0 ? 'null' : encodeJson(values);
}

function newRequirement(key: string, op: Operator, values: readonly string[], version: KubernetesVersion): Requirement | { error: string } {
  const errs: string[] = [];
  const keyErrs = labelKeyErrors(key, version);
  if (keyErrs.length) errs.push(`key: Invalid value: ${goQuote(key)}: ${keyErrs.join('; ')}`);
  if ((op === 'in' || op === 'notin') && values.length === 0) {
    errs.push(`values: Invalid value: ${formatValues(values, version)}: for 'in', 'notin' operators, values set can't be empty`);
  }
  if (op === '=' && values.length !== 1) {
    errs.push(`values: Invalid value: ${formatValues(values, version)}: exact-match compatibility requires one single value`);
  }
  if ((op === 'exists' || op === '!') && values.length !== 0) {
    errs.push(`values: Invalid value: ${formatValues(values, version)}: values set must be empty for exists and does not exist`);
  }
  values.forEach((v, i) => {
    const ve = labelValueErrors(v, version);
    if (ve.length) errs.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${ve.join('; ')}`);
  });
  return errs.length ? { error: aggregate(errs) } : { key, op, values };
}

const OPERATORS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** Reads a string field as Go's typed decoding would have it (a missing field is ""). */
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** LabelSelectorAsSelector. `selector` null/undefined is Go's nil *LabelSelector. */
export function parseLabelSelector(selector: unknown, version: KubernetesVersion = NEWEST_VERSION): ParsedSelector | { error: string } {
  if (selector === null || selector === undefined) return { kind: 'nothing' };
  const s = isRecord(selector) ? selector : {};
  const matchLabels = isRecord(s.matchLabels) ? s.matchLabels : {};
  const exprs = Array.isArray(s.matchExpressions) ? s.matchExpressions : [];
  const labelKeys = Object.keys(matchLabels);
  if (labelKeys.length + exprs.length === 0) return { kind: 'everything' };
  const requirements: Requirement[] = [];
  for (const k of labelKeys) {
    const r = newRequirement(k, '=', [str(matchLabels[k])], version);
    if ('error' in r) return r;
    requirements.push(r);
  }
  for (const e of exprs) {
    const expr = isRecord(e) ? e : {};
    const operator = str(expr.operator);
    const op = Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator] : undefined;
    if (!op) return { error: `${goQuote(operator)} is not a valid label selector operator` };
    const values = Array.isArray(expr.values) ? expr.values.map(str) : [];
    const r = newRequirement(str(expr.key), op, values, version);
    if ('error' in r) return r;
    requirements.push(r);
  }
  return { kind: 'requirements', requirements };
}

function lookup(labels: Labels, key: string): string | undefined {
  if (!Object.hasOwn(labels, key)) return undefined;
  const v = labels[key];
  return typeof v === 'string' ? v : String(v ?? '');
}

/** Selector.Matches */
export function selectorMatches(sel: ParsedSelector, labels: Labels): boolean {
  if (sel.kind === 'nothing') return false;
  if (sel.kind === 'everything') return true;
  return sel.requirements.every((r) => {
    const v = lookup(labels, r.key);
    switch (r.op) {
      case '=':
      case 'in':
        return v !== undefined && r.values.includes(v);
      case 'notin':
        return v === undefined || !r.values.includes(v);
      case 'exists':
        return v !== undefined;
      case '!':
        return v === undefined;
    }
  });
}

/** Selector.Empty: true only for a selector with no requirements (not for nil). */
export function selectorEmpty(sel: ParsedSelector): boolean {
  return sel.kind === 'everything';
}

/**
 * Whether `labels` satisfy a metav1.LabelSelector, or the error converting the selector
 * (apimachinery's text, without any wrapper). A nil selector matches nothing.
 */
export function labelSelectorMatches(selector: unknown, labels: Labels | null | undefined, version: KubernetesVersion = NEWEST_VERSION): boolean | { error: string } {
  const sel = parseLabelSelector(selector, version);
  if ('error' in sel) return sel;
  return selectorMatches(sel, labels ?? {});
}
