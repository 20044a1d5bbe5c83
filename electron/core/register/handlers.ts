import type { Api } from '../../../shared/ipc.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { documentDetail, listDocuments, queues } from './documents.ts';

type RegisterApi = Pick<Api, 'listDocuments' | 'getDocument' | 'startImport' | 'importStatus' | 'cancelImport' | 'queues'>;

/** The document register: loading files in jobs, listing, one document's detail, each person's queues. */
export function registerHandlers(desk: Pick<Desk, 'signedIn' | 'jobs'>): Handlers<RegisterApi> {
  return {
    listDocuments: (filter) => listDocuments(desk.signedIn().ctx, filter),
    getDocument: ({ documentId }) => {
      const { ctx, actor } = desk.signedIn();
      return documentDetail(ctx, actor, documentId);
    },
    startImport: ({ paths }) => {
      const { actor } = desk.signedIn();
      return desk.jobs().start(actor, paths);
    },
    importStatus: ({ jobId }) => desk.jobs().status(desk.signedIn().actor, jobId),
    cancelImport: ({ jobId }) => desk.jobs().cancel(desk.signedIn().actor, jobId),
    queues: ({ limit }) => {
      const { ctx, actor } = desk.signedIn();
      return queues(ctx, actor, limit ?? 200);
    },
  };
}
