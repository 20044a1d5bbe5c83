import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createIntake } from '../../electron/core/intake/index.ts';
import { closeIntake, extractBytes, extractFile } from '../helpers/intake.ts';
import { defaultIntakeLimits } from '../../shared/intake-limits.ts';
import { lieAboutZipSizes, makeDocx, makeOfd, makePdf, makeZip, oleBytes } from '../helpers/fixtures.ts';
import { expectDocument, expectError } from './helpers.ts';

afterAll(() => closeIntake());

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('intake errors', () => {
  it('uses 100 MB, 200 MB expanded and 30 s as default limits', () => {
    expect(defaultIntakeLimits).toEqual({ maxBytes: 100 * 1024 * 1024, maxExpandedBytes: 200 * 1024 * 1024, timeoutMs: 30_000 });
  });

  it('rejects an empty file with code "empty" naming the file', async () => {
    expect(expectError(await extractBytes(new Uint8Array(0), '空白.docx'), 'empty')).toContain('空白.docx');
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    expectError(await extractFile(path.join(dir, 'empty.txt')), 'empty');
    expectError(await extractBytes(utf8(' \n\u3000\n'), 'blank.txt'), 'empty');
  });

  it('rejects a truncated PDF, a broken zip and binary noise with code "corrupt"', async () => {
    const pdf = await makePdf([['正文']]);
    expect(expectError(await extractBytes(pdf.slice(0, 200), '截断.pdf'), 'corrupt')).toContain('截断.pdf');
    const docx = await makeDocx(['正文']);
    expectError(await extractBytes(docx.slice(0, docx.length - 200), 'broken.docx'), 'corrupt');
    expectError(await extractBytes(new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256), 'noise.docx'), 'corrupt');
  });

  it('reports a missing file with code "not-found" and a message naming it, instead of rejecting', async () => {
    const message = expectError(await extractFile('/nonexistent/草稿.docx'), 'not-found');
    expect(message).toBe('找不到文件“草稿.docx”：文件不存在，可能已被移动、改名或删除。');
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-'));
    writeFileSync(path.join(dir, '通知.txt'), '正文');
    expectError(await extractFile(path.join(dir, '通知.txt', '草稿.docx')), 'not-found');
  });

  it('tells a folder given as a file from a missing one: "corrupt", saying it is not a plain file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-'));
    expect(expectError(await extractFile(dir), 'corrupt')).toContain('不是普通文件');
  });

  it('rejects a password-protected PDF with code "encrypted"', async () => {
    const bytes = await makePdf([['机密文件']], { password: true });
    expect(expectError(await extractBytes(bytes, '加密.pdf'), 'encrypted')).toContain('加密.pdf');
  });

  it('rejects a password-protected Word file (OLE EncryptedPackage) with code "encrypted"', async () => {
    expectError(await extractBytes(oleBytes('EncryptedPackage'), '加密.docx'), 'encrypted');
  });

  it('rejects a scanned PDF with code "no-text-layer" and says OCR is not available', async () => {
    const bytes = await makePdf([[], []]);
    const message = expectError(await extractBytes(bytes, '扫描件.pdf'), 'no-text-layer');
    expect(message).toContain('扫描件.pdf');
    expect(message).toContain('OCR');
  });

  it.each([
    ['a PDF named .docx', async () => makePdf([['正文']]), '通知.docx', 'PDF'],
    ['a .docx named .pdf', async () => makeDocx(['正文']), '通知.pdf', '.docx'],
    ['an OFD named .docx', async () => makeOfd([['正文']]), '通知.docx', 'OFD'],
    ['a Word 97-2003 .doc renamed .docx', async () => oleBytes('WordDocument'), '通知.docx', '.doc'],
    ['an .xls renamed .docx', async () => oleBytes('Workbook'), '表格.docx', '.xls'],
    ['an .xlsx renamed .docx', async () => makeZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }), '表格.docx', '.xlsx'],
    ['a plain zip named .ofd', async () => makeZip({ 'readme.txt': '内容' }), '归档.ofd', 'ZIP'],
    ['a PNG named .pdf', async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), '扫描.pdf', 'PNG'],
    ['an HTML page saved as .doc', async () => utf8('<html><body>正文</body></html>'), '网页.txt', 'HTML'],
    ['an MHT single-file page', async () => utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n'), '另存.doc', 'MHT'],
    ['an RTF file named .txt', async () => utf8('{\\rtf1\\ansi 正文}'), '正文.txt', 'RTF'],
    ['a text file named .pdf', async () => utf8('这是纯文本'), '正文.pdf', '纯文本'],
  ])('rejects %s with code "wrong-type" naming the real type', async (_, make, name, label) => {
    const message = expectError(await extractBytes(await make(), name), 'wrong-type');
    expect(message).toContain(name);
    expect(message).toContain(label);
  });

  it.each([
    ['a Word 97-2003 .doc', 'WordDocument', '通知.doc', 'Word 97-2003 文档（.doc）', '另存为 .docx'],
    ['a WPS .wps', 'WordDocument', '通知.wps', 'WPS 文字文档（.wps）', '另存为 .docx'],
    ['an Excel 97-2003 .xls', 'Workbook', '名单.xls', 'Excel 97-2003 工作簿（.xls）', '另存为 .xlsx'],
  ])('refuses %s under its own name with code "unsupported", naming the format and how to convert it', async (_, stream, name, label, advice) => {
    const message = expectError(await extractBytes(oleBytes(stream), name), 'unsupported');
    expect(message).toContain(name);
    expect(message).toContain(label);
    expect(message).toContain(advice);
  });

  it('rejects a file over the size limit with code "too-large", before reading it', async () => {
    const bytes = await makeDocx(['正文']);
    expect(expectError(await extractBytes(bytes, '大文件.docx', { maxBytes: 1000 }), 'too-large')).toContain('大文件.docx');
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-'));
    writeFileSync(path.join(dir, 'big.txt'), Buffer.alloc(5000, 0x41));
    expectError(await extractFile(path.join(dir, 'big.txt'), { maxBytes: 4096 }), 'too-large');
  });

  it('refuses a docx zip bomb while inflating, whatever sizes it declares', async () => {
    const docx = await makeDocx(['正文']);
    const bomb = makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': new Uint8Array(8 * 1024 * 1024), 'word/_rels/document.xml.rels': '<Relationships/>' });
    const lying = lieAboutZipSizes(bomb, 100);
    expect(lying.length).toBeLessThan(64 * 1024);
    const message = expectError(await extractBytes(lying, '炸弹.docx', { maxExpandedBytes: 4 * 1024 * 1024 }), 'too-large');
    expect(message).toContain('解压');
    expectDocument(await extractBytes(docx, 'ok.docx', { maxExpandedBytes: 4 * 1024 * 1024 }));
  });

  it('refuses an OFD zip bomb in a page', async () => {
    const ofd = makeOfd([['正文']]);
    const bomb = makeZip({
      'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
      'Doc_0/Document.xml': '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
      'Doc_0/Pages/Page_0/Content.xml': `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><!--${' '.repeat(8 * 1024 * 1024)}--></ofd:Page>`,
    });
    expectError(await extractBytes(lieAboutZipSizes(bomb, 10), '炸弹.ofd', { maxExpandedBytes: 4 * 1024 * 1024 }), 'too-large');
    expectDocument(await extractBytes(ofd, 'ok.ofd', { maxExpandedBytes: 4 * 1024 * 1024 }));
  });

  it('rejects an unknown format with code "unsupported"', async () => {
    expect(expectError(await extractBytes(new Uint8Array(512).map((_, i) => (i * 97) % 256), '数据.bin'), 'unsupported')).toContain('数据.bin');
    expectError(await extractBytes(utf8('# 标题'), '说明.md'), 'unsupported');
  });

  it('stops a parse that runs past the time limit with code "timeout", and the next file still reads', async () => {
    const bytes = await makePdf([['正文']]);
    expect(expectError(await extractBytes(bytes, '慢.pdf', { timeoutMs: 1 }), 'timeout')).toContain('慢.pdf');
    expectDocument(await extractBytes(bytes, '快.pdf'));
  });

  it('turns a crashed parse worker into a per-file error and starts a new worker for the next file', async () => {
    const crashing = createIntake(new URL('../fixtures/intake/exiting-worker.mjs', import.meta.url));
    try {
      expect(expectError(await crashing.extractBytes(utf8('正文'), '崩溃.txt'), 'corrupt')).toContain('崩溃.txt');
      expect(expectError(await crashing.extractBytes(utf8('正文'), '又崩溃.txt'), 'corrupt')).toContain('又崩溃.txt');
    } finally {
      await crashing.close();
    }
    expectDocument(await extractBytes(utf8('正文'), '正常.txt'));
  });

  it('keeps a batch going when one file is bad', async () => {
    const good = await makeDocx(['正文']);
    const results = await Promise.all([
      extractBytes(good, '1.docx'),
      extractBytes(new Uint8Array([1, 2, 3]), '2.docx'),
      extractBytes(await makePdf([[]]), '3.pdf'),
      extractBytes(good, '4.docx'),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'corrupt', 'no-text-layer', 'ok']);
  });

  it('repairs a WinAnsi PDF whose strings are really GBK bytes', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText('È«ÊÀ½çÎÞ²úÕß', { x: 80, y: 700, size: 16, font });
    const result = expectDocument(await extractBytes(await doc.save(), 'gbk.pdf'));
    expect(result.text).toBe('全世界无产者');
    expect(result.warnings.join('')).toContain('GBK');
  });
});
