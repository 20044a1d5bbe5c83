import type { Connection } from './connection.ts';
import type { Statement } from './prepared.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import type { Attribute, DecisionState, Disposition } from '../../../shared/types.ts';
import type { Redaction } from '../../../shared/redaction.ts';
import type { Channel } from '../../../shared/channels.ts';
import type { ReturnGround } from '../../../shared/return-grounds.ts';

/** A decision as stored: users by id, the sign statement as the signed JSON text; the view resolves the links. */
export interface DecisionRecord {
  id: number;
  documentId: number;
  state: DecisionState;
  attribute: Attribute;
  suggestedAttribute: Attribute;
  reason: string;
  basis: string[];
  basisText: string;
  justification: string;
  dispositions: Disposition[];
  redactions: Redaction[];
  channels: Channel[];
  channelText: string;
  supersedesId: number | null;
  reviewRequired: boolean;
  draftedBy: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  returnedBy: number | null;
  returnedAt: string | null;
  returnReason: string | null;
  returnGrounds: ReturnGround[] | null;
  signedBy: number | null;
  signedAt: string | null;
  signStatement: string | null;
  signature: string | null;
  signSeq: number | null;
}

/** A decision waiting in someone's queue, with its document and the drafter's name. */
interface QueueRow {
  decisionId: number;
  documentId: number;
  documentSha256: string;
  fileName: string;
  docNumber: string | null;
  title: string | null;
  attribute: Attribute;
  state: DecisionState;
  draftedBy: string;
  updatedAt: string;
  returnReason: string | null;
  returnGrounds: ReturnGround[] | null;
}

/** The part of a decision its drafter writes. */
export type DecisionContent = Pick<DecisionRecord, 'attribute' | 'reason' | 'basis' | 'basisText' | 'justification' | 'dispositions' | 'redactions' | 'channels' | 'channelText'>;

type Raw = Omit<DecisionRecord, 'basis' | 'dispositions' | 'redactions' | 'channels' | 'returnGrounds' | 'reviewRequired'> & {
  basis: string;
  dispositions: string;
  redactions: string;
  channels: string;
  returnGrounds: string | null;
  reviewRequired: number;
};

const hydrate = (r: Raw | undefined): DecisionRecord | null =>
  r
    ? {
        ...r,
        basis: JSON.parse(r.basis) as string[],
        dispositions: JSON.parse(r.dispositions) as Disposition[],
        redactions: JSON.parse(r.redactions) as Redaction[],
        channels: JSON.parse(r.channels) as Channel[],
        returnGrounds: r.returnGrounds === null ? null : (JSON.parse(r.returnGrounds) as ReturnGround[]),
        reviewRequired: r.reviewRequired === 1,
      }
    : null;

const contentParams = (c: DecisionContent) => ({
  attribute: c.attribute,
  reason: c.reason,
  basis: canonicalJson(c.basis),
  basisText: c.basisText,
  justification: c.justification,
  dispositions: canonicalJson(c.dispositions),
  redactions: canonicalJson(c.redactions),
  channels: canonicalJson(c.channels),
  channelText: c.channelText,
});

const queueSelect = `SELECT c.id AS decisionId, d.id AS documentId, d.sha256 AS documentSha256, d.fileName, d.docNumber, d.title,
  c.attribute, c.state, u.name AS draftedBy, c.updatedAt, c.returnReason, c.returnGrounds
  FROM decisions c JOIN documents d ON d.id = c.documentId JOIN users u ON u.id = c.draftedBy`;

const queueWhere = {
  myDrafts: "c.state = 'draft' AND c.draftedBy = @user",
  returnedToMe: "c.state = 'returned' AND c.draftedBy = @user",
  awaitingReview: "c.state = 'submitted' AND c.reviewRequired = 1 AND c.draftedBy <> @user",
  awaitingSignature: "(c.state = 'approved' OR (c.state = 'submitted' AND c.reviewRequired = 0)) AND c.draftedBy <> @user",
} as const;

type QueueName = keyof typeof queueWhere;

export function decisionsRepository(db: Connection) {
  const insert = db.prepare(`INSERT INTO decisions (documentId, state, attribute, suggestedAttribute, reason, basis, basisText, justification, dispositions, redactions,
    channels, channelText, supersedesId, draftedBy, createdAt, updatedAt) VALUES (@documentId, 'draft', @attribute, @suggestedAttribute, @reason, @basis, @basisText, @justification,
    @dispositions, @redactions, @channels, @channelText, @supersedesId, @draftedBy, @now, @now)`);
  const updateContent = db.prepare(`UPDATE decisions SET attribute = @attribute, reason = @reason, basis = @basis, basisText = @basisText,
    justification = @justification, dispositions = @dispositions, redactions = @redactions, channels = @channels, channelText = @channelText, updatedAt = @now WHERE id = @id`);
  const submit = db.prepare("UPDATE decisions SET state = 'submitted', reviewRequired = @reviewRequired, submittedAt = @now, updatedAt = @now WHERE id = @id");
  const approve = db.prepare("UPDATE decisions SET state = 'approved', reviewedBy = @user, reviewedAt = @now, reviewComment = @comment, updatedAt = @now WHERE id = @id");
  const giveBack = db.prepare(
    "UPDATE decisions SET state = 'returned', returnedBy = @user, returnedAt = @now, returnReason = @reason, returnGrounds = @grounds, reviewedBy = NULL, reviewedAt = NULL, reviewComment = NULL, updatedAt = @now WHERE id = @id",
  );
  const sign = db.prepare(
    "UPDATE decisions SET state = 'signed', signedBy = @user, signedAt = @now, signStatement = @statement, signature = @signature, signSeq = @seq, updatedAt = @now WHERE id = @id",
  );
  const byId = db.prepare('SELECT * FROM decisions WHERE id = ?');
  const forDocument = db.prepare('SELECT * FROM decisions WHERE documentId = ? ORDER BY id');
  const latestForDocument = db.prepare('SELECT * FROM decisions WHERE documentId = ? ORDER BY id DESC LIMIT 1');
  const supersededBy = db.prepare('SELECT id FROM decisions WHERE supersedesId = ? ORDER BY id LIMIT 1').pluck();
  const signed = db.prepare("SELECT id, signStatement, signature, signSeq FROM decisions WHERE state = 'signed' ORDER BY id");
  const queueCount = Object.fromEntries(Object.entries(queueWhere).map(([k, w]) => [k, db.prepare(`SELECT count(*) FROM decisions c WHERE ${w}`).pluck()])) as Record<QueueName, Statement>;
  const queueList = Object.fromEntries(Object.entries(queueWhere).map(([k, w]) => [k, db.prepare(`${queueSelect} WHERE ${w} ORDER BY c.updatedAt, c.id LIMIT @limit`)])) as Record<QueueName, Statement>;

  return {
    insert(documentId: number, suggestedAttribute: Attribute, content: DecisionContent, draftedBy: number, supersedesId: number | null, now: string): number {
      return Number(insert.run({ documentId, suggestedAttribute, ...contentParams(content), supersedesId, draftedBy, now }).lastInsertRowid);
    },
    updateContent(id: number, content: DecisionContent, now: string): void {
      updateContent.run({ id, ...contentParams(content), now });
    },
    submit(id: number, reviewRequired: boolean, now: string): void {
      submit.run({ id, reviewRequired: reviewRequired ? 1 : 0, now });
    },
    approve(id: number, user: number, comment: string | null, now: string): void {
      approve.run({ id, user, comment, now });
    },
    giveBack(id: number, user: number, reason: string, grounds: readonly ReturnGround[], now: string): void {
      giveBack.run({ id, user, reason, grounds: canonicalJson(grounds), now });
    },
    sign(id: number, user: number, statement: string, signature: string, seq: number, now: string): void {
      sign.run({ id, user, statement, signature, seq, now });
    },
    get: (id: number) => hydrate(byId.get(id) as Raw | undefined),
    forDocument: (documentId: number) => (forDocument.all(documentId) as Raw[]).map((r) => hydrate(r)!),
    latestForDocument: (documentId: number) => hydrate(latestForDocument.get(documentId) as Raw | undefined),
    supersededBy: (id: number) => (supersededBy.get(id) as number | undefined) ?? null,
    signed: () => signed.iterate() as IterableIterator<{ id: number; signStatement: string; signature: string; signSeq: number }>,
    queueCount: (queue: QueueName, user: number) => queueCount[queue].get({ user }) as number,
    queueList: (queue: QueueName, user: number, limit: number) =>
      (queueList[queue].all({ user, limit }) as (Omit<QueueRow, 'returnGrounds'> & { returnGrounds: string | null })[]).map(
        (r): QueueRow => ({ ...r, returnGrounds: r.returnGrounds === null ? null : (JSON.parse(r.returnGrounds) as ReturnGround[]) }),
      ),
  };
}

