import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { connectPostgres, type PostgresConnection } from '../../electron/core/db/postgres/client.ts';
import { auditGuardIntact, migratePostgres, postgresSchemaVersion } from '../../electron/core/db/postgres/schema.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrations.ts';
import { storeMessages } from '../../shared/messages/store.ts';
import { requirePostgres, startTestServer, type TestServer } from '../helpers/postgres.ts';

const bin = requirePostgres();

/** Every table of a freshly migrated SQLite record with its columns in order, each marked NOT NULL or not. */
function sqliteColumns(): Map<string, string[]> {
  const db = new Database(':memory:');
  try {
    migrate(db, ':memory:');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'documents_fts%' AND name NOT LIKE 'documents_short%'").pluck().all() as string[];
    return new Map(
      tables.map((t) => [
        t,
        (db.prepare(`SELECT name, "notnull", pk FROM pragma_table_info('${t}')`).all() as { name: string; notnull: number; pk: number }[]).map(
          (c) => `${c.name}${c.notnull || c.pk ? ' not null' : ''}`,
        ),
      ]),
    );
  } finally {
    db.close();
  }
}

describe.skipIf(!bin)('the record schema on PostgreSQL', () => {
  let server: TestServer;
  let db: PostgresConnection;
  const appendRow = (seq: number) =>
    db
      .prepare('INSERT INTO audit_log (seq, time, user, role, action, payload, hash) VALUES (@seq, @time, @user, @role, @action, @payload, @hash)')
      .run({ seq, time: '2026-12-06T04:00:00Z', user: '张三', role: 'drafter', action: 'document.load', payload: '{}', hash: 'a'.repeat(64) });

  beforeAll(async () => {
    server = await startTestServer(bin!);
    server.createDatabase('record');
    db = connectPostgres(server.options('record'));
  });
  afterAll(() => {
    db?.close();
    server?.remove();
  });

  it('applies on an empty database and reports the same version as SQLite', () => {
    expect(migratePostgres(db)).toBe(schemaVersion);
    expect(postgresSchemaVersion).toBe(schemaVersion);
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual([schemaVersion]);
  });

  it('has the tables and columns of the SQLite record, names spelled as the repositories read them', () => {
    const expected = sqliteColumns();
    const rows = db
      .prepare("SELECT table_name AS t, column_name AS c, is_nullable AS n FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'schema_version' ORDER BY table_name, ordinal_position")
      .all() as { t: string; c: string; n: string }[];
    const actual = new Map<string, string[]>();
    for (const r of rows) actual.set(r.t, [...(actual.get(r.t) ?? []), `${r.c}${r.n === 'NO' ? ' not null' : ''}`]);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [table, columns] of expected) expect({ table, columns: actual.get(table) }).toEqual({ table, columns });
  });

  it('does nothing on a second run', () => {
    const tables = () => db.prepare("SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace").pluck().get();
    const before = tables();
    expect(migratePostgres(db)).toBe(schemaVersion);
    expect(tables()).toBe(before);
  });

  it('keeps the CHECK constraints: a format outside the list, a wrong applicant type', () => {
    db.prepare("INSERT INTO users (name, displayName, passwordHash, publicKey, encryptedPrivateKey, keyFingerprint, createdAt) VALUES ('u', '用户', 'h', 'k', 'e', 'f', 't')").run();
    const insertDoc = db.prepare(`INSERT INTO documents (sha256, fileName, format, byteSize, charCount, metadata, warnings, findingCounts, suggestedAttribute, lexiconVersion, loadedBy, loadedAt, updatedAt)
      VALUES (@sha, '通知.xlsx', @format, 1, 1, '{}', '[]', '{}', 'proactive', '1', 1, 't', 't')`);
    expect(insertDoc.run({ sha: '1'.repeat(64), format: 'xlsx' }).changes).toBe(1);
    expect(() => insertDoc.run({ sha: '2'.repeat(64), format: 'exe' })).toThrow(expect.objectContaining({ code: '23514' }));
    expect(() =>
      db.prepare("INSERT INTO info_requests (subject, applicantType, channel, receivedOn, recordedBy, recordedAt) VALUES ('申请', 'citizen', 'mail', '2026-01-01', 'u', 't')").run(),
    ).toThrow(expect.objectContaining({ code: '23514' }));
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log, whoever sends them', () => {
    appendRow(1);
    expect(auditGuardIntact(db)).toBe(true);
    expect(() => db.prepare("UPDATE audit_log SET payload = '{\"forged\":true}' WHERE seq = 1").run()).toThrow('the audit log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow('the audit log is append-only');
    expect(() => db.exec('TRUNCATE audit_log')).toThrow('the audit log is append-only');
    expect(db.prepare('SELECT payload FROM audit_log WHERE seq = 1').pluck().get()).toBe('{}');
  });

  it('notices an audit guard switched off by the table owner', () => {
    db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      expect(auditGuardIntact(db)).toBe(false);
    } finally {
      db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
    expect(auditGuardIntact(db)).toBe(true);
  });

  it('refuses a database written by a newer app with the Chinese message, and changes nothing', () => {
    server.createDatabase('newer');
    const newer = connectPostgres(server.options('newer'));
    try {
      newer.exec('CREATE TABLE schema_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version bigint NOT NULL)');
      newer.exec(`INSERT INTO schema_version (version) VALUES (${schemaVersion + 1})`);
      expect(() => migratePostgres(newer)).toThrow(
        expect.objectContaining({ code: 'store-too-new', message: storeMessages.tooNew(schemaVersion + 1, schemaVersion) }),
      );
      expect(newer.prepare("SELECT count(*) FROM information_schema.tables WHERE table_name = 'audit_log'").pluck().get()).toBe(0);
    } finally {
      newer.close();
    }
  });

  it('maps old on-request rows as the SQLite migration does when migration 7 runs over them', () => {
    server.createDatabase('older');
    const older = connectPostgres(server.options('older'));
    try {
      expect(migratePostgres(older, 6)).toBe(6);
      const insert = older.prepare(`INSERT INTO info_requests (subject, applicantType, channel, receivedOn, outcome, answeredOn, recordedBy, recordedAt)
        VALUES (@subject, @type, 'mail', '2026-01-05', @outcome, @answeredOn, 'u', 't')`);
      insert.run({ subject: '已答复', type: 'citizen', outcome: 'granted', answeredOn: '2026-01-20' });
      insert.run({ subject: '未答复', type: 'legal-person', outcome: null, answeredOn: null });
      expect(migratePostgres(older)).toBe(schemaVersion);
      expect(older.prepare('SELECT subject, applicantType, answerState FROM info_requests ORDER BY id').all()).toEqual([
        { subject: '已答复', applicantType: 'natural-person', answerState: 'answered' },
        { subject: '未答复', applicantType: 'other-org', answerState: null },
      ]);
      // The answered-is-final guard is back after the mapping.
      expect(() => older.prepare("UPDATE info_requests SET note = 'x' WHERE subject = '已答复'").run()).toThrow('an answered request is final');
    } finally {
      older.close();
    }
  });
});
