import { create } from 'zustand';
import type { Queues } from '../../../shared/ipc/records.ts';
import { useNotices } from './notices.ts';

interface QueueStore {
  queues: Queues | null;
  refresh(): Promise<void>;
}

/** The four 待办 lists and their counts in the navigation; refreshed after every workflow step. */
export const useQueues = create<QueueStore>((set) => ({
  queues: null,
  async refresh() {
    try {
      set({ queues: await window.api.queues({ limit: 500 }) });
    } catch (error) {
      useNotices.getState().fail(error);
    }
  },
}));
