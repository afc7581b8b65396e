// The verdict: what kube-apiserver answers (allowed, or denied with its message and status).
import type { Evaluated } from '../worker/protocol.js';
import type { OutputPane } from './types.js';

/** Shown above the other panes, always. */
export const verdictPane: OutputPane = {
  id: 'verdict',
  title: 'Verdict',
  render: (ev, ctx) => <Verdict ev={ev} engineError={ctx.engineError} busy={ctx.busy} />,
};

function Verdict({ ev, engineError, busy }: { ev: Evaluated | null; engineError: string | null; busy: boolean }) {
  if (engineError) {
    return (
      <div className="verdict error" role="alert" data-testid="verdict">
        <strong>Engine stopped.</strong> {engineError}
      </div>
    );
  }
  if (!ev) return <div className="verdict pending" data-testid="verdict">Evaluating…</div>;
  const r = ev.result;
  if (!r) {
    const n = ev.diagnostics.filter((d) => d.severity === 'error').length;
    return (
      <div className="verdict invalid" data-testid="verdict">
        <strong>Invalid scenario</strong>
        <span>
          {n} problem{n === 1 ? '' : 's'} (see Problems): nothing was evaluated.
        </span>
      </div>
    );
  }
  const ms = <span className="millis" title="time the engine took">{ev.millis.toFixed(0)} ms{busy ? ' …' : ''}</span>;
  if (r.allowed) {
    const n = r.patch.length;
    return (
      <div className="verdict allowed" data-testid="verdict" data-allowed="true">
        <strong>Admitted</strong> {n === 0 ? 'unchanged' : `with ${n} change${n === 1 ? '' : 's'}`}
        {r.warnings.length > 0 ? <span className="warn"> · {r.warnings.length} warning(s): {r.warnings.join('; ')}</span> : null} {ms}
      </div>
    );
  }
  return (
    <div className="verdict denied" data-testid="verdict" data-allowed="false">
      <strong>Denied</strong>
      {r.status ? <code className="status">{r.status.code} {r.status.reason}</code> : null}
      <span className="message">{r.error}</span> {ms}
    </div>
  );
}
