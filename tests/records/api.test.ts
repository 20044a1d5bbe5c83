import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/api.ts';
import { tempDir, testCost } from './helpers.ts';
import { openRecords } from '../../electron/core/ledger/open.ts';
import { appendEntry } from '../../electron/core/ledger/chain.ts';
import Database from 'better-sqlite3';
import { auditTriggers } from '../../electron/core/db/migrations/001-records.ts';
import { unpackDocument } from '../../shared/ipc/records.ts';

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function core(dataDir = tempDir()) {
  const c = createCore({ dataDir, shell: 'browser-twin', version: 'test', cost: testCost });
  cores.push(c);
  return { api: c.api, dataDir };
}

async function until<T>(fn: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await fn();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('core records API', () => {
  it('runs the first-run flow, then signs in by account and password', async () => {
    const { api, dataDir } = core();
    expect(await api.sessionStatus()).toMatchObject({ firstRun: true, user: null, database: { problem: null, path: path.join(dataDir, 'disclosure-desk.sqlite') } });
    const admin = await api.setupAdmin({ name: 'wang', displayName: '王主任', password: 'admin-pass-1' });
    expect(admin.roles).toEqual(['admin']);
    await expect(api.setupAdmin({ name: 'li', displayName: '李', password: 'another-pass' })).rejects.toMatchObject({ code: 'already-set-up' });
    await api.addUser({ name: 'li', displayName: '李拟稿', password: 'drafter-pass', roles: ['drafter'], adminPassword: 'admin-pass-1' });
    await api.logout();
    await expect(api.listDocuments({})).rejects.toMatchObject({ code: 'not-signed-in', message: '请先登录。' });
    await expect(api.login({ name: 'li', password: 'wrong-pass' })).rejects.toMatchObject({ code: 'wrong-password', message: '用户名或口令不正确。' });
    await expect(api.login({ name: 'nobody', password: 'wrong-pass' })).rejects.toMatchObject({ code: 'wrong-password', message: '用户名或口令不正确。' });
    expect((await api.login({ name: 'li', password: 'drafter-pass' })).displayName).toBe('李拟稿');
    expect((await api.sessionStatus()).accounts.map((a) => a.name).sort()).toEqual(['li', 'wang']);
    await expect(api.addUser({ name: 'x', displayName: 'x', password: 'xxxxxxxx', roles: ['admin'], adminPassword: 'drafter-pass' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('validates every argument in core and answers with { code, message }', async () => {
    const { api } = core();
    await expect((api.login as (a: unknown) => Promise<unknown>)({ name: 'a', password: 'b', extra: 1 })).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect((api.listDocuments as (a: unknown) => Promise<unknown>)({ limit: 100_000 })).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect((api.setupAdmin as (a: unknown) => Promise<unknown>)({ name: 'a', displayName: 'a', password: 'short' })).rejects.toMatchObject({ code: 'invalid-arguments', message: expect.stringContaining('setupAdmin') });
  });

  it('imports a batch in a job, going on past a bad file, and lists the results', async () => {
    const { api } = core();
    await api.setupAdmin({ name: 'wang', displayName: '王', password: 'admin-pass-1' });
    await api.setUserRoles({ name: 'wang', roles: ['admin', 'drafter'], adminPassword: 'admin-pass-1' });
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), '关于开展植树活动的通知\n各单位：请积极参加。\n（此件公开发布）\n');
    fs.writeFileSync(path.join(dir, 'b.docx'), 'this is not a zip');
    fs.writeFileSync(path.join(dir, 'c.txt'), '行政处罚决定书\n当事人：张三，公民身份号码11010519491231002X，联系电话13912345678。\n');
    const { jobId } = await api.startImport({ paths: [dir] });
    const status = await until(() => api.importStatus({ jobId }), (s) => s.finished);
    expect(status).toMatchObject({ total: 3, done: 3, cancelled: false });
    expect(status.errors.map((e) => [e.file, e.code])).toEqual([['b.docx', 'wrong-type']]);
    expect(status.documentIds).toHaveLength(2);
    const page = await api.listDocuments({ sort: 'loadedAt', direction: 'asc' });
    expect(page.total).toBe(2);
    const detail = unpackDocument(await api.getDocument({ documentId: status.documentIds[1]! }));
    expect(detail.findings.some((f) => f.piiType === 'id-card')).toBe(true);
    expect(detail.actions).toEqual(['draft']);
    const audit = await api.listAudit({ action: 'document.rejected' });
    expect(audit.entries[0]?.payload).toMatchObject({ fileName: 'b.docx', code: 'wrong-type' });
    expect((await api.verifyAudit({})).intact).toBe(true);
  });

  it('reports a damaged record in the session status and restores it from a backup', async () => {
    const dataDir = tempDir();
    const first = core(dataDir);
    await first.api.setupAdmin({ name: 'wang', displayName: '王', password: 'admin-pass-1' });
    const backup = path.join(tempDir(), 'backup.sqlite');
    await first.api.backupNow({ path: backup });
    cores.pop()!.close();
    const file = path.join(dataDir, 'disclosure-desk.sqlite');
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    const second = core(dataDir);
    const status = await second.api.sessionStatus();
    expect(status.database.problem).toMatchObject({ code: 'db-corrupt', message: expect.stringContaining('从备份恢复') });
    const restored = await second.api.restoreBackup({ path: backup });
    expect(restored).toMatchObject({ firstRun: false, database: { problem: null } });
    expect((await second.api.login({ name: 'wang', password: 'admin-pass-1' })).name).toBe('wang');
  });

  /** A record with a log long enough to need many slices of the walk. */
  function longLog(dataDir: string, entries: number): string {
    const file = path.join(dataDir, 'disclosure-desk.sqlite');
    const ctx = openRecords(file);
    ctx.store.write(() => {
      for (let i = 0; i < entries; i++) appendEntry(ctx.store, { user: null, role: null, action: 'test.filler', payload: { i } }, '2025-01-01T00:00:00.000Z');
    });
    ctx.store.close();
    return file;
  }

  it('serves calls while the start-up audit verification runs, then reports its result in the session status', async () => {
    const dataDir = tempDir();
    longLog(dataDir, 30_000);
    const { api } = core(dataDir);
    const first = await api.sessionStatus();
    expect(first.audit).toEqual({ state: 'checking' });
    await api.setupAdmin({ name: 'wang', displayName: '王', password: 'admin-pass-1' });
    const done = await until(() => api.sessionStatus(), (s) => s.audit?.state !== 'checking');
    expect(done.audit).toMatchObject({ state: 'done', report: { intact: true, firstBroken: null } });
    if (done.audit?.state !== 'done') throw new Error('unreachable');
    // The admin's entries, written while the walk paused between slices, were walked too.
    expect(done.audit.report.entries).toBeGreaterThan(30_001);
    expect((await api.verifyAudit({})).entries).toBe(done.audit.report.entries);
  });

  it('reports the first broken entry found by the start-up verification', async () => {
    const dataDir = tempDir();
    const file = longLog(dataDir, 12_000);
    const db = new Database(file);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.prepare("UPDATE audit_log SET payload = '{\"i\":-1}' WHERE seq = 11000").run();
    db.exec(auditTriggers());
    db.close();
    const { api } = core(dataDir);
    const status = await until(() => api.sessionStatus(), (s) => s.audit?.state !== 'checking');
    expect(status.audit).toMatchObject({ state: 'done', report: { intact: false, firstBroken: { seq: 11000, code: 'hash' } } });
  });
});
