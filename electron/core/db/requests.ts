import type { Connection } from './connection.ts';
import { where } from './where.ts';
import { preparedCache } from './prepared.ts';
import type { AnswerState, AppealKind, AppealResult, ApplicantType, RequestChannel, RequestOutcome } from '../../../shared/inspection-terms.ts';

/** An on-request register entry as stored, with the register document it names; its deadline is worked out above. */
export interface RequestRow {
  id: number;
  documentId: number | null;
  documentSha256: string | null;
  docNumber: string | null;
  title: string | null;
  subject: string;
  applicantType: ApplicantType;
  channel: RequestChannel;
  receivedOn: string;
  extensionDays: number;
  extensionReason: string | null;
  outcome: RequestOutcome | null;
  answeredOn: string | null;
  note: string;
  recordedBy: string;
  recordedAt: string;
  answerState: AnswerState | null;
  proposedOutcome: RequestOutcome | null;
  proposedOn: string | null;
  answerBasis: string | null;
  answerReason: string | null;
  fee: number | null;
  /** 0 or 1 as stored. */
  feeWaived: number;
  reviewRequired: number;
  preparedBy: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
}

/** An answer as prepared or confirmed: what goes on the request row besides its state. */
export interface AnswerColumns {
  outcome: RequestOutcome;
  answeredOn: string;
  answerBasis: string | null;
  answerReason: string | null;
  fee: number | null;
  feeWaived: number;
  reviewRequired: number;
  note: string;
}

export interface AppealRow {
  id: number;
  requestId: number;
  kind: AppealKind;
  filedOn: string;
  body: string;
  afterReconsideration: number;
  result: AppealResult | null;
  decidedOn: string | null;
  recordedBy: string;
  recordedAt: string;
}

type NewRequest = Pick<RequestRow, 'documentId' | 'subject' | 'applicantType' | 'channel' | 'receivedOn' | 'note' | 'recordedBy' | 'recordedAt'>;

/** How often one register document was asked for. */
interface RequestTallyRow {
  documentId: number;
  docNumber: string | null;
  title: string | null;
  count: number;
}

const requestSelect = `SELECT r.*, d.sha256 AS documentSha256, d.docNumber, d.title FROM info_requests r LEFT JOIN documents d ON d.id = r.documentId`;

/** The on-request register (info_requests). */
export function requestsRepository(db: Connection) {
  const cached = preparedCache(db);
  const insert = db.prepare(`INSERT INTO info_requests (documentId, subject, applicantType, channel, receivedOn, note, recordedBy, recordedAt)
    VALUES (@documentId, @subject, @applicantType, @channel, @receivedOn, @note, @recordedBy, @recordedAt)`);
  const byId = db.prepare(`${requestSelect} WHERE r.id = ?`);
  const answer = db.prepare(`UPDATE info_requests SET outcome = @outcome, answeredOn = @answeredOn, note = @note, answerState = 'answered', proposedOutcome = NULL, proposedOn = NULL,
    answerBasis = @answerBasis, answerReason = @answerReason, fee = @fee, feeWaived = @feeWaived, reviewRequired = @reviewRequired, reviewedBy = @reviewedBy, reviewNote = @reviewNote WHERE id = @id`);
  const prepare = db.prepare(`UPDATE info_requests SET answerState = 'awaiting-review', proposedOutcome = @outcome, proposedOn = @answeredOn, note = @note, answerBasis = @answerBasis,
    answerReason = @answerReason, fee = @fee, feeWaived = @feeWaived, reviewRequired = @reviewRequired, preparedBy = @preparedBy, reviewedBy = NULL, reviewNote = NULL WHERE id = @id`);
  const giveBack = db.prepare(`UPDATE info_requests SET answerState = 'returned', reviewedBy = @reviewedBy, reviewNote = @reason WHERE id = @id`);
  const insertAppeal = db.prepare(`INSERT INTO request_appeals (requestId, kind, filedOn, body, afterReconsideration, recordedBy, recordedAt)
    VALUES (@requestId, @kind, @filedOn, @body, @afterReconsideration, @recordedBy, @recordedAt)`);
  const appealResult = db.prepare('UPDATE request_appeals SET result = @result, decidedOn = @decidedOn WHERE id = @id');
  const appealById = db.prepare('SELECT * FROM request_appeals WHERE id = ?');
  const appealsOf = db.prepare('SELECT * FROM request_appeals WHERE requestId = ? ORDER BY id');
  const extend = db.prepare('UPDATE info_requests SET extensionDays = @extensionDays, extensionReason = @reason WHERE id = @id');
  const countsByDocument = db.prepare('SELECT documentId, count(*) AS n FROM info_requests WHERE documentId IS NOT NULL AND receivedOn BETWEEN @from AND @to GROUP BY documentId');
  const tallies = db.prepare(`SELECT r.documentId, d.docNumber, d.title, count(*) AS count FROM info_requests r JOIN documents d ON d.id = r.documentId
    WHERE r.receivedOn BETWEEN @from AND @to GROUP BY r.documentId ORDER BY count DESC, r.documentId`);

  return {
    insert: (r: NewRequest) => Number(insert.run(r).lastInsertRowid),
    get: (id: number) => (byId.get(id) as RequestRow | undefined) ?? null,
    /** The final answer; `reviewedBy` names who confirmed a prepared one. */
    answer: (id: number, a: AnswerColumns, review: { reviewedBy: string | null; reviewNote: string | null }) => void answer.run({ id, ...a, ...review }),
    prepareAnswer: (id: number, a: AnswerColumns, preparedBy: string) => void prepare.run({ id, ...a, preparedBy }),
    returnAnswer: (id: number, reviewedBy: string, reason: string) => void giveBack.run({ id, reviewedBy, reason }),
    insertAppeal: (a: Omit<AppealRow, 'id' | 'result' | 'decidedOn'>) => Number(insertAppeal.run(a).lastInsertRowid),
    appealResult: (id: number, result: AppealResult, decidedOn: string) => void appealResult.run({ id, result, decidedOn }),
    appeal: (id: number) => (appealById.get(id) as AppealRow | undefined) ?? null,
    appealsOf: (requestId: number) => appealsOf.all(requestId) as AppealRow[],
    extend: (id: number, extensionDays: number, reason: string) => void extend.run({ id, extensionDays, reason }),
    /** Requests matching document and year, oldest first. */
    list(filter: { documentId?: number; year?: number }): RequestRow[] {
      const clause = where((and) => {
        if (filter.documentId !== undefined) and('r.documentId = @documentId', { documentId: filter.documentId });
        if (filter.year !== undefined) and('r.receivedOn BETWEEN @from AND @to', { from: `${filter.year}-01-01`, to: `${filter.year}-12-31` });
      });
      return cached(`${requestSelect} ${clause.sql} ORDER BY r.receivedOn, r.id`).all(clause.params) as RequestRow[];
    },
    /** Requests per register document received in [from, to], by document id. */
    countsByDocument(from: string, to: string): Map<number, number> {
      const rows = countsByDocument.all({ from, to }) as { documentId: number; n: number }[];
      return new Map(rows.map((r) => [r.documentId, r.n]));
    },
    /** Requests per register document received in [from, to], most requested first. */
    tallies: (from: string, to: string) => tallies.all({ from, to }) as RequestTallyRow[],
  };
}

