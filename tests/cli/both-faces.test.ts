import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/api.ts';
import { withRecord, type RecordRun } from '../../electron/cli/record.ts';
import type { ParsedArgs } from '../../electron/cli/args.ts';
import { tempDir, testCost } from '../records/helpers.ts';
import { runCli } from '../helpers/cli.ts';

/** The rules that lived in createCore now live in the handlers: the CLI must run them exactly as the app does. */

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/cli/bin.mjs');
const dataDir = tempDir();
const db = path.join(dataDir, 'disclosure-desk.sqlite');
const backup = path.join(dataDir, 'backup.sqlite');
const passwords = { wang: 'admin-pass-1', li: 'drafter-pass' };
const cores: Core[] = [];

const app = () => {
  const core = createCore({ dataDir, shell: 'browser-twin', version: 'test', cost: testCost });
  cores.push(core);
  return core.api;
};
const args = (as: string): ParsedArgs => ({ positionals: [], values: { db, as }, lists: {}, flags: {} });

/** The CLI's face, in this process: withRecord and the handler map every record command uses. */
async function viaCli<T>(as: keyof typeof passwords, run: (record: RecordRun) => Promise<T>): Promise<T> {
  const saved = process.env.DISCLOSURE_DESK_PASSWORD;
  process.env.DISCLOSURE_DESK_PASSWORD = passwords[as];
  let result: T | undefined;
  try {
    await withRecord(args(as), 'usage', async (record) => {
      await record.signIn();
      result = await run(record);
      return 0;
    });
  } finally {
    if (saved === undefined) delete process.env.DISCLOSURE_DESK_PASSWORD;
    else process.env.DISCLOSURE_DESK_PASSWORD = saved;
  }
  return result as T;
}

const cli = (argv: string[], password: string) => runCli(argv, { DISCLOSURE_DESK_DATA: dataDir, DISCLOSURE_DESK_DB: db, DISCLOSURE_DESK_PASSWORD: password });

beforeAll(async () => {
  const api = app();
  await api.setupAdmin({ name: 'wang', displayName: '王主任', password: passwords.wang });
  await api.addUser({ name: 'li', displayName: '李拟稿', password: passwords.li, roles: ['drafter'], adminPassword: passwords.wang });
  await api.backupNow({ path: backup });
  cores.pop()!.close();
});
afterAll(() => {
  for (const core of cores.splice(0)) core.close();
});

describe('one handler map behind the app and the CLI', () => {
  it('a settings change through the CLI writes the same audit entry as through the app', async () => {
    const api = app();
    await api.login({ name: 'wang', password: passwords.wang });
    await api.updateSettings({ highScoreThreshold: 0.9 });
    cores.pop()!.close();

    const settings = await viaCli('wang', ({ api: cliApi }) => cliApi.updateSettings({ highScoreThreshold: 0.7 }));
    expect(settings.highScoreThreshold).toBe(0.7);

    const reader = app();
    await reader.login({ name: 'wang', password: passwords.wang });
    const { entries } = await reader.listAudit({ action: 'settings.change' });
    const [byApp, byCli] = [...entries].sort((a, b) => a.seq - b.seq).map((e) => ({ user: e.user, role: e.role, action: e.action, payload: e.payload }));
    expect(byApp).toEqual({ user: 'wang', role: 'admin', action: 'settings.change', payload: { highScoreThreshold: { from: expect.any(Number), to: 0.9 } } });
    expect(byCli).toEqual({ user: 'wang', role: 'admin', action: 'settings.change', payload: { highScoreThreshold: { from: 0.9, to: 0.7 } } });
    expect(entries).toHaveLength(2);
  });

  it('refuses a settings change by a non-admin on both faces, and signs the CLI in as the CLI', async () => {
    const api = app();
    await api.login({ name: 'li', password: passwords.li });
    await expect(api.updateSettings({ highScoreThreshold: 0.1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(viaCli('li', ({ api: cliApi }) => cliApi.updateSettings({ highScoreThreshold: 0.1 }))).rejects.toMatchObject({ code: 'forbidden' });
    await api.logout();
    await api.login({ name: 'wang', password: passwords.wang });
    const logins = (await api.listAudit({ action: 'login', user: 'li' })).entries.map((e) => (e.payload as { via: string }).via);
    expect(logins).toContain('cli');
    expect(logins).toContain('app');
    expect((await api.getSettings()).highScoreThreshold).not.toBe(0.1);
  });

  it('refuses a restore by a non-admin in the CLI, as in the app, and leaves the record in place', async () => {
    const replaced = () => fs.readdirSync(dataDir).filter((f) => /\.replaced-\d{8}-\d{6}$/.test(f));
    const before = replaced();
    const api = app();
    await api.login({ name: 'li', password: passwords.li });
    await expect(api.restoreBackup({ path: backup })).rejects.toMatchObject({ code: 'forbidden' });
    cores.pop()!.close();

    const refused = cli(['backup', 'restore', backup, '--as', 'li'], passwords.li);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('没有“管理员”角色');
    expect(replaced()).toEqual(before);

    const restored = cli(['backup', 'restore', backup, '--as', 'wang'], passwords.wang);
    expect(restored.code).toBe(0);
    expect(replaced()).toHaveLength(before.length + 1);
  }, 60_000);
});
