import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import { makeDocx, makeWordXmlDocx, wordParagraph } from '../helpers/fixtures.ts';
import { expectDocument, paragraphTexts } from './helpers.ts';

afterAll(() => closeIntake());

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const deleted = (id: number, text: string) => `<w:del w:id="${id}" w:author="王五" w:date="2024-05-06T09:00:00Z"><w:r><w:delText>${text}</w:delText></w:r></w:del>`;
const inserted = (id: number, text: string) => `<w:ins w:id="${id}" w:author="王五" w:date="2024-05-06T09:00:00Z">${run(text)}</w:ins>`;

const draftBody = [
  wordParagraph('关于张某某违法行为的处理意见'),
  `<w:p>${run('当事人')}${deleted(1, '张三（身份证号110101199003071234）')}${inserted(2, '张某某')}${run('于2024年5月6日')}<w:commentRangeStart w:id="0"/>${run('到达现场')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>${run('。')}</w:p>`,
  `<w:p><w:moveFrom w:id="3" w:author="王五">${run('移走的句子。')}</w:moveFrom>${run('保留的句子。')}<w:moveTo w:id="4" w:author="王五">${run('移来的句子。')}</w:moveTo></w:p>`,
  `<w:p><w:pPr><w:rPr><w:ins w:id="5" w:author="王五"/></w:rPr></w:pPr><w:r><w:rPr><w:rPrChange w:id="6" w:author="王五"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>格式修改不算文字修订</w:t></w:r></w:p>`,
].join('');
const comments = '<w:comment w:id="0" w:author="李四" w:date="2024-05-06T10:00:00Z"><w:p><w:r><w:t>此处涉及内部讨论意见，暂不宜公开</w:t></w:r></w:p></w:comment>';

describe('docx drafts with tracked changes and comments', () => {
  it('reads the text as if every change were accepted, without comments', async () => {
    const doc = expectDocument(await extractBytes(makeWordXmlDocx(draftBody, { comments }), '处理意见.docx'));
    expect(paragraphTexts(doc)).toEqual([
      '关于张某某违法行为的处理意见',
      '当事人张某某于2024年5月6日到达现场。',
      '保留的句子。移来的句子。',
      '格式修改不算文字修订',
    ]);
    expect(doc.text).not.toContain('110101199003071234');
    expect(doc.text).not.toContain('移走的句子');
    expect(doc.text).not.toContain('内部讨论意见');
  });

  it('warns in Chinese that the draft carries tracked changes and comments, with counts', async () => {
    const doc = expectDocument(await extractBytes(makeWordXmlDocx(draftBody, { comments }), '处理意见.docx'));
    const revisions = doc.warnings.find((w) => w.includes('修订'));
    expect(revisions).toContain('2 处插入');
    expect(revisions).toContain('2 处删除');
    expect(revisions).toContain(`${'张三（身份证号110101199003071234）移走的句子。'.length} 字`);
    expect(doc.warnings.find((w) => w.includes('批注'))).toContain('1 条批注');
  });

  it('warns about comments alone and about deletions alone', async () => {
    const onlyComment = expectDocument(await extractBytes(makeWordXmlDocx(wordParagraph('正文'), { comments }), 'a.docx'));
    expect(onlyComment.warnings).toHaveLength(1);
    expect(onlyComment.warnings[0]).toContain('批注');
    const onlyDeletion = expectDocument(await extractBytes(makeWordXmlDocx(`<w:p>${run('正文')}${deleted(1, '删去')}</w:p>`), 'b.docx'));
    expect(onlyDeletion.warnings).toHaveLength(1);
    expect(onlyDeletion.warnings[0]).toContain('1 处删除');
    expect(onlyDeletion.warnings[0]).not.toContain('插入');
  });

  it('gives a clean document no warning', async () => {
    const doc = expectDocument(await extractBytes(await makeDocx(['关于某事的通知', '各单位：', '现通知如下。']), 'c.docx'));
    expect(doc.warnings).toEqual([]);
  });
});
