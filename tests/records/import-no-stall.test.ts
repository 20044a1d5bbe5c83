import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/api.ts';
import { tempDir, testCost } from './helpers.ts';

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function until<T>(fn: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await fn();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a document that would keep the scanner busy for hours', () => {
  it('does not hold up other calls, ends in a per-file timeout, and the rest of the batch is imported', async () => {
    const core = createCore({ dataDir: tempDir(), shell: 'browser-twin', version: 'test', limits: { timeoutMs: 4000 }, cost: testCost });
    cores.push(core);
    const { api } = core;
    await api.setupAdmin({ name: 'wang', displayName: '王', password: 'admin-pass-1' });
    await api.setUserRoles({ name: 'wang', roles: ['admin', 'drafter'], adminPassword: 'admin-pass-1' });
    const dir = tempDir();
    // 5 MB: long runs of Latin letters, digits, dots, '@' and hyphens (the e-mail pattern was quadratic on
    // them), then lexicon terms in one endless sentence (each judged against all the others).
    const latin = ['a'.repeat(400_000), '1'.repeat(400_000), 'a.'.repeat(200_000), 'a@a.'.repeat(100_000), 'a-'.repeat(200_000)].join(' ');
    const flood = latin + '\n' + '秘密'.repeat(Math.ceil((5 * 1024 * 1024 - latin.length) / 6));
    fs.writeFileSync(path.join(dir, '1-异常.txt'), flood);
    expect(fs.statSync(path.join(dir, '1-异常.txt')).size).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    fs.writeFileSync(path.join(dir, '2-通知.txt'), '关于开展植树活动的通知\n各单位：请积极参加。\n（此件公开发布）\n');

    const order: string[] = [];
    const { jobId } = await api.startImport({ paths: [dir] });
    const finished = until(() => api.importStatus({ jobId }), (s) => s.finished).then((s) => {
      order.push('import finished');
      return s;
    });
    await api.sessionStatus();
    order.push('sessionStatus');
    const running = await api.importStatus({ jobId });
    await api.listDocuments({});
    order.push('listDocuments');
    const status = await finished;

    expect(running).toMatchObject({ finished: false, current: '1-异常.txt' });
    expect(order).toEqual(['sessionStatus', 'listDocuments', 'import finished']);
    expect(status).toMatchObject({ total: 2, done: 2, cancelled: false });
    expect(status.errors).toEqual([{ file: '1-异常.txt', code: 'timeout', message: '扫描“1-异常.txt”超过 4 秒仍未完成（内容可能异常或经过恶意构造），已停止扫描。' }]);
    expect(status.documentIds).toHaveLength(1);
    expect((await api.listDocuments({})).rows.map((d) => d.fileName)).toEqual(['2-通知.txt']);
  }, 180_000);
});
