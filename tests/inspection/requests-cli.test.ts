import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide, loadSeed, openUnit, password } from './seed.ts';
import { runCli } from '../helpers/cli.ts';

const bin = path.resolve('electron/cli/bin.mjs');
let db: string;
let withheld: number;

const requests = (...args: string[]) => runCli(['requests', ...args, '--db', db], { DISCLOSURE_DESK_PASSWORD: password, TZ: process.env.TZ ?? 'UTC' });

beforeAll(() => {
  const unit = openUnit();
  unit.at('2025-08-01');
  const w = loadSeed(unit, { key: 'W', title: '关于机关考勤制度的通知', text: '关于机关考勤制度的通知\n机关考勤安排如下。', date: '2025-02-10', concern: { term: '考勤', category: 3, basis: '条例第十六条第一款' } });
  decide(unit, w.documentId, 'withheld', w.findings, ['条例第十六条第一款']);
  withheld = w.documentId;
  db = unit.file;
  unit.ctx.store.close();
});

describe('requests answer, review, appeal and appeal-result on the command line', () => {
  it('holds a drafter’s grant of a withheld document for review; a drafter cannot confirm it; the reviewer confirms with a justification', () => {
    expect(requests('add', '--as', 'drafter', '--subject', '申请公开考勤制度', '--received', '2025-09-01', '--doc', String(withheld), '--channel', 'mail', '--applicant', 'legal-service').code).toBe(0);
    const prepared = requests('answer', '1', '--as', 'drafter', '--outcome', 'granted', '--answered', '2025-09-10');
    expect(prepared.code).toBe(0);
    expect(prepared.stdout).toContain('第 1 号申请的答复已拟定，待审核（将提供认定为不予公开或部分公开的信息');
    const byDrafter = requests('review', '1', '--as', 'drafter', '--approve', '--justification', '可以公开');
    expect(byDrafter.code).toBe(1);
    expect(byDrafter.stderr).toMatch(/drafter/);
    const both = requests('review', '1', '--as', 'reviewer', '--approve', '--return', '--reason', 'x');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('请写 --approve 或 --return');
    const bare = requests('review', '1', '--as', 'reviewer', '--approve');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('审核通过须写明理由');
    const approved = requests('review', '1', '--as', 'reviewer', '--approve', '--justification', '考勤制度已对外执行，可以公开');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('已登记第 1 号申请的答复（已答复）');
  });

  it('refuses a refusal without an article and reasons, takes a fee with its waiver, and returns a prepared answer with a reason', () => {
    expect(requests('add', '--as', 'reviewer', '--subject', '申请公开会议纪要', '--received', '2025-09-02').code).toBe(0);
    const noBasis = requests('answer', '2', '--as', 'reviewer', '--outcome', 'unavailable:not-held', '--answered', '2025-09-05');
    expect(noBasis.code).toBe(1);
    expect(noBasis.stderr).toContain('须写明依据');
    const badFee = requests('answer', '2', '--as', 'reviewer', '--outcome', 'unavailable:not-held', '--basis', '条例第三十六条', '--reason', '本机关不掌握', '--fee', '三十');
    expect(badFee.code).toBe(2);
    expect(badFee.stderr).toContain('--fee 的取值“三十”无效');
    const answered = requests('answer', '2', '--as', 'reviewer', '--outcome', 'unavailable:not-held', '--answered', '2025-09-05', '--basis', '条例第三十六条', '--reason', '本机关不掌握', '--fee', '20', '--waived', '--json');
    expect(answered.code).toBe(0);
    expect(JSON.parse(answered.stdout)).toMatchObject({ outcome: 'unavailable:not-held', answerBasis: '条例第三十六条', fee: 20, feeWaived: true });

    expect(requests('add', '--as', 'reviewer', '--subject', '申请公开考勤记录', '--received', '2025-09-03', '--doc', String(withheld)).code).toBe(0);
    expect(requests('answer', '3', '--as', 'drafter', '--outcome', 'granted', '--answered', '2025-09-10').code).toBe(0);
    const noReason = requests('review', '3', '--as', 'reviewer', '--return');
    expect(noReason.code).toBe(2);
    const returned = requests('review', '3', '--as', 'reviewer', '--return', '--reason', '属内部事务信息，应不予公开');
    expect(returned.code).toBe(0);
    expect(returned.stdout).toContain('第 3 号申请的答复已退回：属内部事务信息，应不予公开');
  });

  it('registers a 复议 and its result, and lists late registrations and pending answers', () => {
    const badKind = requests('appeal', '1', '--as', 'reviewer', '--kind', 'complaint', '--filed', '2025-09-15', '--body', '测试市人民政府');
    expect(badKind.code).toBe(2);
    const appeal = requests('appeal', '1', '--as', 'reviewer', '--kind', 'reconsideration', '--filed', '2025-09-15', '--body', '测试市人民政府');
    expect(appeal.code).toBe(0);
    expect(appeal.stdout).toContain('已登记第 1 号申请的行政复议（编号 1）');
    expect(appeal.stdout).toContain('登记迟于提起后 7 日');
    expect(requests('appeal-result', '1', '9', '--as', 'reviewer', '--result', 'upheld', '--decided', '2025-11-01').code).toBe(1);
    const result = requests('appeal-result', '1', '1', '--as', 'reviewer', '--result', 'corrected', '--decided', '2025-11-01');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('结果纠正');
    const list = requests('list');
    expect(list.code).toBe(0);
    const lines = list.stdout.split('\n');
    // Request 1 came by mail in 2025 and was entered today: late; request 2 came online.
    expect(lines.find((l) => l.startsWith('#1 '))).toContain('〔登记迟于收到后 2 个工作日〕');
    expect(lines.find((l) => l.startsWith('#2 '))).not.toContain('登记迟于');
    expect(lines.find((l) => l.startsWith('#3 '))).toContain('〔答复已退回〕');
    expect(list.stdout).toMatch(/行政复议 #1 {2}提起 2025-09-15 {2}测试市人民政府 {2}结果纠正（2025-11-01）/);
    const verify = runCli(['audit', 'verify', '--json', '--db', db]);
    expect(JSON.parse(verify.stdout)).toMatchObject({ intact: true });
  });
});
