import type { SessionStatus } from '../../../shared/ipc/records.ts';
import { startupAuditText } from '../lib/startup-audit.ts';
import { session as m } from '../messages/session.ts';

/** The start-up verification of the audit chain (still running, or its result), and any problem opening the database. */
export function AuditStatusLine({ status }: { status: SessionStatus }) {
  const { audit, database } = status;
  const alarming = audit !== null && (audit.state === 'failed' || (audit.state === 'done' && !audit.report.intact));
  return (
    <div className="gate-status small">
      <p className="muted">{m.dataFolder}：{database.path}</p>
      {database.problem && <p className="field-error" role="alert">{database.problem.message}</p>}
      {audit && (
        <p className={audit.state === 'checking' ? 'muted' : alarming ? 'field-error' : 'ok-text'} role={alarming ? 'alert' : 'status'}>
          {startupAuditText(audit)}
        </p>
      )}
    </div>
  );
}
