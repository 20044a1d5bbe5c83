import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { channelNames } from '../../shared/ipc.ts';
import type { Envelope } from '../../shared/ipc/channel.ts';
import type { Core } from '../../electron/core/api.ts';
import { dispatch, validateCall } from '../../electron/core/host/dispatch.ts';

export const TWIN_ORIGIN = 'http://desk.test';
const rendererDir = path.resolve('out/renderer');

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Answers for the native dialogs, queued by a test before it clicks. */
export interface TwinDialogs {
  files: string[][];
  savePaths: (string | null)[];
}

/**
 * The browser twin of the preload: the same `window.api` contract, every call carried to the REAL core
 * running in this Node test process. Only the native dialogs are answered from the test's queue.
 */
export async function installTwin(page: Page, core: Core, dialogs: TwinDialogs): Promise<void> {
  await page.exposeFunction('__deskCall', async (channel: string, args: unknown[]): Promise<Envelope<unknown>> => {
    if (channel !== 'chooseFiles' && channel !== 'chooseSavePath') return dispatch(core.api, channel, args);
    const call = validateCall(channel, args);
    if (!call.ok) return { ok: false, error: call.error };
    if (call.channel === 'chooseFiles') return { ok: true, value: dialogs.files.shift() ?? [] };
    return { ok: true, value: dialogs.savePaths.shift() ?? null };
  });
  await page.addInitScript((names: string[]) => {
    const call = (window as unknown as { __deskCall: (c: string, a: unknown[]) => Promise<Envelope<unknown>> }).__deskCall;
    const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const name of names) {
      api[name] = async (...args: unknown[]) => {
        const envelope = await call(name, args);
        if (envelope.ok) return envelope.value;
        throw { code: envelope.error.code, message: envelope.error.message };
      };
    }
    Object.defineProperty(window, 'api', { value: Object.freeze(api) });
    Object.defineProperty(window, 'files', { value: Object.freeze({ pathForFile: () => null }) });
  }, channelNames as string[]);
  await page.route(`${TWIN_ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    const file = path.resolve(rendererDir, '.' + (pathname === '/' ? '/index.html' : decodeURIComponent(pathname)));
    if (!file.startsWith(rendererDir + path.sep)) return route.fulfill({ status: 403 });
    try {
      await route.fulfill({ status: 200, body: await readFile(file), headers: { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' } });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  // Any other request would leave the machine: the app is offline by design, so the test fails loudly instead.
  await page.route(/^(?!http:\/\/desk\.test\/)/, (route) => route.abort('blockedbyclient'));
}
