import { create } from 'zustand';
import type { AuditEntryView, AuditFilter, AuditVerifyReport, Checkpoint, People } from '../../../shared/ipc/records.ts';
import { useNotices } from './notices.ts';

const LIMIT = 500;

export type AuditQuery = Omit<AuditFilter, 'offset' | 'limit'>;

interface AuditStore {
  filter: AuditQuery;
  entries: AuditEntryView[];
  total: number;
  people: People;
  report: AuditVerifyReport | null;
  verifying: boolean;
  checkpoint: Checkpoint | null;
  setFilter(filter: AuditQuery): Promise<void>;
  more(): Promise<void>;
  verify(checkpointPath?: string): Promise<void>;
  writeCheckpoint(path: string, password: string): Promise<string | null>;
}

export const useAudit = create<AuditStore>((set, get) => ({
  filter: {},
  entries: [],
  total: 0,
  people: {},
  report: null,
  verifying: false,
  checkpoint: null,
  async setFilter(filter) {
    set({ filter });
    try {
      const page = await window.api.listAudit({ ...filter, limit: LIMIT });
      set({ entries: page.entries, total: page.total, people: page.people });
    } catch (error) {
      useNotices.getState().fail(error);
    }
  },
  async more() {
    const { filter, entries, people } = get();
    try {
      const page = await window.api.listAudit({ ...filter, offset: entries.length, limit: LIMIT });
      set({ entries: [...entries, ...page.entries], total: page.total, people: { ...people, ...page.people } });
    } catch (error) {
      useNotices.getState().fail(error);
    }
  },
  async verify(checkpointPath) {
    set({ verifying: true });
    try {
      set({ report: await window.api.verifyAudit(checkpointPath ? { checkpointPath } : {}), verifying: false });
    } catch (error) {
      set({ verifying: false });
      useNotices.getState().fail(error);
    }
  },
  async writeCheckpoint(path, password) {
    try {
      set({ checkpoint: await window.api.writeCheckpoint({ path, password }) });
      return null;
    } catch (error) {
      return (error as { message?: string }).message ?? String(error);
    }
  },
}));
