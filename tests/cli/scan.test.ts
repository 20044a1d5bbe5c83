import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { closeIntake, extractFile } from '../helpers/intake.ts';
import { oleBytes } from '../helpers/fixtures.ts';
import { runCli } from '../helpers/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/cli/bin.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-cli-'));
const folder = path.join(tmp, 'folder');

const cli = (...args: string[]) => runCli(['scan', ...args], { DISCLOSURE_DESK_DATA: path.join(tmp, 'data') });

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

beforeAll(async () => {
  fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
  const doc = new Document({
    sections: [{
      children: [
        '机密★5年',
        '玉政办发〔2023〕12号',
        '关于做好重要会议期间安全保卫工作的通知',
        '各乡镇人民政府：',
        '请公安部门按方案落实警力部署，对重点人员落实稳控措施。',
        '玉环市人民政府办公室',
        '2023年3月1日',
      ].map((text) => new Paragraph({ children: [new TextRun(text)] })),
    }],
  });
  fs.writeFileSync(path.join(folder, 'b-classified.docx'), await Packer.toBuffer(doc));
  fs.writeFileSync(path.join(folder, 'a-penalty.txt'), '行政处罚决定书\n当事人：王小明，身份证号码：331021199003071200。\n（此件公开发布）\n');
  fs.writeFileSync(path.join(folder, 'sub', 'c-rule.txt'), '第五条 涉及国家秘密、商业秘密、个人隐私的政府信息，不予公开。\n（此件公开发布）\n');
  fs.writeFileSync(path.join(folder, 'sub', 'd-broken.pdf'), '%PDF-1.7\nthis is not a pdf');
  fs.writeFileSync(path.join(folder, 'notes.md'), '不读取的格式');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('名单').addRows([['某某县拟录用人员名单'], ['序号', '姓名'], [1, '王某']]);
  fs.writeFileSync(path.join(folder, 'sub', 'e-list.xlsx'), new Uint8Array(await book.xlsx.writeBuffer()));
  fs.writeFileSync(path.join(folder, 'sub', 'f-old.xls'), oleBytes('Workbook'));
});

afterAll(async () => {
  await closeIntake();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('disclosure-desk scan', () => {
  it('prints one NDJSON line per file in input order with the documented shape, and exits 0 when all were read', async () => {
    const penalty = path.join(folder, 'a-penalty.txt');
    const classified = path.join(folder, 'b-classified.docx');
    const { code, stdout, stderr } = cli('--json', classified, penalty);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [first, second] = lines(stdout);
    expect(first).toMatchObject({
      file: classified, format: 'docx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), error: null,
      metadata: { docNumber: '玉政办发〔2023〕12号', title: '关于做好重要会议期间安全保卫工作的通知', classification: { level: '机密', period: '5年' }, date: '2023-03-01', note: null },
      suggestion: { attribute: 'withheld', basis: expect.arrayContaining(['条例第十四条']) },
    });
    expect(first!.suggestion.reasons.length).toBeGreaterThan(0);
    for (const f of first!.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['category', 'term', 'start', 'end', 'page', 'kind', 'piiType', 'score', 'negated', 'rule', 'explanation']));
    }
    expect(first!.findings.find((f: any) => f.rule === 'signal.classification')).toMatchObject({ category: 1, term: '机密★5年', kind: 'term', piiType: null, score: 1, negated: false });

    expect(second).toMatchObject({ file: penalty, format: 'txt', suggestion: { attribute: 'partial' }, metadata: { note: '（此件公开发布）' } });
    const id = second!.findings.find((f: any) => f.piiType === 'id-card');
    expect(id).toMatchObject({ category: 1, kind: 'pii', term: '331021199003071200', negated: false });
    const extracted = await extractFile(penalty);
    expect(extracted.ok && extracted.document.text.slice(id.start, id.end)).toBe('331021199003071200');
  });

  it('walks folders in name order, gives every file a line, and exits 1 when one could not be read', () => {
    const { code, stdout } = cli(folder, '--json');
    expect(code).toBe(1);
    const records = lines(stdout);
    expect(records.map((r) => path.relative(folder, r.file))).toEqual(['a-penalty.txt', 'b-classified.docx', 'notes.md', ...['c-rule.txt', 'd-broken.pdf', 'e-list.xlsx', 'f-old.xls'].map((f) => path.join('sub', f))]);
    expect(records[2]).toMatchObject({ suggestion: null, error: { code: 'unsupported', message: expect.stringContaining('notes.md') } });
    expect(records[3]).toMatchObject({ suggestion: { attribute: 'proactive' }, error: null });
    expect(records[3]!.findings.every((f: any) => f.negated)).toBe(true);
    expect(records[4]).toMatchObject({ format: 'pdf', findings: [], suggestion: null, error: { code: expect.stringMatching(/^(corrupt|wrong-type)$/), message: expect.stringContaining('d-broken.pdf') } });
    expect(records[5]).toMatchObject({ format: 'xlsx', error: null, metadata: { title: '某某县拟录用人员名单' } });
    expect(records[6]).toMatchObject({ format: null, suggestion: null, error: { code: 'unsupported', message: expect.stringContaining('Excel 97-2003 工作簿（.xls）') } });
  });

  it('prints a readable Chinese table without --json', () => {
    const { code, stdout } = cli(path.join(folder, 'a-penalty.txt'));
    expect(code).toBe(0);
    expect(stdout).toContain('建议：部分公开');
    expect(stdout).toContain('身份证号码');
    expect(stdout).toMatch(/共 1 个文件/);
  });

  it('uses a replacement lexicon given with --lexicon', () => {
    const lexicon = path.join(tmp, 'lexicon');
    fs.mkdirSync(lexicon, { recursive: true });
    fs.writeFileSync(path.join(lexicon, 'only.tsv'), 'pattern\tcategory\tweight\tmode\tnote\tbasis\n当事人\t3\t0.9\tany\t测试\t条例第十六条\n');
    const [record] = lines(cli('--json', '--lexicon', lexicon, path.join(folder, 'a-penalty.txt')).stdout);
    expect(record!.findings.filter((f: any) => f.kind === 'term').map((f: any) => f.term)).toEqual(['当事人']);
  });

  it('exits 2 on wrong usage', () => {
    expect(cli().code).toBe(2);
    expect(cli('--frobnicate', folder).code).toBe(2);
    expect(cli('--lexicon').code).toBe(2);
  });
});
