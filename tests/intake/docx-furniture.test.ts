import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import { furnitureParagraphs } from '../../electron/core/intake/docx-furniture.ts';
import { createScanner } from '../../electron/core/scanner/index.ts';
import { makeDocx, makeWordXmlDocx, wordParagraph } from '../helpers/fixtures.ts';
import { expectDocument, paragraphTexts } from './helpers.ts';

afterAll(() => closeIntake());

const notice = ['某市财政局文件', '某财发〔2024〕12号', '关于做好2024年预算执行工作的通知', '各县（区）财政局：', '现将有关事项通知如下。', '某市财政局', '2024年6月12日'];
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const field = (instruction: string, shown: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

describe('docx page headers and footers', () => {
  it('puts header text first as a header-zone paragraph, leaves the page number out and keeps the metadata of the body', async () => {
    const plain = expectDocument(await extractBytes(await makeDocx(notice), '通知.docx'));
    const doc = expectDocument(await extractBytes(await makeDocx(notice, { header: '内部资料 注意保管', footer: '— {PAGE} —' }), '通知.docx'));
    expect(paragraphTexts(doc)).toEqual(['内部资料 注意保管', ...notice]);
    expect(doc.paragraphs[0]).toMatchObject({ zone: 'header', kind: 'paragraph' });
    expect(doc.text).not.toMatch(/—\s*\d*\s*—/);
    expect(doc.metadata).toEqual(plain.metadata);
    expect(doc.metadata.title).toBe('关于做好2024年预算执行工作的通知');
    expect(doc.warnings).toEqual(['页眉/页脚中有文字，已一并审查：“内部资料 注意保管”。']);
  });

  it('reads a marking in the page header as 保密审查 category 7', async () => {
    const doc = expectDocument(await extractBytes(await makeDocx(notice, { header: '内部资料 注意保管', footer: '第 {PAGE} 页' }), '通知.docx'));
    const findings = createScanner().scan(doc).findings.filter((f) => f.category === 7);
    expect(findings.map((f) => doc.text.slice(f.start, f.end)).join()).toContain('内部资料');
    expect(findings.some((f) => f.zone === 'header')).toBe(true);
  });

  it('puts footer text last in the footer zone, once for identical first-page and default variants', async () => {
    const doc = expectDocument(await extractBytes(await makeDocx(notice, { header: '工作秘密', footer: '征求意见稿', first: true }), '通知.docx'));
    const texts = paragraphTexts(doc);
    expect(texts.filter((t) => t === '工作秘密')).toHaveLength(1);
    expect(texts.at(-1)).toBe('征求意见稿');
    expect(doc.paragraphs.at(-1)!.zone).toBe('footer');
    expect(doc.warnings[0]).toBe('页眉/页脚中有文字，已一并审查：“工作秘密”、“征求意见稿”。');
  });

  it('takes a 密级 marking printed in the page header as the classification when the body has none', async () => {
    const doc = expectDocument(await extractBytes(await makeDocx(notice, { header: '机密★5年' }), '通知.docx'));
    expect(doc.metadata.classification).toEqual({ level: '机密', period: '5年', raw: '机密★5年' });
    expect(doc.metadata.title).toBe('关于做好2024年预算执行工作的通知');
    const marked = expectDocument(await extractBytes(await makeDocx(['秘密★1年', ...notice], { header: '机密★5年' }), '通知.docx'));
    expect(marked.metadata.classification?.raw).toBe('秘密★1年');
  });

  it('never takes an agency mark or printing line repeated in the header and footer as 版头 or 版记', async () => {
    const doc = expectDocument(await extractBytes(await makeDocx(notice.slice(2), { header: '九江市水利局文件', footer: '九江市水利局办公室　2025年3月25日印发' }), '通知.docx'));
    expect(doc.metadata.issuerMark).toBeNull();
    expect(doc.metadata.printedBy).toBeNull();
    expect(doc.metadata.printedDate).toBeNull();
    expect(doc.metadata.title).toBe('关于做好2024年预算执行工作的通知');
    expect(doc.paragraphs[0]!.zone).toBe('header');
    expect(doc.paragraphs.at(-1)!.zone).toBe('footer');
  });

  it('gives header text page 1 and footer text the last page when the document has pages', async () => {
    const doc = expectDocument(await extractBytes(await makeDocx(['第一页正文', { pageBreak: true }, '第二页正文'], { header: '内部资料', footer: '仅供内部使用' }), 'a.docx'));
    expect(doc.pageCount).toBe(2);
    expect(doc.paragraphs[0]).toMatchObject({ zone: 'header', page: 1 });
    expect(doc.paragraphs.at(-1)).toMatchObject({ zone: 'footer', page: 2 });
  });

  it('follows the section references, and reads every header part when none is referenced', async () => {
    const body = wordParagraph('正文。');
    const referenced = expectDocument(await extractBytes(makeWordXmlDocx(body, { headers: [`<w:p>${run('工作秘密')}</w:p>`], footers: [`<w:p>${run('征求意见稿')}</w:p>`] }), 'a.docx'));
    expect(paragraphTexts(referenced)).toEqual(['工作秘密', '正文。', '征求意见稿']);
    const loose = expectDocument(await extractBytes(makeWordXmlDocx(body, { headers: [`<w:p>${run('内部资料')}</w:p>`], unreferenced: true }), 'b.docx'));
    expect(paragraphTexts(loose)).toEqual(['内部资料', '正文。']);
  });

  it('keeps text typed around a page field but drops numbering-only lines and field results', async () => {
    const footer = [
      `<w:p>${run('第 ')}${field('PAGE', '3')}${run(' 页 共 ')}${field('NUMPAGES', '9')}${run(' 页')}</w:p>`,
      `<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>4</w:t></w:r></w:fldSimple></w:p>`,
      `<w:p>${run('— 1 —')}</w:p>`,
      `<w:p>${run('内部资料')}<w:r><w:tab/></w:r>${field('PAGE', '2')}</w:p>`,
    ].join('');
    const doc = expectDocument(await extractBytes(makeWordXmlDocx(wordParagraph('正文。'), { footers: [footer] }), 'a.docx'));
    expect(paragraphTexts(doc)).toEqual(['正文。', '内部资料']);
  });

  it('reads a watermark drawn in the header and skips the duplicate Choice half of a text box', () => {
    const xml = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p>${run('机密')}</w:p></w:txbxContent></mc:Choice><mc:Fallback><w:pict><v:shape><v:textpath string="机密"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    expect(furnitureParagraphs(xml)).toEqual(['机密']);
  });

  it('stays within the expansion cap: a header too large to inflate refuses the file', async () => {
    const big = `<w:p>${run('内部资料'.repeat(200_000))}</w:p>`;
    const result = await extractBytes(makeWordXmlDocx(wordParagraph('正文。'), { headers: [big] }), 'a.docx', { maxExpandedBytes: 1024 * 1024 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('too-large');
  });
});
