// The input editor: one Monaco editor, one model per tab (file:///<tab>.yaml), markers for every
// problem placed in that tab, CEL highlighting over `expression:` strings.
import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor';
import { monaco, themeName } from '../monaco/setup.js';
import { TAB_IDS, TAB_TITLES, type TabId, type TabRange } from '../state/split.js';
import { celSpan, celTokens, expressionRanges } from './cel.js';

export type { Problem } from '../state/problems.js';
import type { Problem } from '../state/problems.js';

export interface EditorController {
  reveal(tab: TabId, range: TabRange): void;
  /** the text a tab's model holds (test hook) */
  value(tab: TabId): string;
  /** replaces a tab's text as if typed (test hook) */
  type(tab: TabId, text: string): void;
}

interface Props {
  readonly texts: Record<TabId, string>;
  readonly active: TabId;
  readonly readOnly: ReadonlySet<TabId>;
  readonly problems: readonly Problem[];
  onActivate(tab: TabId): void;
  onEdit(tab: TabId, text: string): void;
  onReady(c: EditorController): void;
}

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };

function celDecorations(model: Monaco.editor.ITextModel): Monaco.editor.IModelDeltaDecoration[] {
  const text = model.getValue();
  const out: Monaco.editor.IModelDeltaDecoration[] = [];
  const range = (s: number, e: number) => monaco.Range.fromPositions(model.getPositionAt(s), model.getPositionAt(e));
  for (const [s, e] of expressionRanges(text)) {
    out.push({ range: range(s, e), options: { inlineClassName: 'cel-expr', hoverMessage: undefined } });
    const [a, b] = celSpan(text.slice(s, e));
    for (const t of celTokens(text.slice(s + a, s + b))) out.push({ range: range(s + a + t.start, s + a + t.end), options: { inlineClassName: `cel-${t.kind}` } });
  }
  return out;
}

export default function ScenarioEditor(props: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<TabId, Monaco.editor.ITextModel>());
  const views = useRef(new Map<TabId, Monaco.editor.ICodeEditorViewState | null>());
  const decorations = useRef(new Map<TabId, string[]>());
  const applying = useRef(false);
  /** texts each model sent up since the last outside change: echoes of them must not be written
   * back (the visitor may have typed further meanwhile; rewriting would eat keystrokes) */
  const emitted = useRef(new Map<TabId, string[]>());
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const ed = monaco.editor.create(host.current!, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      theme: themeName(),
      wordBasedSuggestions: 'off',
      quickSuggestions: { strings: true, other: true, comments: false },
      renderWhitespace: 'selection',
      fixedOverflowWidgets: true,
      // long CEL lines wrap instead of scrolling the page sideways
      wordWrap: 'on',
      stickyScroll: { enabled: false },
      wrappingIndent: 'indent',
    });
    editor.current = ed;
    const subs: Monaco.IDisposable[] = [];
    for (const tab of TAB_IDS) {
      const model = monaco.editor.createModel(latest.current.texts[tab], 'yaml', monaco.Uri.parse(`file:///${tab}.yaml`));
      models.current.set(tab, model);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const decorate = () => decorations.current.set(tab, model.deltaDecorations(decorations.current.get(tab) ?? [], celDecorations(model)));
      decorate();
      subs.push(
        model.onDidChangeContent(() => {
          clearTimeout(timer);
          timer = setTimeout(decorate, 200);
          if (applying.current) return;
          const value = model.getValue();
          const sent = emitted.current.get(tab) ?? [];
          sent.push(value);
          if (sent.length > 50) sent.shift();
          emitted.current.set(tab, sent);
          latest.current.onEdit(tab, value);
        }),
      );
    }
    ed.setModel(models.current.get(latest.current.active)!);
    latest.current.onReady({
      reveal(tab, range) {
        latest.current.onActivate(tab);
        // the model switch happens in the effect below; reveal after it
        setTimeout(() => {
          // a collapsed cursor: selecting one character would highlight all its occurrences
          ed.setPosition({ lineNumber: range.startLineNumber, column: range.startColumn });
          ed.revealRangeInCenter(range);
          ed.focus();
        }, 0);
      },
      value: (tab) => models.current.get(tab)!.getValue(),
      type(tab, text) {
        const m = models.current.get(tab)!;
        m.pushEditOperations([], [{ range: m.getFullModelRange(), text }], () => null);
      },
    });
    return () => {
      subs.forEach((s) => s.dispose());
      ed.dispose();
      for (const m of models.current.values()) m.dispose();
      models.current.clear();
    };
  }, []);

  // keep the other tabs in step with the scenario; never rewrite text the user has just typed
  useEffect(() => {
    applying.current = true;
    try {
      for (const tab of TAB_IDS) {
        const m = models.current.get(tab);
        const text = props.texts[tab];
        if (!m || m.getValue() === text || emitted.current.get(tab)?.includes(text)) continue;
        emitted.current.delete(tab);
        m.pushEditOperations([], [{ range: m.getFullModelRange(), text }], () => null);
      }
    } finally {
      applying.current = false;
    }
  }, [props.texts]);

  useEffect(() => {
    const ed = editor.current;
    const m = models.current.get(props.active);
    if (!ed || !m || ed.getModel() === m) return;
    const prev = ed.getModel();
    const prevTab = TAB_IDS.find((t) => models.current.get(t) === prev);
    if (prevTab) views.current.set(prevTab, ed.saveViewState());
    ed.setModel(m);
    const v = views.current.get(props.active);
    if (v) ed.restoreViewState(v);
  }, [props.active]);

  useEffect(() => {
    editor.current?.updateOptions({ readOnly: props.readOnly.has(props.active) });
  }, [props.active, props.readOnly]);

  useEffect(() => {
    for (const tab of TAB_IDS) {
      const m = models.current.get(tab);
      if (!m) continue;
      const markers = props.problems
        .filter((p) => p.tab === tab)
        .map((p) => ({ ...p.range, message: p.message, severity: SEVERITY[p.severity] }));
      monaco.editor.setModelMarkers(m, 'playground', markers);
    }
  }, [props.problems]);

  const counts = new Map<TabId, number>();
  for (const p of props.problems) if (p.severity === 'error' && p.tab !== 'scenario') counts.set(p.tab, (counts.get(p.tab) ?? 0) + 1);
  return (
    <div className="editor">
      <div className="tabs" role="tablist" aria-label="Inputs">
        {TAB_IDS.map((t) => (
          <button key={t} role="tab" aria-selected={t === props.active} className={t === props.active ? 'tab active' : 'tab'} data-tab={t} onClick={() => props.onActivate(t)}>
            {TAB_TITLES[t]}
            {counts.get(t) ? <span className="badge" title={`${counts.get(t)} problem(s)`}>{counts.get(t)}</span> : null}
          </button>
        ))}
      </div>
      <div className="monaco-host" ref={host} data-testid="editor" />
    </div>
  );
}
