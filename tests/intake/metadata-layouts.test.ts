import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import { draftFile } from '../scanner/heldout-formats.ts';
import { makeDocx, makePdf } from '../helpers/fixtures.ts';
import { expectDocument, paragraphTexts, parseLines } from './helpers.ts';

afterAll(() => closeIntake());

const body = '现将有关事项通知如下，请认真贯彻执行。';

describe('成文日期 as PDF text breaks it', () => {
  it.each([
    ['on the 署名 line without a space', ['杭州市拱墅区人民政府2025年6月16日']],
    ['split after 月', ['杭州市拱墅区人民政府', '2025年6月', '16日']],
    ['split after 年', ['杭州市拱墅区人民政府', '2025年', '6月16日']],
    ['with a space between every character', ['杭州市拱墅区人民政府', '2 0 2 5 年 6 月 1 6 日']],
  ])('reads the date %s', (_label, tail) => {
    const { metadata } = parseLines([body, ...tail, '（此件公开发布）']);
    expect(metadata.date).toBe('2025-06-16');
    expect(metadata.issuer).toBe('杭州市拱墅区人民政府');
    expect(metadata.note).toBe('（此件公开发布）');
  });

  it('joins no line into a date unless the pieces make a whole calendar date', () => {
    expect(parseLines([body, '杭州市拱墅区人民政府', '2025年6月', '第3期']).metadata.date).toBeNull();
    expect(parseLines([body, '杭州市拱墅区人民政府', '2025年2月', '30日']).metadata.date).toBeNull();
  });

  it('keeps the 署名 and date of a last page with nothing else on it as two paragraphs', async () => {
    const first = Array.from({ length: 6 }, (_, i) => `第${i + 1}段正文写满整整一行以上的文字，用来确定版心右边界的位置和宽度，以便后页对齐。`);
    const doc = expectDocument(await extractBytes(await makePdf([first, ['杭州市拱墅区人民政府', '2025年6月16日']]), 'a.pdf'));
    expect(paragraphTexts(doc).slice(-2)).toEqual(['杭州市拱墅区人民政府', '2025年6月16日']);
    expect(doc.metadata.date).toBe('2025-06-16');
  });

  it('reads the date of a PDF that breaks it over two lines', async () => {
    const doc = expectDocument(await extractBytes(await makePdf([['关于开展安全检查的通知', '各科室：', body, '某市应急管理局', '2024年6月', '12日']]), 'a.pdf'));
    expect(doc.metadata.date).toBe('2024-06-12');
    expect(doc.metadata.dateRaw).toBe('2024年6月12日');
    expect(doc.metadata.title).toBe('关于开展安全检查的通知');
  });
});

describe('标题 however it is set', () => {
  it('knows 预案 and other kinds of document as title endings', () => {
    expect(parseLines(['江西省九江市水利局', '九江市2025年水旱灾害防御应急预案', '1 总则', '1.1 编制目的：减少损失。']).metadata.title).toBe('九江市2025年水旱灾害防御应急预案');
    expect(parseLines(['关于2024年度先进个人的公示', body]).metadata.title).toBe('关于2024年度先进个人的公示');
  });

  it('takes the lines between the red line of the 版头 and the 主送机关 as the title, a short last line included', () => {
    const lines = ['九江市水利局文件', '九江水发〔2025〕3号', '━━━━━━━━━━━━━━━━', '关于开展汛前检查的', '安排', '各县（市、区）水利局：', body, '九江市水利局', '2025年3月25日'];
    const parsed = parseLines(lines);
    expect(parsed.metadata.title).toBe('关于开展汛前检查的安排');
    expect(parsed.metadata.issuerMark).toBe('九江市水利局文件');
    expect(parsed.metadata.addressee).toBe('各县（市、区）水利局');
    expect(parsed.zoneOf('━━━━━━━━━━━━━━━━')).toBe('header');
    expect(parsed.kindOf('安排')).toBe('title');
  });

  it('invents no title when only the 版头 stands above the 主送机关', () => {
    expect(parseLines(['九江市水利局文件', '九江水发〔2025〕3号', '——————————————', '各县（市、区）水利局：', body]).metadata.title).toBeNull();
  });

  it('takes a docx paragraph in a title style as the title whatever word it ends in', async () => {
    const doc = expectDocument(await extractBytes(await makeDocx([{ title: '2024年全市水利工作回顾' }, body]), 'a.docx'));
    expect(doc.metadata.title).toBe('2024年全市水利工作回顾');
    const heading = expectDocument(await extractBytes(await makeDocx(['九江市水利局', { heading: 1, text: '2025年防汛抗旱工作安排' }, body]), 'b.docx'));
    expect(heading.metadata.title).toBe('2025年防汛抗旱工作安排');
  });
});

describe('held-out drafts 142 (.pdf) and 143 (.docx) built as the scanner tests build them', () => {
  it('reads the 成文日期 and 署名 of 142', async () => {
    const { fileName, bytes } = await draftFile('142-b7-administrative-review-decision');
    const doc = expectDocument(await extractBytes(bytes, fileName));
    expect(doc.metadata).toMatchObject({ title: '行政复议决定书', docNumber: '拱政复〔2025〕58号', issuer: '杭州市拱墅区人民政府', date: '2025-06-16' });
  });

  it('reads the 标题 of 143 and keeps its page header and footer out of the metadata', async () => {
    const { fileName, bytes } = await draftFile('143-b7-flood-emergency-plan');
    const doc = expectDocument(await extractBytes(bytes, fileName));
    expect(doc.metadata).toMatchObject({ title: '九江市2025年水旱灾害防御应急预案', issuer: '九江市水利局', date: '2025-03-25', printedBy: null, printedDate: null });
    expect(paragraphTexts(doc, (p) => p.zone === 'header')[0]).toBe('九江市水利局文件');
    expect(paragraphTexts(doc, (p) => p.zone === 'footer')).toEqual(['九江市水利局办公室 2025年3月25日印发']);
  });
});
