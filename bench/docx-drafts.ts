// Large drafts the intake benches build: one through the docx library, one with the markup Word itself writes.
import type { DocxBlock } from '../tests/helpers/fixtures.ts';

export const sentence = '为加快法治政府、服务型政府建设，提高行政效能，切实保障人民群众的知情权、参与权和监督权，全面推动我市政务公开工作，结合实际制定本规范。';

export function bigDocxBlocks(pages: number): DocxBlock[] {
  const blocks: DocxBlock[] = [{ title: '关于印发政务公开工作规范的通知' }];
  for (let p = 0; p < pages; p++) {
    blocks.push({ heading: 2, text: `第${p + 1}部分` });
    for (let i = 0; i < 8; i++) blocks.push(`${p + 1}.${i + 1} ${sentence}`);
    if (p % 10 === 0) blocks.push({ table: [['事项', '责任单位', '时限'], ['政务公开目录', '办公室', '20个工作日']] });
    blocks.push({ pageBreak: true });
  }
  return blocks;
}

/**
 * What Word itself writes for ~300 pages: every paragraph in several runs with revision ids and run
 * properties, pages ending mid-paragraph at a rendered break, a hard break and section every 50 pages.
 */
export function wordLikeBody(pages: number): string {
  const rPr = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>';
  const run = (text: string, extra = '') => `<w:r w:rsidRPr="00A1B2C3">${rPr}${extra}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const pPr = '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>' + rPr + '</w:pPr>';
  const paragraphs: string[] = [];
  for (let p = 0; p < pages; p++) {
    const hard = p > 0 && p % 50 === 0;
    if (hard) paragraphs.push(`<w:p>${pPr}<w:r>${rPr}<w:br w:type="page"/></w:r></w:p>`);
    paragraphs.push(`<w:p w:rsidR="00D4E5F6" w:rsidRDefault="00D4E5F6">${pPr}${run(`第${p + 1}部分`, p > 0 ? '<w:lastRenderedPageBreak/>' : '')}</w:p>`);
    for (let i = 0; i < 8; i++) {
      const pieces = sentence.match(/.{1,12}/g)!;
      const runs = pieces.map((piece, k) => run(k === 0 ? `${p + 1}.${i + 1} ${piece}` : piece)).join('<w:proofErr w:type="gramStart"/>');
      paragraphs.push(`<w:p w:rsidR="00D4E5F6" w:rsidRDefault="00D4E5F6">${pPr}${runs}</w:p>`);
    }
  }
  return paragraphs.join('');
}
