// Comprehensions (cel-go evalFold/folder), evaluated by a loop over slots, never by recursion per
// element. The loop stops when the condition is exactly false (an error keeps it going), and
// checks the cost limit each turn so runaway expressions stop promptly.
import type { CallExpr, ComprehensionExpr } from '../ast.js';
import { CelError, CelMap, isJsonObject, isError, type CelValue } from '../values.js';
import { callCost } from './dispatch.js';
import { CostLimitExceeded, type Closure, type Frame } from './frame.js';
import type { Plan, Planner } from './planner.js';
import { goTypeName } from './runtime-types.js';

export function planComprehension(p: Planner, e: ComprehensionExpr): Plan {
  const savedAppend = p.appendSlot;
  p.appendSlot = -1;
  const range = p.plan(e.iterRange).fn;
  const init = p.plan(e.accuInit).fn;
  const iterSlot = p.newSlot();
  const twoVars = e.iterVar2 !== undefined && e.iterVar2 !== '';
  const iter2Slot = twoVars ? p.newSlot() : -1;
  const accuSlot = p.newSlot();
  const loopScope = new Map<string, number>([
    [e.accuVar, accuSlot],
    [e.iterVar, iterSlot],
  ]);
  if (twoVars) loopScope.set(e.iterVar2!, iter2Slot);
  p.pushScope(loopScope);
  const cond = p.plan(e.loopCondition).fn;
  p.appendSlot = accuSlot;
  const step = p.plan(e.loopStep).fn;
  p.appendSlot = -1;
  p.popScope();
  p.pushScope(new Map([[e.accuVar, accuSlot]]));
  const result = p.plan(e.result).fn;
  p.popScope();
  p.appendSlot = savedAppend;
  const id = e.id;

  const fn: Closure = (f) => {
    const r = range(f);
    if (isError(r)) return r;
    let acc = init(f);
    if (Array.isArray(acc) && acc.length === 0) {
      // A fresh list the loop may append to in place (cel-go's mutable accumulator).
      acc = [];
      f.owned[accuSlot] = acc;
    }
    const slots = f.slots;
    slots[accuSlot] = acc;
    if (Array.isArray(r)) {
      const n = r.length;
      for (let i = 0; i < n; i++) {
        if (twoVars) {
          slots[iterSlot] = BigInt(i);
          slots[iter2Slot] = r[i];
        } else slots[iterSlot] = r[i];
        if (cond(f) === false) break;
        slots[accuSlot] = step(f);
        if (f.cost > f.limit) throw CostLimitExceeded.instance;
      }
    } else if (isJsonObject(r)) {
      for (const k of Object.keys(r)) {
        slots[iterSlot] = k;
        if (twoVars) slots[iter2Slot] = r[k];
        if (cond(f) === false) break;
        slots[accuSlot] = step(f);
        if (f.cost > f.limit) throw CostLimitExceeded.instance;
      }
    } else if (r instanceof CelMap) {
      for (const [k, v] of r.entries()) {
        slots[iterSlot] = k;
        if (twoVars) slots[iter2Slot] = v;
        if (cond(f) === false) break;
        slots[accuSlot] = step(f);
        if (f.cost > f.limit) throw CostLimitExceeded.instance;
      }
    } else {
      f.owned[accuSlot] = undefined;
      return twoVars
        ? new CelError(`unsupported comprehension range type: ${goTypeName(r)}`, id)
        : new CelError(`got '${goTypeName(r)}', expected iterable type`, id);
    }
    f.owned[accuSlot] = undefined;
    return result(f);
  };
  return { id, fn };
}

/**
 * `@result + [elements]` inside the loop step of the comprehension owning `@result`: appends in
 * place while the accumulator is the loop's own list (costs as the plain call would).
 */
export function planAppendStep(p: Planner, e: CallExpr): Plan | undefined {
  if (e.fn !== '_+_' || e.target || e.args.length !== 2 || p.appendSlot < 0 || p.opts.observe) return undefined;
  const [lhs, rhs] = e.args;
  if (lhs.kind !== 'ident' || rhs.kind !== 'list' || rhs.optionalIndices.length > 0) return undefined;
  const slot = p.appendSlot;
  if (p.slotOf(lhs.name) !== slot) return undefined;
  const { byId, byName } = p.opts.functions;
  const add = byId.get('add_list') ?? byName.get('_+_')?.find((o) => o.id === 'add_list');
  if (!add) return undefined;
  // The ordinary plan, for when the accumulator is not the loop's own list.
  p.appendSlot = -1;
  const elems = rhs.elements.map((x) => p.plan(x));
  const generic = p.planGenericCall(e);
  p.appendSlot = slot;
  const listCost = elems.every((x) => x.constant) ? 0 : 10;
  const fns = elems.map((x) => x.fn);
  const n = fns.length;
  const fn: Closure = (f: Frame) => {
    const acc = f.slots[slot];
    if (acc !== f.owned[slot]) return generic(f);
    f.cost += 1 + listCost;
    const added = new Array<CelValue>(n);
    for (let i = 0; i < n; i++) {
      const v = fns[i](f);
      if (isError(v)) return v;
      added[i] = v;
    }
    const list = acc as CelValue[];
    for (let i = 0; i < n; i++) list.push(added[i]);
    f.cost += callCost(add, 'add_list', [list, added], list);
    if (f.cost > f.limit) throw CostLimitExceeded.instance;
    return list;
  };
  return { id: e.id, fn };
}
