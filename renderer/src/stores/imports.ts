import { create } from 'zustand';
import type { ImportStatus } from '../../../shared/ipc/records.ts';
import { importing as m } from '../messages/register.ts';
import { useNotices } from './notices.ts';

const POLL_MS = 250;

interface ImportStore {
  status: ImportStatus | null;
  /** The batch has been asked for and the core has not yet answered with its job. */
  starting: boolean;
  start(paths: string[]): Promise<void>;
  cancel(): Promise<void>;
  clear(): void;
  /** Called once a batch ends, so the register and queues can refresh. */
  onFinished: (() => void) | null;
}

/** A batch is starting or still running: the 读入 buttons wait, and another batch is refused. */
export const importBusy = (s: Pick<ImportStore, 'status' | 'starting'>): boolean => s.starting || (s.status !== null && !s.status.finished);

/** Refuses a second batch while one runs (its poll would be dropped); true when refused. */
export function refuseWhileImporting(): boolean {
  if (!importBusy(useImports.getState())) return false;
  useNotices.getState().fail({ code: 'import-busy', message: m.busy });
  return true;
}

/** One batch at a time: the core works through it in the background while the UI polls its progress. */
export const useImports = create<ImportStore>((set, get) => {
  const poll = async (jobId: string) => {
    try {
      const status = await window.api.importStatus({ jobId });
      set({ status });
      if (status.finished) {
        get().onFinished?.();
        return;
      }
    } catch (error) {
      // Lost track of the job: drop the panel so the 读入 buttons are free again, and show what did arrive.
      set({ status: null });
      useNotices.getState().fail(error);
      get().onFinished?.();
      return;
    }
    setTimeout(() => void poll(jobId), POLL_MS);
  };
  return {
    status: null,
    starting: false,
    onFinished: null,
    async start(paths) {
      if (paths.length === 0 || refuseWhileImporting()) return;
      set({ starting: true });
      try {
        const { jobId } = await window.api.startImport({ paths });
        set({ starting: false, status: { jobId, total: paths.length, done: 0, current: null, errors: [], finished: false, cancelled: false, documentIds: [] } });
        await poll(jobId);
      } catch (error) {
        set({ starting: false });
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
