import { useEffect, useState } from 'react';
import { attributes } from '../../../shared/attributes.ts';
import { applicantTypes, type AnnualFigures } from '../../../shared/ipc/inspection.ts';
import { applicantLabels } from '../../../shared/messages/inspection.ts';
import { channelMessages, returnGroundLabels } from '../../../shared/messages/channels.ts';
import '../inspection/inspection.css';
import { YearPicker } from '../components/YearPicker.tsx';
import { annual as m } from '../messages/inspection.ts';
import { useNotices } from '../stores/notices.ts';

/** The figures of 政府信息公开工作年度报告 for a calendar year, computed from the audit log. */
export function AnnualView() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [figures, setFigures] = useState<AnnualFigures | null>(null);
  useEffect(() => {
    let live = true;
    setFigures(null);
    window.api.annualFigures({ year }).then((f) => live && setFigures(f), (e: unknown) => useNotices.getState().fail(e));
    return () => {
      live = false;
    };
  }, [year]);

  return (
    <div className="view annual-view">
      <header className="view-head">
        <h1>{m.title(year)}</h1>
        <YearPicker label={m.year} year={year} onChange={setYear} />
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
              <h2>{m.withheld}</h2>
              <table className="figures-table">
                <thead><tr><th>{m.row}</th><th>{m.label}</th><th className="num">{m.count}</th></tr></thead>
                <tbody>
                  {figures.withheldByRow.map((r) => <tr key={r.row}><td className="nowrap">{r.row}</td><td>{r.label}</td><td className="num">{r.count}</td></tr>)}
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
              <h3 className="figures-sub">{m.outcomes}</h3>
              {figures.requests.outcomes.every((o) => o.total === 0) ? (
                <p className="small muted">{m.noOutcomes}</p>
              ) : (
                <table className="figures-table">
                  <thead>
                    <tr><th>{m.row}</th><th>{m.label}</th>{applicantTypes.map((a) => <th key={a} className="num">{applicantLabels[a]}</th>)}<th className="num">{m.total}</th></tr>
                  </thead>
                  <tbody>
                    {figures.requests.outcomes.filter((o) => o.total > 0).map((o) => (
                      <tr key={o.outcome}><td className="nowrap">{o.row}</td><td>{o.label}</td>{applicantTypes.map((a) => <td key={a} className="num">{o.byApplicant[a]}</td>)}<td className="num">{o.total}</td></tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
