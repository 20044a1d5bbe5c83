import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/api.ts';
import { installTwin, TWIN_ORIGIN, type TwinDialogs } from './twin.ts';

test('a damaged database is reported at sign-in and restored from a backup the user picks', async ({ page }) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-restore-'));
  const backup = path.join(dataDir, '备份.sqlite');
  try {
    const first = createCore({ dataDir, shell: 'browser-twin', version: 'test' });
    await first.api.setupAdmin({ name: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    await first.api.setUserRoles({ name: 'admin', roles: ['admin', 'drafter'], adminPassword: 'admin-pass-1' });
    for (let i = 0; i < 20; i++) {
      const file = path.join(dataDir, `通知${i}.txt`);
      fs.writeFileSync(file, `关于第${i}项工作的通知\n各单位：\n${'现将有关事项通知如下。'.repeat(300)}\n某某局\n2024年5月6日\n`);
    }
    const { jobId } = await first.api.startImport({ paths: fs.readdirSync(dataDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(dataDir, f)) });
    await expect.poll(async () => (await first.api.importStatus({ jobId })).finished, { timeout: 60_000 }).toBe(true);
    await first.api.backupNow({ path: backup });
    first.close();

    const dbFile = path.join(dataDir, 'disclosure-desk.sqlite');
    const bytes = fs.readFileSync(dbFile);
    bytes.fill(0x5a, 4096 * 3, 4096 * 9);
    fs.writeFileSync(dbFile, bytes);

    const second = createCore({ dataDir, shell: 'browser-twin', version: 'test' });
    const dialogs: TwinDialogs = { files: [[backup]], savePaths: [] };
    await installTwin(page, second, dialogs);
    await page.goto(`${TWIN_ORIGIN}/index.html`);
    await expect(page.getByRole('alert').first()).toContainText('从备份恢复');
    await page.getByRole('button', { name: '从备份恢复……' }).click();
    await expect(page.getByText('已从备份恢复数据库')).toBeVisible();
    await page.getByLabel('口令').fill('admin-pass-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('文档登记簿').first()).toBeVisible();
    await page.screenshot({ path: 'tests/output/screenshots/restore - signed in after restoring.png' });
    second.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
