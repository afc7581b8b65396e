// CEL: ours against @marcbachmann/cel-js and @bufbuild/cel on the same expressions, same input.
import { Environment as MarcEnvironment } from '@marcbachmann/cel-js';
import { celEnv, parse as bufParse, plan as bufPlan } from '@bufbuild/cel';
import { evaluate as celJsEvaluate, parse as celJsParse } from 'cel-js';
import { compile, newEnvironment } from '../src/engine/cel/program.js';
import { kubernetesEnvironment } from '../src/engine/cel/kubernetes/environment.js';
import { pod, withBigInts } from './fixtures.js';
import { formatNs, measure, perSecond, table } from './measure.js';

interface Row {
  readonly name: string;
  readonly ours: string;
  /** the same computation for libraries without JSONPatch{} / Object{} */
  readonly portable: string;
  readonly object: unknown;
}

const ROWS: Row[] = [
  {
    name: 'sidecar matchCondition, realistic Pod',
    ours: '!object.spec.initContainers.exists(ic, ic.name == "mesh-proxy")',
    portable: '!object.spec.initContainers.exists(ic, ic.name == "mesh-proxy")',
    object: withBigInts(pod(3, 2)),
  },
  {
    name: 'JSONPatch list over 50 containers',
    ours: 'object.spec.containers.map(c, JSONPatch{op: "add", path: "/metadata/annotations/" + c.name, value: c.image})',
    // dyn() on every value: a map literal mixing string and dyn values breaks the homogeneous-literal rule
    portable: 'object.spec.containers.map(c, {"op": dyn("add"), "path": dyn("/metadata/annotations/" + c.name), "value": dyn(c.image)})',
    object: withBigInts(pod(50, 0)),
  },
  {
    name: 'string-heavy checks over 20 containers',
    ours: 'object.spec.containers.all(c, c.image.startsWith("registry.example.com/") && c.name.matches("^[a-z0-9-]+$") && size(c.image) < 256 && c.image.endsWith(".0"))',
    portable: 'object.spec.containers.all(c, c.image.startsWith("registry.example.com/") && c.name.matches("^[a-z0-9-]+$") && size(c.image) < 256 && c.image.endsWith(".0"))',
    object: withBigInts(pod(20, 0)),
  },
];

function ours(source: string): (object: unknown) => unknown {
  const env = newEnvironment(kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false, variables: [] }));
  const r = compile(source, env);
  if (!r.ok) throw new Error(`ours: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  const program = r.program;
  return (object) => {
    const out = program.evaluate({ object: object as never });
    if (!out.ok) throw new Error(out.error.message);
    return out.value;
  };
}

function marc(source: string): (object: unknown) => unknown {
  const env = new MarcEnvironment({ unlistedVariablesAreDyn: true } as never);
  const fn = env.parse(source);
  return (object) => fn({ object });
}

function buf(source: string): (object: unknown) => unknown {
  const env = celEnv();
  const fn = bufPlan(env, bufParse(source));
  return (object) => {
    const r = fn({ object } as never);
    if (r && typeof r === 'object' && 'message' in (r as object) && (r as { cause?: unknown }).cause !== undefined) throw new Error(String((r as { message: string }).message));
    return r;
  };
}

/** cel-js 0.8 (the package the design first named): parse once, evaluate the CST per call. */
function celJs(source: string): (object: unknown) => unknown {
  const parsed = celJsParse(source);
  if (!parsed.isSuccess) throw new Error('cel-js: parse error');
  return (object) => celJsEvaluate(parsed.cst, { object } as never);
}

type Runner = (source: string) => (object: unknown) => unknown;

function tryMeasure(label: string, make: () => () => unknown): number | string {
  try {
    const fn = make();
    fn();
    return measure(label, fn).medianNs;
  } catch (e) {
    return `fails: ${(e instanceof Error ? e.message : String(e)).slice(0, 60)}`;
  }
}

export function celBench(): string {
  const libs: [string, Runner, keyof Row][] = [
    ['ours', ours, 'ours'],
    ['@marcbachmann/cel-js 8.0.0', marc, 'portable'],
    ['@bufbuild/cel 0.6.1', buf, 'portable'],
    ['cel-js 0.8.2', celJs, 'portable'],
  ];
  const rows: string[][] = [];
  for (const row of ROWS) {
    const results = libs.map(([label, runner, field]) => tryMeasure(label, () => {
      const fn = runner(row[field] as string);
      return () => fn(row.object);
    }));
    const base = results[0];
    rows.push([
      row.name,
      ...results.map((r) => (typeof r === 'number' ? `${perSecond(r)} (${formatNs(r)})` : r)),
      ...results.slice(1).map((r) => (typeof r === 'number' && typeof base === 'number' ? `${(r / base).toFixed(2)}×` : '–')),
    ]);
  }
  // Compile time: parse + check (ours), parse (+ plan) for the others.
  const src = ROWS[0].ours;
  const compileResults = [
    tryMeasure('ours', () => {
      const env = newEnvironment(kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false, variables: [] }));
      return () => {
        const r = compile(src, env);
        if (!r.ok) throw new Error('compile failed');
      };
    }),
    tryMeasure('marc', () => {
      const env = new MarcEnvironment({ unlistedVariablesAreDyn: true } as never);
      return () => env.parse(src);
    }),
    tryMeasure('buf', () => {
      const env = celEnv();
      return () => bufPlan(env, bufParse(src));
    }),
    tryMeasure('cel-js', () => () => celJsParse(src)),
  ];
  rows.push([
    'compile the sidecar condition (µs per compile)',
    ...compileResults.map((r) => (typeof r === 'number' ? formatNs(r) : r)),
    ...compileResults.slice(1).map((r) => (typeof r === 'number' && typeof compileResults[0] === 'number' ? `${(r / compileResults[0]).toFixed(2)}×` : '–')),
  ]);
  return table(
    ['expression', 'ours', '@marcbachmann/cel-js', '@bufbuild/cel', 'cel-js', 'marc/ours', 'buf/ours', 'cel-js/ours'],
    rows,
  );
}
