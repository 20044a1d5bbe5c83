import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import { lieAboutZipSizes, makeZip } from '../helpers/fixtures.ts';
import { expectDocument, expectError, paragraphTexts } from './helpers.ts';

afterAll(() => closeIntake());

async function workbookBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A 公示 list as offices publish them: a merged title row, a header row, then one row per person. */
function publicNotice(wb: ExcelJS.Workbook) {
  const sheet = wb.addWorksheet('名单');
  sheet.addRow(['某某县2024年度考试录用公务员拟录用人员名单（共3人）']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(['序号', '职位名称', '姓名', '性别', '准考证号', '笔试成绩']);
  sheet.addRow([1, '综合岗', '王某某', '男', '136000000001', 131.5]);
  sheet.addRow([2, '综合岗', { richText: [{ text: '李' }, { text: '某', font: { bold: true } }] }, '女', '136000000002', { formula: '120+12', result: 132 }]);
  sheet.addRow([3, '执法岗\n（一）', '赵某', '男', '136000000003', 1.1 * 3]);
  const dates = wb.addWorksheet('报到');
  dates.addRow(['报到日期', new Date(Date.UTC(2024, 5, 3))]);
}

describe('.xlsx read as table text', () => {
  it('reads each row as one table paragraph with its cells tab-joined, a merged title once', async () => {
    const doc = expectDocument(await extractBytes(await workbookBytes(publicNotice), '名单.xlsx'));
    expect(doc.format).toBe('xlsx');
    expect(paragraphTexts(doc)).toEqual([
      '某某县2024年度考试录用公务员拟录用人员名单（共3人）',
      '序号\t职位名称\t姓名\t性别\t准考证号\t笔试成绩',
      '1\t综合岗\t王某某\t男\t136000000001\t131.5',
      '2\t综合岗\t李某\t女\t136000000002\t132',
      '3\t执法岗（一）\t赵某\t男\t136000000003\t3.3',
      '报到日期\t2024-06-03',
    ]);
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['title', 'table', 'table', 'table', 'table', 'table']);
  });

  it('takes the sheet title row as the title and counts each sheet as a page', async () => {
    const doc = expectDocument(await extractBytes(await workbookBytes(publicNotice), '名单.xlsx'));
    expect(doc.metadata.title).toBe('某某县2024年度考试录用公务员拟录用人员名单（共3人）');
    expect(doc.pageCount).toBe(2);
    expect(doc.paragraphs.at(-1)!.page).toBe(2);
  });

  it('takes the title after an attachment label row, and none when the sheet starts with its header row', async () => {
    const labelled = await workbookBytes((wb) => {
      const sheet = wb.addWorksheet('Sheet1');
      sheet.addRow(['附件：']);
      sheet.addRow(['2024年某某市遴选公务员职位表']);
      sheet.addRow(['序号', '单位', '职位', '联系电话']);
      sheet.addRow([1, '某某局', '科员', '0795-0000000']);
    });
    expect(expectDocument(await extractBytes(labelled, '职位表.xlsx')).metadata.title).toBe('2024年某某市遴选公务员职位表');
    const bare = await workbookBytes((wb) => {
      const sheet = wb.addWorksheet('Sheet1');
      sheet.addRow(['序号', '姓名', '性别']);
      sheet.addRow([1, '王某', '男']);
    });
    expect(expectDocument(await extractBytes(bare, '名单.xlsx')).metadata.title).toBeNull();
  });

  it('reads hidden sheets and rows too, and warns that they are published with the file', async () => {
    const bytes = await workbookBytes((wb) => {
      const shown = wb.addWorksheet('公示');
      shown.addRow(['序号', '姓名']);
      shown.addRow([1, '王某']);
      shown.addRow([2, '张某']).hidden = true;
      const hidden = wb.addWorksheet('底稿');
      hidden.state = 'hidden';
      hidden.addRow(['姓名', '身份证号']);
      hidden.addRow(['王某', '110101199003071234']);
    });
    const doc = expectDocument(await extractBytes(bytes, '公示.xlsx'));
    expect(doc.text).toContain('110101199003071234');
    expect(doc.text).toContain('张某');
    expect(doc.warnings).toEqual([expect.stringContaining('“底稿”')]);
    expect(doc.warnings[0]).toContain('1 个隐藏行');
  });

  it('refuses an .xlsx zip bomb while inflating, whatever sizes it declares', async () => {
    const bomb = makeZip({
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024),
    });
    const lying = lieAboutZipSizes(bomb, 100);
    expect(lying.length).toBeLessThan(64 * 1024);
    expect(expectError(await extractBytes(lying, '炸弹.xlsx', { maxExpandedBytes: 4 * 1024 * 1024 }), 'too-large')).toContain('解压');
  });

  it('refuses an .xlsx without readable sheets with code "corrupt" and one with no cells with code "empty"', async () => {
    expectError(await extractBytes(makeZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': 'not xml' }), '坏表.xlsx'), 'corrupt');
    expectError(await extractBytes(await workbookBytes((wb) => wb.addWorksheet('空')), '空表.xlsx'), 'empty');
  });
});
