// The page's side of the engine worker: typed calls, a time limit that terminates a runaway
// worker and starts a fresh one, and "latest wins" for evaluations (stale answers are dropped).
// The worker factory is injected, so this runs under node tests with a fake worker.
import type { Calls, Method, WorkerRequest, WorkerResponse } from './protocol.js';

export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export class TimeLimitError extends Error {
  constructor(readonly limitMs: number) {
    super(`The evaluation took longer than ${limitMs / 1000} s and was stopped (a runaway expression?). The engine was restarted; edit the scenario to try again.`);
  }
}
/** A request that lost to a newer one: callers ignore it. */
export class StaleError extends Error {}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class EngineClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private latestEvaluation = 0;
  /** how many times the worker was restarted (shown in tests and the status bar) */
  restarts = 0;

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly limitMs = 3000,
  ) {}

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    w.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      clearTimeout(p.timer);
      if (e.data.ok) p.resolve(e.data.value);
      else p.reject(new Error(e.data.error));
    };
    w.onerror = (e: ErrorEvent) => this.restart(new Error(`the engine worker crashed: ${e.message || 'unknown error'}`));
    this.worker = w;
    return w;
  }

  /** Kills the worker, fails everything pending with `why`; the next call starts a new one. */
  private restart(why: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.restarts++;
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(why);
    }
  }

  call<M extends Method>(method: M, params: Calls[M]['params']): Promise<Calls[M]['result']> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.restart(new TimeLimitError(this.limitMs)), this.limitMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      w.postMessage({ id, method, params } satisfies WorkerRequest<M>);
    });
  }

  /** Evaluates `text`; rejects with StaleError when a newer evaluation was asked for meanwhile. */
  async evaluate(text: string): Promise<Calls['evaluate']['result']> {
    const mine = ++this.latestEvaluation;
    try {
      const r = await this.call('evaluate', { text });
      if (mine !== this.latestEvaluation) throw new StaleError('stale');
      return r;
    } catch (e) {
      if (mine !== this.latestEvaluation) throw new StaleError('stale');
      throw e;
    }
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
