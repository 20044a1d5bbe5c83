import type { ImportStatus } from '../../../shared/ipc/records.ts';
import { importing as m } from '../messages/register.ts';

interface ImportPanelProps {
  status: ImportStatus;
  onCancel(): void;
  onClose(): void;
}

/** Progress of one batch; errors are listed per file while the rest of the batch goes on. */
export function ImportPanel({ status, onCancel, onClose }: ImportPanelProps) {
  const ok = status.done - status.errors.length;
  return (
    <section className="import-panel" aria-label={m.title}>
      <header className="panel-head">
        <h2>{m.title}</h2>
        {status.finished ? (
          <button type="button" className="btn-small" onClick={onClose}>{m.close}</button>
        ) : (
          <button type="button" className="btn-small" onClick={onCancel}>{m.cancel}</button>
        )}
      </header>
      <progress max={status.total} value={status.done} aria-label={m.progress(status.done, status.total)} />
      <p className="import-count">{m.progress(status.done, status.total)}</p>
      {!status.finished && status.current && (
        <p className="import-current small muted">
          {m.current}：{status.current}
        </p>
      )}
      {status.finished && <p className="import-result" role="status">{status.cancelled ? m.cancelled : m.finished(ok, status.errors.length)}</p>}
      {status.errors.length > 0 && (
        <div className="import-errors">
          <h3>{m.errors}（{status.errors.length}）</h3>
          <ul>
            {status.errors.map((e) => (
              <li key={e.file}>
                <span className="import-error-file">{e.file.split(/[\\/]/).pop()}</span>
                <span className="import-error-message">{e.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
