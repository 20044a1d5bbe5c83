import { useEffect, useState } from 'react';
import type { AppealView, RequestFilter, RequestView } from '../../../shared/ipc/inspection.ts';
import { answerStateLabels, appealKindLabels, appealPendingLabel, appealResultLabels, applicantLabels, channelLabels, deadlineLabels, outcomeRows } from '../../../shared/messages/inspection.ts';
import '../inspection/inspection.css';
import '../requests/requests.css';
import { yearChoices } from '../lib/years.ts';
import { requests as m } from '../messages/requests.ts';
import { AddRequestDialog, AnswerDialog, AppealDialog, AppealResultDialog, ExtendDialog, ReviewDialog } from '../requests/dialogs.tsx';
import { HolidayDialog } from '../requests/HolidayDialog.tsx';
import { useRequests } from '../stores/requests.ts';
import { useRoute } from '../stores/route.ts';
import { hasRole, useSession } from '../stores/session.ts';
import { CountChips } from '../components/CountChips.tsx';

type Dialog =
  | { kind: 'add' }
  | { kind: 'answer' | 'extend' | 'review' | 'appeal'; request: RequestView }
  | { kind: 'appeal-result'; request: RequestView; appeal: AppealView }
  | { kind: 'holidays' };

export function RequestsView() {
  const { filter, page, tallies, setFilter, reload, more } = useRequests();
  const user = useSession((s) => s.user);
  const go = useRoute((s) => s.go);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [minRequests, setMinRequests] = useState(2);

  useEffect(() => {
    void reload();
    window.api.getInspectionConfig().then((c) => setMinRequests(c.minRequests), () => undefined);
  }, [reload]);

  const canRecord = hasRole(user, 'reviewer', 'drafter', 'admin');
  const canExtend = hasRole(user, 'reviewer', 'admin');
  const countFor = new Map(tallies.map((t) => [t.documentId, t.count]));
  const rows = page?.rows ?? [];
  const incomplete = rows.some((r) => r.deadline.calendarIncomplete);

  return (
    <div className="view requests-view">
      <header className="view-head">
        <h1>{m.title}</h1>
        {page && <span className="muted">{m.total(page.total)}</span>}
        <span className="spacer" />
        {canRecord && <button type="button" className="btn-primary" onClick={() => setDialog({ kind: 'add' })}>{m.add}</button>}
        <button type="button" onClick={() => setDialog({ kind: 'holidays' })}>{m.holidays}</button>
      </header>
      {page && <p className="small muted">{m.today(page.today)}</p>}
      {incomplete && <p className="banner banner-warn">{m.calendarIncomplete}</p>}
      {page && (
        <CountChips
          label={m.filters.status}
          counts={m.counts(page.counts.open, page.counts.dueSoon, page.counts.overdue, page.counts.answered, page.counts.answeredLate)}
          active={filter.status}
          onToggle={(status) => void setFilter({ status: status as RequestFilter['status'] })}
        />
      )}
      <div className="filters" role="search">
        <label className="filter">
          <span>{m.filters.year}</span>
          <select value={filter.year ?? ''} onChange={(e) => void setFilter({ year: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{m.filters.all}</option>
            {yearChoices().map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="filter">
          <span>{m.filters.status}</span>
          <select value={filter.status ?? ''} onChange={(e) => void setFilter({ status: (e.target.value || undefined) as RequestFilter['status'] })}>
            <option value="">{m.filters.all}</option>
            {Object.entries(m.statusOptions).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
      </div>
      <div className="requests-grid">
        <div className="audit-table-wrap">
          <table className="audit-table requests-table" aria-label={m.title}>
            <thead>
              <tr>
                <th>{m.columns.id}</th>
                <th>{m.columns.received}</th>
                <th>{m.columns.subject}</th>
                <th>{m.columns.applicant}</th>
                <th>{m.columns.deadline}</th>
                <th>{m.columns.status}</th>
                <th>{m.columns.outcome}</th>
                <th>{m.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const d = r.deadline;
                const overdue = d.status === 'overdue' || d.status === 'answered-late';
                const open = r.outcome === null;
                const awaiting = r.answerState === 'awaiting-review';
                return (
                  <tr key={r.id} className={`request-row req-${d.status}`}>
                    <td className="mono">{r.id}</td>
                    <td>
                      {r.receivedOn}
                      {r.recordedLate && <span className="small overdue-text late-flag" title={r.recordedAt}>{m.recordedLate}</span>}
                    </td>
                    <td className="request-subject">
                      <span>{r.subject}</span>
                      {r.documentId !== null && (
                        <span className="small">
                          <button type="button" className="btn-link" onClick={() => go({ view: 'document', documentId: r.documentId! })}>{[r.docNumber, r.title].filter(Boolean).join(' ') || `#${r.documentId}`}</button>
                          <span className={`doc-tally ${(countFor.get(r.documentId) ?? 0) >= minRequests ? 'often' : ''}`}>{m.docRequests(countFor.get(r.documentId) ?? 0)}</span>
                        </span>
                      )}
                    </td>
                    <td className="small">{applicantLabels[r.applicantType]}<br /><span className="muted">{channelLabels[r.channel]}</span></td>
                    <td className="deadline-cell">
                      <strong className={overdue ? 'overdue-text' : ''}>{d.finalDue}</strong>
                      {d.workingDaysLeft !== null && <span className={`small ${d.workingDaysLeft < 0 ? 'overdue-text' : 'muted'}`}>{m.daysLeft(d.workingDaysLeft)}</span>}
                      {r.extensionDays > 0 && <span className="small extension-note">{m.originalDue(d.due)}</span>}
                      {r.extensionDays > 0 && <span className="small extension-note wrap" title={r.extensionReason ?? ''}>{m.extended(r.extensionDays, r.extensionReason ?? '')}</span>}
                    </td>
                    <td>
                      <span className={`deadline-badge deadline-${d.status}`}>{deadlineLabels[d.status]}</span>
                      {awaiting && <span className="deadline-badge answer-awaiting-review">{answerStateLabels['awaiting-review']}</span>}
                      {r.answerState === 'returned' && <span className="deadline-badge answer-returned" title={r.reviewNote ?? ''}>{answerStateLabels.returned}</span>}
                    </td>
                    <td className="small">
                      {r.outcome ? <>{outcomeRows[r.outcome].label}<br /><span className="muted">{m.answeredOn(r.answeredOn ?? '')}</span></> : awaiting && r.proposedOutcome ? <span className="muted">{`${m.proposed}：${outcomeRows[r.proposedOutcome].label}`}</span> : '—'}
                      {r.answerBasis && <><br /><span className="muted">{r.answerBasis}</span></>}
                      {r.fee !== null && <><br /><span className="muted">{m.feeLine(r.fee, r.feeWaived)}</span></>}
                      {r.appeals.map((a) => (
                        <span key={a.id} className="appeal-line">
                          <br />
                          {`${appealKindLabels[a.kind]} ${a.filedOn} ${a.body}：${a.result ? appealResultLabels[a.result] : appealPendingLabel}`}
                          {a.recordedLate && <span className="overdue-text"> {m.appealLate}</span>}
                          {a.result === null && canRecord && <button type="button" className="btn-link small" onClick={() => setDialog({ kind: 'appeal-result', request: r, appeal: a })}>{m.appealResult}</button>}
                        </span>
                      ))}
                    </td>
                    <td className="request-actions">
                      {open && !awaiting && canRecord && <button type="button" className="btn-small" onClick={() => setDialog({ kind: 'answer', request: r })}>{m.answer}</button>}
                      {awaiting && canExtend && <button type="button" className="btn-small btn-primary" onClick={() => setDialog({ kind: 'review', request: r })}>{m.review}</button>}
                      {open && canExtend && r.extensionDays === 0 && <button type="button" className="btn-small" onClick={() => setDialog({ kind: 'extend', request: r })}>{m.extend}</button>}
                      {canRecord && <button type="button" className="btn-small" onClick={() => setDialog({ kind: 'appeal', request: r })}>{m.appeal}</button>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {page && rows.length === 0 && <div className="empty-state">{m.empty}</div>}
          {page && rows.length < page.total && <button type="button" className="btn-small" onClick={() => void more()}>{m.more}</button>}
        </div>
        <aside className="card often-card" aria-label={m.often}>
          <h2>{m.often}</h2>
          <p className="small muted">{m.oftenHint(minRequests)}</p>
          {tallies.length === 0 ? (
            <p className="small muted">{m.oftenNone}</p>
          ) : (
            <ol className="often-list">
              {tallies.slice(0, 15).map((t) => (
                <li key={t.documentId} className={t.count >= minRequests ? 'often' : ''}>
                  <button type="button" className="btn-link" onClick={() => go({ view: 'document', documentId: t.documentId })}>{t.title ?? t.docNumber ?? `#${t.documentId}`}</button>
                  <strong className="often-count">{m.oftenLine(t.count)}</strong>
                </li>
              ))}
            </ol>
          )}
        </aside>
      </div>
      {dialog?.kind === 'add' && <AddRequestDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'answer' && <AnswerDialog request={dialog.request} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'extend' && <ExtendDialog request={dialog.request} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'review' && <ReviewDialog request={dialog.request} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'appeal' && <AppealDialog request={dialog.request} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'appeal-result' && <AppealResultDialog request={dialog.request} appeal={dialog.appeal} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'holidays' && <HolidayDialog canEdit={hasRole(user, 'reviewer', 'admin')} onClose={() => setDialog(null)} />}
    </div>
  );
}
