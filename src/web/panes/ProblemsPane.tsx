// Problems pane: every diagnostic and YAML error; clicking one jumps to its place.
import { TAB_TITLES } from '../state/split.js';
import type { OutputPane } from './types.js';

export const problemsPane: OutputPane = {
  id: 'problems',
  title: 'Problems',
  badge: (_ev, ctx) => ctx.problems.length + ctx.unplaced.length,
  render(_ev, ctx) {
    const shown = ctx.problems;
    if (shown.length === 0 && ctx.unplaced.length === 0) return <p className="empty">No problems.</p>;
    return (
      <ul className="problems" data-testid="problems">
        {shown.map((p, i) => (
          <li key={i} className={`sev-${p.severity}`}>
            <button className="link" onClick={() => ctx.jump(p)}>
              {TAB_TITLES[p.tab]} {p.range.startLineNumber}:{p.range.startColumn}
            </button>{' '}
            <span className="message">{p.message}</span>
          </li>
        ))}
        {ctx.unplaced.map((m, i) => (
          <li key={`u${i}`} className="sev-error">
            <span className="message">{m}</span>
          </li>
        ))}
      </ul>
    );
  },
};
