// Migration 2: the on-request register, the yearly self-inspections and the bundles imported from other units.
export const schema002Inspection = `
CREATE TABLE info_requests (
  id INTEGER PRIMARY KEY,
  documentId INTEGER REFERENCES documents(id),
  subject TEXT NOT NULL,
  applicantType TEXT NOT NULL CHECK (applicantType IN ('citizen', 'legal-person', 'other')),
  channel TEXT NOT NULL CHECK (channel IN ('in-person', 'mail', 'online', 'fax', 'other')),
  receivedOn TEXT NOT NULL CHECK (length(receivedOn) = 10),
  extensionDays INTEGER NOT NULL DEFAULT 0 CHECK (extensionDays BETWEEN 0 AND 20),
  extensionReason TEXT,
  outcome TEXT,
  answeredOn TEXT CHECK (answeredOn IS NULL OR (length(answeredOn) = 10 AND answeredOn >= receivedOn)),
  note TEXT NOT NULL DEFAULT '',
  recordedBy TEXT NOT NULL,
  recordedAt TEXT NOT NULL,
  CHECK ((outcome IS NULL) = (answeredOn IS NULL))
) STRICT;

CREATE INDEX info_requests_document ON info_requests(documentId, receivedOn);
CREATE INDEX info_requests_received ON info_requests(receivedOn);

-- A request is a record the applicant may later rely on: it is answered, never removed.
CREATE TRIGGER info_requests_no_delete BEFORE DELETE ON info_requests
BEGIN SELECT RAISE(ABORT, 'requests are never deleted'); END;
CREATE TRIGGER info_requests_answer_final BEFORE UPDATE ON info_requests WHEN old.outcome IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an answered request is final'); END;

CREATE TABLE inspections (
  year INTEGER PRIMARY KEY,
  config TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  openedBy TEXT NOT NULL,
  openedAt TEXT NOT NULL,
  asOf TEXT NOT NULL,
  closedBy TEXT,
  closedAt TEXT,
  closeSeq INTEGER,
  summary TEXT,
  annual TEXT
) STRICT;

-- A closed inspection is what was reported: its figures never change afterwards.
CREATE TRIGGER inspections_locked BEFORE UPDATE ON inspections WHEN old.state = 'closed'
BEGIN SELECT RAISE(ABORT, 'a closed inspection is locked'); END;
CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections
BEGIN SELECT RAISE(ABORT, 'inspections are never deleted'); END;

CREATE TABLE inspection_items (
  year INTEGER NOT NULL REFERENCES inspections(year),
  documentId INTEGER NOT NULL REFERENCES documents(id),
  decisionId INTEGER NOT NULL REFERENCES decisions(id),
  rules TEXT NOT NULL,
  requestCount INTEGER NOT NULL,
  secrecyEnds TEXT,
  suggested TEXT NOT NULL CHECK (suggested IN ('keep', 'proactive', 'partial')),
  suggestionReason TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('keep', 'proactive', 'partial')),
  justification TEXT,
  newDecisionId INTEGER REFERENCES decisions(id),
  proposedBy TEXT,
  proposedAt TEXT,
  PRIMARY KEY (year, documentId)
) STRICT;

CREATE INDEX inspection_items_new_decision ON inspection_items(newDecisionId) WHERE newDecisionId IS NOT NULL;

CREATE TRIGGER inspection_items_locked_insert BEFORE INSERT ON inspection_items WHEN (SELECT state FROM inspections WHERE year = new.year) = 'closed'
BEGIN SELECT RAISE(ABORT, 'a closed inspection is locked'); END;
CREATE TRIGGER inspection_items_locked_update BEFORE UPDATE ON inspection_items WHEN (SELECT state FROM inspections WHERE year = old.year) = 'closed'
BEGIN SELECT RAISE(ABORT, 'a closed inspection is locked'); END;
CREATE TRIGGER inspection_items_no_delete BEFORE DELETE ON inspection_items
BEGIN SELECT RAISE(ABORT, 'inspection items are never deleted'); END;

CREATE TABLE unit_keys (
  installationId TEXT PRIMARY KEY,
  unitName TEXT NOT NULL,
  keyFingerprint TEXT NOT NULL,
  publicKey TEXT NOT NULL,
  pinnedAt TEXT NOT NULL
) STRICT;

CREATE TABLE bundles (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  installationId TEXT NOT NULL REFERENCES unit_keys(installationId),
  unitName TEXT NOT NULL,
  year INTEGER NOT NULL,
  keyFingerprint TEXT NOT NULL,
  closedAt TEXT,
  -- The verified summary and annual figures, so the consolidated view never re-reads whole bundles.
  figures TEXT NOT NULL,
  body TEXT NOT NULL,
  importedBy TEXT NOT NULL,
  importedAt TEXT NOT NULL
) STRICT;

CREATE INDEX bundles_unit_year ON bundles(year, installationId, id);
`;
