// Migration 5: releases of signed 公文 and, per document, the kind override and the 解读 link (issue 13).
export const schema005Publication = `
CREATE TABLE IF NOT EXISTS publications (
  id INTEGER PRIMARY KEY,
  documentId INTEGER NOT NULL REFERENCES documents(id),
  decisionId INTEGER NOT NULL REFERENCES decisions(id),
  publishedOn TEXT NOT NULL CHECK (length(publishedOn) = 10),
  channel TEXT NOT NULL CHECK (channel IN ('website', 'gazette', 'new-media', 'board', 'other')),
  location TEXT NOT NULL DEFAULT '',
  recordedBy TEXT NOT NULL,
  recordedAt TEXT NOT NULL
) STRICT;

CREATE INDEX IF NOT EXISTS publications_document ON publications(documentId, publishedOn);

-- A release happened: what the office is scored on is never rewritten or removed.
CREATE TRIGGER IF NOT EXISTS publications_no_update BEFORE UPDATE ON publications
BEGIN SELECT RAISE(ABORT, 'a recorded release is final'); END;
CREATE TRIGGER IF NOT EXISTS publications_no_delete BEFORE DELETE ON publications
BEGIN SELECT RAISE(ABORT, 'releases are never deleted'); END;

CREATE TABLE IF NOT EXISTS publication_profiles (
  documentId INTEGER PRIMARY KEY REFERENCES documents(id),
  -- The officer's override of the recognised kind; null while the recognised kind stands.
  kind TEXT CHECK (kind IS NULL OR kind IN ('normative', 'policy', 'other')),
  kindReason TEXT,
  interpretationId INTEGER REFERENCES documents(id),
  noInterpretationReason TEXT,
  updatedBy TEXT NOT NULL,
  updatedAt TEXT NOT NULL,
  CHECK (interpretationId IS NULL OR noInterpretationReason IS NULL)
) STRICT;

CREATE TRIGGER IF NOT EXISTS publication_profiles_no_delete BEFORE DELETE ON publication_profiles
BEGIN SELECT RAISE(ABORT, 'publication profiles are never deleted'); END;
`;
