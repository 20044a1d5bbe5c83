import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import { gbkBytes, makePdf } from '../helpers/fixtures.ts';
import { helloContent, onePagePdf, rawPdf, slowPdf } from './hostile.ts';
import { expectDocument, expectError } from './helpers.ts';

afterAll(() => closeIntake());

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('PDF attacks', () => {
  it('reads the hand-written baseline page the attacks below start from', async () => {
    expect(expectDocument(await extractBytes(onePagePdf(helloContent), 'base.pdf')).text).toBe('Hello hostile world');
  });

  it('refuses truncated PDFs with code "corrupt" naming the file, at every cut', async () => {
    const bytes = await makePdf([['第一页正文'], ['第二页正文'], ['第三页正文']]);
    for (const cut of [10, 100, 1000, bytes.length >> 1, bytes.length - 40]) {
      const result = await extractBytes(bytes.slice(0, cut), '截断.pdf');
      // pdf.js rebuilds a lost xref by scanning, so a late cut may still read; what it must never do is throw or hang.
      if (!result.ok) expect(result.error.message).toContain('截断.pdf');
    }
    expectError(await extractBytes(bytes.slice(0, bytes.length >> 1), '半个.pdf'), 'corrupt');
  });

  it('refuses a PDF whose xref and trailer are garbage with code "corrupt"', async () => {
    const text = latin1(onePagePdf(helloContent)).replace(/xref[\s\S]*startxref/, 'xref\ngarbage 0 n\n%%\ntrailer\n<< /Root 99 0 R >>\nstartxref');
    expect(expectError(await extractBytes(fromLatin1(text), '乱表.pdf'), 'corrupt')).toContain('乱表.pdf');
  });

  it('refuses a page tree that contains itself and an object stream that extends itself, without looping', async () => {
    expectError(await extractBytes(onePagePdf(helloContent, { pages: '/Kids [2 0 R 3 0 R] /Count 2' }), '环.pdf'), 'corrupt');
    const selfStream = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', { dict: '<< /Type /ObjStm /N 1 /First 4 /Extends 2 0 R >>', stream: '2 0 2 0 R' }]);
    expectError(await extractBytes(selfStream, '环.pdf'), 'corrupt');
  });

  it('reads a page tree that declares 1,000,000 pages but holds one without allocating per declared page', async () => {
    const doc = expectDocument(await extractBytes(onePagePdf(helloContent, { pages: '/Kids [3 0 R] /Count 1000000' }), '百万页.pdf'));
    expect(doc.text).toBe('Hello hostile world');
    expect(doc.pageCount).toBeLessThan(10);
  });

  it('reads a content stream whose /Length is absurd', async () => {
    const text = latin1(onePagePdf(helloContent)).replace(`/Length ${helloContent.length}`, '/Length 999999999999');
    expect(expectDocument(await extractBytes(fromLatin1(text), '长度.pdf')).text).toBe('Hello hostile world');
  });

  it('reads text set in a font that fails to load', async () => {
    const broken = onePagePdf(helloContent, { font: '<< /Type /Font /Subtype /TrueType /BaseFont /Broken /FirstChar 0 /LastChar 0 /Widths [] /FontDescriptor << /FontFile2 6 0 R >> >>' });
    const result = await extractBytes(broken, '坏字体.pdf');
    if (result.ok) expect(result.document.text).toContain('Hello');
    else expect(result.error.message).toContain('坏字体.pdf');
  });

  it('stops a page of millions of operators at the time limit with code "timeout", and the next file reads', async () => {
    const message = expectError(await extractBytes(slowPdf(20_000_000), '死循环.pdf', { timeoutMs: 1500 }), 'timeout');
    expect(message).toContain('死循环.pdf');
    expectDocument(await extractBytes(onePagePdf(helloContent), '之后.pdf'));
  });
});

describe('TXT attacks', () => {
  it('reads 50 MB on a single line', async () => {
    const doc = expectDocument(await extractBytes(utf8('字'.repeat(17_000_000)), '一行.txt'));
    expect(doc.charCount).toBe(17_000_000);
    expect(doc.paragraphs).toHaveLength(1);
  });

  it('reads GBK that is not UTF-8 as GBK, and UTF-8 that would also decode as GB18030 as UTF-8', async () => {
    expect(expectDocument(await extractBytes(gbkBytes('关于开展安全检查的通知'), 'gbk.txt')).text).toBe('关于开展安全检查的通知');
    expect(expectDocument(await extractBytes(utf8('关于开展安全检查的通知'), 'utf8.txt')).text).toBe('关于开展安全检查的通知');
  });

  it('reads UTF-8 with a stray GBK line as UTF-8, marks the bad bytes and warns, instead of turning it all into GB18030 mojibake', async () => {
    const body = '各区县人民政府，市政府各部门：现将有关事项通知如下，请认真贯彻执行。'.repeat(4);
    const bytes = new Uint8Array([...utf8(`${body}\n`), ...gbkBytes('正文'), ...utf8(`\n${body}`)]);
    const doc = expectDocument(await extractBytes(bytes, '混合.txt'));
    expect(doc.text.startsWith(body)).toBe(true);
    expect(doc.text).toContain('\uFFFD');
    expect(doc.warnings.join('')).toContain('UTF-8');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030 with code "corrupt" saying the encoding is unknown', async () => {
    const bytes = new Uint8Array([...utf8('关于'), 0xff, 0xff, 0x80, ...utf8('通知')]);
    expect(expectError(await extractBytes(bytes, '乱码.txt'), 'corrupt')).toContain('编码无法识别');
  });

  it('refuses binary content with NUL bytes named .txt with code "wrong-type"', async () => {
    const message = expectError(await extractBytes(new Uint8Array([...utf8('正文'), ...new Array(200).fill(0), 1, 2, 3]), '伪装.txt'), 'wrong-type');
    expect(message).toContain('伪装.txt');
    expect(message).toContain('二进制');
  });

  it('reads UTF-16 with a BOM and an odd byte count up to the cut, and warns', async () => {
    for (const [bom, encoding] of [[[0xff, 0xfe], 'utf16le'], [[0xfe, 0xff], 'utf16be']] as const) {
      const body = encoding === 'utf16le' ? Buffer.from('关于通知', 'utf16le') : Buffer.from('关于通知', 'utf16le').swap16();
      const doc = expectDocument(await extractBytes(new Uint8Array([...bom, ...body, 0x41]), '截断.txt'));
      expect(doc.text).toBe('关于通知');
      expect(doc.warnings).toHaveLength(1);
    }
  });
});
