// `window.__playground`: what the browser tests drive and read (no engine code on the page: the
// expect check runs in the worker).
import type { RefObject } from 'react';
import type { EditorController } from './editors/ScenarioEditor.js';
import type { usePlayground } from './usePlayground.js';
import type { TabId } from './state/split.js';
import { EXAMPLES } from './examples.js';
import type { Calls } from './worker/protocol.js';

type Playground = ReturnType<typeof usePlayground>;

export interface TestHook {
  text(): string;
  setText(text: string): void;
  /** replaces a tab's text through its editor model, as typing would */
  type(tab: TabId, text: string): boolean;
  tabText(tab: TabId): string | undefined;
  /** selects a range in a tab and focuses the editor */
  reveal(tab: TabId, line: number, column: number): boolean;
  evaluated(): Playground['evaluated'];
  engineError(): string | null;
  markers(): Playground['placed']['markers'];
  check(text: string): Promise<Calls['check']['result']>;
  examples: readonly { name: string; text: string }[];
}

declare global {
  interface Window {
    __playground?: TestHook;
  }
}

export function installTestHook(pg: Playground, editor: RefObject<EditorController | null>): void {
  window.__playground = {
    text: () => pg.text,
    setText: pg.replaceText,
    type: (tab, text) => (editor.current ? (editor.current.type(tab, text), true) : false),
    tabText: (tab) => editor.current?.value(tab),
    reveal: (tab, line, column) => (editor.current ? (editor.current.reveal(tab, { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column }), true) : false),
    evaluated: () => pg.evaluated,
    engineError: () => pg.engineError,
    markers: () => pg.placed.markers,
    check: (text) => pg.client.call('check', { text }),
    examples: EXAMPLES.map((e) => ({ name: e.name, text: e.text })),
  };
}
