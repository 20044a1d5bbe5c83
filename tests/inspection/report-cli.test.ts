import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { openUnit, password, seedNovember } from './seed.ts';
import { tempDir } from '../records/helpers.ts';
import { openRecords } from '../../electron/core/ledger/open.ts';
import { runCli } from '../helpers/cli.ts';

const bin = path.resolve('electron/cli/bin.mjs');
let db: string;

const cli = (...args: string[]) => runCli([...args, '--db', db], { DISCLOSURE_DESK_PASSWORD: password, TZ: process.env.TZ ?? 'UTC' });

beforeAll(() => {
  const unit = openUnit();
  seedNovember(unit);
  db = unit.file;
  unit.ctx.store.close();
});

describe('report: the national template from the CLI', () => {
  it('prints tables 二, 三, 四 and the balance check of table 三', () => {
    const r = cli('report', '--year', '2025');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('二、主动公开政府信息情况');
    expect(r.stdout).toContain('四、政府信息公开行政复议、行政诉讼情况');
    // 新收 6 (G once, F three times, J twice) in the 总计 column; 上年结转 the two 2024 requests on G.
    expect(r.stdout).toMatch(/一、本年新收政府信息公开申请数量(\t\d+)*\t6\n/);
    expect(r.stdout).toMatch(/二、上年结转政府信息公开申请数量(\t\d+)*\t2\n/);
    expect(r.stdout).toContain('表三勾稽关系：一加二等于三（七）加四，相符。');
  });

  it('explains a cell by the audit entries behind it', () => {
    const r = cli('report', '--year', '2025', '--explain', '三-新收');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('三-新收 = 6（依据审计日志 6 条记录）');
    expect(r.stdout.match(/request\.add/g)).toHaveLength(6);
    // E (关于王五行政处罚的决定) was signed partial: the year's one 行政处罚 decision.
    const penalty = cli('report', '--year', '2025', '--explain', '二-行政处罚', '--json');
    expect(penalty.code).toBe(0);
    const explained = JSON.parse(penalty.stdout) as { value: number; entries: { action: string; subject: string }[] };
    expect(explained.value).toBe(1);
    expect(explained.entries.map((e) => e.action)).toEqual(['decision.sign']);
    expect(explained.entries[0]!.subject).toContain('王五行政处罚');
  });

  it('exits 2 on a cell that does not exist or an export it cannot write, naming the problem', () => {
    const unknown = cli('report', '--year', '2025', '--explain', '三-不予公开-9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('没有单元格“三-不予公开-9”');
    const pdf = cli('report', '--year', '2025', '--out', path.join(tempDir(), '年报.pdf'), '--as', 'reviewer');
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('.docx 或 .xlsx');
    const anonymous = cli('report', '--year', '2025', '--out', path.join(tempDir(), '年报.docx'));
    expect(anonymous.code).toBe(2);
  });

  it('writes 年报.docx and records the export with the file’s hash', async () => {
    const file = path.join(tempDir(), '年报.docx');
    const r = cli('report', '--year', '2025', '--out', file, '--as', 'reviewer');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { value } = await mammoth.extractRawText({ buffer: fs.readFileSync(file) });
    expect(value).toContain('三、收到和处理政府信息公开申请情况');
    const ctx = openRecords(db);
    try {
      const entries = [...ctx.store.audit.withActions(['report.export'])];
      expect(entries).toHaveLength(1);
      expect(JSON.parse(entries[0]!.payload)).toMatchObject({ year: 2025, format: 'docx', path: file });
    } finally {
      ctx.store.close();
    }
    expect(cli('audit', 'verify').code).toBe(0);
  });
});
