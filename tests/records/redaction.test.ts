import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractFile } from '../helpers/intake.ts';
import { exportRedacted } from '../../electron/core/exports/redaction-export.ts';
import { approveDecision, saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { documentDetail, loadDocument } from '../../electron/core/register/documents.ts';
import { normaliseRedactions, redactText } from '../../shared/redaction.ts';
import { unzipSync, strFromU8 } from 'fflate';
import { extracted, loadSample, makeTeam, openTestRecords, password, privacyDecision, sampleText, scanned, tempDir } from './helpers.ts';

afterAll(() => closeIntake());

describe('redaction marks', () => {
  it('replaces each withheld span with a mark naming its basis, keeping line breaks', () => {
    const text = '甲乙丙\n丁戊己';
    const out = redactText(text, [{ start: 1, end: 5, basis: '条例第十五条', findingId: null }]);
    expect(out.text).toBe('甲［此处不予公开：条例第十五条］\n［此处不予公开：条例第十五条］戊己');
    expect(out.removed).toEqual(['乙丙', '丁']);
    expect(out.marks).toBe(2);
  });

  it('merges overlapping spans and cites both bases once', () => {
    expect(
      normaliseRedactions(
        [
          { start: 4, end: 9, basis: '条例第十四条', findingId: null },
          { start: 0, end: 5, basis: '条例第十五条', findingId: 'a' },
        ],
        8,
      ),
    ).toEqual([{ start: 0, end: 8, basis: '条例第十五条、条例第十四条', findingId: 'a' }]);
  });
});

describe('redacted public copy', () => {
  async function signedPartial() {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const { outcome, findings } = loadSample(ctx, team.drafter, sampleText, { title: '关于张三行政处罚的决定' });
    const phone = sampleText.indexOf('13812345678');
    const d = saveDecision(ctx, team.drafter, {
      documentId: outcome.documentId,
      attribute: 'partial',
      reason: '删除当事人身份证号和手机号后公开',
      basis: ['条例第十五条', '条例第三十七条'],
      basisText: '',
      justification: '',
      dispositions: [{ findingId: findings[0]!.id, action: 'redact', reason: '' }],
      redactions: [{ start: phone, end: phone + 11, basis: '条例第十五条', findingId: null }],
      channels: ['website'],
    });
    submitDecision(ctx, team.drafter, d.id);
    approveDecision(ctx, team.reviewer, d.id, null);
    signDecision(ctx, team.signer, d.id, password);
    return { ctx, team, decisionId: d.id, documentId: outcome.documentId };
  }

  for (const format of ['docx', 'txt'] as const) {
    it(`writes a .${format} in which no withheld text survives, proven by reading it back`, async () => {
      const { ctx, team, decisionId, documentId } = await signedPartial();
      const file = path.join(tempDir(), `public.${format}`);
      const result = await exportRedacted(ctx, team.drafter, decisionId, file, format, (f) => extractFile(f));
      expect(result).toMatchObject({ format, marks: 2, verified: true });
      const reread = await extractFile(file);
      if (!reread.ok) throw new Error(reread.error.message);
      expect(reread.document.text).not.toContain('110101199003071234');
      expect(reread.document.text).not.toContain('13812345678');
      expect(reread.document.text).toContain('［此处不予公开：条例第十五条］');
      expect(reread.document.text).toContain('决定罚款五百元');
      const history = documentDetail(ctx, team.drafter, documentId).history;
      expect(history.at(-1)).toMatchObject({ action: 'export.redacted', payload: { format, marks: 2 } });
    });
  }

  it('keeps the title, headings, table and 署名 of the original in the .docx, with a mark in each table cell it touched', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const lines = ['测试市市场监督管理局', '行政处罚决定书', '测市监处罚〔2025〕12号', '当事人：张三，电话13812345678。', '一、违法事实', '序号\t供货人\t数量', '1\t王五，电话13700002222\t20', '没收违法所得。', '测试市市场监督管理局', '2025年6月10日'];
    const kinds = ['paragraph', 'title', 'paragraph', 'paragraph', 'heading', 'table', 'table', 'paragraph', 'paragraph', 'paragraph'] as const;
    const text = lines.join('\n');
    const doc = extracted(text, { issuerMark: '测试市市场监督管理局', title: '行政处罚决定书', docNumber: '测市监处罚〔2025〕12号', docNumberRaw: '测市监处罚〔2025〕12号', issuer: '测试市市场监督管理局', dateRaw: '2025年6月10日', date: '2025-06-10' });
    doc.paragraphs = doc.paragraphs.map((p, i) => ({ ...p, kind: kinds[i]! }));
    const outcome = loadDocument(ctx, team.drafter, doc, scanned([]));
    const span = (piece: string) => ({ start: text.indexOf(piece), end: text.indexOf(piece) + piece.length, basis: '条例第十五条', findingId: null });
    const d = saveDecision(ctx, team.drafter, {
      documentId: outcome.documentId,
      attribute: 'partial',
      reason: '删除个人信息后公开',
      basis: ['条例第十五条'],
      basisText: '',
      justification: '删除个人信息',
      dispositions: [],
      redactions: [span('13812345678'), span('王五，电话13700002222\t20')],
      channels: ['website'],
    });
    submitDecision(ctx, team.drafter, d.id);
    if (ctx.store.decisions.get(d.id)!.reviewRequired) approveDecision(ctx, team.reviewer, d.id, null);
    signDecision(ctx, team.signer, d.id, password);
    const file = path.join(tempDir(), 'public.docx');
    const result = await exportRedacted(ctx, team.drafter, d.id, file, 'docx', (f) => extractFile(f));
    expect(result.marks).toBe(3);
    const xml = strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']!);
    const paragraphOf = (t: string) => xml.split('<w:p>').find((p) => p.includes(`>${t}<`)) ?? '';
    expect(paragraphOf('行政处罚决定书')).toMatch(/<w:jc w:val="center"\/>[\s\S]*方正小标宋简体[\s\S]*<w:sz w:val="44"\/>/);
    expect(paragraphOf('一、违法事实')).toContain('黑体');
    expect(paragraphOf('2025年6月10日')).toContain('<w:jc w:val="right"/>');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(cells).toEqual(['序号', '供货人', '数量', '1', '［此处不予公开：条例第十五条］', '［此处不予公开：条例第十五条］']);
    expect(xml).not.toContain('13700002222');
  });

  it('deletes the export and refuses when the read-back still holds withheld text', async () => {
    const { ctx, team, decisionId } = await signedPartial();
    const file = path.join(tempDir(), 'public.txt');
    const leaky = async (f: string) => {
      const real = await extractFile(f);
      return real.ok ? { ...real, document: { ...real.document, text: `${real.document.text}110101199003071234` } } : real;
    };
    await expect(exportRedacted(ctx, team.drafter, decisionId, file, 'txt', leaky)).rejects.toMatchObject({ code: 'redaction-unproven' });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses to export before the decision is signed', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const { outcome, findings } = loadSample(ctx, team.drafter);
    const d = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id));
    await expect(exportRedacted(ctx, team.drafter, d.id, path.join(tempDir(), 'x.txt'), 'txt', (f) => extractFile(f))).rejects.toMatchObject({ code: 'not-signed' });
  });
});
