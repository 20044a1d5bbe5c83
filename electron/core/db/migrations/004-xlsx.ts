import type { Connection } from '../connection.ts';

const oldCheck = "format IN ('docx', 'pdf', 'ofd', 'txt')";
const newCheck = "format IN ('docx', 'pdf', 'ofd', 'txt', 'xlsx')";

/**
 * Migration 4: the register accepts .xlsx lists. SQLite cannot alter a CHECK constraint, so the table is
 * rebuilt under a new name with the wider check, filled with the same rows (ids kept, so every reference and
 * the search indexes stay valid), and renamed; its indexes and triggers are made again exactly as they were.
 * The migration runner checks every reference before it commits.
 */
export function schema004Xlsx(db: Connection): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'").pluck().get() as string;
  if (table.includes(newCheck)) return;
  if (!table.includes(oldCheck)) throw new Error('migration 4: the documents table is not the one migration 1 made');
  const dependants = db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name").pluck().all() as string[];
  db.exec(table.replace(/^CREATE TABLE "?documents"?/, 'CREATE TABLE documents_xlsx').replace(oldCheck, newCheck));
  db.exec('INSERT INTO documents_xlsx SELECT * FROM documents');
  db.exec('DROP TABLE documents');
  db.exec('ALTER TABLE documents_xlsx RENAME TO documents');
  for (const sql of dependants) db.exec(sql);
}
