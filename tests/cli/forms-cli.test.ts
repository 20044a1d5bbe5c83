import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { makeWordXmlDocx, wordParagraph } from '../helpers/fixtures.ts';
import { runCli } from '../helpers/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/cli/bin.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'forms-cli-'));
const db = path.join(tmp, 'record.sqlite');
const draft = path.join(tmp, '内部通知.docx');
const passwords: Record<string, string> = { wang: 'admin-pass-1', li: 'review-pass', zhao: 'signer-pass', chen: 'drafter-pass' };

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { DISCLOSURE_DESK_DATA: path.join(tmp, 'data'), DISCLOSURE_DESK_DB: db, DISCLOSURE_DESK_PASSWORD: '', DISCLOSURE_DESK_NEW_PASSWORD: '', ...env });

const as = (user: string, args: string[]) => cli([...args, '--as', user], { DISCLOSURE_DESK_PASSWORD: passwords[user]! });
const paragraphs = (file: string) => [...strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']!).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]);

beforeAll(() => {
  const lines = ['测试市人民政府办公室文件', '测政办发〔2025〕9号', '关于调整内部值班安排的通知', '各科室：', '现将值班安排调整如下。请遵照执行。', '测试市人民政府办公室', '2025年6月10日', '（此件公开发布）', '测试市人民政府办公室　　2025年6月10日印发'];
  fs.writeFileSync(draft, makeWordXmlDocx(lines.map((l) => wordParagraph(l)).join('')));
  expect(cli(['users', 'add', 'wang', '--roles', 'admin'], { DISCLOSURE_DESK_NEW_PASSWORD: passwords.wang! }).code).toBe(0);
  for (const [name, roles] of [['li', 'reviewer'], ['zhao', 'signer'], ['chen', 'drafter']] as const) {
    expect(cli(['users', 'add', name, '--roles', roles, '--as', 'wang'], { DISCLOSURE_DESK_PASSWORD: passwords.wang!, DISCLOSURE_DESK_NEW_PASSWORD: passwords[name]! }).code).toBe(0);
  }
});

describe('form and stamp CLI', () => {
  it('prints help for both', () => {
    for (const name of ['form', 'stamp']) expect(cli([name, '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('用法') });
  });

  it('refuses to submit against a contradicting 附注 without --justification, then writes the 审查单 and the stamped 公文, and the audit still verifies', () => {
    expect(as('chen', ['load', draft]).code).toBe(0);
    const decide = ['decide', draft, '--attribute', 'withheld', '--reason', '内部事务信息', '--basis', '条例第十六条', '--all', 'confirm'];
    expect(as('chen', decide).code).toBe(0);
    expect(as('chen', ['submit', draft])).toMatchObject({ code: 1, stderr: expect.stringContaining('原文附注“（此件公开发布）”表明主动公开') });
    expect(as('chen', [...decide, '--justification', '原稿附注有误，签发后改写']).code).toBe(0);
    const submitted = as('chen', ['submit', draft]);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(as('li', ['review', draft, '--approve']).code).toBe(0);
    expect(as('zhao', ['sign', draft]).code).toBe(0);

    const form = path.join(tmp, '审查单.docx');
    expect(as('chen', ['form', draft, '--out', form])).toMatchObject({ code: 0, stdout: expect.stringContaining('公开属性审查单') });
    const text = paragraphs(form);
    expect(text[text.indexOf('公开属性') + 1]).toBe('不予公开');
    expect(text[text.indexOf('发文字号') + 1]).toBe('测政办发〔2025〕9号');

    const stamped = path.join(tmp, '公文.docx');
    expect(cli(['stamp', '1', '--out', stamped, '--as', 'chen'], { DISCLOSURE_DESK_PASSWORD: passwords.chen! })).toMatchObject({ code: 2, stderr: expect.stringContaining('--source') });
    expect(as('chen', ['stamp', draft, '--out', stamped])).toMatchObject({ code: 0, stdout: expect.stringContaining('已替换与公开属性矛盾的附注（（此件不予公开））') });
    expect(paragraphs(stamped)).toContain('（此件不予公开）');
    expect(paragraphs(stamped)).not.toContain('（此件公开发布）');
    const again = path.join(tmp, '公文2.docx');
    expect(as('chen', ['stamp', '1', '--source', stamped, '--out', again])).toMatchObject({ code: 1, stderr: expect.stringContaining('与登记的文件内容不一致') });
    expect(fs.existsSync(again)).toBe(false);

    expect(cli(['audit', 'verify'])).toMatchObject({ code: 0, stdout: expect.stringContaining('审计日志完好') });
  }, 240_000);
});
