// Shared test helpers: compact tree printing (`node^id`) and parse wrappers.
import type { Expr } from '../../../../src/engine/cel/ast.js';
import { parse, type ParseOptions } from '../../../../src/engine/cel/parser/index.js';
import { debugString, displayErrors } from './debug.js';

/** cel-go's debug string with `^id` adornments and no whitespace. */
export function tree(e: Expr): string {
  return debugString(e).replace(/\^#(\d+):[^#]*#/g, '^$1');
}

export function parseOk(src: string, opts?: Partial<ParseOptions>): Expr {
  const r = parse(src, opts);
  if (!r.ok) throw new Error(displayErrors(src, r.diagnostics));
  return r.ast.expr;
}

/** The first diagnostic's message (fails the test when the parse succeeds). */
export function errorOf(src: string, opts?: Partial<ParseOptions>): string {
  const r = parse(src, opts);
  if (r.ok) throw new Error(`expected an error for ${src}`);
  return r.diagnostics[0].message;
}

/** All diagnostics as cel-go prints them. */
export function errorsOf(src: string, opts?: Partial<ParseOptions>): string {
  const r = parse(src, opts);
  if (r.ok) throw new Error(`expected an error for ${src}`);
  return displayErrors(src, r.diagnostics);
}

/** Every node of the tree (iteratively), for id and range checks. */
export function nodes(root: Expr): Expr[] {
  const out: Expr[] = [];
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    out.push(e);
    switch (e.kind) {
      case 'select':
        stack.push(e.operand);
        break;
      case 'call':
        if (e.target) stack.push(e.target);
        stack.push(...e.args);
        break;
      case 'list':
        stack.push(...e.elements);
        break;
      case 'map':
        for (const en of e.entries) stack.push(en.key, en.value);
        break;
      case 'struct':
        for (const f of e.fields) stack.push(f.value);
        break;
      case 'comprehension':
        stack.push(e.iterRange, e.accuInit, e.loopCondition, e.loopStep, e.result);
        break;
    }
  }
  return out;
}
