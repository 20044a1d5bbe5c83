import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import { gbkBytes, makeDocx, makeOfd, makePdf, utf16leWithBom } from '../helpers/fixtures.ts';
import { expectDocument, paragraphTexts } from './helpers.ts';

afterAll(() => closeIntake());

describe('docx', () => {
  it('keeps titles, headings, tables and footnotes apart, with offsets into the text', async () => {
    const bytes = await makeDocx([
      { title: '关于加强政务公开工作的通知' },
      { heading: 1, text: '一、工作目的' },
      '在全市建立一套可操作、可考核的政务公开规范。',
      { table: [['姓名', '职务'], ['张三', '科长']] },
      { text: '依据有关规定执行', footnote: '见《中华人民共和国政府信息公开条例》' },
    ]);
    const doc = expectDocument(await extractBytes(bytes, '通知.docx'));
    expect(doc.format).toBe('docx');
    expect(doc.pageCount).toBeNull();
    const byKind = (kind: string) => paragraphTexts(doc, (p) => p.kind === kind);
    expect(byKind('title')).toEqual(['关于加强政务公开工作的通知']);
    expect(byKind('heading')).toEqual(['一、工作目的']);
    expect(byKind('table')).toEqual(['姓名\t职务', '张三\t科长']);
    expect(byKind('footnote')).toEqual(['见《中华人民共和国政府信息公开条例》']);
    expect(byKind('paragraph')).toContain('在全市建立一套可操作、可考核的政务公开规范。');
    for (const p of doc.paragraphs) expect(p.page).toBeNull();
    expect(doc.text.split('\n')).toEqual(paragraphTexts(doc));
    expect(doc.metadata.title).toBe('关于加强政务公开工作的通知');
  });

  it('records sha256, byte size and character count of the original', async () => {
    const bytes = await makeDocx(['公开属性：主动公开']);
    const doc = expectDocument(await extractBytes(bytes, 'a.docx'));
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(doc.byteSize).toBe(bytes.length);
    expect(doc.charCount).toBe([...doc.text].length);
    expect(doc.text).toBe('公开属性：主动公开');
  });
});

describe('pdf', () => {
  it('reads each page in reading order and rejoins lines wrapped inside a paragraph', async () => {
    const long = '为加快法治政府、服务型政府建设，提高行政效能，切实保障人民群众的知情权、参与权和监督权，全面推动我市政务公开工作，结合实际制定本规范。';
    const bytes = await makePdf([
      [{ text: '玉政办发〔2018〕48号', centered: true }, { text: '关于加强政务公开工作的通知', size: 22, centered: true }, '各乡镇人民政府：', { text: long, indent: 32 }],
      [{ text: '第二页的正文。', indent: 32 }],
    ]);
    const doc = expectDocument(await extractBytes(bytes, '通知.pdf'));
    expect(doc.format).toBe('pdf');
    expect(doc.pageCount).toBe(2);
    expect(paragraphTexts(doc)).toEqual(['玉政办发〔2018〕48号', '关于加强政务公开工作的通知', '各乡镇人民政府：', long, '第二页的正文。']);
    expect(doc.paragraphs.map((p) => p.page)).toEqual([1, 1, 1, 1, 2]);
    expect(doc.metadata.docNumber).toBe('玉政办发〔2018〕48号');
    expect(doc.metadata.title).toBe('关于加强政务公开工作的通知');
  });

  it('joins a title set on two lines', async () => {
    const bytes = await makePdf([
      [
        { text: '玉环市人民政府办公室关于印发', size: 22, centered: true },
        { text: '政务公开工作规范的通知', size: 22, centered: true },
        '各乡镇人民政府：',
        { text: '现将规范印发给你们，请认真贯彻执行。', indent: 32 },
      ],
    ]);
    const doc = expectDocument(await extractBytes(bytes, 'a.pdf'));
    expect(doc.metadata.title).toBe('玉环市人民政府办公室关于印发政务公开工作规范的通知');
    expect(doc.paragraphs.filter((p) => p.kind === 'title')).toHaveLength(2);
  });
});

describe('ofd', () => {
  it('rebuilds reading order from glyph coordinates when objects come out of order', async () => {
    const bytes = makeOfd([['路卫发〔2011〕76号', '关于同意张阿三同志辞职的批复', '区中医院：'], ['测试符路桥区卫生局', '2011年3月10日']], { glyphs: true });
    const doc = expectDocument(await extractBytes(bytes, '批复.ofd'));
    expect(doc.format).toBe('ofd');
    expect(doc.pageCount).toBe(2);
    expect(paragraphTexts(doc)).toEqual(['路卫发〔2011〕76号', '关于同意张阿三同志辞职的批复', '区中医院：', '测试符路桥区卫生局', '2011年3月10日']);
    expect(doc.paragraphs.map((p) => p.page)).toEqual([1, 1, 1, 2, 2]);
    expect(doc.metadata).toMatchObject({ docNumber: '路卫发〔2011〕76号', title: '关于同意张阿三同志辞职的批复', addressee: '区中医院', date: '2011-03-10', issuer: '测试符路桥区卫生局' });
    expect(doc.warnings).toEqual([]);
  });

  it('joins a paragraph wrapped over printed lines and starts a new one at a first-line indent', async () => {
    const rule = '公民、法人或者其他组织申请获取政府信息的，行政机关应当在收到申请之日起二十个工作日内予以答复，涉及国家秘密、商业秘密、个人隐私的除外。';
    const form = '行政机关依申请公开政府信息，应当根据申请人的要求及行政机关保存政府信息的实际情况，确定提供政府信息的具体形式';
    const printed = (text: string) => {
      const chars = [...text];
      return [{ text: chars.slice(0, 26).join(''), indent: 2 }, ...[26, 54].filter((at) => at < chars.length).map((at) => chars.slice(at, at + 28).join(''))];
    };
    const bytes = makeOfd([['市政办〔2024〕5号', '关于做好依申请公开工作的通知', '各县（市、区）人民政府：', ...printed(rule), ...printed(form), { text: '特此通知。', indent: 2 }]]);
    const doc = expectDocument(await extractBytes(bytes, '通知.ofd'));
    expect(paragraphTexts(doc)).toEqual(['市政办〔2024〕5号', '关于做好依申请公开工作的通知', '各县（市、区）人民政府：', rule, form, '特此通知。']);
    expect(doc.metadata).toMatchObject({ docNumber: '市政办〔2024〕5号', title: '关于做好依申请公开工作的通知', addressee: '各县（市、区）人民政府' });
  });

  it('does not run a full line ending in closing punctuation into the next when lines carry no indent', async () => {
    const first = '各部门要在政府网站公开涉企政策文件，并同步发布政策解读。';
    const second = '市发展改革委等部门要按季度公开惠企资金兑付情况，公开内容包括企业名称和兑付金额。';
    const lines = [first, second].flatMap((text) => [...text].reduce<string[]>((out, ch, i) => (i % 28 === 0 ? [...out, ch] : [...out.slice(0, -1), out.at(-1)! + ch]), []));
    const doc = expectDocument(await extractBytes(makeOfd([lines]), '要点.ofd'));
    expect(paragraphTexts(doc)).toEqual([first, second]);
  });

  it('warns that redaction voids the signature of a signed OFD', async () => {
    const doc = expectDocument(await extractBytes(makeOfd([['关于同意的批复']], { signed: true }), 'signed.ofd'));
    expect(doc.warnings.join('')).toContain('签章');
  });
});

describe('txt', () => {
  const content = '关于加强政务公开工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。';
  const expected = ['关于加强政务公开工作的通知', '各乡镇人民政府：', '现将有关事项通知如下。'];
  const cases: [string, Uint8Array][] = [
    ['UTF-8', new TextEncoder().encode(content)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(content)])],
    ['UTF-16 LE with BOM', utf16leWithBom(content)],
    ['UTF-16 BE with BOM', (() => { const le = utf16leWithBom(content); const be = new Uint8Array(le.length); for (let i = 0; i < le.length; i += 2) { be[i] = le[i + 1]!; be[i + 1] = le[i]!; } return be; })()],
    ['GBK', gbkBytes(content)],
    ['GBK with CRLF line ends', gbkBytes(content.replace(/\n/g, '\r\n'))],
  ];
  for (const [name, bytes] of cases) {
    it(`decodes ${name} by content`, async () => {
      const doc = expectDocument(await extractBytes(bytes, '通知.txt'));
      expect(doc.format).toBe('txt');
      expect(paragraphTexts(doc)).toEqual(expected);
      expect(doc.pageCount).toBeNull();
    });
  }

  it('reads traditional script as it is', async () => {
    const doc = expectDocument(await extractBytes(new TextEncoder().encode('政務公開工作規範\n公開屬性'), 'a.txt'));
    expect(doc.text).toBe('政務公開工作規範\n公開屬性');
  });

  it('reads a file without extension by its content', async () => {
    const doc = expectDocument(await extractBytes(gbkBytes('正文内容'), 'README'));
    expect(doc.format).toBe('txt');
  });
});
