import { useEffect, useState } from 'react';
import type { PublicationItem, PublicationFilter } from '../../../shared/ipc/publication.ts';
import { documentKindLabels, interpretationStatusLabels, publicationMessages, publicationStatusLabels } from '../../../shared/messages/publication.ts';
import '../inspection/inspection.css';
import { yearChoices } from '../lib/years.ts';
import { publication as m } from '../messages/publication.ts';
import { PublishDialog } from '../publication/PublishDialog.tsx';
import { usePublications } from '../stores/publications.ts';
import { useRoute } from '../stores/route.ts';
import { hasRole, useSession } from '../stores/session.ts';
import { CountChips } from '../components/CountChips.tsx';

const statusClass = { due: 'open', overdue: 'overdue', published: 'answered' } as const;

/** The 待发布 page: what is due, what is overdue, what was released and whether on time, per year. */
export function PublicationsView() {
  const { filter, queue, setFilter, reload } = usePublications();
  const user = useSession((s) => s.user);
  const go = useRoute((s) => s.go);
  const [publishing, setPublishing] = useState<PublicationItem | null>(null);
  useEffect(() => void reload(), [reload]);

  const canPublish = hasRole(user, 'reviewer', 'drafter', 'admin');
  const rows = queue?.rows ?? [];
  const name = (r: PublicationItem) => r.title ?? r.docNumber ?? `#${r.documentId}`;

  return (
    <div className="view requests-view publications-view">
      <header className="view-head">
        <h1>{m.title}</h1>
      </header>
      {queue && <p className="small muted">{m.today(queue.today)}</p>}
      {rows.some((r) => r.calendarIncomplete) && <p className="banner banner-warn">{m.calendarIncomplete}</p>}
      {queue && queue.interpretationsOverdue > 0 && <p className="banner banner-warn">{m.interpretationsOverdue(queue.interpretationsOverdue)}</p>}
      {queue && (
        <CountChips
          label={m.filters.status}
          counts={m.counts(queue.counts.due, queue.counts.overdue, queue.counts.published)}
          active={filter.status}
          onToggle={(status) => void setFilter({ status: status as PublicationFilter['status'] })}
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
      </div>
      <div className="requests-grid">
        <div className="audit-table-wrap">
          <table className="audit-table requests-table" aria-label={m.title}>
            <thead>
              <tr>
                <th>{m.columns.title}</th>
                <th>{m.columns.kind}</th>
                <th>{m.columns.formed}</th>
                <th>{m.columns.due}</th>
                <th>{m.columns.status}</th>
                <th>{m.columns.interpretation}</th>
                <th>{m.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.documentId} className={`request-row req-${statusClass[r.status]}`}>
                  <td className="request-subject">
                    <button type="button" className="btn-link" onClick={() => go({ view: 'document', documentId: r.documentId })}>{name(r)}</button>
                    {r.docNumber && r.title && <span className="small muted">{r.docNumber}</span>}
                  </td>
                  <td className="small">{documentKindLabels[r.kind]}</td>
                  <td className="small">{r.deadline.from}</td>
                  <td className="deadline-cell">
                    <strong className={r.status === 'overdue' ? 'overdue-text' : ''}>{r.deadline.due}</strong>
                    {r.deadline.enforcement && <span className="small muted">{m.enforcement}</span>}
                    {r.workingDaysLeft !== null && <span className={`small ${r.workingDaysLeft < 0 ? 'overdue-text' : 'muted'}`}>{m.daysLeft(r.workingDaysLeft)}</span>}
                  </td>
                  <td>
                    <span className={`deadline-badge deadline-${r.status === 'published' ? (r.onTime ? 'answered' : 'answered-late') : statusClass[r.status]}`}>{publicationStatusLabels[r.status]}</span>
                    {r.firstPublishedOn && <span className="small muted"> {m.publishedOn(r.firstPublishedOn, r.onTime)}</span>}
                  </td>
                  <td className="small">
                    {r.interpretation.status === 'not-needed' && r.interpretation.reason === null ? '—' : interpretationStatusLabels[r.interpretation.status]}
                    {r.interpretation.due && <span className="muted"> {r.interpretation.due}</span>}
                  </td>
                  <td className="request-actions">
                    <button type="button" className="btn-small" onClick={() => go({ view: 'document', documentId: r.documentId })}>{m.open}</button>
                    {canPublish && <button type="button" className="btn-small" onClick={() => setPublishing(r)}>{m.publish}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {queue && rows.length === 0 && <div className="empty-state">{m.empty}</div>}
        </div>
        <aside className="card often-card" aria-label={m.rateTitle}>
          <h2>{m.rateTitle}</h2>
          <p className="small muted">{m.rateHint}</p>
          <ul className="often-list">
            {(queue?.years ?? []).map((y) => (
              <li key={y.year}>{m.rateLine(y.year, y.onTime, y.published + y.overdue, publicationMessages.percent(y.onTimeRate))}</li>
            ))}
          </ul>
        </aside>
      </div>
      {publishing && <PublishDialog documentId={publishing.documentId} name={name(publishing)} due={publishing.deadline.due} onClose={() => setPublishing(null)} />}
    </div>
  );
}
