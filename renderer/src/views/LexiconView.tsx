import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { attribute as attributeInfo } from '../../../shared/attributes.ts';
import { categories, category as categoryInfo } from '../../../shared/categories.ts';
import { lexiconModes, type LexiconMode, type LexiconTerm } from '../../../shared/ipc/lexicon.ts';
import type { CategoryId } from '../../../shared/types.ts';
import { useBusy } from '../lib/busy.ts';
import { lexicon as m } from '../messages/lexicon.ts';
import { useLexicon } from '../stores/lexicon.ts';
import { paragraphRuns } from '../workspace/highlight.ts';

type Tab = CategoryId | 'allow';

export function LexiconView() {
  const { state, load } = useLexicon();
  const [tab, setTab] = useState<Tab>(1);
  const [busy, run] = useBusy<'import' | 'export'>();
  useEffect(() => {
    void load();
  }, [load]);
  const importTable = async () => {
    const [path] = await window.api.chooseFiles({});
    if (path) await run('import', () => useLexicon.getState().importTable(path));
  };
  const exportTable = async () => {
    const path = await window.api.chooseSavePath({ defaultName: '本机词表.tsv', filters: [{ name: '制表符分隔文本', extensions: ['tsv', 'txt'] }] });
    if (path) await run('export', () => useLexicon.getState().exportTable(path));
  };
  return (
    <div className="view lexicon-view">
      <header className="view-head">
        <h1>{m.title}</h1>
        {state && <span className="muted mono">{m.version(state.version)}</span>}
        <span className="spacer" />
        <button type="button" disabled={busy !== null} aria-busy={busy === 'import'} onClick={() => void importTable()}>{busy === 'import' ? m.importingTable : m.importTable}</button>
        <button type="button" disabled={busy !== null} aria-busy={busy === 'export'} onClick={() => void exportTable()}>{busy === 'export' ? m.exportingTable : m.exportTable}</button>
      </header>
      <p className="muted small">{m.hint}</p>
      {state?.warnings.map((w) => <p key={w} className="banner banner-warn small">{w}</p>)}
      <div className="lexicon-grid">
        <section className="card lexicon-tables">
          <div className="tabs" role="tablist" aria-label={m.category}>
            {categories.map((c) => (
              <button key={c.id} type="button" role="tab" aria-selected={tab === c.id} className={`tab ${tab === c.id ? 'active' : ''}`} style={{ '--cat': c.colour } as CSSProperties} onClick={() => setTab(c.id)} title={c.name}>
                {c.id} {c.short}
              </button>
            ))}
            <button type="button" role="tab" aria-selected={tab === 'allow'} className={`tab ${tab === 'allow' ? 'active' : ''}`} onClick={() => setTab('allow')}>
              {m.word}
            </button>
          </div>
          {state && (tab === 'allow' ? <AllowTable /> : <TermTable category={tab} />)}
        </section>
        <TestPanel />
      </div>
    </div>
  );
}

/** A user's own entry can be removed here; a shipped one is only marked as shipped. */
function SourceCell({ source, onRemove }: { source: LexiconTerm['source']; onRemove(): void }) {
  return (
    <td>
      {source === 'user' ? (
        <button type="button" className="btn-link" onClick={onRemove}>{m.remove}</button>
      ) : (
        <span className="badge badge-muted">{m.shipped}</span>
      )}
    </td>
  );
}

function TermTable({ category }: { category: CategoryId }) {
  const { state, addTerm, removeTerm } = useLexicon();
  const [filter, setFilter] = useState('');
  const [pattern, setPattern] = useState('');
  const [weight, setWeight] = useState(0.7);
  const [mode, setMode] = useState<LexiconMode>('any');
  const [note, setNote] = useState('');
  const [basis, setBasis] = useState(categoryInfo(category).basis.join('；'));
  useEffect(() => setBasis(categoryInfo(category).basis.join('；')), [category]);
  const terms = useMemo(() => (state?.terms ?? []).filter((t) => t.category === category && (!filter || t.pattern.includes(filter) || t.note.includes(filter))), [state, category, filter]);
  return (
    <>
      <label className="filter">
        <span>{m.filter}</span>
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <p className="small muted">{m.terms(terms.length)}</p>
      <div className="lexicon-list">
        <table className="users-table">
          <thead>
            <tr>
              <th>{m.pattern}</th>
              <th>{m.weight}</th>
              <th>{m.mode}</th>
              <th>{m.note}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {terms.length === 0 && (
              <tr>
                <td colSpan={5} className="empty-state">{filter ? m.noMatch : m.noTerms}</td>
              </tr>
            )}
            {terms.map((t) => (
              <tr key={`${t.source}:${t.pattern}`}>
                <td className="lexicon-pattern">{t.pattern}</td>
                <td className="mono">{t.weight}</td>
                <td className="small">{m.modes[t.mode]}</td>
                <td className="small">{t.note}{t.basis.length > 0 && <span className="muted">（{t.basis.join('；')}）</span>}</td>
                <SourceCell source={t.source} onRemove={() => void removeTerm(t.pattern, t.category)} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="lexicon-add"
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await addTerm({ pattern: pattern.trim(), category, weight, mode, note: note.trim(), basis: basis.split(/[;；]/).map((b) => b.trim()).filter(Boolean) });
          if (ok) {
            setPattern('');
            setNote('');
          }
        }}
      >
        <label className="filter">
          <span>{m.pattern}</span>
          <input value={pattern} onChange={(e) => setPattern(e.target.value)} required />
        </label>
        <label className="filter">
          <span>{m.weight}</span>
          <input type="number" min={0.05} max={1} step={0.05} value={weight} onChange={(e) => setWeight(Number(e.target.value))} />
        </label>
        <label className="filter">
          <span>{m.mode}</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as LexiconMode)}>
            {lexiconModes.map((md) => <option key={md} value={md}>{m.modes[md]}</option>)}
          </select>
        </label>
        <label className="filter">
          <span>{m.note}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <label className="filter">
          <span>{m.basis}</span>
          <input value={basis} onChange={(e) => setBasis(e.target.value)} />
        </label>
        <button type="submit" className="btn-primary">{m.addTerm}</button>
      </form>
    </>
  );
}

function AllowTable() {
  const { state, addAllow, removeAllow } = useLexicon();
  const [word, setWord] = useState('');
  const [note, setNote] = useState('');
  const allow = state?.allow ?? [];
  return (
    <>
      <p className="small muted">{m.allow(allow.length)}</p>
      <div className="lexicon-list">
        <table className="users-table">
          <tbody>
            {allow.map((a) => (
              <tr key={`${a.source}:${a.word}`}>
                <td className="lexicon-pattern">{a.word}</td>
                <td className="small">{a.note}</td>
                <SourceCell source={a.source} onRemove={() => void removeAllow(a.word)} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="lexicon-add"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await addAllow(word.trim(), note.trim())) {
            setWord('');
            setNote('');
          }
        }}
      >
        <label className="filter">
          <span>{m.word}</span>
          <input value={word} onChange={(e) => setWord(e.target.value)} required />
        </label>
        <label className="filter">
          <span>{m.note}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="btn-primary">{m.addAllow}</button>
      </form>
    </>
  );
}

function TestPanel() {
  const { testResult, test, state } = useLexicon();
  const [text, setText] = useState('');
  const version = state?.version;
  const [lastVersion, setLastVersion] = useState(version);
  // Re-run the sentence whenever the lexicon changes, so an edit shows its effect at once.
  if (version !== lastVersion) {
    setLastVersion(version);
    if (text.trim()) void test(text);
  }
  const runs = useMemo(() => (testResult && text ? paragraphRuns(text, { start: 0, end: text.length }, testResult.findings) : []), [testResult, text]);
  return (
    <section className="card lexicon-test" aria-label={m.test}>
      <h2>{m.test}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void test(text);
        }}
      >
        <textarea rows={4} value={text} placeholder={m.testPlaceholder} onChange={(e) => setText(e.target.value)} aria-label={m.test} />
        <div className="form-actions">
          <button type="submit" className="btn-primary">{m.testRun}</button>
        </div>
      </form>
      {testResult && (
        <div className="lexicon-result">
          <p className="para lexicon-sample">
            {runs.map((r) =>
              r.findings[0] ? (
                <mark key={r.start} className={`hl ${r.findings[0].negated ? 'hl-negated' : ''}`} style={{ '--cat': categoryInfo(r.findings[0].category).colour } as CSSProperties}>{r.text}</mark>
              ) : (
                <span key={r.start}>{r.text}</span>
              ),
            )}
          </p>
          {testResult.findings.length === 0 && <p className="muted">{m.testNone}</p>}
          <ul className="lexicon-findings">
            {testResult.findings.map((f) => (
              <li key={f.id}>
                <span className="cat-count-chip" style={{ '--cat': categoryInfo(f.category).colour } as CSSProperties}>{f.category}</span> <strong>{f.term}</strong> <span className="mono small">{f.score.toFixed(2)}</span> <span className="small">{f.explanation}</span>
              </li>
            ))}
          </ul>
          <p className="small">{m.testSuggestion(attributeInfo(testResult.suggestion.attribute).label)}</p>
        </div>
      )}
    </section>
  );
}
