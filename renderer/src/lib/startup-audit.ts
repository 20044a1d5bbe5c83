import type { StartupAudit } from '../../../shared/ipc/records.ts';
import { session as m } from '../messages/session.ts';

/** One line on the start-up audit verification: still running, intact, or where the chain broke. */
export function startupAuditText(audit: StartupAudit): string {
  if (audit.state === 'checking') return `${m.auditStatus}：${m.auditChecking}`;
  if (audit.state === 'failed') return `${m.auditStatus}：${audit.message}`;
  const { report } = audit;
  if (report.intact) return `${m.auditStatus}：${m.auditIntact}`;
  return `${m.auditStatus}：${report.firstBroken ? `${m.auditBroken(report.firstBroken.seq)}：${report.firstBroken.message}` : m.auditBroken(0)}`;
}
