import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInspection } from '../../electron/core/inspection/export/write.ts';
import { csvField } from '../../electron/core/inspection/export/csv.ts';
import { closedNovember, openUnit, type Unit } from './seed.ts';
import { tempDir } from '../records/helpers.ts';

let unit: Unit;
let out: string;

beforeAll(() => {
  unit = openUnit();
  closedNovember(unit);
  out = tempDir();
});
afterAll(() => unit.ctx.store.close());

describe('the xlsx 自查台账', () => {
  it('has the five sheets with Chinese headers, a frozen header row, widths and plain values', async () => {
    const file = await exportInspection(unit.ctx, unit.team.reviewer, 2025, 'xlsx', path.join(out, '台账.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file.path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['不予公开', '部分公开', '依申请公开', '已转换', '汇总']);
    const withheld = book.getWorksheet('不予公开')!;
    expect(withheld.getRow(1).getCell(1).value).toBe('序号');
    expect(withheld.getRow(1).getCell(3).value).toBe('标题');
    expect(withheld.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(withheld.getColumn(3).width).toBe(40);
    expect(withheld.rowCount).toBe(1 + 4);
    const titles = [2, 3, 4, 5].map((r) => withheld.getRow(r).getCell(3).value);
    expect(titles).toContain('关于调整机关考勤制度的通知');
    // 已转换 holds the signed conversions: B, F, H to proactive and D to partial.
    expect(book.getWorksheet('已转换')!.rowCount).toBe(1 + 4);
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    const summary = book.getWorksheet('汇总')!;
    const pairs = new Map<string, unknown>();
    summary.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(pairs.get('纳入自查（件）')).toBe(7);
    expect(pairs.get('已办结（件）')).toBe(7);
    expect(pairs.get('实际转为主动公开（件）')).toBe(3);
    expect(pairs.get('单位')).toBe('测试市测试局');
  });
});

describe('the docx 自查情况报告', () => {
  it('reads back as a 公文 with title, 主送, figures, table, 成文日期 and 附注', async () => {
    const file = await exportInspection(unit.ctx, unit.team.reviewer, 2025, 'docx', path.join(out, '报告.docx'));
    const { value: text } = await mammoth.extractRawText({ path: file.path });
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toBe('测试市测试局关于2025年度政府信息公开自查整改情况的报告');
    expect(lines[1]).toBe('测试市人民政府办公室：');
    expect(text).toContain('本次自查共纳入信息7件，其中不予公开信息4件，部分公开信息1件');
    expect(text).toContain('转为主动公开3件，转为部分公开1件');
    expect(text).toContain('表1  自查整改情况统计');
    expect(text).toContain('特此报告。');
    expect(lines.slice(-3)).toEqual(['测试市测试局', '2025年11月28日', '（此件公开发布）']);
    const tableStart = lines.indexOf('不予公开');
    expect(lines.slice(tableStart, tableStart + 6)).toEqual(['不予公开', '4', '2', '1', '1', '0']);
  });
});

describe('the csv ledger', () => {
  it('is UTF-8 with a byte-order mark and one row per item', async () => {
    const file = await exportInspection(unit.ctx, unit.team.reviewer, 2025, 'csv', path.join(out, '台账.csv'));
    const bytes = fs.readFileSync(file.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const rows = text.split('\r\n').filter(Boolean);
    expect(rows[0]!.startsWith('公开属性分类,序号,发文字号,标题')).toBe(true);
    expect(rows).toHaveLength(1 + 7);
    expect(text).toContain('关于李四补助发放的决定');
  });

  it('quotes fields as RFC 4180 says and defuses formula prefixes', () => {
    expect(csvField('甲,乙')).toBe('"甲,乙"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(12)).toBe('12');
  });
});

describe('export records', () => {
  it('writes each export to the audit log with its hash', async () => {
    const file = await exportInspection(unit.ctx, unit.team.reviewer, 2025, 'csv', path.join(out, 'again.csv'));
    const entry = unit.ctx.store.audit.list({ action: 'inspection.export', limit: 1 }).rows[0]!;
    expect(JSON.parse(entry.payload)).toMatchObject({ year: 2025, format: 'csv', sha256: file.sha256 });
  });
});
