import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractFile } from '../../electron/core/intake/index.ts';
import { exportRedacted } from '../../electron/core/records/redaction-export.ts';
import { approveDecision, saveDecision, signDecision, submitDecision } from '../../electron/core/records/decisions.ts';
import { documentDetail } from '../../electron/core/records/documents.ts';
import { normaliseRedactions, redactText } from '../../shared/redaction.ts';
import { loadSample, makeTeam, openTestRecords, password, sampleText, tempDir } from './helpers.ts';

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
    const d = saveDecision(ctx, team.drafter, {
      documentId: outcome.documentId,
      attribute: 'partial',
      reason: '个人隐私',
      basis: ['条例第十五条'],
      basisText: '',
      justification: '',
      dispositions: [{ findingId: findings[0]!.id, action: 'redact', reason: '' }],
      redactions: [],
    });
    await expect(exportRedacted(ctx, team.drafter, d.id, path.join(tempDir(), 'x.txt'), 'txt', (f) => extractFile(f))).rejects.toMatchObject({ code: 'not-signed' });
  });
});
