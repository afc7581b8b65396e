import { describe, expect, it } from 'vitest';
import { EngineClient, StaleError, TimeLimitError, type WorkerLike } from '../../../src/web/worker/client.js';
import type { WorkerRequest } from '../../../src/web/worker/protocol.js';

/** A fake worker answering `evaluate` after `delay(text)` ms; 'hang' never answers. */
function fakeWorkers(delay: (text: string) => number) {
  const made: { terminated: boolean }[] = [];
  const create = (): WorkerLike => {
    const state = { terminated: false };
    made.push(state);
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => void (state.terminated = true),
      postMessage: (m) => {
        const req = m as WorkerRequest<'evaluate'>;
        const d = delay(req.params.text);
        if (d < 0) return;
        setTimeout(() => {
          if (!state.terminated) w.onmessage?.({ data: { id: req.id, ok: true, value: { echo: req.params.text } } } as MessageEvent);
        }, d);
      },
    };
    return w;
  };
  return { create, made };
}

describe('EngineClient', () => {
  it('drops stale answers: only the latest evaluation resolves', async () => {
    const f = fakeWorkers((t) => (t === 'slow' ? 30 : 1));
    const c = new EngineClient(f.create, 1000);
    const first = c.evaluate('slow');
    const second = c.evaluate('fast');
    await expect(first).rejects.toBeInstanceOf(StaleError);
    await expect(second).resolves.toEqual({ echo: 'fast' });
  });

  it('stops a runaway evaluation at the time limit and starts a fresh worker', async () => {
    const f = fakeWorkers((t) => (t === 'hang' ? -1 : 1));
    const c = new EngineClient(f.create, 50);
    await expect(c.evaluate('hang')).rejects.toBeInstanceOf(TimeLimitError);
    expect(f.made[0].terminated).toBe(true);
    await expect(c.evaluate('ok')).resolves.toEqual({ echo: 'ok' });
    expect(f.made).toHaveLength(2);
    expect(c.restarts).toBe(1);
  });
});
