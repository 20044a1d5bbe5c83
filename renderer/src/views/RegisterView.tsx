import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { attributes } from '../../../shared/attributes.ts';
import { categories } from '../../../shared/categories.ts';
import type { RegisterState } from '../../../shared/ipc/records.ts';
import type { Attribute } from '../../../shared/types.ts';
import { stateLabels } from '../messages/common.ts';
import { register as m } from '../messages/register.ts';
import { RegisterTable } from '../register/RegisterTable.tsx';
import { importBusy, useImports } from '../stores/imports.ts';
import { useNotices } from '../stores/notices.ts';
import { useRegister } from '../stores/register.ts';
import { useRoute } from '../stores/route.ts';
import { chooseAndImport } from '../register/open.ts';

const states: RegisterState[] = ['undecided', 'draft', 'submitted', 'returned', 'approved', 'signed'];
const thisYear = new Date().getFullYear();
const years = Array.from({ length: 30 }, (_, i) => thisYear - i);

export function RegisterView() {
  const { filter, total, rows, loading, setFilter, sortBy, reload, ensureRange } = useRegister();
  const go = useRoute((s) => s.go);
  const [query, setQuery] = useState(filter.query ?? '');
  const [dragging, setDragging] = useState(false);
  const importing = useImports(importBusy);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    const t = setTimeout(() => {
      if ((filter.query ?? '') !== query) setFilter({ query: query.trim() || undefined });
    }, 250);
    return () => clearTimeout(t);
  }, [query, filter.query, setFilter]);

  const onRange = useCallback((from: number, to: number) => ensureRange(from, to), [ensureRange]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const paths: string[] = [];
    let unknown = 0;
    for (const file of Array.from(e.dataTransfer.files)) {
      const p = window.files.pathForFile(file);
      if (p) paths.push(p);
      else unknown++;
    }
    if (unknown > 0) useNotices.getState().fail({ code: 'no-path', message: m.dropNoPath });
    void useImports.getState().start(paths);
  };

  const filtered = Boolean(filter.state || filter.attribute || filter.year || filter.category || filter.query);
  return (
    <div
      className={`view register-view ${dragging ? 'dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="view-head">
        <h1>{m.title}</h1>
        <span className="muted">{m.total(total)}</span>
        <span className="spacer" />
        <button type="button" className="btn-primary" disabled={importing} aria-busy={importing} onClick={() => void chooseAndImport(false)} title={m.importShortcut}>{importing ? m.importRunning : m.importFiles}</button>
        <button type="button" disabled={importing} onClick={() => void chooseAndImport(true)}>{m.importFolder}</button>
      </header>
      <div className="filters" role="search">
        <label className="filter filter-query">
          <span>{m.search}</span>
          <input type="search" value={query} placeholder={m.searchPlaceholder} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="filter">
          <span>{m.state}</span>
          <select value={filter.state ?? ''} onChange={(e) => setFilter({ state: (e.target.value || undefined) as RegisterState | undefined })}>
            <option value="">{m.all}</option>
            {states.map((s) => <option key={s} value={s}>{stateLabels[s]}</option>)}
          </select>
        </label>
        <label className="filter">
          <span>{m.attribute}</span>
          <select value={filter.attribute ?? ''} onChange={(e) => setFilter({ attribute: (e.target.value || undefined) as Attribute | undefined })}>
            <option value="">{m.all}</option>
            {attributes.map((a) => <option key={a.key} value={a.key}>{a.label}</option>)}
          </select>
        </label>
        <label className="filter">
          <span>{m.year}</span>
          <select value={filter.year ?? ''} onChange={(e) => setFilter({ year: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{m.all}</option>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="filter">
          <span>{m.category}</span>
          <select value={filter.category ?? ''} onChange={(e) => setFilter({ category: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{m.all}</option>
            {categories.map((c) => <option key={c.id} value={c.id} title={c.name}>{c.id} {c.name}</option>)}
          </select>
        </label>
      </div>
      {total === 0 && !loading ? (
        <div className="empty-state">{filtered ? m.noMatch : m.empty}</div>
      ) : (
        <RegisterTable total={total} rows={rows} filter={filter} onSort={sortBy} onOpen={(documentId) => go({ view: 'document', documentId })} onRange={onRange} />
      )}
      {dragging && <div className="drop-hint" aria-hidden="true">{m.dropHere}</div>}
    </div>
  );
}
