import type { AuditEntryView, People } from '../../../shared/ipc/records.ts';
import { auditActionLabels } from '../../../shared/messages/records.ts';
import { returnGroundLabels } from '../../../shared/messages/channels.ts';
import type { ReturnGround } from '../../../shared/return-grounds.ts';
import { formatTime } from '../lib/format.ts';
import { actorLabel } from '../lib/people.ts';
import { roleLabels } from '../messages/common.ts';
import { workspace as m } from '../messages/workspace.ts';

/** The short human line for an entry's payload: reasons and comments are what a reader looks for. */
export function payloadSummary(payload: unknown): string | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  // A 退文 is read by its grounds first, then what the reviewer wrote.
  const grounds = Array.isArray(p.grounds) ? (p.grounds as ReturnGround[]).map((g) => returnGroundLabels[g] ?? g) : [];
  for (const key of ['reason', 'comment', 'justification', 'path', 'fileName']) {
    const v = p[key];
    if (typeof v === 'string' && v.trim() !== '') return [...grounds, v].join('；');
  }
  return grounds.length > 0 ? grounds.join('；') : null;
}

export function HistoryPanel({ history, people }: { history: readonly AuditEntryView[]; people: People }) {
  const newestFirst = [...history].reverse();
  return (
    <section className="history-panel" aria-label={m.history}>
      <h2>{m.history}</h2>
      {newestFirst.length === 0 && <p className="muted small">{m.historyEmpty}</p>}
      <ol>
        {newestFirst.map((e) => {
          const summary = payloadSummary(e.payload);
          return (
            <li key={e.seq} className={`history-entry action-${e.action.replace('.', '-')}`}>
              <span className="history-action">{auditActionLabels[e.action] ?? e.action}</span>
              <span className="history-who">{actorLabel(e.user, e.role ? roleLabels[e.role] : null, people)}</span>
              <time className="history-time" dateTime={e.time}>{formatTime(e.time)}</time>
              {summary && <span className="history-summary">{summary}</span>}
              {e.signature && <span className="badge badge-signed">Ed25519</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
