// Trace pane: per policy × binding × param and pass, whether it matched (or why not), each
// match condition's value or error, each mutation's output and the object after it.
import type { TraceEntry } from '../../engine/types.js';
import { toYaml } from '../format.js';
import { noResult, type OutputPane } from './types.js';

const OUTCOME: Record<TraceEntry['outcome'], string> = {
  applied: 'applied',
  'not-matched': 'not matched',
  'condition-false': 'match condition false',
  'error-ignored': 'error ignored (failurePolicy: Ignore)',
  rejected: 'rejected',
};

function Entry({ t }: { t: TraceEntry }) {
  return (
    <li className={`trace-entry outcome-${t.outcome}`} data-testid="trace-entry">
      <div className="trace-head">
        <span className="outcome">{OUTCOME[t.outcome]}</span>
        <span className="who">
          <b>{t.policy}</b>
          {t.binding ? <> · binding <b>{t.binding}</b></> : null}
          {t.param ? <> · param <b>{t.param}</b></> : null}
        </span>
        <span className="pass">{t.reinvocation ? 'reinvocation pass' : 'first pass'}</span>
      </div>
      {t.reason ? <div className="reason">{t.reason}</div> : null}
      {t.matchConditions.length > 0 ? (
        <table className="conditions">
          <tbody>
            {t.matchConditions.map((c, i) => (
              <tr key={i}>
                <td>matchCondition <code>{c.name}</code></td>
                <td className={c.error ? 'bad' : c.result ? 'good' : 'off'}>{c.error ? `error: ${c.error}` : String(c.result)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {t.mutations.map((m) => (
        <div key={m.index} className="mutation">
          <div>
            mutation [{m.index}] <code>{m.patchType}</code>
            {m.error ? <span className="bad"> error: {m.error}</span> : null}
          </div>
          {m.output != null ? (
            <details open={t.mutations.length === 1}>
              <summary>output</summary>
              <pre className="code small">{toYaml(m.output)}</pre>
            </details>
          ) : null}
          {m.objectAfter !== undefined ? (
            <details>
              <summary>object after this mutation</summary>
              <pre className="code small">{toYaml(m.objectAfter)}</pre>
            </details>
          ) : null}
        </div>
      ))}
    </li>
  );
}

export const tracePane: OutputPane = {
  id: 'trace',
  title: 'Trace',
  render(ev, ctx) {
    const r = ev?.result;
    if (!r) return <p className="empty">{noResult(ev, ctx)}</p>;
    if (r.trace.length === 0) return <p className="empty">No policy was invoked (no policy, or no binding).</p>;
    return <ol className="trace">{r.trace.map((t, i) => <Entry key={i} t={t} />)}</ol>;
  },
};
