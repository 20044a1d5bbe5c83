import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { closeIntake, extractFile } from '../helpers/intake.ts';
import { exportRedacted } from '../../electron/core/exports/redaction-export.ts';
import { saveDecision, signDecision, signPreview, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { loadDocument } from '../../electron/core/register/documents.ts';
import { redactText, redactWithheld, withRepeats, withheldFreeName, withheldValues, type Redaction } from '../../shared/redaction.ts';
import type { DecisionInput } from '../../shared/ipc/records.ts';
import { extracted, finding, makeTeam, openTestRecords, password, scanned, tempDir } from './helpers.ts';

afterAll(() => closeIntake());

const span = (text: string, piece: string, from = 0, basis = '条例第十五条'): Redaction => {
  const start = text.indexOf(piece, from);
  if (start < 0) throw new Error(`${piece} not in text`);
  return { start, end: start + piece.length, basis, findingId: null };
};
const pieces = (text: string, spans: readonly Redaction[]) => spans.map((r) => [text.slice(r.start, r.end), r.basis, r.origin ?? 'own']);

describe('a value withheld once is withheld wherever it occurs', () => {
  const text = '关于戚明远违法行为的处罚决定\n当事人：戚明远，电话13912345678。\n经查，戚明远于三月……\n序号\t姓名\n1\t戚明远';

  it('adds every later occurrence (title, body, table) with the same label, marked as a repeat, sorted and apart', () => {
    const labelled = span(text, '戚明远', text.indexOf('当事人'));
    const spans = withRepeats(text, [labelled, span(text, '13912345678')]);
    expect(pieces(text, spans)).toEqual([
      ['戚明远', '条例第十五条', 'repeat'],
      ['戚明远', '条例第十五条', 'own'],
      ['13912345678', '条例第十五条', 'own'],
      ['戚明远', '条例第十五条', 'repeat'],
      ['戚明远', '条例第十五条', 'repeat'],
    ]);
    expect(spans.every((r, i) => i === 0 || spans[i - 1]!.end <= r.start)).toBe(true);
    expect(redactText(text, spans).text).not.toContain('戚明远');
  });

  it('finds the value broken across a line, in full-width digits and in another letter case', () => {
    const wrapped = '当事人：戚明远，身份证号11010519491231002X。\n证据：戚明\n远的笔录；号码１１０１０５１９４９１２３１００２ｘ。';
    const spans = withRepeats(wrapped, [span(wrapped, '戚明远'), span(wrapped, '11010519491231002X')]);
    const out = redactText(wrapped, spans).text;
    expect(out).toBe('当事人：［此处不予公开：条例第十五条］，身份证号［此处不予公开：条例第十五条］。\n证据：［此处不予公开：条例第十五条］\n［此处不予公开：条例第十五条］的笔录；号码［此处不予公开：条例第十五条］。');
  });

  it('withholds a two-character name inside a longer word too, since a name cannot be told from its neighbours without a dictionary', () => {
    const short = '当事人：何平。本案按几何平均值计算罚款，何平未申辩。';
    const spans = withRepeats(short, [span(short, '何平')]);
    expect(redactText(short, spans).text).toBe('当事人：［此处不予公开：条例第十五条］。本案按几［此处不予公开：条例第十五条］均值计算罚款，［此处不予公开：条例第十五条］未申辩。');
  });

  it('leaves a single character or a short run of ASCII (an age, a year, an article number) standing elsewhere', () => {
    const ages = '当事人戚某，32岁，住甲，2025年入职。依据第32条，甲地2025年……';
    const spans = withRepeats(ages, [span(ages, '32'), span(ages, '甲'), span(ages, '2025')]);
    expect(spans.filter((r) => r.origin === 'repeat')).toEqual([]);
  });

  it('finds repeats afresh on every call: a removed span takes its repeats with it, and an invented repeat is dropped', () => {
    const first = withRepeats(text, [span(text, '戚明远', text.indexOf('当事人'))]);
    expect(first.filter((r) => r.origin === 'repeat')).toHaveLength(3);
    expect(withRepeats(text, first)).toEqual(first);
    const forged: Redaction = { ...span(text, '处罚决定'), origin: 'repeat' };
    expect(withRepeats(text, [...first.filter((r) => r.origin === 'repeat'), forged])).toEqual([]);
  });

  it('lets a longer withheld value claim its occurrences (and its label) before a part of it', () => {
    const both = '戚明远之家：戚明远。后文：戚明远之家，戚明远。';
    const spans = withRepeats(both, [span(both, '戚明远之家', 0, '条例第十五条'), span(both, '戚明远', 6, '条例第十四条')]);
    expect(pieces(both, spans)).toEqual([
      ['戚明远之家', '条例第十五条', 'own'],
      ['戚明远', '条例第十四条', 'own'],
      ['戚明远之家', '条例第十五条', 'repeat'],
      ['戚明远', '条例第十四条', 'repeat'],
    ]);
  });

  it('marks a withheld value in any other string, and offers a file name with a placeholder in its place', () => {
    const values = withheldValues(text, [span(text, '戚明远', text.indexOf('当事人'))]);
    expect(redactWithheld('关于戚明远违法行为的处罚决定', values)).toBe('关于［此处不予公开：条例第十五条］违法行为的处罚决定');
    expect(withheldFreeName('戚明远处罚决定书（戚 明远）', text, [span(text, '戚明远', text.indexOf('当事人'))], '××')).toBe('××处罚决定书（××）');
  });
});

describe('the saved decision and the signed statement list every repeat', () => {
  const text = '关于戚明远违法行为的处罚决定\n当事人：戚明远，身份证号110101199003071234。\n经查，戚明远于三月违法经营。';
  const name = finding(text, '戚明远', { id: 'pii.name:20', rule: 'pii.name', piiType: 'name', start: text.indexOf('戚明远', 15), end: text.indexOf('戚明远', 15) + 3 });

  function draft(extra: Partial<DecisionInput> = {}) {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const { documentId } = loadDocument(ctx, team.drafter, extracted(text, { title: '关于戚明远违法行为的处罚决定' }), scanned([name]));
    const input: DecisionInput = {
      documentId,
      attribute: 'partial',
      reason: '删除当事人姓名后公开',
      basis: ['条例第十五条', '条例第三十七条'],
      basisText: '',
      justification: '',
      dispositions: [{ findingId: name.id, action: 'redact', reason: '' }],
      redactions: [],
      channels: ['website'],
      ...extra,
    };
    return { ctx, team, decision: saveDecision(ctx, team.drafter, input) };
  }

  it('saves the repeats with the finding\'s span, so the reviewer and the signer see them before signing', () => {
    const { ctx, team, decision } = draft();
    expect(pieces(text, decision.redactions)).toEqual([
      ['戚明远', '条例第十五条', 'repeat'],
      ['戚明远', '条例第十五条', 'own'],
      ['戚明远', '条例第十五条', 'repeat'],
    ]);
    submitDecision(ctx, team.drafter, decision.id);
    expect(signPreview(ctx, team.signer, decision.id).redactions).toEqual(decision.redactions);
    expect(signDecision(ctx, team.signer, decision.id, password).statement.redactions).toEqual(decision.redactions);
  });

  it('keeps no repeat span a client sends of its own, only those the rule finds', () => {
    const invented: Redaction = { start: 0, end: 2, basis: '条例第十四条', findingId: null, origin: 'repeat' };
    const { decision } = draft({ redactions: [invented] });
    expect(decision.redactions.some((r) => r.start === 0 && r.end === 2)).toBe(false);
    expect(decision.redactions.filter((r) => r.origin === 'repeat')).toHaveLength(2);
  });
});

describe('the export proves every part of the written file clean', () => {
  const text = '关于戚明远违法行为的处罚决定\n当事人：戚明远，身份证号110101199003071234。\n经查，戚明远于三月违法经营，决定罚款五百元。';
  const id = finding(text, '110101199003071234');

  async function signed(redactions?: (decisionId: number, ctx: ReturnType<typeof openTestRecords>) => void) {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const { documentId } = loadDocument(ctx, team.drafter, extracted(text, { title: '关于戚明远违法行为的处罚决定' }), scanned([id]));
    const d = saveDecision(ctx, team.drafter, {
      documentId,
      attribute: 'partial',
      reason: '删除当事人信息后公开',
      basis: ['条例第十五条'],
      basisText: '',
      justification: '',
      dispositions: [{ findingId: id.id, action: 'redact', reason: '' }],
      redactions: [span(text, '戚明远', text.indexOf('当事人'))],
      channels: ['website'],
    });
    redactions?.(d.id, ctx);
    submitDecision(ctx, team.drafter, d.id);
    signDecision(ctx, team.signer, d.id, password);
    return { ctx, team, decisionId: d.id };
  }

  /** Intake that first rewrites one entry of the written package, as a writer bug would. */
  const tampering = (entry: string, edit: (xml: string) => string) => async (file: string) => {
    const parts = unzipSync(fs.readFileSync(file));
    parts[entry] = strToU8(edit(parts[entry] ? strFromU8(parts[entry]) : ''));
    fs.writeFileSync(file, zipSync(parts));
    return extractFile(file);
  };

  const attacks: [what: string, entry: string, edit: (xml: string) => string][] = [
    ['the title in docProps/core.xml', 'docProps/core.xml', (x) => x.replace(/<dc:title>[^<]*<\/dc:title>/, '<dc:title>关于戚明远违法行为的处罚决定</dc:title>')],
    ['keywords in docProps/core.xml', 'docProps/core.xml', (x) => x.replace('</cp:coreProperties>', '<cp:keywords>戚明远</cp:keywords></cp:coreProperties>')],
    ['the company in docProps/app.xml', 'docProps/app.xml', (x) => x.replace(/\/>$/, '><Company>戚明远</Company></Properties>')],
    ['a custom property', 'docProps/custom.xml', (x) => x.replace(/\/>$/, '><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="当事人"><vt:lpwstr>戚明远</vt:lpwstr></property></Properties>')],
    ['a page header', 'word/header1.xml', () => '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>戚明</w:t></w:r><w:r><w:t>远案</w:t></w:r></w:p></w:hdr>'],
    ['a comment\'s author', 'word/comments.xml', () => '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="戚明远"><w:p/></w:comment></w:comments>'],
    ['a footnote', 'word/footnotes.xml', (x) => x.replace('</w:footnotes>', '<w:footnote w:id="3"><w:p><w:r><w:t>戚明远的笔录</w:t></w:r></w:p></w:footnote></w:footnotes>')],
    ['an image\'s alt text', 'word/document.xml', (x) => x.replace('<w:body>', '<w:body><w:p><w:r><w:drawing><wp:inline><wp:docPr id="9" name="图片" descr="戚明远照片"/></wp:inline></w:drawing></w:r></w:p>')],
    ['the ID number in a relationship target', 'word/_rels/document.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.invalid/110101199003071234" TargetMode="External"/></Relationships>')],
  ];

  for (const [what, entry, edit] of attacks) {
    it(`deletes the .docx and refuses with code "redaction-unproven" when ${what} holds a withheld value`, async () => {
      const { ctx, team, decisionId } = await signed();
      const file = path.join(tempDir(), 'public.docx');
      const attempt = exportRedacted(ctx, team.signer, decisionId, file, 'docx', tampering(entry, edit));
      await expect(attempt).rejects.toMatchObject({ code: 'redaction-unproven', message: expect.stringContaining(entry) });
      await expect(attempt).rejects.toSatisfy((e: Error) => !e.message.includes('戚明远') && !e.message.includes('110101199003071234'));
      expect(fs.existsSync(file)).toBe(false);
    });
  }

  it('writes the redacted title into docProps and nothing of the withheld values anywhere in the package', async () => {
    const { ctx, team, decisionId } = await signed();
    const file = path.join(tempDir(), 'public.docx');
    await exportRedacted(ctx, team.signer, decisionId, file, 'docx', (f) => extractFile(f));
    const parts = unzipSync(fs.readFileSync(file));
    expect(strFromU8(parts['docProps/core.xml']!)).toContain('<dc:title>关于［此处不予公开：条例第十五条］违法行为的处罚决定</dc:title>');
    for (const [name, bytes] of Object.entries(parts)) {
      expect(strFromU8(bytes), name).not.toContain('戚明远');
      expect(strFromU8(bytes), name).not.toContain('110101199003071234');
    }
  });

  it('withholds every repeat of a decision stored before the rule (its spans as signed then), with the same label', async () => {
    const { ctx, team, decisionId } = await signed((id, c) => {
      const stored = c.store.decisions.get(id)!;
      c.store.write(() => c.store.decisions.updateContent(id, { ...stored, redactions: stored.redactions.filter((r) => r.origin !== 'repeat') }, stored.updatedAt));
    });
    expect(ctx.store.decisions.get(decisionId)!.redactions.some((r) => r.origin === 'repeat')).toBe(false);
    const file = path.join(tempDir(), 'public.txt');
    const result = await exportRedacted(ctx, team.signer, decisionId, file, 'txt', (f) => extractFile(f));
    expect(result.marks).toBe(4);
    const out = fs.readFileSync(file, 'utf8');
    expect(out).not.toContain('戚明远');
    expect(out).toContain('经查，［此处不予公开：条例第十五条］于三月');
  });

  it('refuses with code "withheld-in-name", before writing, a file name that carries a withheld value', async () => {
    const { ctx, team, decisionId } = await signed();
    const file = path.join(tempDir(), '关于戚明远的处罚决定（公开版）.txt');
    await expect(exportRedacted(ctx, team.signer, decisionId, file, 'txt', (f) => extractFile(f))).rejects.toMatchObject({ code: 'withheld-in-name' });
    expect(fs.existsSync(file)).toBe(false);
  });
});
