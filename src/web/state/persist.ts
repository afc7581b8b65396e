// Where the first state comes from (a share link, then the last session, then the default
// example) and how it is kept: localStorage and the URL hash, both injected so this runs under
// node tests. The scenario text is the whole shareable state; drafts are tab texts that do not
// parse yet (kept so that no edit is ever lost); view flags live apart.
import { decodeShareHash, encodeShareHash, LINK_PREFIX } from '../../engine/share/link.js';
import type { TabId } from './split.js';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Saved {
  readonly text: string;
  readonly drafts: Partial<Record<TabId, string>>;
}

export const STORAGE_KEY = 'map-playground.scenario.v1';
/** The previous session, kept when a link or the default example replaced it. */
export const BACKUP_KEY = 'map-playground.backup.v1';
export const VIEW_KEY = 'map-playground.view.v1';

export function loadSaved(storage: StorageLike): Saved | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Saved>;
    if (typeof v.text !== 'string') return null;
    const drafts = v.drafts && typeof v.drafts === 'object' ? v.drafts : {};
    return { text: v.text, drafts };
  } catch {
    return null;
  }
}

export function save(storage: StorageLike, saved: Saved): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // storage full or denied: the link still carries the state
  }
}

export interface Initial extends Saved {
  readonly source: 'link' | 'saved' | 'default';
  /** shown to the visitor (a link that could not be read) */
  readonly notice?: string;
  /** a previous session was set aside (offer to restore it) */
  readonly backup?: boolean;
}

/** Decides the first state. Never throws, never yields an empty page. */
export async function initialState(hash: string, storage: StorageLike, defaultText: string): Promise<Initial> {
  const saved = loadSaved(storage);
  const setAside = (text: string): boolean => {
    if (!saved || saved.text === text || saved.text === defaultText) return false;
    try {
      storage.setItem(BACKUP_KEY, JSON.stringify(saved));
      return true;
    } catch {
      return false;
    }
  };
  if (hash && hash !== '#') {
    const d = await decodeShareHash(hash);
    if (d.ok) return { text: d.text, drafts: {}, source: 'link', backup: setAside(d.text) };
    return { text: defaultText, drafts: {}, source: 'default', notice: `The link could not be opened (${d.error}). Showing the default example instead.`, backup: setAside(defaultText) };
  }
  if (saved) return { ...saved, source: 'saved' };
  return { text: defaultText, drafts: {}, source: 'default' };
}

export function loadBackup(storage: StorageLike): Saved | null {
  try {
    const raw = storage.getItem(BACKUP_KEY);
    const v = raw ? (JSON.parse(raw) as Saved) : null;
    return v && typeof v.text === 'string' ? { text: v.text, drafts: v.drafts ?? {} } : null;
  } catch {
    return null;
  }
}

export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string): void;
}

/**
 * Keeps the URL hash in step with the scenario text: debounced, with replaceState (no history
 * entry per keystroke), and only when the text changed since the last write.
 */
export class HashWriter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private written: string;
  constructor(
    private readonly history: HistoryLike,
    initialText: string,
    private readonly delayMs = 400,
  ) {
    this.written = initialText;
  }
  update(text: string): void {
    clearTimeout(this.timer);
    if (text === this.written) return;
    this.timer = setTimeout(() => void this.flush(text), this.delayMs);
  }
  async flush(text: string): Promise<string> {
    const hash = await encodeShareHash(text);
    this.written = text;
    this.history.replaceState(null, '', hash);
    return hash;
  }
}

export const isShareHash = (hash: string) => hash.startsWith(LINK_PREFIX);

/** Keeps a state aside (before Reset or opening files replaces it). */
export function saveBackup(storage: StorageLike, saved: Saved): void {
  try {
    storage.setItem(BACKUP_KEY, JSON.stringify(saved));
  } catch {
    // nothing more we can do
  }
}
