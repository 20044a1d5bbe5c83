import { create } from 'zustand';
import type { ExportedFile, InspectionExportFormat, InspectionOutcome, InspectionStatus, ProposeResult, WorklistFilter, WorklistItem } from '../../../shared/ipc/inspection.ts';
import { errorText } from '../lib/errors.ts';
import { useNotices } from './notices.ts';

export const WORKLIST_PAGE = 100;

type WorklistQuery = Omit<WorklistFilter, 'year' | 'offset' | 'limit'>;

interface InspectionStore {
  year: number;
  status: InspectionStatus | null;
  filter: WorklistQuery;
  offset: number;
  items: WorklistItem[];
  total: number;
  /** Document ids ticked for "采纳建议"; only pending items can be ticked. */
  selected: Set<number>;
  busy: boolean;
  setYear(year: number): Promise<void>;
  setFilter(patch: Partial<WorklistQuery>): Promise<void>;
  page(offset: number): Promise<void>;
  reload(): Promise<void>;
  toggle(documentId: number): void;
  selectPage(on: boolean): void;
  open(): Promise<InspectionStatus | null>;
  close(): Promise<InspectionStatus | null>;
  /** Every pending item of the year, across pages: what "全部采纳建议" acts on. */
  pendingItems(): Promise<WorklistItem[]>;
  propose(documentIds: number[], justification: string, outcome?: InspectionOutcome, sameJustification?: boolean): Promise<ProposeResult | string>;
  /** Rejects with the core's `{ code, message }` so the caller can show it where the export was asked for. */
  exportTo(format: InspectionExportFormat, path: string, password?: string): Promise<ExportedFile>;
}

/** The year's self-inspection: status and figures, one page of the worklist, and the selection. */
export const useInspection = create<InspectionStore>((set, get) => {
  const guard = async <T>(work: () => Promise<T>): Promise<T | null> => {
    set({ busy: true });
    try {
      return await work();
    } catch (error) {
      useNotices.getState().fail(error);
      return null;
    } finally {
      set({ busy: false });
    }
  };
  const loadPage = async () => {
    const { year, filter, offset, status } = get();
    if (!status || status.state === 'none') return set({ items: [], total: 0 });
    const page = await window.api.worklist({ year, ...filter, offset, limit: WORKLIST_PAGE });
    if (get().year !== year) return;
    set({ items: page.items, total: page.total });
  };
  return {
    year: new Date().getFullYear(),
    status: null,
    filter: {},
    offset: 0,
    items: [],
    total: 0,
    selected: new Set(),
    busy: false,
    async setYear(year) {
      set({ year, status: null, items: [], total: 0, offset: 0, selected: new Set() });
      await get().reload();
    },
    async setFilter(patch) {
      set({ filter: { ...get().filter, ...patch }, offset: 0 });
      await guard(loadPage);
    },
    async page(offset) {
      set({ offset });
      await guard(loadPage);
    },
    async reload() {
      await guard(async () => {
        const year = get().year;
        const status = await window.api.inspectionStatus({ year });
        if (get().year !== year) return;
        set({ status });
        await loadPage();
        const pending = new Set(get().items.filter((i) => i.progress === 'pending').map((i) => i.documentId));
        set({ selected: new Set([...get().selected].filter((id) => pending.has(id))) });
      });
    },
    toggle(documentId) {
      const selected = new Set(get().selected);
      if (selected.has(documentId)) selected.delete(documentId);
      else selected.add(documentId);
      set({ selected });
    },
    selectPage(on) {
      const selected = new Set(get().selected);
      for (const i of get().items) if (i.progress === 'pending') (on ? selected.add(i.documentId) : selected.delete(i.documentId));
      set({ selected });
    },
    async open() {
      const status = await guard(() => window.api.openInspection({ year: get().year }));
      if (status) {
        set({ status, offset: 0 });
        await guard(loadPage);
      }
      return status;
    },
    async close() {
      const status = await guard(() => window.api.closeInspection({ year: get().year }));
      if (status) {
        set({ status, selected: new Set() });
        await guard(loadPage);
      }
      return status;
    },
    async pendingItems() {
      const { year } = get();
      const out: WorklistItem[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await window.api.worklist({ year, progress: 'pending', offset, limit: 1000 });
        out.push(...page.items);
        if (out.length >= page.total || page.items.length === 0) return out;
      }
    },
    async propose(documentIds, justification, outcome, sameJustification) {
      set({ busy: true });
      try {
        const result = await window.api.proposeOutcomes({ year: get().year, documentIds, justification, ...(outcome ? { outcome } : {}), ...(sameJustification ? { sameJustification } : {}) });
        const done = new Set(result.proposed.map((p) => p.documentId));
        set({ selected: new Set([...get().selected].filter((id) => !done.has(id))) });
        await get().reload();
        return result;
      } catch (error) {
        return errorText(error);
      } finally {
        set({ busy: false });
      }
    },
    exportTo: (format, path, password) => window.api.exportInspection({ year: get().year, format, path, ...(password ? { password } : {}) }),
  };
});
