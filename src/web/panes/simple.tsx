// Final object and JSON Patch panes: plain text, selectable and copyable.
import { toJson, toYaml } from '../format.js';
import { noResult, type OutputPane } from './types.js';

export const finalPane: OutputPane = {
  id: 'final',
  title: 'Final object',
  render(ev, ctx) {
    const r = ev?.result;
    if (!r) return <p className="empty">{noResult(ev, ctx)}</p>;
    if (r.object == null) return <p className="empty">No object: {r.allowed ? 'the request has none (DELETE).' : 'the request was denied.'}</p>;
    return <pre className="code" data-testid="final-object">{toYaml(r.object)}</pre>;
  },
};

export const patchPane: OutputPane = {
  id: 'patch',
  title: 'JSON Patch',
  badge: (ev) => ev?.result?.patch.length ?? 0,
  render(ev, ctx) {
    const r = ev?.result;
    if (!r) return <p className="empty">{noResult(ev, ctx)}</p>;
    return (
      <>
        <p className="hint">RFC 6902, from the object as decoded to the final object (what an admission webhook would return).</p>
        <pre className="code" data-testid="patch">{toJson(r.patch)}</pre>
      </>
    );
  },
};
