import { create } from 'zustand';
import type { ImportStatus } from '../../../shared/ipc/records.ts';
import { useNotices } from './notices.ts';

const POLL_MS = 250;

interface ImportStore {
  status: ImportStatus | null;
  start(paths: string[]): Promise<void>;
  cancel(): Promise<void>;
  clear(): void;
  /** Called once a batch ends, so the register and queues can refresh. */
  onFinished: (() => void) | null;
}

/** One batch at a time: the core works through it in the background while the UI polls its progress. */
export const useImports = create<ImportStore>((set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const poll = async (jobId: string) => {
    try {
      const status = await window.api.importStatus({ jobId });
      set({ status });
      if (status.finished) {
        timer = null;
        get().onFinished?.();
        return;
      }
    } catch (error) {
      useNotices.getState().fail(error);
      return;
    }
    timer = setTimeout(() => void poll(jobId), POLL_MS);
  };
  return {
    status: null,
    onFinished: null,
    async start(paths) {
      if (paths.length === 0) return;
      if (timer) clearTimeout(timer);
      try {
        const { jobId } = await window.api.startImport({ paths });
        set({ status: { jobId, total: paths.length, done: 0, current: null, errors: [], finished: false, cancelled: false, documentIds: [] } });
        await poll(jobId);
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    async cancel() {
      const { status } = get();
      if (!status || status.finished) return;
      try {
        set({ status: await window.api.cancelImport({ jobId: status.jobId }) });
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    clear() {
      if (get().status?.finished) set({ status: null });
    },
  };
});
