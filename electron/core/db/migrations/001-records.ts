// Migration 1: the initial record. Every table is STRICT; JSON columns hold canonical JSON written by the repositories.
export const schema001 = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  displayName TEXT NOT NULL,
  passwordHash TEXT NOT NULL,
  publicKey TEXT NOT NULL,
  encryptedPrivateKey TEXT NOT NULL,
  keyFingerprint TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  createdAt TEXT NOT NULL
) STRICT;

CREATE TABLE user_roles (
  userId INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('drafter', 'reviewer', 'signer', 'admin')),
  PRIMARY KEY (userId, role)
) STRICT, WITHOUT ROWID;

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  fileName TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('docx', 'pdf', 'ofd', 'txt')),
  byteSize INTEGER NOT NULL,
  pageCount INTEGER,
  charCount INTEGER NOT NULL,
  docNumber TEXT,
  title TEXT,
  docDate TEXT,
  year INTEGER,
  classification TEXT CHECK (classification IN ('绝密', '机密', '秘密')),
  metadata TEXT NOT NULL,
  warnings TEXT NOT NULL,
  findingCounts TEXT NOT NULL,
  suggestedAttribute TEXT NOT NULL CHECK (suggestedAttribute IN ('proactive', 'partial', 'on-request', 'withheld')),
  lexiconVersion TEXT NOT NULL,
  revisionOf INTEGER REFERENCES documents(id),
  loadedBy INTEGER NOT NULL REFERENCES users(id),
  loadedAt TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'undecided' CHECK (state IN ('undecided', 'draft', 'submitted', 'returned', 'approved', 'signed')),
  attribute TEXT CHECK (attribute IN ('proactive', 'partial', 'on-request', 'withheld')),
  signedAttribute TEXT CHECK (signedAttribute IN ('proactive', 'partial', 'on-request', 'withheld')),
  signedDecisionId INTEGER,
  updatedAt TEXT NOT NULL
) STRICT;

CREATE INDEX documents_state ON documents(state, updatedAt);
CREATE INDEX documents_attribute ON documents(attribute, updatedAt);
CREATE INDEX documents_signed_attribute ON documents(signedAttribute);
CREATE INDEX documents_year ON documents(year, docDate);
CREATE INDEX documents_doc_number ON documents(docNumber);
CREATE INDEX documents_title ON documents(title);
CREATE INDEX documents_date ON documents(docDate);
CREATE INDEX documents_updated ON documents(updatedAt);
CREATE INDEX documents_revision ON documents(revisionOf);

-- What was reviewed never changes and is never deleted.
CREATE TRIGGER documents_content_immutable BEFORE UPDATE OF sha256, fileName, format, byteSize, charCount, metadata, findingCounts, suggestedAttribute, lexiconVersion, loadedBy, loadedAt ON documents
BEGIN SELECT RAISE(ABORT, 'document content is immutable'); END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END;

-- The bulky part of a document, kept apart so the register table stays narrow for listing 100,000 rows.
-- text is NULL when not kept (a classified draft on a computer not declared approved).
CREATE TABLE document_content (
  documentId INTEGER PRIMARY KEY REFERENCES documents(id),
  text TEXT,
  paragraphs TEXT NOT NULL,
  findings TEXT NOT NULL,
  suggestion TEXT NOT NULL
) STRICT;
CREATE TRIGGER document_content_immutable BEFORE UPDATE ON document_content
BEGIN SELECT RAISE(ABORT, 'document content is immutable'); END;
CREATE TRIGGER document_content_no_delete BEFORE DELETE ON document_content
BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END;

CREATE TABLE document_categories (
  documentId INTEGER NOT NULL REFERENCES documents(id),
  category INTEGER NOT NULL CHECK (category BETWEEN 1 AND 9),
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (category, documentId)
) STRICT, WITHOUT ROWID;

-- Trigram tokens make substring search work for Chinese without a word segmenter. Contentless: the index
-- only answers which documents match; the text itself lives once, in document_content.
CREATE VIRTUAL TABLE documents_fts USING fts5(docNumber, title, text, content='', tokenize='trigram');

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  documentId INTEGER NOT NULL REFERENCES documents(id),
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'signed')),
  attribute TEXT NOT NULL CHECK (attribute IN ('proactive', 'partial', 'on-request', 'withheld')),
  suggestedAttribute TEXT NOT NULL,
  reason TEXT NOT NULL,
  basis TEXT NOT NULL,
  basisText TEXT NOT NULL,
  justification TEXT NOT NULL,
  dispositions TEXT NOT NULL,
  redactions TEXT NOT NULL,
  supersedesId INTEGER REFERENCES decisions(id),
  reviewRequired INTEGER NOT NULL DEFAULT 0 CHECK (reviewRequired IN (0, 1)),
  draftedBy INTEGER NOT NULL REFERENCES users(id),
  createdAt TEXT NOT NULL,
  updatedAt TEXT NOT NULL,
  submittedAt TEXT,
  reviewedBy INTEGER REFERENCES users(id),
  reviewedAt TEXT,
  reviewComment TEXT,
  returnedBy INTEGER REFERENCES users(id),
  returnedAt TEXT,
  returnReason TEXT,
  signedBy INTEGER REFERENCES users(id),
  signedAt TEXT,
  signStatement TEXT,
  signature TEXT,
  signSeq INTEGER
) STRICT;

CREATE UNIQUE INDEX decisions_one_open ON decisions(documentId) WHERE state <> 'signed';
CREATE INDEX decisions_document ON decisions(documentId, id);
CREATE INDEX decisions_queue ON decisions(state, draftedBy);
CREATE INDEX decisions_supersedes ON decisions(supersedesId);

CREATE TRIGGER decisions_signed_final BEFORE UPDATE ON decisions WHEN old.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed decision is final'); END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  user TEXT,
  role TEXT,
  action TEXT NOT NULL,
  documentSha256 TEXT,
  decisionId INTEGER,
  payload TEXT NOT NULL,
  signature TEXT,
  hash TEXT NOT NULL
) STRICT;

CREATE INDEX audit_document ON audit_log(documentSha256, seq) WHERE documentSha256 IS NOT NULL;
CREATE INDEX audit_user ON audit_log(user, seq);
CREATE INDEX audit_action ON audit_log(action, seq);
CREATE INDEX audit_time ON audit_log(time);
CREATE INDEX audit_decision ON audit_log(decisionId) WHERE decisionId IS NOT NULL;

${auditTriggers()}
`;

/** The append-only guard; start-up compares the live trigger SQL with exactly this text. */
export function auditTriggers(): string {
  return `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`;
}
