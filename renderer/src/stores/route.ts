import { create } from 'zustand';
import type { QueueCounts } from '../../../shared/ipc/records.ts';

export type QueueName = keyof QueueCounts;

export type Route =
  | { view: 'register' }
  | { view: 'queue'; queue: QueueName }
  | { view: 'document'; documentId: number }
  | { view: 'audit'; documentSha256?: string }
  | { view: 'lexicon' }
  | { view: 'settings' }
  | { view: 'inspection' }
  | { view: 'requests' }
  | { view: 'annual' }
  | { view: 'consolidation' };

interface RouteStore {
  route: Route;
  /** Where "back" from a document leads. */
  previous: Route;
  go(route: Route): void;
  back(): void;
}

export const useRoute = create<RouteStore>((set, get) => ({
  route: { view: 'register' },
  previous: { view: 'register' },
  go(route) {
    const current = get().route;
    set({ route, previous: current.view === 'document' ? get().previous : current });
  },
  back() {
    set({ route: get().previous });
  },
}));
