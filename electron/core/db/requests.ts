import type { Connection } from './connection.ts';
import { where } from './where.ts';
import { preparedCache } from './prepared.ts';
import type { ApplicantType, RequestChannel, RequestOutcome } from '../../../shared/inspection-terms.ts';

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
  const answer = db.prepare('UPDATE info_requests SET outcome = @outcome, answeredOn = @answeredOn, note = @note WHERE id = @id');
  const extend = db.prepare('UPDATE info_requests SET extensionDays = @extensionDays, extensionReason = @reason WHERE id = @id');
  const countsByDocument = db.prepare('SELECT documentId, count(*) AS n FROM info_requests WHERE documentId IS NOT NULL AND receivedOn BETWEEN @from AND @to GROUP BY documentId');
  const tallies = db.prepare(`SELECT r.documentId, d.docNumber, d.title, count(*) AS count FROM info_requests r JOIN documents d ON d.id = r.documentId
    WHERE r.receivedOn BETWEEN @from AND @to GROUP BY r.documentId ORDER BY count DESC, r.documentId`);

  return {
    insert: (r: NewRequest) => Number(insert.run(r).lastInsertRowid),
    get: (id: number) => (byId.get(id) as RequestRow | undefined) ?? null,
    answer: (id: number, outcome: RequestOutcome, answeredOn: string, note: string) => void answer.run({ id, outcome, answeredOn, note }),
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

