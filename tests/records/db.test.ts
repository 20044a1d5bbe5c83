import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/store.ts';
import { schemaVersion } from '../../electron/core/db/migrations.ts';
import { backupTo, restoreFrom } from '../../electron/core/ledger/backup.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { loadSample, makeTeam, openTestRecords, tempDir } from './helpers.ts';

describe('database', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and STRICT tables at the current schema version', () => {
    const ctx = openTestRecords();
    const db = ctx.store.connection;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'documents_fts%' AND name NOT LIKE 'documents_short%' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/);
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    openTestRecords(file).store.close();
    const db = new Database(file);
    db.pragma(`user_version = ${schemaVersion + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(expect.objectContaining({ code: 'db-too-new', message: expect.stringContaining('高于本程序支持的版本') }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a damaged file with a Chinese message that points to restoring a backup', () => {
    const file = path.join(tempDir(), 'damaged.sqlite');
    const ctx = openTestRecords(file);
    const team = makeTeam(ctx);
    for (let i = 0; i < 30; i++) loadSample(ctx, team.drafter, `第${i}号通知\n${'正文内容。'.repeat(400)}`);
    ctx.store.connection.pragma('wal_checkpoint(TRUNCATE)');
    ctx.store.close();
    const bytes = fs.readFileSync(file);
    // Overwrite a stretch of interior pages (not the header) so the b-trees no longer hold together.
    bytes.fill(0x5a, 4096 * 3, 4096 * 9);
    fs.writeFileSync(file, bytes);
    expect(() => openStore(file)).toThrow(expect.objectContaining({ code: 'db-corrupt', message: expect.stringContaining('从备份恢复') }));
  });

  it('backs up online to a single verified file and restores it, keeping the replaced file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.sqlite');
    const ctx = openTestRecords(file);
    const team = makeTeam(ctx);
    loadSample(ctx, team.drafter);
    const backupFile = path.join(dir, 'backups', 'b1.sqlite');
    const result = await backupTo(ctx, team.admin, backupFile);
    expect(result.entries).toBeGreaterThan(5);
    expect(fs.existsSync(`${backupFile}-wal`)).toBe(false);
    expect(ctx.store.audit.head()!.seq).toBe(result.entries + 1);
    loadSample(ctx, team.drafter, '另一份文件\n正文。');
    ctx.store.close();

    const { replacedBy } = restoreFrom(file, backupFile, 'admin', () => '2025-11-01T08:00:00.000Z');
    expect(replacedBy).toMatch(/live\.sqlite\.replaced-20251101-080000$/);
    expect(fs.existsSync(replacedBy!)).toBe(true);
    const restored = openStore(file);
    expect(restored.documents.list({}).total).toBe(1);
    expect(restored.audit.head()).toMatchObject({ seq: result.entries + 1 });
    expect(restored.audit.get(result.entries + 1)?.action).toBe('backup.restored');
    expect(verifyRecord(restored).intact).toBe(true);
    restored.close();
  });

  it('refuses to restore from a backup whose chain is broken', () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.sqlite');
    const ctx = openTestRecords(file);
    makeTeam(ctx);
    ctx.store.close();
    const bad = path.join(dir, 'bad.sqlite');
    fs.copyFileSync(file, bad);
    const db = new Database(bad);
    db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;');
    db.close();
    expect(() => restoreFrom(file, bad, null, () => new Date().toISOString())).toThrow(expect.objectContaining({ code: 'backup-broken' }));
    expect(openStore(file).audit.head()!.seq).toBeGreaterThan(2);
  });
});
