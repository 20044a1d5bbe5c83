import { useEffect, useState } from 'react';
import { auditActionLabels } from '../../../shared/messages/records.ts';
import { Modal } from '../components/Modal.tsx';
import { formatTime, shortHash } from '../lib/format.ts';
import { actorLabel } from '../lib/people.ts';
import { audit as m } from '../messages/audit.ts';
import { common, roleLabels } from '../messages/common.ts';
import { useAudit, type AuditQuery } from '../stores/audit.ts';
import { useNotices } from '../stores/notices.ts';
import { payloadSummary } from '../workspace/HistoryPanel.tsx';

export function AuditView({ documentSha256 }: { documentSha256?: string | undefined }) {
  const { entries, total, people, report, verifying, setFilter, more, verify } = useAudit();
  const [draft, setDraft] = useState<AuditQuery>(documentSha256 ? { documentSha256 } : {});
  const [checkpointPath, setCheckpointPath] = useState<string | null>(null);
  const [againstCheckpoint, setAgainstCheckpoint] = useState(false);

  useEffect(() => {
    void setFilter(documentSha256 ? { documentSha256 } : {});
    void verify();
  }, [documentSha256, setFilter, verify]);

  const apply = () => {
    const clean = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined && v !== '')) as AuditQuery;
    void setFilter(clean);
  };
  const chooseCheckpointTarget = async () => {
    const path = await window.api.chooseSavePath({ defaultName: `审计检查点-${new Date().toISOString().slice(0, 10)}.json`, filters: [{ name: 'JSON', extensions: ['json'] }] });
    if (path) setCheckpointPath(path);
  };
  const verifyAgainstCheckpoint = async () => {
    const [path] = await window.api.chooseFiles({});
    if (!path) return;
    setAgainstCheckpoint(true);
    try {
      await verify(path);
    } finally {
      setAgainstCheckpoint(false);
    }
  };

  return (
    <div className="view audit-view">
      <header className="view-head">
        <h1>{m.title}</h1>
        <span className="muted">{m.total(entries.length, total)}</span>
        <span className="spacer" />
        <button type="button" className="btn-primary" disabled={verifying} aria-busy={verifying && !againstCheckpoint} onClick={() => void verify()}>{verifying && !againstCheckpoint ? m.verifying : m.verify}</button>
        <button type="button" disabled={verifying} aria-busy={againstCheckpoint} onClick={() => void verifyAgainstCheckpoint()}>{againstCheckpoint ? m.verifying : m.verifyWithCheckpoint}</button>
        <button type="button" onClick={() => void chooseCheckpointTarget()}>{m.exportCheckpoint}</button>
      </header>
      <VerifyBanner />
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label className="filter filter-query">
          <span>{m.filterDocument}</span>
          <input value={draft.documentSha256 ?? ''} onChange={(e) => setDraft({ ...draft, documentSha256: e.target.value.trim().toLowerCase() || undefined })} placeholder="SHA-256" />
        </label>
        <label className="filter">
          <span>{m.filterUser}</span>
          <input value={draft.user ?? ''} placeholder={m.filterUserHint} onChange={(e) => setDraft({ ...draft, user: e.target.value.trim() || undefined })} />
        </label>
        <label className="filter">
          <span>{m.filterAction}</span>
          <select value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: e.target.value || undefined })}>
            <option value="">{m.anyAction}</option>
            {Object.entries(auditActionLabels).map(([key, label]) => <option key={key} value={key}>{label}</option>)}
          </select>
        </label>
        <label className="filter">
          <span>{m.filterFrom}</span>
          <input type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })} />
        </label>
        <label className="filter">
          <span>{m.filterTo}</span>
          <input type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })} />
        </label>
        <button type="submit" className="btn-small">{m.apply}</button>
        <button type="button" className="btn-small" onClick={() => { setDraft({}); void setFilter({}); }}>{m.reset}</button>
      </form>
      <div className="audit-table-wrap">
        <table className="audit-table">
          <thead>
            <tr>
              <th>{m.columns.seq}</th>
              <th>{m.columns.time}</th>
              <th>{m.columns.user}</th>
              <th>{m.columns.action}</th>
              <th>{m.columns.document}</th>
              <th>{m.columns.detail}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} className={report?.firstBroken?.seq === e.seq ? 'broken-row' : ''}>
                <td className="mono">{e.seq}</td>
                <td>{formatTime(e.time)}</td>
                <td>{actorLabel(e.user, e.role ? roleLabels[e.role] : null, people)}</td>
                <td>{auditActionLabels[e.action] ?? e.action}{e.signature && <span className="badge badge-signed">{m.signed}</span>}</td>
                <td className="mono small">{e.documentSha256 ? <button type="button" className="btn-link mono" onClick={() => { const next = { documentSha256: e.documentSha256! }; setDraft(next); void setFilter(next); }}>{shortHash(e.documentSha256)}</button> : '—'}</td>
                <td className="small">{payloadSummary(e.payload) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 && <div className="empty-state">{m.empty}</div>}
        {entries.length < total && <button type="button" className="btn-small" onClick={() => void more()}>{m.more}</button>}
      </div>
      {checkpointPath && <CheckpointDialog path={checkpointPath} onClose={() => setCheckpointPath(null)} />}
    </div>
  );
}

function VerifyBanner() {
  const report = useAudit((s) => s.report);
  if (!report) return <p className="verify-banner">{m.notVerified}</p>;
  const ok = report.intact && report.triggersIntact && (report.checkpoint?.ok ?? true);
  return (
    <div className={`verify-banner ${ok ? 'verify-ok' : 'verify-broken'}`} role={ok ? 'status' : 'alert'}>
      <strong>{report.intact ? m.intact(report.entries, report.signatures) : m.broken(report.firstBroken?.seq ?? 0, report.firstBroken?.message ?? '')}</strong>
      {!report.triggersIntact && <span>{m.triggersBroken}</span>}
      {report.checkpoint && <span>{report.checkpoint.ok ? m.checkpointOk(report.checkpoint.seq) : report.checkpoint.message}</span>}
      <span className="small muted">
        {m.checkedAt}：{formatTime(report.checkedAt)}
        {report.head && ` · ${m.head} #${report.head.seq} ${shortHash(report.head.hash)}`}
      </span>
    </div>
  );
}

function CheckpointDialog({ path, onClose }: { path: string; onClose(): void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const write = useAudit((s) => s.writeCheckpoint);
  return (
    <Modal title={m.checkpointTitle} onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const problem = await write(path, password);
          setBusy(false);
          if (problem) return setError(problem);
          const cp = useAudit.getState().checkpoint;
          useNotices.getState().ok(m.checkpointWritten(path, cp?.seq ?? 0));
          onClose();
        }}
      >
        <p>{m.checkpointHint}</p>
        <p className="mono small">{path}</p>
        <label className="field">
          <span className="field-label">{m.checkpointPassword}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="btn-primary" disabled={password === '' || busy} aria-busy={busy}>{busy ? m.writingCheckpoint : m.exportCheckpoint}</button>
          <button type="button" onClick={onClose}>{common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}
