// The typed request/response between the page and the engine worker. Everything here is
// structured-clone safe (bigints included); the engine's SourceMap (functions) never crosses.
import type { Diagnostic, Result, Scenario } from '../../engine/types.js';
import type { ExpectFailure } from '../../engine/expect.js';

export interface Evaluated {
  readonly scenario: Scenario | null;
  readonly result: Result | null;
  readonly diagnostics: readonly Diagnostic[];
  /** milliseconds the engine took */
  readonly millis: number;
}

export interface FunctionHelp {
  readonly name: string;
  /** e.g. `string.contains(string) -> bool` */
  readonly signatures: readonly string[];
  /** has a receiver-style overload (`x.f()`) */
  readonly member: boolean;
  /** has a global overload (`f(x)`) */
  readonly global: boolean;
}

export interface Calls {
  evaluate: { params: { text: string }; result: Evaluated };
  /** evaluate and check the scenario's `expect` (the browser tests' hook) */
  check: { params: { text: string }; result: { evaluated: Evaluated; failures: readonly ExpectFailure[] | null } };
  library: { params: { version: string }; result: { functions: readonly FunctionHelp[] } };
  /** Kubernetes manifests sorted by kind into a scenario text */
  manifests: { params: { files: readonly { name: string; text: string }[] }; result: { text: string | null; messages: readonly string[] } };
}
export type Method = keyof Calls;

export interface WorkerRequest<M extends Method = Method> {
  readonly id: number;
  readonly method: M;
  readonly params: Calls[M]['params'];
}

export type WorkerResponse<M extends Method = Method> =
  | { readonly id: number; readonly ok: true; readonly value: Calls[M]['result'] }
  | { readonly id: number; readonly ok: false; readonly error: string };
