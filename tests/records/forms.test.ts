import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { closeIntake, extractFile } from '../helpers/intake.ts';
import { loadDocument } from '../../electron/core/register/documents.ts';
import { approveDecision, saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { exportStamped } from '../../electron/core/exports/stamped-copy.ts';
import { exportReviewForm } from '../../electron/core/exports/review-form.ts';
import { stampNote } from '../../electron/core/exports/note-stamp.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { findNote, noteAttribute, noteContradicts, noteLine } from '../../shared/publicity-note.ts';
import { attributes } from '../../shared/attributes.ts';
import type { Attribute } from '../../shared/types.ts';
import type { Context } from '../../electron/core/kernel/context.ts';
import { makeWordXmlDocx, makeZip } from '../helpers/fixtures.ts';
import { makeTeam, openTestRecords, password, scanned, tempDir, type Team } from './helpers.ts';

afterAll(() => closeIntake());

const allAttributes = attributes.map((a) => a.key);

describe('publicity note forms', () => {
  const forms: [string, Attribute][] = [
    ['（此件公开发布）', 'proactive'],
    ['(此件公开发布)', 'proactive'],
    ['此件公开发布', 'proactive'],
    ['（此件依申请公开）', 'on-request'],
    ['此件依申请公开', 'on-request'],
    ['（此件不予公开）', 'withheld'],
    ['( 此件不予公开 )', 'withheld'],
    ['（此件删减后公开）', 'partial'],
    ['（此件部分公开）', 'partial'],
    ['此件部分公开', 'partial'],
    ['公开方式：主动公开', 'proactive'],
  ];
  for (const [line, attribute] of forms) it(`reads ${line} as ${attribute}`, () => expect(noteAttribute(line)).toBe(attribute));

  it('reads nothing from a half-bracketed line, a contact note or a sentence that mentions the mark', () => {
    expect(noteAttribute('（此件公开发布')).toBeNull();
    expect(noteAttribute('（联系人：张三，电话：12345678）')).toBeNull();
    expect(findNote('凡主动公开的公文，需要在公文附注部分标注“此件公开发布”字样。\n正文')).toBeNull();
    expect(findNote('正文\n2025年6月10日\n（此件不予公开）\n抄送：市委办公室')).toMatchObject({ index: 2, attribute: 'withheld', line: '（此件不予公开）' });
  });

  it('writes each attribute in brackets and reads it back', () => {
    for (const a of allAttributes) expect(noteAttribute(noteLine(a))).toBe(a);
    expect(noteLine('partial')).toBe('（此件删减后公开）');
  });

  it('tells a contradiction only when the note states another attribute', () => {
    expect(noteContradicts('withheld', 'proactive')).toBe(true);
    expect(noteContradicts('proactive', 'proactive')).toBe(false);
    expect(noteContradicts('proactive', null)).toBe(false);
  });
});

// ---------- .docx sources as Word and WPS write them ----------

const before = ['测试市人民政府办公室文件', '测政办发〔2025〕3号', '关于做好测试工作的通知', '各区人民政府：', '现就做好测试工作通知如下。请认真贯彻执行。', '测试市人民政府办公室'];
const date = '2025年6月10日';
const after = ['抄送：市委办公室。', '测试市人民政府办公室　　2025年6月10日印发'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Word: rsids everywhere, runs split mid-word, proofErr and a bookmark between them, 仿宋_GB2312 三号. */
function wordParagraph(text: string, jc = 'both'): string {
  const chars = [...text];
  const cut = Math.max(1, Math.floor(chars.length / 2));
  const rPr = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>';
  return (
    `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:jc w:val="${jc}"/></w:pPr>` +
    `<w:r w:rsidRPr="00D4E5F6">${rPr}<w:t>${esc(chars.slice(0, 1).join(''))}</w:t></w:r><w:proofErr w:type="spellStart"/>` +
    `<w:r>${rPr}<w:t xml:space="preserve">${esc(chars.slice(1, cut).join(''))}</w:t></w:r><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>` +
    `<w:r>${rPr}<w:t>${esc(chars.slice(cut).join(''))}</w:t></w:r><w:r>${rPr}<w:t xml:space="preserve"/></w:r></w:p>`
  );
}

/** WPS: one run per paragraph, eastAsia hints, its own custom properties part. */
function wpsParagraph(text: string, jc = 'both'): string {
  return `<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="${jc}"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t>${esc(text)}</w:t></w:r></w:p>`;
}

type Maker = 'word' | 'wps';

function sourceDocx(maker: Maker, note: string | null): Uint8Array {
  const p = maker === 'word' ? wordParagraph : wpsParagraph;
  const body = [...before.map((l) => p(l)), p(date, 'right'), ...(note === null ? [] : [p(note, 'left')]), ...after.map((l) => p(l))].join('');
  const docx = makeWordXmlDocx(body);
  if (maker === 'word') return docx;
  const entries = unzipSync(docx);
  entries['docProps/custom.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><property name="KSOProductBuildVer">2052-11.1.0.1</property></Properties>');
  return makeZip(entries);
}

async function signedWith(ctx: Context, team: Team, file: string, attribute: Attribute, justification = '已核对，附注按认定改写') {
  const read = await extractFile(file);
  if (!read.ok) throw new Error(read.error.message);
  const outcome = loadDocument(ctx, team.drafter, read.document, scanned([], 'proactive'));
  const reasoned = attribute !== 'proactive';
  const d = saveDecision(ctx, team.drafter, {
    documentId: outcome.documentId,
    attribute,
    reason: reasoned ? '内部工作安排' : '',
    basis: reasoned ? ['条例第十六条'] : [],
    basisText: '',
    justification,
    dispositions: [],
    redactions: attribute === 'partial' ? [{ start: 0, end: 4, basis: '条例第十五条', findingId: null }] : [],
    channels: attribute === 'proactive' || attribute === 'partial' ? ['website'] : [],
    channelText: '',
  });
  submitDecision(ctx, team.drafter, d.id);
  if (attribute === 'on-request' || attribute === 'withheld') approveDecision(ctx, team.reviewer, d.id, null);
  signDecision(ctx, team.signer, d.id, password);
  return { decisionId: d.id, documentId: outcome.documentId, document: read.document };
}

function writeSource(maker: Maker, note: string | null): string {
  const file = path.join(tempDir(), `${maker}.docx`);
  fs.writeFileSync(file, sourceDocx(maker, note));
  return file;
}

describe('附注 stamped into the 公文', () => {
  const variants: { note: string | null; label: string }[] = [
    { note: null, label: 'missing' },
    { note: '（此件公开发布）', label: 'bracketed proactive' },
    { note: '此件不予公开', label: 'bare withheld' },
    { note: '(此件依申请公开)', label: 'half-width on-request' },
    { note: '（此件部分公开）', label: 'partial as 部分公开' },
  ];
  for (const maker of ['word', 'wps'] as const) {
    for (const attribute of allAttributes) {
      for (const v of variants) {
        it(`${maker}: ${v.label} 附注 under a signed ${attribute} decision becomes ${noteLine(attribute)}, nothing else changed, read back by intake`, async () => {
          const ctx = openTestRecords();
          const team = makeTeam(ctx);
          const source = writeSource(maker, v.note);
          const sourceBytes = fs.readFileSync(source);
          const { decisionId, document } = await signedWith(ctx, team, source, attribute);
          const out = path.join(tempDir(), '公文.docx');
          const result = await exportStamped(ctx, team.drafter, decisionId, source, out, (f) => extractFile(f));
          const noted = v.note === null ? null : noteAttribute(v.note);
          expect(result.action).toBe(v.note === null ? 'added' : noted === attribute ? 'kept' : 'replaced');
          expect(fs.readFileSync(source).equals(sourceBytes)).toBe(true);

          const reread = await extractFile(out);
          if (!reread.ok) throw new Error(reread.error.message);
          const lines = reread.document.text.split('\n').filter((l) => l.trim());
          const note = findNote(reread.document.text)!;
          expect(note.attribute).toBe(attribute);
          if (result.action !== 'kept') expect(note.line).toBe(noteLine(attribute));
          // GB/T 9704: the 附注 is the line under the 成文日期.
          expect(lines[lines.indexOf(date) + 1]).toBe(note.line);
          expect(lines.filter((l) => l !== note.line)).toEqual(document.text.split('\n').filter((l) => l.trim() && noteAttribute(l) === null));

          const a = unzipSync(sourceBytes);
          const b = unzipSync(fs.readFileSync(out));
          expect(Object.keys(b)).toEqual(Object.keys(a));
          for (const name of Object.keys(a)) if (name !== 'word/document.xml') expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!))).toBe(true);
          if (result.action === 'kept') expect(strFromU8(b['word/document.xml']!)).toBe(strFromU8(a['word/document.xml']!));

          const history = ctx.store.audit.get(ctx.store.audit.head()!.seq)!;
          expect(history).toMatchObject({ action: 'export.stamped', decisionId });
          expect(verifyRecord(ctx.store).intact).toBe(true);
        });
      }
    }
  }

  it('adds the 附注 two characters in, in the date run properties, right after the 成文日期 paragraph', () => {
    const xml = `<w:document><w:body>${wordParagraph('正文。')}${wordParagraph(date, 'right')}${wordParagraph('抄送：市委办公室。')}</w:body></w:document>`;
    const stamped = stampNote(xml, 'proactive', date)!;
    expect(stamped.action).toBe('added');
    const added = /<w:p><w:pPr><w:jc w:val="left"\/><w:ind [^>]*w:firstLineChars="200"[^>]*\/><\/w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312"[^]*?<w:t xml:space="preserve">（此件公开发布）<\/w:t><\/w:r><\/w:p>/.exec(stamped.xml);
    expect(added).not.toBeNull();
    expect(stamped.xml.indexOf(added![0])).toBeGreaterThan(stamped.xml.indexOf('6月10日'));
    expect(stamped.xml.indexOf(added![0])).toBeLessThan(stamped.xml.indexOf('委办公室'));
    expect(stamped.xml.replace(added![0], '')).toBe(xml);
  });

  it('refuses a source whose bytes are not the registered document, leaving no file and no entry', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const source = writeSource('word', '（此件公开发布）');
    const { decisionId } = await signedWith(ctx, team, source, 'proactive');
    const other = writeSource('wps', '（此件公开发布）');
    const out = path.join(tempDir(), '公文.docx');
    const seq = ctx.store.audit.head()!.seq;
    await expect(exportStamped(ctx, team.drafter, decisionId, other, out, (f) => extractFile(f))).rejects.toMatchObject({ code: 'source-mismatch', message: expect.stringContaining('与登记的文件内容不一致') });
    expect(fs.existsSync(out)).toBe(false);
    expect(ctx.store.audit.head()!.seq).toBe(seq);
  });
});

describe('a contradicting 附注 and the signature', () => {
  it('blocks submit without a justification, naming the line and what it says, and lets it through with one', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const source = writeSource('word', '（此件公开发布）');
    const read = await extractFile(source);
    if (!read.ok) throw new Error(read.error.message);
    const outcome = loadDocument(ctx, team.drafter, read.document, scanned([], 'withheld'));
    const input = { documentId: outcome.documentId, attribute: 'withheld' as const, reason: '内部工作安排', basis: ['条例第十六条'], basisText: '', justification: '', dispositions: [], redactions: [] };
    const d = saveDecision(ctx, team.drafter, input);
    expect(d.justificationNeeded).toEqual([{ kind: 'note-contradicts', line: '（此件公开发布）', noted: 'proactive', chosen: 'withheld' }]);
    expect(() => submitDecision(ctx, team.drafter, d.id)).toThrow(/原文附注“（此件公开发布）”表明主动公开，与所选属性“不予公开”矛盾/);
    saveDecision(ctx, team.drafter, { ...input, justification: '原稿附注有误，签发后按认定改写' });
    submitDecision(ctx, team.drafter, d.id);
    approveDecision(ctx, team.reviewer, d.id, null);
    expect(signDecision(ctx, team.signer, d.id, password).decision.state).toBe('signed');
  });

  it('blocks signing a decision that reached the signer without the justification', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const source = writeSource('wps', '此件公开发布');
    const read = await extractFile(source);
    if (!read.ok) throw new Error(read.error.message);
    const outcome = loadDocument(ctx, team.drafter, read.document, scanned([], 'withheld'));
    const d = saveDecision(ctx, team.drafter, { documentId: outcome.documentId, attribute: 'withheld', reason: '内部工作安排', basis: ['条例第十六条'], basisText: '', justification: '', dispositions: [], redactions: [] });
    // As a decision submitted before the rule existed: straight into the table, the submit entry kept honest.
    ctx.store.write(() => ctx.store.decisions.submit(d.id, true, ctx.now()));
    ctx.store.write(() => ctx.store.decisions.approve(d.id, team.reviewer.id, null, ctx.now()));
    expect(() => signDecision(ctx, team.signer, d.id, password)).toThrow(/不能签发.*原文附注“此件公开发布”/);
  });

  it('asks nothing when the 附注 agrees or is missing', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    for (const note of [null, '（此件不予公开）']) {
      const read = await extractFile(writeSource('word', note));
      if (!read.ok) throw new Error(read.error.message);
      const outcome = loadDocument(ctx, team.drafter, read.document, scanned([], 'withheld'));
      const d = saveDecision(ctx, team.drafter, { documentId: outcome.documentId, attribute: 'withheld', reason: '内部工作安排', basis: ['条例第十六条'], basisText: '', justification: '', dispositions: [], redactions: [] });
      expect(d.justificationNeeded).toEqual([]);
    }
  });
});

describe('公开属性审查单', () => {
  const documentText = (file: string) => {
    const xml = strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']!);
    return [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  };

  it('prints every field of a signed decision, with the signature fingerprint, its entry number and how to verify', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const source = writeSource('word', null);
    const { decisionId, document } = await signedWith(ctx, team, source, 'withheld');
    const signed = ctx.store.decisions.get(decisionId)!;
    const fingerprint = ctx.store.users.findById(team.signer.id)!.keyFingerprint;
    const out = path.join(tempDir(), '审查单.docx');
    const result = await exportReviewForm(ctx, team.drafter, decisionId, out);
    const paragraphs = documentText(out);
    const text = paragraphs.join('\n');
    expect(paragraphs[0]).toBe('公开属性审查单');
    const field = (label: string) => paragraphs[paragraphs.indexOf(label) + 1];
    expect(field('标题')).toBe(document.metadata.title ?? document.fileName);
    expect(field('发文字号')).toBe('测政办发〔2025〕3号');
    expect(field('公开属性')).toBe('不予公开');
    expect(field('公开方式')).toBe('未填');
    expect(field('理由')).toBe('内部工作安排');
    expect(field('依据')).toBe('条例第十六条');
    expect(field('删除范围')).toBe('无删除');
    expect(field('拟稿人')).toMatch(/^drafter　\d{4}-\d{2}-\d{2}$/);
    expect(field('审查人')).toMatch(/^reviewer　\d{4}-\d{2}-\d{2}$/);
    expect(field('审签人')).toMatch(/^signer　\d{4}-\d{2}-\d{2}$/);
    expect(field('签发签名')).toBe(`密钥指纹 ${fingerprint}，审计日志第 ${signed.signSeq} 条`);
    expect(text).toContain('disclosure-desk audit verify');
    expect(text).toContain(document.sha256);
    const fonts = strFromU8(unzipSync(fs.readFileSync(out))['word/fontTable.xml']!);
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(ctx.store.audit.get(result.seq)).toMatchObject({ action: 'export.review-form', decisionId });
    expect(verifyRecord(ctx.store).intact).toBe(true);
  });

  it('prints a draft decision as unsigned and the 删除范围 of a partial one', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const read = await extractFile(writeSource('wps', null));
    if (!read.ok) throw new Error(read.error.message);
    const outcome = loadDocument(ctx, team.drafter, read.document, scanned([], 'partial'));
    const d = saveDecision(ctx, team.drafter, { documentId: outcome.documentId, attribute: 'partial', reason: '删除内部安排后公开', basis: ['条例第三十七条'], basisText: '', justification: '', dispositions: [], redactions: [{ start: 0, end: 4, basis: '条例第十六条', findingId: null }], channels: ['website'], channelText: '' });
    const out = path.join(tempDir(), '审查单.docx');
    await exportReviewForm(ctx, team.drafter, d.id, out);
    const paragraphs = documentText(out);
    const field = (label: string) => paragraphs[paragraphs.indexOf(label) + 1];
    expect(field('删除范围')).toMatch(/^删除 \d+ 处（依据：条例第十六条）$/);
    expect(field('审签人')).toBe('（尚未）');
    expect(field('签发签名')).toBe('尚未签发，无签名');
    expect(verifyRecord(ctx.store).intact).toBe(true);
  });
});

describe('audit verify replays the form entries', () => {
  it('breaks on a stamped-copy entry for a decision not signed, or a form entry stating another attribute', async () => {
    const { appendEntry } = await import('../../electron/core/ledger/chain.ts');
    for (const forged of [
      { action: 'export.stamped', attribute: 'withheld' },
      { action: 'export.review-form', attribute: 'proactive' },
    ] as const) {
      const ctx = openTestRecords();
      const team = makeTeam(ctx);
      const read = await extractFile(writeSource('word', null));
      if (!read.ok) throw new Error(read.error.message);
      const outcome = loadDocument(ctx, team.drafter, read.document, scanned([], 'withheld'));
      const d = saveDecision(ctx, team.drafter, { documentId: outcome.documentId, attribute: 'withheld', reason: '内部工作安排', basis: ['条例第十六条'], basisText: '', justification: '', dispositions: [], redactions: [] });
      expect(verifyRecord(ctx.store).intact).toBe(true);
      const entry = ctx.store.write(() =>
        appendEntry(ctx.store, { user: team.drafter.name, role: 'drafter', action: forged.action, documentSha256: read.document.sha256, decisionId: d.id, payload: { attribute: forged.attribute } }, ctx.now()),
      );
      const report = verifyRecord(ctx.store);
      expect(report.intact).toBe(false);
      expect(report.firstBroken).toMatchObject({ seq: entry.seq });
    }
  });
});
