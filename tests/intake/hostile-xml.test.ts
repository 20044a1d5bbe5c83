import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import { makeDocx, makeOfd, makeWordXmlDocx, wordParagraph } from '../helpers/fixtures.ts';
import { billionLaughs, externalEntity, hostileOfd, ofdPage, ofdText, rewritePart, withDoctype } from './hostile.ts';
import { expectDocument, expectError } from './helpers.ts';

afterAll(() => closeIntake());

const page0 = 'Doc_0/Pages/Page_0/Content.xml';
const outcome = (r: Awaited<ReturnType<typeof extractBytes>>) => (r.ok ? 'ok' : r.error.code);

describe('OFD and DOCX XML attacks', () => {
  it('never expands DOCTYPE entities in an OFD page (billion laughs): the page reads with the reference left as written', async () => {
    const doc = expectDocument(await extractBytes(hostileOfd({ [page0]: ofdPage(ofdText('关于开展检查的通知&lol9;'), billionLaughs) }), '笑.ofd'));
    expect(doc.text).toBe('关于开展检查的通知&lol9;');
  });

  it('does not let a quadratic entity blow-up through: one declared entity referenced 100,000 times is refused as too dense', async () => {
    const doctype = `<!DOCTYPE r [<!ENTITY a "${'x'.repeat(9000)}">]>`;
    const message = expectError(await extractBytes(hostileOfd({ [page0]: ofdPage(ofdText(`正文${'&a;'.repeat(100_000)}`), doctype) }), '平方.ofd'), 'too-large');
    expect(message).toContain('平方.ofd');
  });

  it('never reads an external entity (XXE) into OFD or DOCX text', async () => {
    for (const url of ['file:///etc/passwd', 'http://127.0.0.1:9/x']) {
      const ofd = await extractBytes(hostileOfd({ [page0]: ofdPage(ofdText('正文&xxe;'), externalEntity(url)) }), 'xxe.ofd');
      const docx = await extractBytes(rewritePart(makeWordXmlDocx('<w:p><w:r><w:t>正文&xxe;</w:t></w:r></w:p>'), 'word/document.xml', withDoctype(externalEntity(url))), 'xxe.docx');
      for (const result of [ofd, docx]) {
        if (result.ok) expect(result.document.text).not.toMatch(/root:|daemon:/);
        else expect(result.error.message).toMatch(/“xxe\.(ofd|docx)”/);
      }
    }
  });

  it('reads a DOCX with a billion-laughs DOCTYPE without expanding it, or refuses it per file', async () => {
    const bytes = rewritePart(makeWordXmlDocx('<w:p><w:r><w:t>正文&lol9;</w:t></w:r></w:p>'), 'word/document.xml', withDoctype(billionLaughs));
    const result = await extractBytes(bytes, '笑.docx');
    if (result.ok) expect(result.document.text.length).toBeLessThan(100);
    else expect(result.error.message).toContain('笑.docx');
  });

  it('refuses 100,000 nested elements in an OFD page and in a DOCX body with code "corrupt"', async () => {
    const deepOfd = ofdPage(`${'<ofd:PageBlock>'.repeat(100_000)}${ofdText('正文')}${'</ofd:PageBlock>'.repeat(100_000)}`);
    expectError(await extractBytes(hostileOfd({ [page0]: deepOfd }), '深.ofd'), 'corrupt');
    const deepDocx = makeWordXmlDocx(`${'<w:sdt><w:sdtContent>'.repeat(100_000)}${wordParagraph('正文')}${'</w:sdtContent></w:sdt>'.repeat(100_000)}`);
    expect(expectError(await extractBytes(deepDocx, '深.docx'), 'corrupt')).toContain('深.docx');
  });

  it('refuses a 50 MB single text node in an OFD page before parsing it, with code "too-large"', async () => {
    const message = expectError(await extractBytes(hostileOfd({ [page0]: ofdPage(ofdText('字'.repeat(17_000_000))) }), '长.ofd'), 'too-large');
    expect(message).toContain('长.ofd');
    expect(message).toContain('20 万字');
  });

  it('reads a DOCX whose single paragraph is a 50 MB text node', async () => {
    const doc = expectDocument(await extractBytes(makeWordXmlDocx(wordParagraph('字'.repeat(17_000_000))), '长.docx'));
    expect(doc.charCount).toBe(17_000_000);
  });

  it('places OFD text with huge, NaN and negative coordinates and deltas without looping or allocating per declared repeat', async () => {
    const objects = [
      ofdText('关于', 'X="1e308" Y="-1e308" DeltaX="1e308 NaN"'),
      ofdText('开展', 'X="NaN" Y="5" DeltaX="-5"', 'Size="NaN" CTM="NaN 1e308 -1e308 0 Infinity 1" Boundary="NaN NaN -1 -1"'),
      ofdText('检查', `X="0" Y="20" DeltaX="${'g 99999 1 '.repeat(200_000)}"`),
      ofdText('工作', 'X="0" Y="30" DeltaX="g 1e308 1" DeltaY="g 1e308 -1e308"'),
    ];
    const doc = expectDocument(await extractBytes(hostileOfd({ [page0]: ofdPage(objects.join('')) }), '坐标.ofd'));
    for (const word of ['关', '开', '检查', '工']) expect(doc.text).toContain(word);
  });

  it('reads 100,000 OFD pages that all point at one Content.xml once per page, without re-parsing it', async () => {
    const bytes = hostileOfd({ [page0]: ofdPage(ofdText('同一页')) }, Array.from({ length: 100_000 }, () => 'Pages/Page_0/Content.xml'));
    const doc = expectDocument(await extractBytes(bytes, '千页.ofd'));
    expect(doc.pageCount).toBe(100_000);
    expect(doc.paragraphs.at(-1)?.page).toBe(100_000);
  });

  it('charges every reuse of a shared page to the expansion limit, so repetition cannot multiply work unbounded', async () => {
    const bytes = hostileOfd({ [page0]: ofdPage(`<!--${' '.repeat(100_000)}-->${ofdText('同一页')}`) }, Array.from({ length: 100 }, () => 'Pages/Page_0/Content.xml'));
    expectError(await extractBytes(bytes, '重复.ofd', { maxExpandedBytes: 4 * 1024 * 1024 }), 'too-large');
  });

  it('refuses an OFD whose 100,000 pages are all missing with code "corrupt", and warns about the missing ones when some read', async () => {
    const missing = Array.from({ length: 100_000 }, (_, i) => `Pages/Page_${i + 1}/Content.xml`);
    expectError(await extractBytes(hostileOfd({}, missing), '缺页.ofd'), 'corrupt');
    const doc = expectDocument(await extractBytes(hostileOfd({ [page0]: ofdPage(ofdText('第一页')) }, ['Pages/Page_0/Content.xml', ...missing.slice(0, 5)]), '缺页.ofd'));
    expect(doc.warnings.join('')).toContain('5 页无法读取');
  });

  it('lays out 200,000 glyphs on one OFD line without quadratic string work', async () => {
    const glyphs = Array.from({ length: 200_000 }, (_, i) => `<ofd:TextObject ID="${i}" Size="5" Boundary="${i * 5} 10 5 5"><ofd:TextCode X="0" Y="5">字</ofd:TextCode></ofd:TextObject>`);
    const doc = expectDocument(await extractBytes(hostileOfd({ [page0]: ofdPage(glyphs.join('')) }), '一行.ofd'));
    expect(doc.charCount).toBe(200_000);
  });

  it('refuses cyclic and absurd OFD references with code "corrupt": DocRoot naming OFD.xml, a page naming Document.xml, paths climbing out with ../', async () => {
    const ofdXml = (root: string) => `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>${root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
    expectError(await extractBytes(zipSync({ 'OFD.xml': strToU8(ofdXml('OFD.xml')) }), '环.ofd'), 'corrupt');
    expectError(await extractBytes(hostileOfd({}, ['../Document.xml', '../../../../etc/passwd']), '环.ofd'), 'corrupt');
    expectError(await extractBytes(zipSync({ 'OFD.xml': strToU8(ofdXml('../../../../etc/passwd')), '../../etc/passwd': strToU8('<ofd:Document/>') }), '越界.ofd'), 'corrupt');
  });

  it('reads zip entries named with ../ only from inside the archive, never from disk', async () => {
    const bytes = hostileOfd({ '../../Doc_0/Pages/Page_0/Content.xml': ofdPage(ofdText('包内正文')), [page0]: ofdPage(ofdText('正文')) });
    const doc = expectDocument(await extractBytes(bytes, '路径.ofd'));
    expect(doc.text).not.toMatch(/root:/);
  });

  it('reads a package with duplicate entry names as one of them, and a docx with two document.xml entries without failing', async () => {
    const ofd = concatZips(makeOfd([['原文']]), zipSync({ 'Doc_0/Pages/Page_0/Content.xml': strToU8(ofdPage(ofdText('第二份'))) }));
    const doc = expectDocument(await extractBytes(ofd, '重名.ofd'));
    expect(['原文', '第二份']).toContain(doc.text);
    const docx = await makeDocx(['正文']);
    const duplicated = concatZips(docx, zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>第二份</w:t></w:r></w:p></w:body></w:document>') }));
    const result = await extractBytes(duplicated, '重名.docx');
    expect(['ok', 'corrupt']).toContain(outcome(result));
    if (!result.ok) expect(result.error.message).toContain('重名.docx');
  });

  it('refuses a zip whose central directory lies about offsets, sizes or the entry count with code "corrupt"', async () => {
    const good = makeOfd([['正文']]);
    const eocd = findLast(good, [0x50, 0x4b, 0x05, 0x06]);
    const central = findFirst(good, [0x50, 0x4b, 0x01, 0x02]);
    const lies: [string, (view: DataView) => void][] = [
      ['entry count', (v) => v.setUint16(eocd + 10, 0xfff0, true)],
      ['directory offset', (v) => v.setUint32(eocd + 16, 0x7ffffff0, true)],
      ['local offset', (v) => v.setUint32(central + 42, good.length - 10, true)],
      ['compressed size', (v) => v.setUint32(central + 20, 0xfffffff0, true)],
      ['method', (v) => v.setUint16(central + 10, 99, true)],
    ];
    for (const [, lie] of lies) {
      const bytes = good.slice();
      lie(new DataView(bytes.buffer));
      expect(expectError(await extractBytes(bytes, '说谎.ofd'), 'corrupt')).toContain('说谎.ofd');
    }
  });

  it('refuses a package with an encrypted zip entry with code "encrypted"', async () => {
    for (const [bytes, name] of [[makeOfd([['正文']]), '加密.ofd'], [await makeDocx(['正文']), '加密.docx']] as const) {
      const copy = bytes.slice();
      const view = new DataView(copy.buffer);
      for (let at = findFirst(copy, [0x50, 0x4b, 0x01, 0x02]); at >= 0; at = findFirst(copy, [0x50, 0x4b, 0x01, 0x02], at + 4)) view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
      expect(expectError(await extractBytes(copy, name), 'encrypted')).toContain(name);
    }
  });
});

function findFirst(bytes: Uint8Array, signature: number[], from = 0): number {
  for (let i = from; i + signature.length <= bytes.length; i++) if (signature.every((b, k) => bytes[i + k] === b)) return i;
  return -1;
}

function findLast(bytes: Uint8Array, signature: number[]): number {
  for (let i = bytes.length - signature.length; i >= 0; i--) if (signature.every((b, k) => bytes[i + k] === b)) return i;
  return -1;
}

/** Two archives' entries under one central directory: the second's entries follow the first's, names may repeat. */
function concatZips(a: Uint8Array, b: Uint8Array): Uint8Array {
  const entries = (zip: Uint8Array, shift: number) => {
    const view = new DataView(zip.buffer, zip.byteOffset);
    const eocd = findLast(zip, [0x50, 0x4b, 0x05, 0x06]);
    const count = view.getUint16(eocd + 10, true);
    const start = view.getUint32(eocd + 16, true);
    const dir = zip.slice(start, eocd);
    const dirView = new DataView(dir.buffer);
    for (let p = 0, i = 0; i < count; i++) {
      dirView.setUint32(p + 42, dirView.getUint32(p + 42, true) + shift, true);
      p += 46 + dirView.getUint16(p + 28, true) + dirView.getUint16(p + 30, true) + dirView.getUint16(p + 32, true);
    }
    return { locals: zip.subarray(0, start), dir, count };
  };
  const first = entries(a, 0);
  const second = entries(b, first.locals.length);
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, first.count + second.count, true);
  v.setUint16(10, first.count + second.count, true);
  v.setUint32(12, first.dir.length + second.dir.length, true);
  v.setUint32(16, first.locals.length + second.locals.length, true);
  const out = new Uint8Array(first.locals.length + second.locals.length + first.dir.length + second.dir.length + 22);
  let at = 0;
  for (const part of [first.locals, second.locals, first.dir, second.dir, eocd]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
