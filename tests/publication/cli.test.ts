import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../electron/core/inspection/figures.ts';
import { runCli } from '../helpers/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/cli/bin.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-cli-'));
const db = path.join(tmp, 'record.sqlite');
const policy = path.join(tmp, '若干措施.txt');
const reading = path.join(tmp, '政策解读.txt');
const passwords: Record<string, string> = { wang: 'admin-pass-1', zhao: 'signer-pass', chen: 'drafter-pass' };

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { DISCLOSURE_DESK_DATA: path.join(tmp, 'data'), DISCLOSURE_DESK_DB: db, DISCLOSURE_DESK_PASSWORD: '', DISCLOSURE_DESK_NEW_PASSWORD: '', DISCLOSURE_DESK_TEST_SCRYPT_LOG2: '10', ...env });

const as = (user: string, args: string[], env: Record<string, string> = {}) => cli([...args, '--as', user], { DISCLOSURE_DESK_PASSWORD: passwords[user]!, ...env });

beforeAll(() => {
  fs.writeFileSync(policy, '关于促进民营经济发展的若干措施\n各区人民政府：\n现将有关措施印发给你们，请认真贯彻执行。\n');
  fs.writeFileSync(reading, '《关于促进民营经济发展的若干措施》政策解读\n一、出台背景\n为进一步优化营商环境，制定本措施。\n');
  expect(cli(['users', 'add', 'wang', '--roles', 'admin', '--display', '王主任'], { DISCLOSURE_DESK_NEW_PASSWORD: passwords.wang! }).code).toBe(0);
  for (const [name, roles] of [['zhao', 'signer'], ['chen', 'drafter']] as const) {
    expect(as('wang', ['users', 'add', name, '--roles', roles], { DISCLOSURE_DESK_NEW_PASSWORD: passwords[name]! }).code).toBe(0);
  }
  for (const file of [policy, reading]) {
    expect(as('chen', ['load', file]).code).toBe(0);
    expect(as('chen', ['decide', file, '--accept-suggestion', '--channel', 'website']).stdout).toContain('主动公开');
    expect(as('chen', ['submit', file]).code).toBe(0);
    expect(as('zhao', ['sign', file]).code).toBe(0);
  }
}, 120_000);

describe('publication CLI', () => {
  it('lists the policy document as due and lacking its 解读, then links it and records its release', () => {
    const today = localDay(new Date().toISOString());
    const before = cli(['publications', '--json']);
    expect(before.code).toBe(0);
    const queue = JSON.parse(before.stdout) as { counts: Record<string, number>; rows: { title: string; kind: string; status: string; interpretation: { status: string } }[] };
    expect(queue.counts).toEqual({ due: 2, overdue: 0, published: 0 });
    expect(queue.rows.find((r) => r.title.startsWith('关于促进'))).toMatchObject({ kind: 'policy', interpretation: { status: 'missing' } });

    expect(as('chen', ['link-interpretation', policy])).toMatchObject({ code: 2, stderr: expect.stringContaining('--to') });
    expect(as('chen', ['link-interpretation', policy, '--to', reading])).toMatchObject({ code: 0, stdout: expect.stringContaining('已关联解读') });
    expect(as('chen', ['publish', policy, '--date', today, '--channel', 'fax'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--channel') });
    const published = as('chen', ['publish', policy, '--date', today, '--channel', 'website', '--where', 'https://www.example.gov.cn/zwgk/1.html']);
    expect(published).toMatchObject({ code: 0, stdout: expect.stringContaining('按时发布') });

    const text = cli(['publications', '--status', 'published']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('关于促进民营经济发展的若干措施');
    expect(text.stdout).toContain('解读：解读待发布');
    expect(text.stdout).not.toContain('政策解读\t');
    expect(text.stdout).toContain('待发布 1 件，已逾期 0 件，已发布 1 件。');
    expect(text.stdout).toMatch(/按时发布 1\/1，按时发布率 100\.0%/);
  }, 60_000);

  it('overrides the kind and records why a document needs no 解读, then verifies the log intact', () => {
    expect(as('chen', ['link-interpretation', reading, '--none', '--reason', '解读本身无需再解读'])).toMatchObject({ code: 1, stderr: expect.stringContaining('不需要关联解读') });
    const r = as('chen', ['link-interpretation', reading, '--kind', 'policy', '--kind-reason', '按政策文件管理', '--none', '--reason', '解读本身无需再解读']);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('政策文件') });
    expect(r.stdout).toContain('已记录无需解读');
    expect(cli(['audit', 'verify'])).toMatchObject({ code: 0, stdout: expect.stringContaining('审计日志完好') });
  }, 60_000);
});
