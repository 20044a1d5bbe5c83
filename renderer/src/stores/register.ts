import { create } from 'zustand';
import type { DocumentFilter, DocumentRow, DocumentSortKey } from '../../../shared/ipc/records.ts';
import { useNotices } from './notices.ts';

/** A page covers a screenful and its overscan; larger pages only make each filter change wait for rows nobody sees yet. */
const PAGE = 60;

export type RegisterFilter = Omit<DocumentFilter, 'offset' | 'limit'>;

interface RegisterStore {
  filter: RegisterFilter;
  total: number;
  /** Rows by index; filled a page at a time as the table scrolls. */
  rows: Map<number, DocumentRow>;
  /** Bumps on every reload so stale page answers are dropped. */
  generation: number;
  loading: boolean;
  setFilter(patch: Partial<RegisterFilter>): void;
  sortBy(key: DocumentSortKey): void;
  reload(): Promise<void>;
  ensureRange(from: number, to: number): void;
}

const pending = new Set<string>();

export const useRegister = create<RegisterStore>((set, get) => {
  const fetchPage = async (page: number) => {
    const { generation, filter } = get();
    const key = `${generation}:${page}`;
    if (pending.has(key)) return;
    pending.add(key);
    try {
      const result = await window.api.listDocuments({ ...filter, offset: page * PAGE, limit: PAGE });
      if (get().generation !== generation) return;
      const rows = new Map(get().rows);
      result.rows.forEach((row, i) => rows.set(page * PAGE + i, row));
      set({ rows, total: result.total, loading: false });
    } catch (error) {
      set({ loading: false });
      useNotices.getState().fail(error);
    } finally {
      pending.delete(key);
    }
  };
  return {
    filter: { sort: 'updatedAt', direction: 'desc' },
    total: 0,
    rows: new Map(),
    generation: 0,
    loading: false,
    setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
      void get().reload();
    },
    sortBy(key) {
      const { filter } = get();
      const direction = filter.sort === key && filter.direction === 'desc' ? 'asc' : 'desc';
      get().setFilter({ sort: key, direction });
    },
    async reload() {
      set({ generation: get().generation + 1, rows: new Map(), loading: true });
      await fetchPage(0);
    },
    ensureRange(from, to) {
      const { rows, total } = get();
      for (let page = Math.floor(from / PAGE); page <= Math.floor(Math.min(to, Math.max(total - 1, 0)) / PAGE); page++) {
        if (!rows.has(page * PAGE)) void fetchPage(page);
      }
    },
  };
});
