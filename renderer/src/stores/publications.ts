import { create } from 'zustand';
import type { PublicationFilter, PublicationProfile, PublicationQueue, PublishInput } from '../../../shared/ipc/publication.ts';
import { errorText } from '../lib/errors.ts';
import { useNotices } from './notices.ts';

interface PublicationStore {
  filter: PublicationFilter;
  queue: PublicationQueue | null;
  /** Due and overdue over every year: the navigation's count. */
  waiting: number;
  setFilter(patch: Partial<PublicationFilter>): Promise<void>;
  reload(): Promise<void>;
  publish(input: PublishInput): Promise<PublicationProfile | string>;
}

/** The 待发布 queue: signed public 公文 with their release deadlines, and the on-time rate. */
export const usePublications = create<PublicationStore>((set, get) => ({
  filter: {},
  queue: null,
  waiting: 0,
  async setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
    await get().reload();
  },
  async reload() {
    const { filter } = get();
    try {
      const [queue, all] = await Promise.all([window.api.listPublications(filter), window.api.listPublications({})]);
      if (get().filter !== filter) return;
      set({ queue, waiting: all.counts.due + all.counts.overdue });
    } catch (error) {
      useNotices.getState().fail(error);
    }
  },
  async publish(input) {
    try {
      const profile = await window.api.publish(input);
      await get().reload();
      return profile;
    } catch (error) {
      return errorText(error);
    }
  },
}));
