import type { Api } from '../../../shared/ipc.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { linkInterpretation, listPublications, publicationProfile, publish, setDocumentKind } from './publication.ts';

type PublicationApi = Pick<Api, 'publish' | 'listPublications' | 'publicationProfile' | 'setDocumentKind' | 'linkInterpretation'>;

/** Releases of signed public 公文, their deadlines, and the 解读 that go with policy documents. */
export function publicationHandlers(desk: Pick<Desk, 'signedIn'>): Handlers<PublicationApi> {
  return {
    publish: (input) => {
      const { ctx, actor } = desk.signedIn();
      return publish(ctx, actor, input);
    },
    listPublications: (filter) => listPublications(desk.signedIn().ctx, filter),
    publicationProfile: ({ documentId }) => publicationProfile(desk.signedIn().ctx, documentId),
    setDocumentKind: (input) => {
      const { ctx, actor } = desk.signedIn();
      return setDocumentKind(ctx, actor, input);
    },
    linkInterpretation: (input) => {
      const { ctx, actor } = desk.signedIn();
      return linkInterpretation(ctx, actor, input);
    },
  };
}
