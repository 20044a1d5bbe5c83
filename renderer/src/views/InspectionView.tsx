import { useEffect, useMemo, useState } from 'react';
import { attributes } from '../../../shared/attributes.ts';
import { inspectionOutcomes, worklistRules, type InspectionOutcome, type InspectionStatus, type WorklistItem, type WorklistRule } from '../../../shared/ipc/inspection.ts';
import { inspectionOutcomeLabels, progressLabels, ruleLabels } from '../../../shared/messages/inspection.ts';
import type { Attribute } from '../../../shared/types.ts';
import '../inspection/inspection.css';
import { YearPicker } from '../components/YearPicker.tsx';
import { ConfigDialog } from '../inspection/ConfigDialog.tsx';
import { ExportBar } from '../inspection/ExportBar.tsx';
import { ProposeDialog } from '../inspection/ProposeDialog.tsx';
import { WorklistRow } from '../inspection/WorklistRow.tsx';
import { formatTime } from '../lib/format.ts';
import { useBusy } from '../lib/busy.ts';
import { accountPeople, personLabel } from '../lib/people.ts';
import { inspection as m } from '../messages/inspection.ts';
import { useInspection, WORKLIST_PAGE } from '../stores/inspection.ts';
import { useNotices } from '../stores/notices.ts';
import { useQueues } from '../stores/queues.ts';
import { useRoute } from '../stores/route.ts';
import { hasRole, useSession } from '../stores/session.ts';
import { ConfirmDialog } from '../workspace/dialogs.tsx';

interface Proposal {
  items: WorklistItem[];
  outcome?: InspectionOutcome;
}

export function InspectionView() {
  const store = useInspection();
  const { year, status, items, total, offset, filter, selected, busy } = store;
  const user = useSession((s) => s.user);
  const accounts = useSession((s) => s.status?.accounts);
  const people = useMemo(() => accountPeople(accounts), [accounts]);
  const go = useRoute((s) => s.go);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [closing, setClosing] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  const [opening, runOpen] = useBusy<'open'>();
  const [query, setQuery] = useState(filter.query ?? '');

  useEffect(() => {
    void useInspection.getState().reload();
  }, []);
  useEffect(() => {
    const t = setTimeout(() => {
      if ((filter.query ?? '') !== query) void store.setFilter({ query: query.trim() || undefined });
    }, 250);
    return () => clearTimeout(t);
  }, [query, filter.query, store]);

  const office = hasRole(user, 'reviewer', 'admin');
  const drafter = hasRole(user, 'drafter');
  const now = new Date();
  const november = now.getMonth() === 10 && year === now.getFullYear();
  const progress = status?.summary?.progress;
  const isOpen = status?.state === 'open';
  const canPropose = drafter && isOpen;
  const pendingOnPage = items.filter((i) => i.progress === 'pending');
  const allOnPageSelected = pendingOnPage.length > 0 && pendingOnPage.every((i) => selected.has(i.documentId));

  const adoptAll = async () => {
    try {
      const pending = await store.pendingItems();
      if (pending.length > 0) setProposal({ items: pending });
    } catch (error) {
      useNotices.getState().fail(error);
    }
  };

  return (
    <div className="view inspection-view">
      <header className="view-head">
        <h1>{m.title(year)}</h1>
        <YearPicker label={m.year} year={year} onChange={(y) => void store.setYear(y)} />
        {status && <span className={`inspection-state inspection-state-${status.state}`}>{m.state[status.state]}</span>}
        {status?.openedBy && status.openedAt && <span className="muted small">{m.openedBy(personLabel(status.openedBy, people), formatTime(status.openedAt))}</span>}
        <span className="spacer" />
        {office && status?.state === 'none' && <button type="button" className="btn-primary" disabled={busy || opening !== null} aria-busy={opening !== null} onClick={() => void runOpen('open', () => openInspection(store.open))}>{opening ? m.opening : m.open}</button>}
        {office && isOpen && (
          <button type="button" className="btn-primary" disabled={busy || (progress ? progress.pending + progress.proposed > 0 : true)} onClick={() => setClosing(true)}>{m.close}</button>
        )}
        {office && status?.state !== 'closed' && <button type="button" onClick={() => setConfiguring(true)}>{m.settings}</button>}
      </header>
      {november && status?.state !== 'closed' && <p className="banner banner-warn november-banner">{m.novemberHint(year)}</p>}
      {status?.state === 'closed' && (
        <p className="banner locked-banner" role="status">
          <span className="lock-tag">{m.locked}</span>
          {m.lockedBanner(year, status.closedBy ? personLabel(status.closedBy, people) : '', status.closedAt ? formatTime(status.closedAt) : '', status.closeSeq)}
        </p>
      )}
      {status?.state === 'none' && (
        <div className="empty-state">
          <p>{m.notOpened(year)}</p>
          {!office && <p className="small">{m.openNeedsRole}</p>}
        </div>
      )}
      {status && status.state !== 'none' && status.summary && (
        <>
          <Summary status={status} onRule={(rule) => void store.setFilter({ rule })} activeRule={filter.rule} />
          <ExportBar status={status} />
          <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <label className="filter filter-query">
              <span>{m.filters.query}</span>
              <input type="search" value={query} placeholder={m.filters.queryPlaceholder} onChange={(e) => setQuery(e.target.value)} />
            </label>
            <Select label={m.filters.rule} value={filter.rule} options={worklistRules.map((r) => [r, ruleLabels[r]])} onChange={(rule) => void store.setFilter({ rule: rule as WorklistRule | undefined })} />
            <Select label={m.filters.progress} value={filter.progress} options={(['pending', 'proposed', 'done'] as const).map((p) => [p, progressLabels[p]])} onChange={(p) => void store.setFilter({ progress: p as 'pending' | 'proposed' | 'done' | undefined })} />
            <Select label={m.filters.attribute} value={filter.attribute} options={attributes.map((a) => [a.key, a.label])} onChange={(a) => void store.setFilter({ attribute: a as Attribute | undefined })} />
            <Select label={m.filters.suggested} value={filter.suggested} options={inspectionOutcomes.map((o) => [o, inspectionOutcomeLabels[o]])} onChange={(o) => void store.setFilter({ suggested: o as InspectionOutcome | undefined })} />
          </form>
          {isOpen && (
            <div className="bulk-bar">
              {canPropose ? (
                <>
                  <button type="button" className="btn-primary" disabled={selected.size === 0 || busy} onClick={() => setProposal({ items: items.filter((i) => selected.has(i.documentId)) })}>{m.adoptSelected(selected.size)}</button>
                  <button type="button" disabled={!progress || progress.pending === 0 || busy} onClick={() => void adoptAll()}>{m.adoptAll(progress?.pending ?? 0)}</button>
                </>
              ) : (
                <span className="muted small">{m.proposeNeedsRole}</span>
              )}
            </div>
          )}
          <div className="worklist-wrap">
            <table className="worklist-table" aria-label={m.nav}>
              <thead>
                <tr>
                  <th className="wl-select">
                    {canPropose && pendingOnPage.length > 0 && <input type="checkbox" checked={allOnPageSelected} onChange={(e) => store.selectPage(e.target.checked)} aria-label={m.selectAll} />}
                  </th>
                  <th>{m.columns.document}</th>
                  <th>{m.columns.current}</th>
                  <th>{m.columns.facts}</th>
                  <th>{m.columns.rules}</th>
                  <th>{m.columns.suggestion}</th>
                  <th>{m.columns.outcome}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <WorklistRow
                    key={`${item.documentId}:${item.progress}`}
                    item={item}
                    selected={selected.has(item.documentId)}
                    canPropose={canPropose}
                    onToggle={() => store.toggle(item.documentId)}
                    onPropose={(outcome) => setProposal({ items: [item], outcome })}
                    onOpen={() => go({ view: 'document', documentId: item.documentId })}
                  />
                ))}
              </tbody>
            </table>
            {items.length === 0 && <div className="empty-state">{status.summary.progress.total === 0 ? m.emptyList : m.empty}</div>}
          </div>
          {total > WORKLIST_PAGE && (
            <div className="pager">
              <button type="button" className="btn-small" disabled={offset === 0} onClick={() => void store.page(Math.max(0, offset - WORKLIST_PAGE))}>{m.previous}</button>
              <span className="muted small">{m.pageInfo(offset + 1, Math.min(total, offset + WORKLIST_PAGE), total)}</span>
              <button type="button" className="btn-small" disabled={offset + WORKLIST_PAGE >= total} onClick={() => void store.page(offset + WORKLIST_PAGE)}>{m.next}</button>
            </div>
          )}
        </>
      )}
      {proposal && (
        <ProposeDialog
          items={proposal.items}
          outcome={proposal.outcome}
          busy={busy}
          onClose={() => setProposal(null)}
          onPropose={async (justification, sameJustification) => {
            const result = await store.propose(proposal.items.map((i) => i.documentId), justification, proposal.outcome, sameJustification);
            if (typeof result !== 'string' && result.proposed.length > 0) {
              useNotices.getState().ok(m.proposedResult(result.proposed.length));
              void useQueues.getState().refresh();
            }
            return result;
          }}
        />
      )}
      {closing && (
        <ConfirmDialog
          title={m.closeTitle}
          text={m.closeConfirm(year)}
          action={m.close}
          busy={busy}
          onClose={() => setClosing(false)}
          onConfirm={async () => {
            const closed = await store.close();
            setClosing(false);
            if (closed) useNotices.getState().ok(m.closed(year));
          }}
        />
      )}
      {configuring && <ConfigDialog onClose={() => setConfiguring(false)} />}
    </div>
  );
}

async function openInspection(open: () => Promise<InspectionStatus | null>) {
  const status = await open();
  if (status) useNotices.getState().ok(m.opened(status.year, status.summary?.progress.total ?? 0));
}

function Summary({ status, activeRule, onRule }: { status: InspectionStatus; activeRule: WorklistRule | undefined; onRule(rule: WorklistRule | undefined): void }) {
  const s = status.summary!;
  const { done, total, pending, proposed } = s.progress;
  const unfinished = pending + proposed;
  return (
    <section className="card inspection-summary" aria-label={m.progress}>
      <div className="progress-line">
        <strong>{m.progressText(done, total)}</strong>
        <progress max={Math.max(total, 1)} value={done} aria-label={m.progress} />
        <span className="muted small">{m.progressDetail(pending, proposed)}</span>
      </div>
      <div className="rule-counts">
        <span className="muted small">{m.byRule}</span>
        {worklistRules.map((r) => (
          <button key={r} type="button" className={`rule-count ${activeRule === r ? 'active' : ''}`} aria-pressed={activeRule === r} onClick={() => onRule(activeRule === r ? undefined : r)}>
            {ruleLabels[r]} <strong>{s.byRule[r]}</strong>
          </button>
        ))}
      </div>
      <p className="small">{m.converted(s.converted.toProactive, s.converted.toPartial)}</p>
      {status.state === 'open' && <p className={`small close-readiness ${unfinished > 0 ? 'warning' : 'ok-text'}`}>{unfinished > 0 ? m.closeBlocked(pending, proposed) : m.closeReady}</p>}
    </section>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string | undefined; options: [string, string][]; onChange(value: string | undefined): void }) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{m.filters.all}</option>
        {options.map(([k, v]) => <option key={k} value={k}>{v}</option>)}
      </select>
    </label>
  );
}
