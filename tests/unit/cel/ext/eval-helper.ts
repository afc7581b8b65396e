// Compile + evaluate helper for the extension and environment tests.
import { compile, newEnvironment, formatDiagnostics } from '../../../../src/engine/cel/program.js';
import { kubernetesEnvironment, type KubernetesEnvironmentOptions } from '../../../../src/engine/cel/kubernetes/environment.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';

export type Outcome = { value: CelValue } | { error: string } | { compileError: string };

export function run(
  src: string,
  opts: Partial<KubernetesEnvironmentOptions> = {},
  activation: Record<string, CelValue> = {},
): Outcome {
  const env = newEnvironment(
    kubernetesEnvironment({ version: '1.36', mode: 'stored', kind: 'mutation', hasParams: false, ...opts }),
  );
  const r = compile(src, env);
  if (!r.ok) return { compileError: formatDiagnostics(src, r.diagnostics) };
  const e = r.program.evaluate({ object: null, oldObject: null, ...activation });
  return e.ok ? { value: e.value } : { error: e.error.message };
}

/** The value, or throws with the failure text (for expressions expected to succeed). */
export function value(src: string, opts: Partial<KubernetesEnvironmentOptions> = {}, activation: Record<string, CelValue> = {}): CelValue {
  const r = run(src, opts, activation);
  if ('value' in r) return r.value;
  throw new Error(`${src}: ${'error' in r ? r.error : r.compileError}`);
}

export function compileError(src: string, opts: Partial<KubernetesEnvironmentOptions> = {}): string | undefined {
  const r = run(src, opts);
  return 'compileError' in r ? r.compileError : undefined;
}

export function runtimeError(src: string, opts: Partial<KubernetesEnvironmentOptions> = {}, activation: Record<string, CelValue> = {}): string | undefined {
  const r = run(src, opts, activation);
  if ('compileError' in r) throw new Error(`${src}: unexpected compile error ${r.compileError}`);
  return 'error' in r ? r.error : undefined;
}
