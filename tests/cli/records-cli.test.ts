import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/cli/bin.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'records-cli-'));
const db = path.join(tmp, 'record.sqlite');
const draft = path.join(tmp, '处罚决定.txt');
const passwords: Record<string, string> = { wang: 'admin-pass-1', li: 'review-pass', zhao: 'signer-pass', chen: 'drafter-pass' };

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { DISCLOSURE_DESK_DATA: path.join(tmp, 'data'), DISCLOSURE_DESK_DB: db, DISCLOSURE_DESK_PASSWORD: '', DISCLOSURE_DESK_NEW_PASSWORD: '', ...env });

const as = (user: string, args: string[], env: Record<string, string> = {}) => cli([...args, '--as', user], { DISCLOSURE_DESK_PASSWORD: passwords[user]!, ...env });

beforeAll(() => {
  fs.writeFileSync(draft, '行政处罚决定书\n当事人：张三，公民身份号码11010519491231002X，联系电话13912345678。\n经查，违法事实清楚，决定罚款五百元。\n');
  expect(cli(['users', 'add', 'wang', '--roles', 'admin', '--display', '王主任'], { DISCLOSURE_DESK_NEW_PASSWORD: passwords.wang! }).code).toBe(0);
  for (const [name, roles] of [['li', 'reviewer'], ['zhao', 'signer'], ['chen', 'drafter']] as const) {
    expect(as('wang', ['users', 'add', name, '--roles', roles], { DISCLOSURE_DESK_NEW_PASSWORD: passwords[name]! }).code).toBe(0);
  }
});

describe('records CLI', () => {
  it('prints help for every command', () => {
    for (const name of ['users', 'load', 'decide', 'submit', 'review', 'sign', 'audit', 'backup', 'redact']) {
      const r = cli([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toContain('用法');
    }
  });

  it('exits 2 on wrong usage and 1 on a refused action, with a Chinese message', () => {
    expect(cli(['review', draft, '--as', 'li', '--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining('未知参数：--bogus') });
    expect(cli(['users', 'add', 'x', '--roles', 'drafter'], { DISCLOSURE_DESK_NEW_PASSWORD: 'xxxxxxxx' })).toMatchObject({ code: 2 });
    expect(cli(['load', draft, '--as', 'chen'], { DISCLOSURE_DESK_PASSWORD: 'wrong-pass' })).toMatchObject({ code: 1, stderr: expect.stringContaining('口令不正确') });
  });

  it('takes a document from load to a signed decision, a redacted copy, a backup and a verified checkpoint', () => {
    const load = as('chen', ['load', draft]);
    expect(load.code).toBe(0);
    expect(load.stdout).toContain('建议：部分公开');
    expect(as('chen', ['load', draft]).stdout).toContain('已登记');

    expect(as('chen', ['decide', draft, '--accept-suggestion', '--all', 'redact']).stdout).toContain('部分公开，状态：草稿');
    expect(as('chen', ['submit', draft])).toMatchObject({ code: 1, stderr: expect.stringContaining('部分公开须选择公开方式') });
    expect(as('chen', ['decide', draft, '--accept-suggestion', '--all', 'redact', '--channel', 'bulletin'])).toMatchObject({ code: 2, stderr: expect.stringContaining('未知的公开方式“bulletin”') });
    expect(as('chen', ['decide', draft, '--accept-suggestion', '--all', 'redact', '--channel', 'website']).code).toBe(0);
    expect(as('chen', ['submit', draft]).stdout).toContain('已提交');
    expect(as('li', ['review', draft, '--return', '--reason', '请补充依据'])).toMatchObject({ code: 0, stdout: expect.stringContaining('已退文') });
    expect(as('chen', ['decide', draft, '--accept-suggestion', '--all', 'redact', '--basis', '条例第三十七条', '--channel', 'gazette', '--channel', 'other', '--channel-text', '政务服务中心']).code).toBe(0);
    expect(as('chen', ['submit', draft]).code).toBe(0);
    expect(as('li', ['review', draft, '--approve']).stdout).toContain('已审查');
    expect(as('chen', ['sign', draft])).toMatchObject({ code: 1, stderr: expect.stringContaining('审签人') });
    const sign = as('zhao', ['sign', draft, '--json']);
    expect(sign.code).toBe(0);
    const signOff = JSON.parse(sign.stdout) as { statement: { attribute: string; signer: string }; signature: string };
    expect(signOff.statement).toMatchObject({ attribute: 'partial', signer: 'zhao', channels: ['gazette', 'other'], channelText: '政务服务中心' });

    const publicCopy = path.join(tmp, 'public.docx');
    expect(as('zhao', ['redact', draft, '--out', publicCopy]).stdout).toContain('无不予公开内容残留');
    expect(fs.existsSync(publicCopy)).toBe(true);
    expect(as('wang', ['backup', '--out', path.join(tmp, 'backup.sqlite')]).stdout).toContain('已校验');
    const checkpoint = path.join(tmp, 'checkpoint.json');
    expect(as('zhao', ['audit', 'checkpoint', '--out', checkpoint]).code).toBe(0);
    const verify = cli(['audit', 'verify', '--checkpoint', checkpoint]);
    expect(verify).toMatchObject({ code: 0, stdout: expect.stringContaining('审计日志完好') });
    expect(verify.stdout).toContain('与检查点一致');
  }, 240_000);

  it('exits 3 and names the first broken entry when the log was edited', () => {
    const copy = path.join(tmp, 'tampered.sqlite');
    fs.copyFileSync(path.join(tmp, 'backup.sqlite'), copy);
    const raw = new Database(copy);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET payload = '{}' WHERE seq = 3;");
    raw.close();
    const r = cli(['audit', 'verify', '--db', copy]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('第一条有问题的记录：第 3 条');
    expect(r.stdout).toContain('保护触发器');
  });

  it('returns a draft on named grounds and counts the year’s returns by ground in the report', () => {
    const second = path.join(tmp, '内部通知.txt');
    fs.writeFileSync(second, '关于调整考勤管理的通知\n各科室：自下月起调整考勤时间。\n');
    expect(as('chen', ['load', second]).code).toBe(0);
    expect(as('chen', ['decide', second, '--attribute', 'withheld', '--reason', '内部管理', '--basis', '条例第十三条', '--justification', '内部事务', '--all', 'confirm']).code).toBe(0);
    expect(as('chen', ['submit', second])).toMatchObject({ code: 0 });
    expect(as('li', ['review', second, '--return', '--ground', 'wrong-article'])).toMatchObject({ code: 2, stderr: expect.stringContaining('未知的退文理由') });
    expect(as('li', ['review', second, '--return', '--ground', 'other'])).toMatchObject({ code: 1, stderr: expect.stringContaining('须写明具体理由') });
    expect(as('li', ['review', second, '--return', '--ground', 'basis-does-not-fit', '--ground', 'other', '--reason', '第十三条不是不予公开的依据']).stdout).toContain('已退文');
    const report = cli(['report', '--year', String(new Date().getFullYear()), '--json']);
    expect(report.code).toBe(0);
    const returns = (JSON.parse(report.stdout) as { returns: { total: number; byGround: { ground: string; count: number }[] } }).returns;
    // The return of the first draft gave only a reason: it is counted as `other`.
    expect(returns.total).toBe(2);
    expect(Object.fromEntries(returns.byGround.map((g) => [g.ground, g.count]))).toMatchObject({ 'basis-does-not-fit': 1, other: 2, 'note-contradicts': 0 });
    expect(cli(['report', '--year', String(new Date().getFullYear())]).stdout).toContain('依据与公开属性不符\t1');
  }, 120_000);
});
