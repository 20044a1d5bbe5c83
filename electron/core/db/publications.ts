import type { Connection } from './connection.ts';
import type { Attribute } from '../../../shared/types.ts';
import type { DocumentKind, PublicationChannel } from '../../../shared/publication-rules.ts';

/** One release of a signed 公文 as stored. */
interface PublicationRow {
  id: number;
  documentId: number;
  decisionId: number;
  publishedOn: string;
  channel: PublicationChannel;
  location: string;
  recordedBy: string;
  recordedAt: string;
}

type NewPublication = Omit<PublicationRow, 'id'>;

/** A document's kind override and 解读 link as stored; absent until someone records either. */
export interface PublicationProfileRow {
  documentId: number;
  kind: DocumentKind | null;
  kindReason: string | null;
  interpretationId: number | null;
  noInterpretationReason: string | null;
  updatedBy: string;
  updatedAt: string;
}

/** A register document whose attribute in force is signed public (proactive or partial), with what its deadline reads. */
export interface ReleasableRow {
  documentId: number;
  sha256: string;
  docNumber: string | null;
  title: string | null;
  docDate: string | null;
  issuerMark: string | null;
  decisionId: number;
  attribute: Attribute;
  signedAt: string;
  firstPublishedOn: string | null;
  releases: number;
}

/** Releases, kind overrides and 解读 links (publications, publication_profiles). */
export function publicationsRepository(db: Connection) {
  const insert = db.prepare(`INSERT INTO publications (documentId, decisionId, publishedOn, channel, location, recordedBy, recordedAt)
    VALUES (@documentId, @decisionId, @publishedOn, @channel, @location, @recordedBy, @recordedAt)`);
  const byId = db.prepare('SELECT * FROM publications WHERE id = ?');
  const forDocument = db.prepare('SELECT * FROM publications WHERE documentId = ? ORDER BY publishedOn, id');
  const firstRelease = db.prepare('SELECT min(publishedOn) FROM publications WHERE documentId = ?').pluck();
  const profile = db.prepare('SELECT * FROM publication_profiles WHERE documentId = ?');
  const profiles = db.prepare('SELECT * FROM publication_profiles');
  const setKind = db.prepare(`INSERT INTO publication_profiles (documentId, kind, kindReason, updatedBy, updatedAt) VALUES (@documentId, @kind, @reason, @by, @at)
    ON CONFLICT (documentId) DO UPDATE SET kind = excluded.kind, kindReason = excluded.kindReason, updatedBy = excluded.updatedBy, updatedAt = excluded.updatedAt`);
  const setLink = db.prepare(`INSERT INTO publication_profiles (documentId, interpretationId, noInterpretationReason, updatedBy, updatedAt) VALUES (@documentId, @interpretationId, @reason, @by, @at)
    ON CONFLICT (documentId) DO UPDATE SET interpretationId = excluded.interpretationId, noInterpretationReason = excluded.noInterpretationReason, updatedBy = excluded.updatedBy, updatedAt = excluded.updatedAt`);
  const releasableSql = (extra: string) => `SELECT d.id AS documentId, d.sha256, d.docNumber, d.title, d.docDate, json_extract(d.metadata, '$.issuerMark') AS issuerMark,
      c.id AS decisionId, c.attribute, c.signedAt, min(p.publishedOn) AS firstPublishedOn, count(p.id) AS releases
    FROM documents d JOIN decisions c ON c.id = d.signedDecisionId LEFT JOIN publications p ON p.documentId = d.id
    WHERE d.signedAttribute IN ('proactive', 'partial') ${extra} GROUP BY d.id ORDER BY d.id`;
  const releasable = db.prepare(releasableSql(''));
  const releasableOne = db.prepare(releasableSql('AND d.id = ?'));

  return {
    insert: (p: NewPublication) => Number(insert.run(p).lastInsertRowid),
    get: (id: number) => (byId.get(id) as PublicationRow | undefined) ?? null,
    forDocument: (documentId: number) => forDocument.all(documentId) as PublicationRow[],
    firstRelease: (documentId: number) => (firstRelease.get(documentId) as string | null) ?? null,
    profile: (documentId: number) => (profile.get(documentId) as PublicationProfileRow | undefined) ?? null,
    /** Every recorded profile by document id. */
    profiles: () => new Map((profiles.all() as PublicationProfileRow[]).map((p) => [p.documentId, p])),
    setKind: (documentId: number, kind: DocumentKind | null, reason: string | null, by: string, at: string) => void setKind.run({ documentId, kind, reason, by, at }),
    setLink: (documentId: number, interpretationId: number | null, reason: string | null, by: string, at: string) => void setLink.run({ documentId, interpretationId, reason, by, at }),
    /** Every document signed public, with its first release if any. */
    releasable: () => releasable.all() as ReleasableRow[],
    /** The one document, when it is signed public. */
    releasableOne: (documentId: number) => (releasableOne.get(documentId) as ReleasableRow | undefined) ?? null,
  };
}

