import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';
import { auditTriggers } from './migrations/001-records.ts';
import type { Connection } from './connection.ts';
import { fail, isCoreError } from '../errors.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

export interface OpenOptions {
  /** Open without writing anything (verify, inspecting a backup): no migration, no trigger repair. */
  readonly?: boolean;
}

export function defaultDbPath(dataDir: string): string {
  return path.join(dataDir, 'disclosure-desk.sqlite');
}

/**
 * Opens the record with the durability settings the audit trail needs, checks the file and its
 * append-only guard, and brings the schema up to date. Fails with a Chinese message that names the file.
 */
export function openConnection(file: string, options: OpenOptions = {}): Connection {
  if (options.readonly && !fs.existsSync(file)) fail('db-missing', m.dbMissing(file));
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Connection;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    fail('db-open-failed', m.dbOpenFailed(file, String((error as Error).message)));
  }
  try {
    db.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // The bundled default for WAL is NORMAL, which may lose the last commits on power loss.
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    quickCheck(db, file);
    if (!options.readonly) {
      migrate(db, file);
      if (!auditTriggersIntact(db)) fail('audit-unprotected', m.auditUnprotected(file));
    } else if ((db.pragma('user_version', { simple: true }) as number) === 0) fail('db-not-record', m.dbNotRecord(file));
    return db;
  } catch (error) {
    db.close();
    if (isCoreError(error)) throw error;
    const code = String((error as { code?: unknown }).code ?? '');
    const detail = String((error as Error).message);
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) fail('db-corrupt', m.dbCorrupt(file, detail));
    fail('db-open-failed', m.dbOpenFailed(file, detail));
  }
}

function quickCheck(db: Connection, file: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (error) {
    fail('db-corrupt', m.dbCorrupt(file, String((error as Error).message)));
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) fail('db-corrupt', m.dbCorrupt(file, problems.slice(0, 3).join('；')));
}

const normaliseSql = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** True when both append-only triggers exist exactly as the schema defines them. */
function auditTriggersIntact(db: Connection): boolean {
  const live = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name").pluck().all() as string[];
  const expected = auditTriggers()
    .split(/;\s*(?=CREATE TRIGGER)/)
    .map((s) => normaliseSql(s.replace(/;\s*$/, '')));
  const actual = live.map(normaliseSql).sort();
  return actual.length === expected.length && [...expected].sort().every((sql, i) => actual[i] === sql || actual[i] === sql + ';');
}
