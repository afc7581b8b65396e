// Monaco's diff editor: the object as the server decoded it vs the final object (lazy chunk).
import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor';
import { monaco, themeName } from '../monaco/setup.js';

export default function DiffEditor({ original, modified }: { original: string; modified: string }) {
  const host = useRef<HTMLDivElement>(null);
  const diff = useRef<{ ed: Monaco.editor.IStandaloneDiffEditor; a: Monaco.editor.ITextModel; b: Monaco.editor.ITextModel } | null>(null);
  useEffect(() => {
    const ed = monaco.editor.createDiffEditor(host.current!, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      theme: themeName(),
      hideUnchangedRegions: { enabled: false },
    });
    const a = monaco.editor.createModel(original, 'yaml');
    const b = monaco.editor.createModel(modified, 'yaml');
    ed.setModel({ original: a, modified: b });
    diff.current = { ed, a, b };
    return () => {
      ed.dispose();
      a.dispose();
      b.dispose();
    };
  }, []);
  useEffect(() => {
    const d = diff.current;
    if (!d) return;
    if (d.a.getValue() !== original) d.a.setValue(original);
    if (d.b.getValue() !== modified) d.b.setValue(modified);
  }, [original, modified]);
  return <div className="diff-host" ref={host} data-testid="diff" />;
}
