// The playground: inputs on the left (one scenario text, shown as tabs), outputs on the right.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parse } from 'yaml';
import { Toolbar, MOD } from './Toolbar.js';
import { usePlayground } from './usePlayground.js';
import { verdictPane } from './panes/Verdict.js';
import { PANES } from './panes/index.js';
import type { PaneContext } from './panes/types.js';
import type { EditorController } from './editors/ScenarioEditor.js';
import { saveBackup, VIEW_KEY } from './state/persist.js';
import type { TabId } from './state/split.js';
import { DEFAULT_EXAMPLE, EXAMPLES } from './examples.js';
import { installTestHook } from './testHook.js';

/** What an empty tab means, and what to type there. */
const EMPTY_HINT: Partial<Record<TabId, string>> = {
  oldObject: 'No old object (null): the stored object of an UPDATE or DELETE goes here.',
  request: 'Derived from the object (operation CREATE, its resource, name and namespace). Type e.g. "operation: UPDATE" or userInfo: {username: …, groups: […]}.',
  namespace: "Derived from the object's namespace (no labels). Type a Namespace to give it labels, or null for a namespace that does not exist.",
  policy: 'No policies: paste MutatingAdmissionPolicies, bindings, params and CRDs here, separated by ---.',
};

const ScenarioEditor = lazy(() => import('./editors/ScenarioEditor.js'));

function loadView(): { tab: TabId; pane: string } {
  try {
    const v = JSON.parse(localStorage.getItem(VIEW_KEY) ?? '{}') as { tab?: TabId; pane?: string };
    return { tab: v.tab ?? 'policy', pane: v.pane ?? 'diff' };
  } catch {
    return { tab: 'policy', pane: 'diff' };
  }
}

/** A scenario file has scenario keys; anything else is read as Kubernetes manifests. */
function isScenarioFile(text: string): boolean {
  try {
    const v = parse(text.split(/^---\s*$/m)[0]) as Record<string, unknown> | null;
    return !!v && typeof v === 'object' && !('kind' in v) && ('object' in v || 'policies' in v || 'oldObject' in v);
  } catch {
    return false;
  }
}

export function App() {
  const pg = usePlayground();
  const [view, setView] = useState(loadView);
  const [toast, setToast] = useState<string | null>(null);
  const editor = useRef<EditorController | null>(null);
  const [dark, setDark] = useState(() => matchMedia('(prefers-color-scheme: dark)').matches);
  // Monaco (3.5 MB of JS to compile) waits for the first result, which must not queue behind it
  const [editorWanted, setEditorWanted] = useState(false);
  useEffect(() => {
    if (pg.evaluated || pg.engineError) return setEditorWanted(true);
    const t = setTimeout(() => setEditorWanted(true), 1500);
    return () => clearTimeout(t);
  }, [pg.evaluated, pg.engineError]);

  useEffect(() => localStorage.setItem(VIEW_KEY, JSON.stringify(view)), [view]);
  useEffect(() => {
    const m = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setDark(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  useEffect(() => {
    if (pg.initial?.notice) setToast(pg.initial.notice);
  }, [pg.initial]);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(t);
  }, [toast]);

  const keep = () => saveBackup(localStorage, { text: pg.text, drafts: pg.drafts });
  const say = (m: string) => setToast(m);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      say(`${what} copied.`);
    } catch {
      say(`Could not use the clipboard. ${what}: ${text}`);
    }
  };
  const download = useCallback(() => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([pg.text], { type: 'application/yaml' }));
    a.download = 'scenario.yaml';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }, [pg.text]);
  const share = useCallback(async () => copy(await pg.shareLink(), 'Link'), [pg.shareLink]);

  const openFiles = useCallback(
    async (list: FileList | File[]) => {
      const files = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
      if (files.length === 0) return;
      keep();
      if (files.length === 1 && isScenarioFile(files[0].text)) {
        pg.replaceText(files[0].text);
        return say(`Opened ${files[0].name}.`);
      }
      try {
        const r = await pg.client.call('manifests', { files });
        if (r.text) {
          pg.replaceText(r.text);
          say(`Sorted ${files.length} file(s) into a scenario.${r.messages.length ? ' ' + r.messages.join(' ') : ''}`);
        } else say(`Could not make a scenario of ${files.map((f) => f.name).join(', ')}: ${r.messages.join(' ')}`);
      } catch (e) {
        say(String(e instanceof Error ? e.message : e));
      }
    },
    [pg.text, pg.drafts],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === 's' && !e.shiftKey) (e.preventDefault(), download());
      else if (k === 'c' && e.shiftKey) (e.preventDefault(), void share());
      else if (k === 'o' && !e.shiftKey) (e.preventDefault(), document.querySelector<HTMLInputElement>('input[type=file]')?.click());
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [download, share]);

  useEffect(() => installTestHook(pg, editor), [pg]);

  const ctx: PaneContext = useMemo(
    () => ({ problems: pg.placed.listed, unplaced: pg.placed.unplaced, jump: (p) => editor.current?.reveal(p.tab, p.range), dark, engineError: pg.engineError, busy: false }),
    [pg.placed, dark, pg.engineError],
  );
  const pane = PANES.find((p) => p.id === view.pane) ?? PANES[0];
  // panes format whole objects: only when the result (or the problems) change, not per keystroke
  const paneBody = useMemo(() => pane.render(pg.evaluated, ctx), [pane, pg.evaluated, ctx]);
  const notes = pg.evaluated?.scenario?.notes;

  return (
    <div
      className="app"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        if (e.dataTransfer.files.length) void openFiles(e.dataTransfer.files);
      }}
    >
      <Toolbar
        current={EXAMPLES.find((x) => x.text === pg.text)?.name ?? ''}
        version={pg.version}
        onVersion={pg.setVersion}
        onExample={(name) => {
          keep();
          pg.replaceText(EXAMPLES.find((x) => x.name === name)!.text);
        }}
        onOpen={(f) => void openFiles(f)}
        onDownload={download}
        onShare={() => void share()}
        onCopyCommand={() => void copy('npx map-playground eval scenario.yaml', 'Command')}
        onReset={() => {
          keep();
          pg.replaceText(DEFAULT_EXAMPLE.text);
          say('Back to the default example. Your previous scenario is kept: use "Restore" to get it back.');
        }}
      />
      {toast ? (
        <div className="toast" role="status" data-testid="toast">
          {toast}
          {pg.initial?.backup || toast.includes('Restore') ? <button onClick={() => (pg.restoreBackup(), setToast(null))}>Restore</button> : null}
          <button aria-label="Dismiss" onClick={() => setToast(null)}>×</button>
        </div>
      ) : null}
      <main className="columns">
        <section className="inputs" aria-label="Inputs">
          {pg.ready && !editorWanted ? <pre className="code loading">{pg.tabTexts[view.tab]}</pre> : null}
          {pg.ready && editorWanted ? (
            <Suspense fallback={<pre className="code loading">{pg.tabTexts[view.tab]}</pre>}>
              <ScenarioEditor
                texts={pg.tabTexts}
                active={view.tab}
                readOnly={pg.readOnly}
                problems={pg.placed.markers}
                onActivate={(tab) => setView((v) => ({ ...v, tab }))}
                onEdit={pg.editTab}
                onReady={(c) => (editor.current = c)}
              />
            </Suspense>
          ) : null}
          {!pg.ready ? <p className="empty">Loading…</p> : null}
          {pg.ready && pg.tabTexts[view.tab].trim() === '' && EMPTY_HINT[view.tab] ? <div className="draft-note hint-note">{EMPTY_HINT[view.tab]}</div> : null}
          {pg.drafts[view.tab] ? <div className="draft-note">This tab has a YAML error: the scenario keeps its last valid version until you fix it.</div> : null}
        </section>
        <section className="outputs" aria-label="Results">
          {verdictPane.render(pg.evaluated, { ...ctx, busy: pg.busy })}
          {notes ? <details className="notes"><summary>Notes</summary><p>{notes}</p></details> : null}
          <div className="tabs" role="tablist" aria-label="Outputs">
            {PANES.map((p) => {
              const n = p.badge?.(pg.evaluated, ctx) ?? 0;
              return (
                <button key={p.id} role="tab" aria-selected={p.id === pane.id} className={p.id === pane.id ? 'tab active' : 'tab'} data-pane={p.id} onClick={() => setView((v) => ({ ...v, pane: p.id }))}>
                  {p.title}
                  {n > 0 ? <span className={p.id === 'problems' ? 'badge' : 'badge neutral'}>{n}</span> : null}
                </button>
              );
            })}
          </div>
          <div className="pane" data-testid={`pane-${pane.id}`}>{paneBody}</div>
        </section>
      </main>
      <footer className="footer">
        Runs offline in your browser. Shortcuts: {MOD}+S download · {MOD}+Shift+C copy link · Ctrl+Space complete CEL
      </footer>
    </div>
  );
}
