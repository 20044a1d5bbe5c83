import type { SessionStatus } from '../../../shared/ipc/records.ts';
import { startupAuditText } from '../lib/startup-audit.ts';
import { session as m } from '../messages/session.ts';
import { useSession } from '../stores/session.ts';

/** The start-up verification of the audit chain (still running, or its result), and any problem opening the database. */
export function AuditStatusLine({ status }: { status: SessionStatus }) {
  const { audit, database } = status;
  const { restoreFromBackup, busy } = useSession();
  const alarming = audit !== null && (audit.state === 'failed' || (audit.state === 'done' && !audit.report.intact));
  return (
    <div className="gate-status small">
      <p className="muted">{m.dataFolder}：{database.path}</p>
      {database.problem && (
        <>
          <p className="field-error" role="alert">{database.problem.message}</p>
          <p className="muted">{m.restoreHint}</p>
          <button type="button" disabled={busy} onClick={() => void restoreFromBackup()}>{m.restoreFromBackup}</button>
        </>
      )}
      {audit && (
        <p className={audit.state === 'checking' ? 'muted' : alarming ? 'field-error' : 'ok-text'} role={alarming ? 'alert' : 'status'}>
          {startupAuditText(audit)}
        </p>
      )}
    </div>
  );
}
