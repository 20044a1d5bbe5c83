import type { SessionStatus } from '../../../shared/ipc/records.ts';
import { session as m } from '../messages/session.ts';

/** The start-up verification of the audit chain, and any problem opening the database. */
export function AuditStatusLine({ status }: { status: SessionStatus }) {
  const { audit, database } = status;
  return (
    <div className="gate-status small">
      <p className="muted">{m.dataFolder}：{database.path}</p>
      {database.problem && <p className="field-error" role="alert">{database.problem.message}</p>}
      {audit && (
        <p className={audit.intact ? 'ok-text' : 'field-error'} role={audit.intact ? undefined : 'alert'}>
          {m.auditStatus}：{audit.intact ? m.auditIntact : audit.firstBroken ? `${m.auditBroken(audit.firstBroken.seq)}：${audit.firstBroken.message}` : m.auditBroken(0)}
        </p>
      )}
    </div>
  );
}
