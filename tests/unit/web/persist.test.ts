import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { encodeShareHash } from '../../../src/engine/share/link.js';
import { BACKUP_KEY, HashWriter, initialState, loadBackup, save, STORAGE_KEY, type StorageLike } from '../../../src/web/state/persist.js';

const sidecar = readFileSync(join(__dirname, '../../../examples/sidecar-injection.yaml'), 'utf8');

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('share links', () => {
  it('the sidecar example link is under 1,200 characters', async () => {
    const hash = await encodeShareHash(sidecar);
    const url = `https://example.github.io/map-playground/${hash}`;
    expect(url.length).toBeLessThan(1200);
  });

  it('a link restores the exact text and sets the previous session aside', async () => {
    const storage = memoryStorage();
    save(storage, { text: 'object: {kind: Mine}\n', drafts: { object: 'kind: [' } });
    const text = 'object: {kind: Pod}  # exact, even  spaces\n';
    const init = await initialState(await encodeShareHash(text), storage, sidecar);
    expect(init).toMatchObject({ text, source: 'link', backup: true });
    expect(loadBackup(storage)?.drafts).toEqual({ object: 'kind: [' });
  });

  it('an undecodable link shows a message and the default example', async () => {
    for (const hash of ['#s1.%%%', '#s1.AAAA', '#nonsense']) {
      const init = await initialState(hash, memoryStorage(), sidecar);
      expect(init.text).toBe(sidecar);
      expect(init.notice).toMatch(/could not be opened/);
    }
  });

  it('without a link, the last session comes back, drafts included; else the default', async () => {
    const storage = memoryStorage();
    expect((await initialState('', storage, sidecar)).source).toBe('default');
    save(storage, { text: 'object: {}\n', drafts: { request: 'operation: [' } });
    expect(await initialState('', storage, sidecar)).toMatchObject({ source: 'saved', text: 'object: {}\n', drafts: { request: 'operation: [' } });
    storage.setItem(STORAGE_KEY, '{not json');
    expect((await initialState('', storage, sidecar)).source).toBe('default');
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
  });

  it('writes the hash debounced, with replaceState, only on change', async () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const w = new HashWriter({ replaceState: (_d, _u, url) => void calls.push(url!) }, 'a: 1\n', 100);
      w.update('a: 1\n');
      w.update('a: 2\n');
      w.update('a: 3\n');
      await vi.advanceTimersByTimeAsync(150);
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      expect(calls[0]).toBe(await encodeShareHash('a: 3\n'));
      w.update('a: 3\n');
      await vi.advanceTimersByTimeAsync(150);
      expect(calls).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
