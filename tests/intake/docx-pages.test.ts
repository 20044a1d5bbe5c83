import { Document, FootnoteReferenceRun, Packer, PageBreak, Paragraph, SectionType, TextRun } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import { makeDocx, makeWordXmlDocx, wordParagraph } from '../helpers/fixtures.ts';
import { expectDocument, paragraphTexts } from './helpers.ts';

afterAll(() => closeIntake());

const RENDERED = '<w:lastRenderedPageBreak/>';
const HARD = '<w:br w:type="page"/>';

async function pagesOf(bytes: Uint8Array) {
  const doc = expectDocument(await extractBytes(bytes, '草稿.docx'));
  const texts = paragraphTexts(doc);
  return { doc, byText: Object.fromEntries(texts.map((t, i) => [t, doc.paragraphs[i]!.page])), pages: doc.paragraphs.map((p) => p.page) };
}

async function packed(sections: { children: Paragraph[]; type?: (typeof SectionType)[keyof typeof SectionType] }[], footnotes: Record<number, { children: Paragraph[] }> = {}) {
  const doc = new Document({ footnotes, sections: sections.map(({ children, type }) => ({ properties: type ? { type } : {}, children })) });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('docx page numbers', () => {
  it('counts explicit page breaks written by the docx package', async () => {
    const { doc, pages } = await pagesOf(await makeDocx(['第一页正文', '第一页续', { pageBreak: true }, '第二页正文', { table: [['事项', '单位']] }, { pageBreak: true }, '第三页正文']));
    expect(paragraphTexts(doc)).toEqual(['第一页正文', '第一页续', '第二页正文', '事项\t单位', '第三页正文']);
    expect(pages).toEqual([1, 1, 2, 2, 3]);
    expect(doc.pageCount).toBe(3);
  });

  it('starts a page at a paragraph set to break before it, and at a section that starts on a new page', async () => {
    const bytes = await packed([
      { children: [new Paragraph('封面'), new Paragraph({ text: '目录', pageBreakBefore: true })] },
      { type: SectionType.NEXT_PAGE, children: [new Paragraph('第一章')] },
      { type: SectionType.CONTINUOUS, children: [new Paragraph('接续的一节')] },
    ]);
    const { byText, doc } = await pagesOf(bytes);
    expect(byText).toEqual({ 封面: 1, 目录: 2, 第一章: 3, 接续的一节: 3 });
    expect(doc.pageCount).toBe(3);
  });

  it('leaves a blank page before a section that must start on an odd page', async () => {
    const bytes = await packed([
      { children: [new Paragraph('第一页')] },
      { type: SectionType.ODD_PAGE, children: [new Paragraph('第三页'), new Paragraph({ children: [new PageBreak(), new TextRun('第四页')] })] },
      { type: SectionType.ODD_PAGE, children: [new Paragraph('第五页')] },
    ]);
    const { byText, doc } = await pagesOf(bytes);
    expect(byText).toEqual({ 第一页: 1, 第三页: 3, 第四页: 4, 第五页: 5 });
    expect(doc.pageCount).toBe(5);
  });

  it('puts a footnote on the page of its reference', async () => {
    const bytes = await packed(
      [{ children: [new Paragraph('第一页'), new Paragraph({ children: [new PageBreak(), new TextRun('依据条例'), new FootnoteReferenceRun(1)] })] }],
      { 1: { children: [new Paragraph('见《中华人民共和国政府信息公开条例》')] } },
    );
    const { doc, byText } = await pagesOf(bytes);
    expect(byText['见《中华人民共和国政府信息公开条例》']).toBe(2);
    expect(doc.paragraphs.find((p) => p.kind === 'footnote')?.page).toBe(2);
  });

  it('reads the page breaks Word last rendered, inside and between paragraphs', async () => {
    const body = [
      wordParagraph('关于印发政务公开工作规范的通知'),
      wordParagraph('第一页末段，这一段跨到', { after: `${RENDERED}<w:t>第二页继续。</w:t>` }),
      wordParagraph('第二页的段落'),
      wordParagraph('第三页开头', { before: RENDERED }),
    ].join('');
    const { byText, doc } = await pagesOf(makeWordXmlDocx(body));
    expect(byText).toEqual({ 关于印发政务公开工作规范的通知: 1, '第一页末段，这一段跨到第二页继续。': 1, 第二页的段落: 2, 第三页开头: 3 });
    expect(doc.pageCount).toBe(3);
  });

  it('does not count the rendered break Word writes after an explicit one twice', async () => {
    const body = [
      wordParagraph('第一页'),
      `<w:p><w:r>${HARD}</w:r></w:p>`,
      '<w:p/>',
      wordParagraph('第二页', { before: RENDERED }),
      wordParagraph('标题另起一页', { pPr: '<w:pageBreakBefore/>', before: RENDERED }),
      wordParagraph('第三页正文'),
    ].join('');
    const { byText, doc } = await pagesOf(makeWordXmlDocx(body));
    expect(byText).toEqual({ 第一页: 1, 第二页: 2, 标题另起一页: 3, 第三页正文: 3 });
    expect(doc.pageCount).toBe(3);
  });

  it('follows page-break-before through paragraph styles and their basedOn chain', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="章标题"/><w:pPr><w:pageBreakBefore/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Annex"><w:name w:val="附件标题"/><w:basedOn w:val="Chapter"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="不分页"/><w:basedOn w:val="Chapter"/><w:pPr><w:pageBreakBefore w:val="0"/></w:pPr></w:style>';
    const body = [
      wordParagraph('第一章', { pPr: '<w:pStyle w:val="Chapter"/>' }),
      wordParagraph('正文一'),
      wordParagraph('附件', { pPr: '<w:pStyle w:val="Annex"/>' }),
      wordParagraph('接排', { pPr: '<w:pStyle w:val="Plain"/>' }),
    ].join('');
    expect((await pagesOf(makeWordXmlDocx(body, { styles }))).byText).toEqual({ 第一章: 1, 正文一: 1, 附件: 2, 接排: 2 });
  });

  it('matches paragraphs through tables, empty paragraphs, repeated text and text boxes', async () => {
    const textBox = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${wordParagraph('文本框内容')}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${wordParagraph('文本框内容')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const cell = (text: string, before = '') => `<w:tc>${wordParagraph(text, { before })}</w:tc>`;
    const body = [
      wordParagraph('一、'),
      '<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>',
      `<w:p>${textBox}<w:r><w:t>锚定段落</w:t></w:r></w:p>`,
      `<w:tbl><w:tr>${cell('姓名')}${cell('职务')}</w:tr><w:tr>${cell('张三', RENDERED)}${cell('科长')}</w:tr></w:tbl>`,
      wordParagraph('一、', { before: HARD }),
      wordParagraph('A & B 条款'),
      `<w:p><w:r>${RENDERED}<w:sym w:font="Wingdings" w:char="F0FE"/><w:t>同意按主动公开方式发布</w:t></w:r></w:p>`,
    ].join('');
    const { doc, pages } = await pagesOf(makeWordXmlDocx(body));
    expect(paragraphTexts(doc).slice(0, 7)).toEqual(['一、', '锚定段落', '文本框内容', '姓名\t职务', '张三\t科长', '一、', 'A & B 条款']);
    expect(paragraphTexts(doc)[7]).toMatch(/同意按主动公开方式发布$/);
    expect(pages).toEqual([1, 1, 1, 1, 2, 3, 3, 4]);
  });

  it('keeps pages null when the file says nothing about pages', async () => {
    const { doc, pages } = await pagesOf(makeWordXmlDocx([wordParagraph('第一段'), wordParagraph('第二段')].join('')));
    expect(pages).toEqual([null, null]);
    expect(doc.pageCount).toBeNull();
  });
});
