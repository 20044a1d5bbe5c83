import { useEffect, useState } from 'react';
import { attributes } from '../../../shared/attributes.ts';
import { applicantTypes, type AnnualFigures, type AnnualReport } from '../../../shared/ipc/inspection.ts';
import { applicantLabels } from '../../../shared/messages/inspection.ts';
import { channelMessages, returnGroundLabels } from '../../../shared/messages/channels.ts';
import { annualTemplateMessages } from '../../../shared/messages/annual-report.ts';
import { cellText, templateLayout, type LayoutTable } from '../../../shared/annual-template.ts';
import { mayWrite } from '../../../shared/write-roles.ts';
import '../inspection/inspection.css';
import { YearPicker } from '../components/YearPicker.tsx';
import { useBusy } from '../lib/busy.ts';
import { annual as m } from '../messages/inspection.ts';
import { useNotices } from '../stores/notices.ts';
import { useSession } from '../stores/session.ts';

/** One table of the template as the report prints it; each value cell names its key for `report --explain`. */
function TemplateTable({ table, report, n }: { table: LayoutTable; report: AnnualReport; n: number }) {
  return (
    <section className="card card-wide" aria-label={m.templateRegion(n)}>
      <h2>{table.title}</h2>
      <table className="figures-table template-table">
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) =>
                c.header ? (
                  <th key={j} colSpan={c.colSpan}>{c.text}</th>
                ) : c.key ? (
                  <td key={j} colSpan={c.colSpan} className="num" title={m.cellTitle(c.key)}>{cellText(report.cells, c.key)}</td>
                ) : (
                  <td key={j} colSpan={c.colSpan} style={c.indent ? { paddingLeft: `${c.indent * 1.5}em` } : undefined}>{c.text}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The figures of 政府信息公开工作年度报告 for a calendar year, computed from the audit log. */
export function AnnualView() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [figures, setFigures] = useState<AnnualFigures | null>(null);
  const [report, setReport] = useState<AnnualReport | null>(null);
  const user = useSession((s) => s.user);
  const [running, run] = useBusy<'docx' | 'xlsx'>();
  useEffect(() => {
    let live = true;
    setFigures(null);
    setReport(null);
    window.api.annualFigures({ year }).then((f) => live && setFigures(f), (e: unknown) => useNotices.getState().fail(e));
    window.api.annualReport({ year }).then((r) => live && setReport(r), (e: unknown) => useNotices.getState().fail(e));
    return () => {
      live = false;
    };
  }, [year]);
  const exportAs = async (format: 'docx' | 'xlsx') => {
    const path = await window.api.chooseSavePath({ defaultName: `${m.exportName(year)}.${format}`, filters: [{ name: m.fileKinds[format], extensions: [format] }] });
    if (!path) return;
    await run(format, async () => {
      try {
        const file = await window.api.exportAnnualReport({ year, format, path });
        useNotices.getState().ok(m.exported(file.path));
      } catch (error) {
        useNotices.getState().fail(error);
      }
    });
  };
  const layout = templateLayout();

  return (
    <div className="view annual-view">
      <header className="view-head">
        <h1>{m.title(year)}</h1>
        <YearPicker label={m.year} year={year} onChange={setYear} />
        <span className="spacer" />
        {mayWrite(user?.roles ?? [], 'inspectionLedger') && (
          <>
            <button type="button" disabled={running !== null || !report} aria-busy={running === 'docx'} onClick={() => void exportAs('docx')}>{running === 'docx' ? m.exporting : m.exportDocx}</button>
            <button type="button" disabled={running !== null || !report} aria-busy={running === 'xlsx'} onClick={() => void exportAs('xlsx')}>{running === 'xlsx' ? m.exporting : m.exportXlsx}</button>
          </>
        )}
      </header>
      {!figures ? (
        <p className="muted">{m.loading}</p>
      ) : (
        <>
          <p className="small muted">{m.source(figures.source.entries, figures.source.lastSeq)}</p>
          <div className="figures-grid">
            <section className="card" aria-label={m.decisions}>
              <h2>{m.decisions}</h2>
              <table className="figures-table">
                <thead>
                  <tr><th>{m.attributeColumn}</th><th className="num">{m.signedInYear}</th><th className="num">{m.inForce}</th></tr>
                </thead>
                <tbody>
                  {attributes.map((a) => (
                    <tr key={a.key}><td>{a.label}</td><td className="num">{figures.decisions.signedByAttribute[a.key]}</td><td className="num">{figures.decisions.inForceByAttribute[a.key]}</td></tr>
                  ))}
                </tbody>
              </table>
              <p className="small">{m.madeMoreOpen(figures.decisions.madeMoreOpen)}</p>
            </section>
            <section className="card" aria-label={m.withheld}>
              <h2>{annualTemplateMessages.withheldDocuments.title}</h2>
              <p className="small muted">{annualTemplateMessages.withheldDocuments.note}</p>
              <table className="figures-table">
                <thead><tr>{annualTemplateMessages.withheldDocuments.header.map((h, i) => <th key={h} className={i > 0 ? 'num' : undefined}>{h}</th>)}</tr></thead>
                <tbody>
                  {figures.withheldByRow.filter((r) => r.count > 0).map((r) => <tr key={r.row}><td>{r.label}</td><td className="num">{r.count}</td></tr>)}
                </tbody>
              </table>
            </section>
            {figures.returns && (
              <section className="card" aria-label={channelMessages.returnsByGround}>
                <h2>{channelMessages.returnsByGround}</h2>
                <table className="figures-table">
                  <thead><tr><th>{channelMessages.returnsHeader[0]}</th><th className="num">{channelMessages.returnsHeader[1]}</th></tr></thead>
                  <tbody>
                    {figures.returns.byGround.map((g) => <tr key={g.ground}><td>{returnGroundLabels[g.ground]}</td><td className="num">{g.count}</td></tr>)}
                  </tbody>
                </table>
                <p className="small">{channelMessages.returnsTotal(figures.returns.total)}</p>
              </section>
            )}
            <section className="card card-wide" aria-label={m.requests}>
              <h2>{m.requests}</h2>
              <dl className="kv figures-kv">
                <dt>{m.received}</dt>
                <dd>{applicantTypes.map((a) => `${applicantLabels[a]} ${figures.requests.received[a]}`).join('，')}；{m.total} <strong>{figures.requests.received.total}</strong></dd>
                <dt>{m.carriedIn}</dt><dd>{figures.requests.carriedIn}</dd>
                <dt>{m.answered}</dt><dd>{figures.requests.answered}</dd>
                <dt>{m.answeredLate}</dt><dd className={figures.requests.answeredLate > 0 ? 'overdue-text' : ''}>{figures.requests.answeredLate}</dd>
                <dt>{m.carriedOut}</dt><dd>{figures.requests.carriedOut}</dd>
              </dl>
            </section>
          </div>
          {report && (
            <>
              <h2 className="figures-sub">{m.template}</h2>
              <p className={report.balanced ? 'small muted' : 'small overdue-text'}>{annualTemplateMessages.cli.balance(report.balanced)}</p>
              <div className="figures-grid">
                {layout.slice(0, 3).map((table, i) => <TemplateTable key={table.title} table={table} report={report} n={i + 2} />)}
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
