// The typed conversion's validation (structured-merge-diff typed/validate.go + helpers.go):
// every value is checked against its schema type; errors carry the path they occurred at.
import type { KubernetesVersion } from '../../types.js';
import type { Atom, ListSchema, MapSchema, Scalar, TypeRef } from '../../schema/types.js';
import type { KnownValid } from './known.js';
import { fieldElement, indexElement, listItemElement, type PathElement } from './path.js';
import { goT, isBool, isFloat, isInt, isList, isMap, isNull, isScalar, isString, printSharpV, printV, type SmdValue } from './values.js';

export interface ValidationError {
  path: string;
  readonly message: string;
}

/** ValidationErrors.Error(): one error, or `errors:` and one indented line per error. */
export function formatErrors(errs: readonly ValidationError[]): string {
  const one = (e: ValidationError) => (e.path ? `${e.path}: ${e.message}` : e.message);
  if (errs.length === 1) return one(errs[0]);
  return ['errors:', ...errs.map((e) => '  ' + one(e))].join('\n');
}

const err = (message: string): ValidationError[] => [{ path: '', message }];
/** no errors: shared by the many valid leaves (frozen, so a push into it would throw) */
const NONE: ValidationError[] = Object.freeze([]) as unknown as ValidationError[];
const prefixed = (errs: ValidationError[], p: string): ValidationError[] => {
  for (const e of errs) e.path = p + e.path;
  return errs;
};

/** deduceAtom: the one form of a multi-form atom that fits the value (or the atom as is). */
export function deduceAtom(atom: Atom, v: SmdValue | undefined): Atom {
  if (v === undefined) return atom;
  // (a one-form atom is its own deduction: no copy)
  if (isScalar(v)) return atom.scalar ? (atom.list || atom.map ? { scalar: atom.scalar } : atom) : atom;
  if (isList(v)) return atom.list ? (atom.scalar || atom.map ? { list: atom.list } : atom) : atom;
  if (isMap(v)) return atom.map ? (atom.scalar || atom.list ? { map: atom.map } : atom) : atom;
  return atom;
}

export function validateScalar(t: Scalar, v: SmdValue | undefined, prefix: string): ValidationError[] {
  if (v === undefined || isNull(v)) return NONE;
  switch (t) {
    case 'numeric':
      return isFloat(v) || isInt(v) ? NONE : err(`${prefix}expected numeric (int or float), got ${goT(v)}`);
    case 'string':
      return isString(v) ? NONE : err(`${prefix}expected string, got ${printSharpV(v)}`);
    case 'boolean':
      return isBool(v) ? NONE : err(`${prefix}expected boolean, got ${printV(v)}`);
    case 'untyped':
      return isScalar(v) ? NONE : err(`${prefix}expected any scalar, got ${printV(v)}`);
  }
}

/** listValue: null is a valid (absent) list. */
export function listValue(v: SmdValue): SmdValue[] | null | string {
  if (isNull(v)) return null;
  if (!isList(v)) return `expected list, got ${printV(v)}`;
  return v;
}

/** mapValue: null is a valid (absent) map. */
export function mapValue(v: SmdValue): Record<string, SmdValue> | null | string {
  if (isNull(v)) return null;
  if (!isMap(v)) return `expected map, got ${printV(v)}`;
  return v;
}

/**
 * Go's fmt.Sprintf of a message used as the format with no arguments: structured-merge-diff v4
 * (Kubernetes 1.32-1.33) passed the list/map type errors to errorf that way, so a `%` in the
 * printed value becomes `%!x(MISSING)`.
 */
export function goSprintfNoArgs(format: string): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    let j = i + 1;
    while (j < format.length && '+-# 0'.includes(format[j])) j++;
    while (j < format.length && /[0-9.*]/.test(format[j])) j++;
    if (j >= format.length) {
      out += '%!(NOVERB)';
      i = j;
      continue;
    }
    const verb = String.fromCodePoint(format.codePointAt(j)!);
    out += verb === '%' ? '%' : `%!${verb}(MISSING)`;
    i = j + verb.length - 1;
  }
  return out;
}

const v4 = (v: KubernetesVersion): boolean => v === '1.32' || v === '1.33';

export interface ValidateOptions {
  readonly allowDuplicates: boolean;
  readonly version: KubernetesVersion;
  /** containers already found valid with these options (skipped), and where to record more */
  readonly known?: KnownValid;
}

/**
 * Containers at most this many keys and indices deep are recorded in `known`: the parts a patch
 * leaves alone are found near the root, and recording every small value would cost more.
 */
const KNOWN_DEPTH = 4;

/** AsTyped's validation of a value against a type: the errors, empty when it is valid. */
export function validate(v: SmdValue, tr: TypeRef, opts: ValidateOptions, depth = 0): ValidationError[] {
  const known = opts.known;
  if (known === undefined || depth > KNOWN_DEPTH || typeof v !== 'object' || v === null) return validateAtom(v, tr, opts, depth);
  if (known.has(v, tr)) return NONE;
  const errs = validateAtom(v, tr, opts, depth);
  if (errs.length === 0) known.add(v, tr);
  return errs;
}

function validateAtom(v: SmdValue, tr: TypeRef, opts: ValidateOptions, depth: number): ValidationError[] {
  const atom = deduceAtom(tr(), v);
  // handleAtom: map first, then scalar, then list
  if (atom.map) return validateMap(atom.map, v, opts, depth);
  if (atom.scalar) return validateScalar(atom.scalar, v, '');
  if (atom.list) return validateList(atom.list, v, opts, depth);
  return err('schema error: invalid atom: inlined');
}

function validateList(t: ListSchema, v: SmdValue, opts: ValidateOptions, depth: number): ValidationError[] {
  const list = listValue(v);
  if (typeof list === 'string') return err(v4(opts.version) ? goSprintfNoArgs(list) : list);
  if (list === null) return [];
  const errs: ValidationError[] = [];
  const observed = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const child = list[i];
    let pe: PathElement | undefined; // (printed only with an error)
    if (t.relationship === 'associative') {
      const r = listItemElement(t, child, opts.version);
      if (typeof r === 'string') {
        // without a path element nothing deeper can be reported: give up on the list
        errs.push(...err(`element ${i}: ${r}`));
        return errs;
      }
      pe = r;
      if (observed.has(pe.id) && !opts.allowDuplicates) errs.push(...err(`duplicate entries for key ${pe.text}`));
      observed.add(pe.id);
    }
    const sub = validate(child, t.elementType, opts, depth + 1);
    if (sub.length) errs.push(...prefixed(sub, (pe ?? indexElement(i)).text));
  }
  return errs;
}

function validateMap(t: MapSchema, v: SmdValue, opts: ValidateOptions, depth: number): ValidationError[] {
  const m = mapValue(v);
  if (typeof m === 'string') return err(v4(opts.version) ? goSprintfNoArgs(m) : m);
  if (m === null) return [];
  const errs: ValidationError[] = [];
  for (const key of Object.keys(m)) {
    const tr = t.fields.get(key)?.type ?? t.elementType;
    if (!tr) {
      // the walk stops at the first undeclared field of each map
      errs.push(...prefixed(err('field not declared in schema'), fieldElement(key).text));
      break;
    }
    const sub = validate(m[key], tr, opts, depth + 1);
    if (sub.length) errs.push(...prefixed(sub, fieldElement(key).text));
  }
  return errs;
}
