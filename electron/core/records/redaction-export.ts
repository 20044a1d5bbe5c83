import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { gongwen, gongwenSection, withFontFallbacks } from './official-docx.ts';
import { publicCopy, type Block, type PublicCopy } from './public-copy.ts';
import { appendEntry } from './chain.ts';
import { sha256Hex } from './crypto.ts';
import { actingRole, type Actor, type Context } from './context.ts';
import { fail } from '../errors.ts';
import { redactText, redactionMark, type RedactedText } from '../../../shared/redaction.ts';
import type { IntakeResult } from '../../../shared/types.ts';
import type { RedactedExport } from '../../../shared/ipc/records.ts';
import { writeRoles } from '../../../shared/write-roles.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

export type Extract = (file: string) => Promise<IntakeResult>;

const comparable = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/**
 * Proof that nothing withheld survives: every removed piece occurs in the re-read export no more often than
 * in the public text we meant to write (where it may stand legitimately elsewhere), and every mark is there.
 */
function leaks(exported: string, expectedPublic: string, removed: string[], marks: number): string[] {
  const got = comparable(exported);
  const want = comparable(expectedPublic);
  const problems = removed.map(comparable).filter((piece) => piece !== '' && occurrences(got, piece) > occurrences(want, piece));
  const markCount = occurrences(got, comparable(redactionMark('').slice(0, -1)));
  if (markCount < marks) problems.push(m.marksMissing(marks, markCount));
  return problems;
}

const twoChars = 2 * gongwen.char;
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A line of text as runs, line breaks inside a paragraph kept as breaks. */
const runs = (text: string, font: string, size: number) => text.split('\n').map((piece, i) => new TextRun({ text: piece, break: i > 0 ? 1 : 0, size, font: { ascii: font, eastAsia: font, hAnsi: font } }));

function docxBlock(b: Block): (Paragraph | Table)[] {
  const { fonts, line } = gongwen;
  if (b.role === 'table') {
    const width = Math.max(...b.rows.map((r) => r.length));
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: b.rows.map(
          (cells) =>
            new TableRow({
              cantSplit: true,
              children: Array.from({ length: width }, (_, i) => new TableCell({ borders: { top: border, bottom: border, left: border, right: border }, children: [new Paragraph({ children: runs(cells[i] ?? '', fonts.body, gongwen.tableSize) })] })),
            }),
        ),
      }),
    ];
  }
  if (b.role === 'title') return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: gongwen.titleLine, children: runs(b.text, fonts.title, gongwen.titleSize) })];
  if (b.role === 'centred') return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: line, children: runs(b.text, fonts.body, gongwen.bodySize) })];
  if (b.role === 'addressee') return [new Paragraph({ spacing: line, children: runs(b.text, fonts.body, gongwen.bodySize) })];
  if (b.role === 'signature') return [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, indent: { right: 2 * twoChars }, children: runs(b.text, fonts.body, gongwen.bodySize) })];
  const font = b.role === 'heading' ? fonts.heading : fonts.body;
  return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: line, indent: { firstLine: twoChars }, keepNext: b.role === 'heading', children: runs(b.text, font, gongwen.bodySize) })];
}

/** The public copy laid out as a 公文: the original's title, headings, tables and 署名 kept in their places. */
async function writeDocx(file: string, copy: PublicCopy, title: string | null): Promise<void> {
  const doc = new Document({
    creator: '公开属性审查台',
    title: title ?? '',
    description: m.publicCopyDescription,
    styles: { default: { document: { run: { font: { ascii: gongwen.fonts.body, eastAsia: gongwen.fonts.body, hAnsi: gongwen.fonts.body }, size: gongwen.bodySize } } } },
    evenAndOddHeaderAndFooters: true,
    sections: [gongwenSection(copy.blocks.flatMap(docxBlock))],
  });
  fs.writeFileSync(file, withFontFallbacks(await Packer.toBuffer(doc)));
}

/**
 * Writes the public copy of a signed `partial` decision from the stored text; the original file is never
 * touched. The written file is read back with intake and removed again if any withheld text survives.
 */
export async function exportRedacted(ctx: Context, actor: Actor, decisionId: number, file: string, format: 'docx' | 'txt', extract: Extract): Promise<RedactedExport> {
  const { store } = ctx;
  const role = actingRole(actor, writeRoles.publicCopy);
  const decision = store.decisions.get(decisionId) ?? fail('no-decision', m.noDecision(decisionId));
  const doc = store.documents.get(decision.documentId)!;
  if (decision.attribute !== 'partial') fail('invalid', m.exportNeedsPartial);
  if (decision.state !== 'signed') fail('not-signed', m.exportNeedsSigned(decisionId));
  if (doc.text === null) fail('no-text', m.redactNeedsText(doc.fileName));
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let redacted: RedactedText;
  if (format === 'docx') {
    const copy = publicCopy(doc.text, doc.paragraphs, decision.redactions, doc.metadata);
    await writeDocx(target, copy, doc.title);
    redacted = copy;
  } else {
    redacted = redactText(doc.text, decision.redactions);
    fs.writeFileSync(target, `\uFEFF${redacted.text.replace(/\r?\n/g, '\r\n')}`, 'utf8');
  }
  const reread = await extract(target);
  const problems = reread.ok
    ? leaks(reread.document.text, redacted.text, redacted.removed, redacted.marks)
    : [reread.error.message];
  if (problems.length > 0) {
    fs.rmSync(target, { force: true });
    fail('redaction-unproven', m.redactionUnproven(target, problems));
  }
  const outputSha256 = sha256Hex(fs.readFileSync(target));
  store.write(() =>
    appendEntry(
      store,
      { user: actor.name, role, action: 'export.redacted', documentSha256: doc.sha256, decisionId, payload: { path: target, format, marks: redacted.marks, outputSha256 } },
      ctx.now(),
    ),
  );
  return { path: target, format, marks: redacted.marks, verified: true };
}
