// The page's state: one scenario text (plus drafts: tab texts that do not parse yet), its
// evaluation by the worker, persistence to localStorage and the URL hash.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import EngineWorker from './worker/engine.worker?worker';
import { EngineClient, StaleError } from './worker/client.js';
import type { Evaluated, FunctionHelp } from './worker/protocol.js';
import { joinTab, kubernetesVersionOf, setKubernetesVersion, type TabError } from './state/join.js';
import { HashWriter, initialState, loadBackup, save, type Initial } from './state/persist.js';
import { placeProblems } from './state/problems.js';
import { split, TAB_IDS, type TabId } from './state/split.js';
import { celContext } from './editors/cel.js';
import { DEFAULT_EXAMPLE } from './examples.js';

interface Doc {
  readonly text: string;
  readonly drafts: Partial<Record<TabId, string>>;
  /** the tab text just typed, shown as is while the scenario text is the one it produced */
  readonly edited?: { readonly tab: TabId; readonly tabText: string; readonly forText: string };
}

const DEBOUNCE_MS = 150;
const client = new EngineClient(() => new EngineWorker() as never);
// Started at module load, before React renders: the worker boots and evaluates the first text
// while the page is still being built (the first result is what a visitor waits for).
performance.mark('map:script-start');
const firstState = initialState(location.hash, localStorage, DEFAULT_EXAMPLE.text);
const firstEvaluation = firstState.then((init) => ({ text: init.text, result: client.evaluate(init.text) }));
firstEvaluation.then((f) => f.result.then(() => performance.mark('map:first-answer'), () => undefined));

export function usePlayground() {
  const [doc, setDoc] = useState<Doc | null>(null);
  const [initial, setInitial] = useState<Initial | null>(null);
  const [evaluated, setEvaluated] = useState<Evaluated | null>(null);
  const [engineError, setEngineError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [functions, setFunctions] = useState<readonly FunctionHelp[]>([]);
  const hashWriter = useRef<HashWriter | null>(null);
  const lastGood = useRef<Record<TabId, string> | null>(null);

  useEffect(() => {
    void firstState.then((init) => {
      hashWriter.current = new HashWriter(history, init.text);
      // a link that could not be read is cleared rather than kept around
      if (init.notice) history.replaceState(null, '', location.pathname + location.search);
      setInitial(init);
      setDoc({ text: init.text, drafts: init.drafts });
    });
  }, []);

  const text = doc?.text ?? '';
  const parts = useMemo(() => split(text), [text]);
  if (parts.ok) lastGood.current = Object.fromEntries(TAB_IDS.map((t) => [t, parts.tabs[t].text])) as Record<TabId, string>;

  const draftErrors = useMemo(() => {
    const out: Partial<Record<TabId, readonly TabError[]>> = {};
    for (const [tab, draft] of Object.entries(doc?.drafts ?? {}) as [TabId, string][]) {
      const j = joinTab(text, tab, draft);
      if (!j.ok) out[tab] = j.errors;
    }
    return out;
  }, [doc?.drafts, text]);

  const tabTexts = useMemo(() => {
    const out = {} as Record<TabId, string>;
    for (const t of TAB_IDS) {
      const edited = doc?.edited?.tab === t && doc.edited.forText === text ? doc.edited.tabText : undefined;
      out[t] = doc?.drafts[t] ?? edited ?? (parts.ok ? parts.tabs[t].text : (lastGood.current?.[t] ?? ''));
    }
    out.scenario = text;
    return out;
  }, [doc, parts, text]);

  const readOnly = useMemo(() => new Set<TabId>(parts.ok ? [] : TAB_IDS.filter((t) => t !== 'scenario' && !doc?.drafts[t])), [parts, doc?.drafts]);

  // evaluate on every change, debounced; the first time at once
  const first = useRef(true);
  useEffect(() => {
    if (!doc) return;
    const run = () => {
      setBusy(true);
      const isFirst = first.current;
      const pending = firstEvaluation.then((f) => (isFirst && f.text === doc.text ? f.result : client.evaluate(doc.text)));
      pending.then(
        (ev) => {
          setEvaluated(ev);
          setEngineError(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (e instanceof StaleError) return;
          // the last result belongs to another text: do not show it as this one's
          setEvaluated(null);
          setEngineError(e instanceof Error ? e.message : String(e));
          setBusy(false);
        },
      );
    };
    if (first.current) {
      run();
      first.current = false;
      return;
    }
    const t = setTimeout(run, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [doc?.text]);

  // keep the session and the link
  useEffect(() => {
    if (!doc) return;
    const t = setTimeout(() => save(localStorage, { text: doc.text, drafts: doc.drafts }), 300);
    hashWriter.current?.update(doc.text);
    return () => clearTimeout(t);
  }, [doc]);

  const version = kubernetesVersionOf(text) ?? '1.36';
  useEffect(() => {
    client.call('library', { version }).then((r) => setFunctions(r.functions), () => undefined);
  }, [version, engineError]);

  useEffect(() => {
    const s = evaluated?.scenario;
    const variables = (s?.policies ?? []).flatMap((p) => {
      const vs = (p.spec as { variables?: { name?: unknown }[] } | undefined)?.variables;
      return Array.isArray(vs) ? vs.map((v) => String(v?.name ?? '')).filter(Boolean) : [];
    });
    celContext.current = { functions, object: s?.object ?? undefined, oldObject: s?.oldObject ?? undefined, params: s?.params[0], variables };
  }, [functions, evaluated]);

  const editTab = useCallback((tab: TabId, tabText: string) => {
    setDoc((d) => {
      if (!d) return d;
      if (tab === 'scenario') return { text: tabText, drafts: d.drafts, edited: { tab, tabText, forText: tabText } };
      const j = joinTab(d.text, tab, tabText);
      const drafts = { ...d.drafts };
      if (!j.ok) return { ...d, drafts: { ...drafts, [tab]: tabText } };
      delete drafts[tab];
      return { text: j.text, drafts, edited: { tab, tabText, forText: j.text } };
    });
  }, []);

  const replaceText = useCallback((newText: string) => setDoc({ text: newText, drafts: {} }), []);
  const setVersion = useCallback((v: string) => setDoc((d) => (d ? { text: setKubernetesVersion(d.text, v), drafts: d.drafts } : d)), []);
  const restoreBackup = useCallback(() => {
    const b = loadBackup(localStorage);
    if (b) setDoc({ text: b.text, drafts: b.drafts });
  }, []);

  // a mark for the budget script: the frame that first shows a result
  useEffect(() => {
    if (evaluated && performance.getEntriesByName('map:first-result-painted').length === 0) requestAnimationFrame(() => performance.mark('map:first-result-painted'));
  }, [evaluated]);

  const computed = useMemo(() => placeProblems(parts, evaluated?.diagnostics ?? [], draftErrors), [parts, evaluated, draftErrors]);
  // same problems, same object: markers and panes are not redone on every keystroke
  const placedKey = JSON.stringify(computed);
  const placed = useMemo(() => computed, [placedKey]);
  const shareLink = useCallback(async () => location.href.replace(/#.*$/, '') + (await hashWriter.current!.flush(text)), [text]);

  return { ready: doc !== null, initial, text, drafts: doc?.drafts ?? {}, tabTexts, readOnly, evaluated, engineError, busy, placed, version, editTab, replaceText, setVersion, restoreBackup, shareLink, client };
}
