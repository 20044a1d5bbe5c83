import type { Connection } from '../connection.ts';
import { shortTermTokens } from '../short-terms.ts';

/** Migration 3: the side index, filled from the documents already stored. */
export function schema003ShortTerms(db: Connection): void {
  db.exec("CREATE VIRTUAL TABLE documents_short USING fts5(tokens, content='', detail='none', tokenize='ascii', prefix='6')");
  const insert = db.prepare('INSERT INTO documents_short (rowid, tokens) VALUES (?, ?)');
  // In batches: better-sqlite3 cannot write on a connection while a read on it is still iterating.
  const batch = db.prepare('SELECT d.id, d.docNumber, d.title, c.text FROM documents d JOIN document_content c ON c.documentId = d.id WHERE d.id > ? ORDER BY d.id LIMIT 1000').raw();
  for (let after = 0; ; ) {
    const rows = batch.all(after) as [number, string | null, string | null, string | null][];
    if (rows.length === 0) break;
    for (const [id, docNumber, title, text] of rows) insert.run(id, shortTermTokens([docNumber, title, text]));
    after = rows.at(-1)![0];
  }
}
