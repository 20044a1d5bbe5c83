import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/store.ts';
import { schemaVersion } from '../../electron/core/db/migrations.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { loadSample, makeTeam, openTestRecords, password, privacyDecision } from './helpers.ts';

/** A record as schema version 3 held it: the documents table with the four-format CHECK, rows and references in place. */
function versionThreeRecord(): { file: string; rows: unknown[] } {
  const ctx = openTestRecords();
  const team = makeTeam(ctx);
  const { outcome, findings } = loadSample(ctx, team.drafter);
  const d = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id, 'partial'));
  submitDecision(ctx, team.drafter, d.id);
  signDecision(ctx, team.signer, d.id, password);
  const file = ctx.store.file;
  ctx.store.close();
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents'").pluck().get() as string;
  const dependants = db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') AND sql IS NOT NULL").pluck().all() as string[];
  db.exec(table.replace(/CREATE TABLE "?documents"?/, 'CREATE TABLE documents_old').replace("'txt', 'xlsx'", "'txt'"));
  db.exec('INSERT INTO documents_old SELECT * FROM documents; DROP TABLE documents; ALTER TABLE documents_old RENAME TO documents;');
  for (const sql of dependants) db.exec(sql);
  db.pragma('user_version = 3');
  const rows = db.prepare('SELECT * FROM documents ORDER BY id').all();
  db.close();
  return { file, rows };
}

describe('migration 4: the register takes .xlsx lists', () => {
  it('rebuilds the documents table with every row, reference, index and trigger intact, and the record still verifies', () => {
    const { file, rows } = versionThreeRecord();
    expect(fs.existsSync(file)).toBe(true);
    const store = openStore(file);
    const db = store.connection;
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(rows);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents'").pluck().get()).toContain("'xlsx'");
    expect(() => db.prepare("UPDATE documents SET fileName = 'x'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM documents').run()).toThrow(/never deleted/);
    expect(verifyRecord(store)).toMatchObject({ intact: true, firstBroken: null, triggersIntact: true });
    store.close();
  });
});
