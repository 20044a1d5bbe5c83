import type { DocumentKind, PublicationChannel } from '../../../shared/publication-rules.ts';

/** Audit actions of releases and 解读 links; the publications tables are replayed from these entries. */
export const publicationActions = { record: 'publication.record', kind: 'publication.kind', link: 'publication.link' } as const;

/** One release; the entry's decisionId names the signed decision released. */
export interface PublicationRecordedPayload {
  publicationId: number;
  publishedOn: string;
  channel: PublicationChannel;
  location: string;
}

/** `kind: null` withdraws the override. */
export interface KindSetPayload {
  kind: DocumentKind | null;
  reason: string;
}

/** The 解读 by its hash (ids are the record's own), or the reason none is needed. */
export interface InterpretationLinkedPayload {
  interpretationSha256: string | null;
  reason: string | null;
}
