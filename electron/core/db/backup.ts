import Database from 'better-sqlite3';
import type { Connection } from './connection.ts';

/**
 * Copies the open record through SQLite's online backup API (safe while the app writes) into one
 * self-contained file: the copy is switched out of WAL so no -wal file has to travel with it.
 */
export async function backupConnection(db: Connection, file: string): Promise<void> {
  await db.backup(file);
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
