import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/api.ts';
import { installTwin, TWIN_ORIGIN, type TwinDialogs } from './twin.ts';

export interface Desk {
  page: Page;
  core: Core;
  dataDir: string;
  dialogs: TwinDialogs;
  /** Saves a full-page screenshot into the test's output folder and attaches it to the report. */
  shot(name: string): Promise<void>;
}

export const test = base.extend<{ desk: Desk }>({
  desk: async ({ page }, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-e2e-'));
    const core = createCore({ dataDir, shell: 'browser-twin', version: '0.1.0-test', cost: { N: 2 ** 12, r: 8, p: 1 } });
    const dialogs: TwinDialogs = { files: [], savePaths: [] };
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await installTwin(page, core, dialogs);
    await page.goto(`${TWIN_ORIGIN}/index.html`);
    const shotsDir = path.resolve('tests/output/screenshots');
    await mkdir(shotsDir, { recursive: true });
    await use({
      page,
      core,
      dataDir,
      dialogs,
      shot: async (name) => {
        const file = path.join(shotsDir, `${testInfo.titlePath.slice(1).join(' - ').replace(/[\\/:*?"<>|]/g, '_')} - ${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
      },
    });
    core.close();
    await rm(dataDir, { recursive: true, force: true });
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
