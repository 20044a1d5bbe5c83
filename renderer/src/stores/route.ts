import { create } from 'zustand';
import type { QueueCounts } from '../../../shared/ipc/records.ts';
import { startRun, type QueueRun } from '../workspace/queue-run.ts';

export type QueueName = keyof QueueCounts;

export type Route =
  | { view: 'register' }
  | { view: 'queue'; queue: QueueName }
  | { view: 'document'; documentId: number; queue?: QueueName }
  | { view: 'audit'; documentSha256?: string }
  | { view: 'lexicon' }
  | { view: 'settings' }
  | { view: 'inspection' }
  | { view: 'requests' }
  | { view: 'publications' }
  | { view: 'annual' }
  | { view: 'consolidation' };

interface RouteStore {
  route: Route;
  /** Where "back" from a document leads. */
  previous: Route;
  /** The queue being worked through, as it stood when the officer opened a document from it. */
  run: QueueRun | null;
  go(route: Route): void;
  openFromQueue(queue: QueueName, documentId: number, queueDocumentIds: readonly number[]): void;
  back(): void;
}

export const useRoute = create<RouteStore>((set, get) => ({
  route: { view: 'register' },
  previous: { view: 'register' },
  run: null,
  go(route) {
    const current = get().route;
    set({ route, previous: current.view === 'document' ? get().previous : current });
  },
  openFromQueue(queue, documentId, queueDocumentIds) {
    set({ run: startRun(queueDocumentIds) });
    get().go({ view: 'document', documentId, queue });
  },
  back() {
    set({ route: get().previous });
  },
}));
