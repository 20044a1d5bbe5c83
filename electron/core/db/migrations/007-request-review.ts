import type { Connection } from '../connection.ts';

/**
 * Migration 7 (issue 14): the on-request register keeps the answer under review, its basis, reasons and fee,
 * the applicant columns of the 2021 national template, and the 复议/诉讼 brought over each request.
 *
 * The CHECK on applicantType can only change by rebuilding the table. Old rows are mapped as `applicantOf`
 * reads them (citizen → natural-person, legal-person and other → other-org) so that the chain, whose old
 * entries still say citizen, replays to the same row. Answered rows become `answered`.
 */
export function schema007RequestReview(db: Connection): void {
  const present = new Set(db.prepare("SELECT name FROM pragma_table_info('info_requests')").pluck().all() as string[]);
  if (present.has('answerState')) return;
  db.exec(`
CREATE TABLE info_requests_007 (
  id INTEGER PRIMARY KEY,
  documentId INTEGER REFERENCES documents(id),
  subject TEXT NOT NULL,
  applicantType TEXT NOT NULL CHECK (applicantType IN ('natural-person', 'commercial', 'research', 'public-interest', 'legal-service', 'other-org')),
  channel TEXT NOT NULL CHECK (channel IN ('in-person', 'mail', 'online', 'fax', 'other')),
  receivedOn TEXT NOT NULL CHECK (length(receivedOn) = 10),
  extensionDays INTEGER NOT NULL DEFAULT 0 CHECK (extensionDays BETWEEN 0 AND 20),
  extensionReason TEXT,
  outcome TEXT,
  answeredOn TEXT CHECK (answeredOn IS NULL OR (length(answeredOn) = 10 AND answeredOn >= receivedOn)),
  note TEXT NOT NULL DEFAULT '',
  recordedBy TEXT NOT NULL,
  recordedAt TEXT NOT NULL,
  answerState TEXT CHECK (answerState IS NULL OR answerState IN ('awaiting-review', 'returned', 'answered')),
  proposedOutcome TEXT,
  proposedOn TEXT CHECK (proposedOn IS NULL OR length(proposedOn) = 10),
  answerBasis TEXT,
  answerReason TEXT,
  fee REAL CHECK (fee IS NULL OR fee >= 0),
  feeWaived INTEGER NOT NULL DEFAULT 0 CHECK (feeWaived IN (0, 1)),
  reviewRequired INTEGER NOT NULL DEFAULT 0 CHECK (reviewRequired IN (0, 1)),
  preparedBy TEXT,
  reviewedBy TEXT,
  reviewNote TEXT,
  CHECK ((outcome IS NULL) = (answeredOn IS NULL)),
  CHECK ((outcome IS NULL) = (answerState IS NOT 'answered'))
) STRICT;

INSERT INTO info_requests_007 (id, documentId, subject, applicantType, channel, receivedOn, extensionDays, extensionReason, outcome, answeredOn, note, recordedBy, recordedAt, answerState)
SELECT id, documentId, subject,
  CASE applicantType WHEN 'citizen' THEN 'natural-person' ELSE 'other-org' END,
  channel, receivedOn, extensionDays, extensionReason, outcome, answeredOn, note, recordedBy, recordedAt,
  CASE WHEN outcome IS NOT NULL THEN 'answered' END
FROM info_requests;

DROP TABLE info_requests;
ALTER TABLE info_requests_007 RENAME TO info_requests;

CREATE INDEX info_requests_document ON info_requests(documentId, receivedOn);
CREATE INDEX info_requests_received ON info_requests(receivedOn);
CREATE TRIGGER info_requests_no_delete BEFORE DELETE ON info_requests
BEGIN SELECT RAISE(ABORT, 'requests are never deleted'); END;
CREATE TRIGGER info_requests_answer_final BEFORE UPDATE ON info_requests WHEN old.outcome IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an answered request is final'); END;

CREATE TABLE request_appeals (
  id INTEGER PRIMARY KEY,
  requestId INTEGER NOT NULL REFERENCES info_requests(id),
  kind TEXT NOT NULL CHECK (kind IN ('reconsideration', 'litigation')),
  filedOn TEXT NOT NULL CHECK (length(filedOn) = 10),
  body TEXT NOT NULL,
  afterReconsideration INTEGER NOT NULL DEFAULT 0 CHECK (afterReconsideration IN (0, 1)),
  result TEXT CHECK (result IS NULL OR result IN ('upheld', 'corrected', 'other')),
  decidedOn TEXT CHECK (decidedOn IS NULL OR length(decidedOn) = 10),
  recordedBy TEXT NOT NULL,
  recordedAt TEXT NOT NULL,
  CHECK ((result IS NULL) = (decidedOn IS NULL))
) STRICT;

CREATE INDEX request_appeals_request ON request_appeals(requestId);
CREATE TRIGGER request_appeals_no_delete BEFORE DELETE ON request_appeals
BEGIN SELECT RAISE(ABORT, 'appeals are never deleted'); END;
CREATE TRIGGER request_appeals_result_final BEFORE UPDATE ON request_appeals WHEN old.result IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an appeal result is final'); END;
`);
}
