import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, Footer, FootnoteReferenceRun, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { main } from '../../electron/cli/main.ts';
import { decodeEntities } from '../../electron/core/intake/xml-text.ts';

// The attack of issue 10 item 4, run through the CLI exactly as an office would: a 行政处罚决定书 that names
// its party (an invented name) in the title, the labelled line, later sentences, a table, a footnote, a page
// header and footer, a comment and the file's own properties; the scanner flags the labelled occurrence only.
const party = '柯云舟';
const idNumber = '11010519491231002X';
const address = '测试市东城区安和路8号';
const withheld = [party, idNumber, address];
const title = `关于${party}销售过期食品的行政处罚决定书`;
const redactedTitle = `关于［此处不予公开：条例第十五条］销售过期食品的行政处罚决定书`;
const lines = [
  '测试市市场监督管理局',
  title,
  '测市监处罚〔2025〕31号',
  `当事人：${party}，男，公民身份号码${idNumber}，住所${address}。`,
  `经查，${party}于2025年3月至5月在其经营的门店销售超过保质期的食品。`,
  `以上事实，有现场检查笔录、${party}的询问笔录等证据证实。`,
  `依据《中华人民共和国食品安全法》第一百二十四条，决定对${party}罚款人民币五万元。`,
  '测试市市场监督管理局',
  '2025年6月10日',
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'public-copy-leak-'));
const db = path.join(tmp, 'record.sqlite');
const passwords = { admin: 'admin-pass-1', zhang: 'zhang-pass-1', li: 'li-pass-123' } as const;

/** Runs the real CLI in this process; returns its exit code and what it printed. */
async function cli(user: keyof typeof passwords | null, args: string[], env: Record<string, string> = {}) {
  let out = '';
  const write = (chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(write);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(write);
  const saved = { ...process.env };
  Object.assign(process.env, { DISCLOSURE_DESK_DB: db, DISCLOSURE_DESK_DATA: path.join(tmp, 'data'), DISCLOSURE_DESK_PASSWORD: user ? passwords[user] : '', ...env });
  try {
    const code = await main(user ? [...args, '--as', user] : args);
    return { code, out };
  } finally {
    process.env = saved;
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function sourceDocx(): Promise<Uint8Array> {
  const doc = new Document({
    title,
    subject: party,
    keywords: `${party} 行政处罚`,
    description: `${party}案`,
    creator: party,
    comments: { children: [{ id: 0, author: party, initials: 'KYZ', date: new Date('2025-06-01'), children: [new Paragraph(`核实${party}身份`)] }] },
    footnotes: { 1: { children: [new Paragraph(`${party}于2025年5月20日接受询问。`)] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(`测市监处罚〔2025〕31号 ${party}案`)] }) },
        footers: { default: new Footer({ children: [new Paragraph(`${party}案卷`)] }) },
        children: [
          new Paragraph(lines[0]!),
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          new Paragraph(lines[2]!),
          new Paragraph(lines[3]!),
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun(lines[4]!), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
          new Paragraph({ children: [new TextRun(lines[5]!), new FootnoteReferenceRun(1)] }),
          new Table({
            rows: [
              new TableRow({ children: ['当事人', '违法行为', '罚款'].map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
              new TableRow({ children: [party, '销售超过保质期的食品', '五万元'].map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
            ],
          }),
          ...lines.slice(6).map((l) => new Paragraph(l)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Every entry of the package: its raw text (attributes included) and the text between its tags. */
function packageEntries(file: string): { name: string; raw: string; text: string }[] {
  return Object.entries(unzipSync(fs.readFileSync(file))).map(([name, bytes]) => {
    const raw = strFromU8(bytes);
    return { name, raw, text: decodeEntities(raw.replace(/<[^>]*>/g, '')).replace(/\s+/g, '') };
  });
}

const sources: Record<'txt' | 'docx', string> = { txt: path.join(tmp, '决定书甲.txt'), docx: path.join(tmp, '决定书乙.docx') };
const hotline = path.join(tmp, '12345工单.txt');

beforeAll(async () => {
  fs.writeFileSync(sources.txt, `${lines.join('\n')}\n`);
  fs.writeFileSync(sources.docx, await sourceDocx());
  fs.writeFileSync(hotline, `12345热线工单汇编\n工单编号：20250611001\n来电人：${party}，联系电话13912345678。\n来电反映小区门口占道经营，请求处理。\n`);
  expect((await cli(null, ['users', 'add', 'admin', '--roles', 'admin'], { DISCLOSURE_DESK_NEW_PASSWORD: passwords.admin })).code).toBe(0);
  expect((await cli('admin', ['users', 'add', 'zhang', '--roles', 'drafter'], { DISCLOSURE_DESK_NEW_PASSWORD: passwords.zhang })).code).toBe(0);
  expect((await cli('admin', ['users', 'add', 'li', '--roles', 'reviewer,signer'], { DISCLOSURE_DESK_NEW_PASSWORD: passwords.li })).code).toBe(0);
  const ticket = fs.readFileSync(hotline, 'utf8');
  const hotlineDecision = ['--attribute', 'partial', '--reason', '删除来电人个人信息后公开', '--basis', '条例第十五条', '--all', 'confirm', '--redact', `pii.name:${ticket.indexOf(party)}`, '--redact', `pii.mobile:${ticket.indexOf('139')}`];
  for (const [file, decision] of [[sources.txt, ['--accept-suggestion', '--all', 'redact']], [sources.docx, ['--accept-suggestion', '--all', 'redact']], [hotline, hotlineDecision]] as const) {
    expect((await cli('zhang', ['load', file])).code).toBe(0);
    expect((await cli('zhang', ['decide', file, ...decision, '--channel', 'website'])).code).toBe(0);
    expect((await cli('zhang', ['submit', file])).code).toBe(0);
    expect((await cli('li', ['sign', file])).code).toBe(0);
  }
}, 300_000);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('public copy of a 行政处罚决定书 that names its party (issue 10 item 4)', () => {
  for (const source of ['txt', 'docx'] as const) {
    it(`from a .${source}: no entry of the exported .docx holds a withheld value, and docProps carries the redacted title`, async () => {
      const out = path.join(tmp, `公开版-${source}.docx`);
      const result = await cli('li', ['redact', sources[source], '--out', out]);
      expect(result.code, result.out).toBe(0);
      const entries = packageEntries(out);
      expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['word/document.xml', 'docProps/core.xml', 'docProps/app.xml', 'word/_rels/document.xml.rels']));
      for (const entry of entries) {
        for (const value of withheld) {
          expect(entry.raw, `${value} in ${entry.name}`).not.toContain(value);
          expect(entry.text, `${value} in ${entry.name}`).not.toContain(value);
        }
      }
      const core = entries.find((e) => e.name === 'docProps/core.xml')!.raw;
      expect(decodeEntities(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? '')).toMatch(new RegExp(`(测试市市场监督管理局)?${redactedTitle}$`));
      const documentText = entries.find((e) => e.name === 'word/document.xml')!.text;
      expect(documentText).toContain(redactedTitle);
      expect(documentText).toContain('经查，［此处不予公开：条例第十五条］于2025年3月');
      expect(documentText).toContain('决定对［此处不予公开：条例第十五条］罚款人民币五万元');
    });

    it(`from a .${source}: the exported .txt holds no withheld value anywhere`, async () => {
      const out = path.join(tmp, `公开版-${source}.txt`);
      const result = await cli('li', ['redact', sources[source], '--out', out]);
      expect(result.code, result.out).toBe(0);
      const text = fs.readFileSync(out, 'utf8');
      for (const value of withheld) expect(text).not.toContain(value);
      expect(text).toContain(redactedTitle);
      expect(text).toContain('以上事实，有现场检查笔录、［此处不予公开：条例第十五条］的询问笔录');
    });
  }

  it('refuses an output file name that carries a withheld value, and writes nothing', async () => {
    const out = path.join(tmp, `${title}（公开版）.docx`);
    const result = await cli('li', ['redact', sources.txt, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('文件名');
    expect(result.out).not.toContain(party);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('the article each redaction label cites (issue 18 item 3)', () => {
  it('cites 条例第十五条 (privacy), not 第十四条 (state secrets), for a caller\'s name and number in a hotline ticket', async () => {
    const out = path.join(tmp, '工单公开版.txt');
    const result = await cli('li', ['redact', hotline, '--out', out]);
    expect(result.code, result.out).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('来电人：［此处不予公开：条例第十五条］，联系电话［此处不予公开：条例第十五条］');
    expect(text).not.toContain('第十四条');
  });
});
