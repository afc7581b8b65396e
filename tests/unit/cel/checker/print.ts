// cel-go's checker.Print (common/debug ToAdornedDebugString with the semantic adorner): every
// node followed by `~type` and `^reference`, used to compare with checker_test.go outputs
// (whitespace-insensitively, as cel-go's test.Compare does).
import type { Expr } from '../../../../src/engine/cel/ast.js';
import { formatCelType, type CheckResult } from '../../../../src/engine/cel/checker/index.js';
import { CelUint } from '../../../../src/engine/cel/values.js';

function literal(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof CelUint) return `${v.value}u`;
  if (v instanceof Uint8Array) return 'b' + JSON.stringify(new TextDecoder().decode(v));
  return '?';
}

export function printChecked(res: CheckResult): string {
  const adorn = (e: Expr): string => {
    let out = '';
    const t = res.types.get(e.id);
    if (t) out += '~' + formatCelType(t);
    if (e.kind === 'ident' || e.kind === 'call' || e.kind === 'list' || e.kind === 'struct' || e.kind === 'select') {
      const ref = res.refs.get(e.id);
      if (ref?.kind === 'function') out += '^' + [...ref.overloadIds].sort().join('|');
      else if (ref?.kind === 'variable') out += '^' + ref.name;
      else if (ref?.kind === 'type') out += '^' + (e.kind === 'ident' ? e.name : e.kind === 'struct' ? e.typeName : '');
    }
    return out;
  };
  const p = (e: Expr): string => {
    let s: string;
    switch (e.kind) {
      case 'literal':
        s = literal(e.value);
        break;
      case 'ident':
        s = e.name;
        break;
      case 'select':
        s = `${p(e.operand)}.${e.field}${e.testOnly ? '~test-only~' : ''}`;
        break;
      case 'call':
        s = `${e.target ? p(e.target) + '.' : ''}${e.fn}(${e.args.map(p).join(',')})`;
        break;
      case 'list':
        s = `[${e.elements.map(p).join(',')}]`;
        break;
      case 'map':
        s = `{${e.entries.map((x) => `${x.optional ? '?' : ''}${p(x.key)}:${p(x.value)}`).join(',')}}`;
        break;
      case 'struct':
        s = `${e.typeName}{${e.fields.map((f) => `${f.optional ? '?' : ''}${f.name}:${p(f.value)}`).join(',')}}`;
        break;
      case 'comprehension':
        s =
          `__comprehension__(//Variable ${e.iterVar},${e.iterVar2 !== undefined ? e.iterVar2 + ',' : ''}` +
          `//Target ${p(e.iterRange)},//Accumulator ${e.accuVar},//Init ${p(e.accuInit)},` +
          `//LoopCondition ${p(e.loopCondition)},//LoopStep ${p(e.loopStep)},//Result ${p(e.result)})`;
        break;
    }
    return s + adorn(e);
  };
  return p(res.expr);
}

export const stripWhitespace = (s: string): string => s.replace(/[ \n\t\r]/g, '');
