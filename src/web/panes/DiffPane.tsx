// Diff pane: what the policies changed (decoded object -> final object), with what decoding
// itself defaulted listed apart, so defaults are not mistaken for mutations.
import { lazy, Suspense } from 'react';
import { oneLine, toYaml } from '../format.js';
import { noResult, type OutputPane } from './types.js';

const DiffEditor = lazy(() => import('./DiffEditor.js'));

export const diffPane: OutputPane = {
  id: 'diff',
  title: 'Diff',
  render(ev, ctx) {
    const r = ev?.result;
    if (!r) return <p className="empty">{noResult(ev, ctx)}</p>;
    const before = r.decodedObject == null ? '' : toYaml(r.decodedObject);
    const after = r.object == null ? '' : toYaml(r.object);
    const defaults = r.decodingDefaults ?? [];
    return (
      <div className="diff-pane">
        <p className="hint">
          Object as decoded by the server (left/red) → after admission (right/green).
          {r.object == null ? ' The request was denied: there is no final object.' : ''}
        </p>
        <Suspense fallback={<pre className="code" data-testid="diff-fallback">{after}</pre>}>
          <DiffEditor original={before} modified={after} />
        </Suspense>
        {defaults.length > 0 ? (
          <details className="defaults">
            <summary>Defaulted when the request was decoded ({defaults.length}), not by a policy</summary>
            <ul>{defaults.map((op, i) => <li key={i}><code>{oneLine(op)}</code></li>)}</ul>
          </details>
        ) : null}
      </div>
    );
  },
};
