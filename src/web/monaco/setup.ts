// Monaco, bundled (no CDN) and configured once at module scope: the core editor without the
// TypeScript/CSS/HTML/JSON services, the YAML tokenizer, our CEL completions and the themes that
// follow the system. Loaded lazily: the result shows before the editor does.
import * as core from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import type * as Monaco from 'monaco-editor';
import { CEL_VARIABLES, celCompletions, celContext, expressionRanges } from '../editors/cel.js';

export const monaco = core as typeof Monaco;

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };


const KIND = {
  variable: monaco.languages.CompletionItemKind.Variable,
  field: monaco.languages.CompletionItemKind.Field,
  function: monaco.languages.CompletionItemKind.Function,
  macro: monaco.languages.CompletionItemKind.Keyword,
};

monaco.languages.registerCompletionItemProvider('yaml', {
  triggerCharacters: ['.'],
  provideCompletionItems(model, position) {
    const offset = model.getOffsetAt(position);
    const text = model.getValue();
    const range = expressionRanges(text).find(([s, e]) => offset > s && offset <= e);
    if (!range) return { suggestions: [] };
    const prefix = text.slice(range[0], offset).replace(/^["'>|][-+]?\s*/, '');
    const word = model.getWordUntilPosition(position);
    const replace = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
    const suggestions = celCompletions(prefix, celContext.current).map((c, i) => ({
      label: c.label,
      kind: KIND[c.kind],
      detail: c.detail.split('\n')[0],
      documentation: c.detail.includes('\n') ? { value: '```\n' + c.detail + '\n```' } : undefined,
      insertText: c.insertText,
      range: replace,
      sortText: String(i).padStart(4, '0'),
    }));
    return { suggestions };
  },
});

// hover: the signatures of a library function, the meaning of a variable
monaco.languages.registerHoverProvider('yaml', {
  provideHover(model, position) {
    const offset = model.getOffsetAt(position);
    if (!expressionRanges(model.getValue()).some(([s, e]) => offset >= s && offset <= e)) return null;
    const word = model.getWordAtPosition(position);
    if (!word) return null;
    const fn = celContext.current.functions.find((f) => f.name === word.word);
    const v = CEL_VARIABLES.find((x) => x.name === word.word);
    const text = fn ? '```\n' + fn.signatures.join('\n') + '\n```' : v ? `**${v.name}**: ${v.doc}` : null;
    if (!text) return null;
    return { range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn), contents: [{ value: text }] };
  },
});

const dark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
export const themeName = () => (dark() ? 'vs-dark' : 'vs');
if (typeof matchMedia === 'function') {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => monaco.editor.setTheme(themeName()));
}
