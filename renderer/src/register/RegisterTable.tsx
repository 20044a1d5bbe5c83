import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DocumentRow, DocumentSortKey } from '../../../shared/ipc/records.ts';
import { AttributeBadge, CategoryCounts, StateBadge } from '../components/Badges.tsx';
import { formatTime } from '../lib/format.ts';
import { register as m } from '../messages/register.ts';
import type { RegisterFilter } from '../stores/register.ts';

interface RegisterTableProps {
  total: number;
  rows: ReadonlyMap<number, DocumentRow>;
  filter: RegisterFilter;
  onSort(key: DocumentSortKey): void;
  onOpen(documentId: number): void;
  onRange(from: number, to: number): void;
}

const ROW_HEIGHT = 44;

const columns: { key: keyof typeof m.columns; sort: DocumentSortKey | null }[] = [
  { key: 'docNumber', sort: 'docNumber' },
  { key: 'title', sort: 'title' },
  { key: 'date', sort: 'date' },
  { key: 'attribute', sort: 'attribute' },
  { key: 'state', sort: 'state' },
  { key: 'findings', sort: null },
  { key: 'updatedAt', sort: 'updatedAt' },
];

/** Only the rows in view exist in the DOM, so 100,000 documents scroll like 100. */
export function RegisterTable({ total, rows, filter, onSort, onOpen, onRange }: RegisterTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) onRange(first, last);
  }, [first, last, total, onRange]);
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [filter, virtualizer]);

  return (
    <div className="register-table" role="table" aria-label={m.title} aria-rowcount={total + 1}>
      <div className="register-row register-head" role="row">
        {columns.map((c) => {
          const sorted = filter.sort === c.sort;
          return (
            <div key={c.key} role="columnheader" className={`cell cell-${c.key}`} aria-sort={sorted ? (filter.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
              {c.sort ? (
                <button type="button" className="sort-button" onClick={() => onSort(c.sort!)}>
                  {m.columns[c.key]}
                  {sorted && <span aria-hidden="true">{filter.direction === 'asc' ? ' ↑' : ' ↓'}</span>}
                </button>
              ) : (
                m.columns[c.key]
              )}
            </div>
          );
        })}
      </div>
      <div ref={scroller} className="register-body" tabIndex={-1}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows.get(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`register-row ${item.index % 2 ? 'odd' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {row ? <RowCells row={row} onOpen={onOpen} /> : <div role="cell" className="cell cell-loading" />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function RowCells({ row, onOpen }: { row: DocumentRow; onOpen(id: number): void }) {
  return (
    <>
      <div role="cell" className="cell cell-docNumber">{row.docNumber ?? m.noDocNumber}</div>
      <div role="cell" className="cell cell-title">
        <button type="button" className="row-open" onClick={() => onOpen(row.id)} title={row.fileName}>
          {row.classification && <span className="classified-tag">{row.classification}</span>}
          {row.title ?? row.fileName}
        </button>
      </div>
      <div role="cell" className="cell cell-date">{row.date ?? '—'}</div>
      <div role="cell" className="cell cell-attribute">
        {row.attribute ? <AttributeBadge attribute={row.attribute} /> : <span className="muted small">{m.suggestedPrefix}：<AttributeBadge attribute={row.suggestedAttribute} /></span>}
      </div>
      <div role="cell" className="cell cell-state"><StateBadge state={row.state} /></div>
      <div role="cell" className="cell cell-findings"><CategoryCounts counts={row.findingCounts} /></div>
      <div role="cell" className="cell cell-updatedAt">{formatTime(row.updatedAt)}</div>
    </>
  );
}
