import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInspection } from '../../electron/core/inspection/export/write.ts';
import { csvField } from '../../electron/core/inspection/export/csv.ts';
import { unzipSync, strFromU8 } from 'fflate';
import { closedNovember, decide, loadSeed, openUnit, type Unit } from './seed.ts';
import { openInspection } from '../../electron/core/inspection/lifecycle.ts';
import { writeInspectionConfig } from '../../electron/core/inspection/config.ts';
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
    expect(pairs.get('结束时间')).toBeInstanceOf(Date);
  });

  it('stores days as dates, prints landscape with the header repeated, and keeps sheet names Excel accepts', async () => {
    const file = await exportInspection(unit.ctx, unit.team.reviewer, 2025, 'xlsx', path.join(out, '台账-日期.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file.path);
    const names = book.worksheets.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
    const withheld = book.getWorksheet('不予公开')!;
    const dated = withheld.getRow(2).getCell(4);
    expect(dated.value).toBeInstanceOf(Date);
    expect(dated.numFmt).toBe('yyyy-mm-dd');
    expect(withheld.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    // The 64-character hash stays in the file but off the printed page, on one line.
    expect(withheld.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?R\$?5$/);
    expect(withheld.getRow(2).getCell(19).alignment?.wrapText).toBeFalsy();
  });
});

describe('text an office would choke on', () => {
  let odd: Unit;
  beforeAll(() => {
    odd = openUnit();
    odd.at('2025-07-01');
    const title = '=HYPERLINK("http://x")关于\u0001考勤\u000b安排的通知';
    const loaded = loadSeed(odd, { key: 'Z', title, text: `${title}\n机关考勤安排如下。`, date: '2025-02-10', concern: { term: '考勤安排如下', category: 3, basis: '条例第十六条第一款' } });
    decide(odd, loaded.documentId, 'withheld', loaded.findings, ['条例第十六条第一款']);
    odd.at('2025-11-14');
    writeInspectionConfig(odd.ctx, odd.team.admin, { unitName: '测试局\u0007办公室', reportTo: '测试市人民政府办公室' });
    openInspection(odd.ctx, odd.team.reviewer, 2025);
  });
  afterAll(() => odd.ctx.store.close());

  const illegalXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
  const clean = '=HYPERLINK("http://x")关于考勤安排的通知';

  it('strips XML-illegal control characters from every part of the xlsx and docx, and keeps formulas as text', async () => {
    for (const format of ['xlsx', 'docx'] as const) {
      const file = await exportInspection(odd.ctx, odd.team.reviewer, 2025, format, path.join(out, `odd.${format}`));
      for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(file.path)))) expect(illegalXml.test(strFromU8(bytes)), `${format} ${name}`).toBe(false);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, 'odd.xlsx'));
    const cell = book.getWorksheet('不予公开')!.getRow(2).getCell(3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(clean);
    const { value: text } = await mammoth.extractRawText({ path: path.join(out, 'odd.docx') });
    expect(text).toContain('测试局办公室');
  });

  it('writes the csv without control characters and with the formula defused', async () => {
    const file = await exportInspection(odd.ctx, odd.team.reviewer, 2025, 'csv', path.join(out, 'odd.csv'));
    const text = fs.readFileSync(file.path, 'utf8');
    expect(illegalXml.test(text)).toBe(false);
    expect(text).toContain(`"'${clean.replace(/"/g, '""')}"`);
  });
});

describe('the docx 自查情况报告', () => {
  it('reads back as a 公文 with title, 主送, figures, table, 成文日期, 附注 and the record’s root fingerprint', async () => {
    const file = await exportInspection(unit.ctx, unit.team.reviewer, 2025, 'docx', path.join(out, '报告.docx'));
    const { value: text } = await mammoth.extractRawText({ path: file.path });
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toBe('测试市测试局关于2025年度政府信息公开自查整改情况的报告');
    expect(lines[1]).toBe('测试市人民政府办公室：');
    expect(text).toContain('本次自查共纳入信息7件，其中不予公开信息4件，部分公开信息1件');
    expect(text).toContain('转为主动公开3件，转为部分公开1件');
    expect(text).toContain('表1  自查整改情况统计');
    expect(text).toContain('特此报告。');
    expect(lines.slice(-4, -1)).toEqual(['测试市测试局', '2025年11月28日', '（此件公开发布）']);
    expect(lines.at(-1)).toBe(`本报告数字取自本单位审计日志（根密钥指纹 ${unit.team.admin.keyFingerprint}），可用 disclosure-desk audit verify 核验。`);
    const tableStart = lines.indexOf('不予公开');
    expect(lines.slice(tableStart, tableStart + 6)).toEqual(['不予公开', '4', '2', '1', '1', '0']);
  });

  it('names fallback fonts for machines without 方正小标宋 or 仿宋_GB2312, and numbers odd and even pages', async () => {
    const file = await exportInspection(unit.ctx, unit.team.reviewer, 2025, 'docx', path.join(out, '报告-版式.docx'));
    const parts = unzipSync(fs.readFileSync(file.path));
    const part = (name: string) => strFromU8(parts[name]!);
    expect(part('word/fontTable.xml')).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(part('word/fontTable.xml')).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(part('word/settings.xml')).toContain('w:evenAndOddHeaders');
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(part);
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(f).toMatch(/PAGE/);
    expect(part('word/document.xml')).toContain('w:cantSplit');
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
    expect(csvField('+1-2')).toBe("'+1-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-3')).toBe("'-3");
    expect(csvField('甲\u0001乙')).toBe('甲乙');
    expect(csvField({ kind: 'day', iso: '2025-05-01' })).toBe('2025-05-01');
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
