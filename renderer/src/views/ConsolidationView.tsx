import { useCallback, useEffect, useState } from 'react';
import type { BundleCheck, ConsolidatedView, UnitSummary } from '../../../shared/ipc/inspection.ts';
import '../inspection/inspection.css';
import { YearPicker } from '../components/YearPicker.tsx';
import { useBusy } from '../lib/busy.ts';
import { formatTime } from '../lib/format.ts';
import { consolidation as m } from '../messages/inspection.ts';
import { useNotices } from '../stores/notices.ts';
import { useSession } from '../stores/session.ts';
import { mayWrite } from '../../../shared/write-roles.ts';
import { ConfirmKeyDialog } from '../inspection/ConfirmKeyDialog.tsx';

const figureColumns = ['items', 'done', 'withheld', 'partial', 'onRequest', 'kept', 'toProactive', 'toPartial', 'requestsReceived', 'requestsAnsweredLate'] as const satisfies readonly (keyof UnitSummary & keyof ConsolidatedView['totals'])[];

/** The government office's view: signed bundles from the units, each verified before it counts, and one table across them. */
export function ConsolidationView() {
  const user = useSession((s) => s.user);
  const [year, setYear] = useState(new Date().getFullYear() - (new Date().getMonth() < 10 ? 1 : 0));
  const [view, setView] = useState<ConsolidatedView | null>(null);
  const [checks, setChecks] = useState<{ imported: boolean; list: BundleCheck[] } | null>(null);
  const [confirming, setConfirming] = useState<BundleCheck | null>(null);
  const [running, run] = useBusy<'verify' | 'import' | 'xlsx' | 'csv'>();
  const office = mayWrite(user?.roles ?? [], 'consolidated');

  const load = useCallback(async () => {
    try {
      setView(await window.api.consolidatedView({ year }));
    } catch (error) {
      useNotices.getState().fail(error);
    }
  }, [year]);
  useEffect(() => {
    void load();
  }, [load]);

  const check = async (imported: boolean) => {
    const paths = await window.api.chooseFiles({});
    if (paths.length === 0) return;
    await run(imported ? 'import' : 'verify', async () => {
      try {
        const list = imported ? await window.api.importBundles({ paths }) : await Promise.all(paths.map((path) => window.api.verifyBundle({ path })));
        setChecks({ imported, list });
        const ok = list.filter((c) => c.ok).length;
        useNotices.getState().ok(imported ? m.imported(ok, list.length - ok) : m.verified(ok, list.length - ok));
        if (imported) await load();
      } catch (error) {
        useNotices.getState().fail(error);
      }
    });
  };
  /** Re-imports one bundle refused for an unconfirmed key with the fingerprint the unit gave; a mismatch comes back as the dialog's error. */
  const confirmKey = async (refused: BundleCheck, fingerprint: string): Promise<string | null> => {
    try {
      const [result] = await window.api.importBundles({ paths: [refused.file], confirmedFingerprints: [fingerprint] });
      if (!result) return null;
      if (!result.ok && (result.problem === 'unconfirmed-key' || result.problem === 'pinned-key-mismatch')) return result.message;
      setChecks((current) => current && { ...current, list: current.list.map((c) => (c === refused ? result : c)) });
      if (result.ok) useNotices.getState().ok(m.trusted(result.unitName ?? ''));
      else useNotices.getState().fail({ code: result.problem ?? 'refused', message: result.message });
      setConfirming(null);
      await load();
      return null;
    } catch (error) {
      useNotices.getState().fail(error);
      return null;
    }
  };
  const exportAs = async (format: 'xlsx' | 'csv') => {
    const path = await window.api.chooseSavePath({ defaultName: `${year}年度${m.exportNames[format]}`, filters: [{ name: format.toUpperCase(), extensions: [format] }] });
    if (!path) return;
    await run(format, async () => {
      try {
        const file = await window.api.exportConsolidated({ year, format, path });
        useNotices.getState().ok(m.exported(file.path));
      } catch (error) {
        useNotices.getState().fail(error);
      }
    });
  };

  return (
    <div className="view consolidation-view">
      <header className="view-head">
        <h1>{m.title(year)}</h1>
        <YearPicker label={m.year} year={year} onChange={setYear} />
        <span className="spacer" />
        {office && <button type="button" className="btn-primary" disabled={running !== null} aria-busy={running === 'import'} onClick={() => void check(true)}>{running === 'import' ? m.importing : m.importBundles}</button>}
        <button type="button" disabled={running !== null} aria-busy={running === 'verify'} onClick={() => void check(false)}>{running === 'verify' ? m.verifying : m.verifyOnly}</button>
        {office && view && view.units.length > 0 && (
          <>
            <button type="button" disabled={running !== null} aria-busy={running === 'xlsx'} onClick={() => void exportAs('xlsx')}>{running === 'xlsx' ? m.exporting : m.exportXlsx}</button>
            <button type="button" disabled={running !== null} aria-busy={running === 'csv'} onClick={() => void exportAs('csv')}>{running === 'csv' ? m.exporting : m.exportCsv}</button>
          </>
        )}
      </header>
      {!office && <p className="small muted">{m.needsRole}</p>}
      {checks && (
        <section className="card bundle-checks" aria-label={m.checks}>
          <h2>{m.checks}</h2>
          <ul>
            {checks.list.map((c, i) => (
              <li key={`${c.file}:${i}`} className={c.ok ? 'check-ok' : 'check-refused'}>
                <strong>{c.ok ? (checks.imported ? m.accepted : m.intact) : m.refused}</strong>
                <span className="mono small">{c.file}</span>
                <span>{c.message}</span>
                {checks.imported && office && (c.problem === 'unconfirmed-key' || c.problem === 'pinned-key-mismatch') && (
                  <button type="button" onClick={() => setConfirming(c)}>{m.confirmKey}</button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {confirming && <ConfirmKeyDialog refused={confirming} onConfirm={(fingerprint) => confirmKey(confirming, fingerprint)} onClose={() => setConfirming(null)} />}
      {view && view.units.length === 0 ? (
        <div className="empty-state">{m.empty(year)}</div>
      ) : (
        view && (
          <div className="audit-table-wrap">
            <table className="audit-table figures-table consolidated-table" aria-label={m.title(year)}>
              <thead>
                <tr>
                  <th>{m.columns.unit}</th>
                  <th>{m.columns.closedAt}</th>
                  {figureColumns.map((c) => <th key={c} className="num">{m.columns[c]}</th>)}
                  <th>{m.columns.key}</th>
                </tr>
              </thead>
              <tbody>
                {view.units.map((u) => (
                  <tr key={u.installationId}>
                    <td>{u.unitName}</td>
                    <td>{u.closedAt ? formatTime(u.closedAt) : '—'}</td>
                    {figureColumns.map((c) => <td key={c} className="num">{u[c]}</td>)}
                    <td className="mono small">{u.keyFingerprint.slice(0, 16)}…</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th>{m.totals(view.totals.units)}</th>
                  <th />
                  {figureColumns.map((c) => <th key={c} className="num">{view.totals[c]}</th>)}
                  <th />
                </tr>
              </tfoot>
            </table>
          </div>
        )
      )}
    </div>
  );
}
