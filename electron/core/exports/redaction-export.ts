import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { gongwen, gongwenSection, withFontFallbacks } from './official-docx.ts';
import { publicCopy, type Block, type PublicCopy } from './public-copy.ts';
import { appendEntry } from '../ledger/chain.ts';
import { sha256Hex } from '../ledger/crypto.ts';
import { actingRole, type Actor, type Context } from '../kernel/context.ts';
import { signedDecision } from '../ledger/signed.ts';
import { fail } from '../errors.ts';
import { decodeEntities } from '../intake/xml-text.ts';
import { comparable, isDistinctive, markPattern, redactText, redactWithheld, withheldValues, withRepeats, type RedactedText, type WithheldValue } from '../../../shared/redaction.ts';
import type { IntakeResult } from '../../../shared/types.ts';
import type { RedactedExport } from '../../../shared/ipc/records.ts';
import { writeRoles } from '../../../shared/write-roles.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

type Extract = (file: string) => Promise<IntakeResult>;

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/** Marks become a character no value contains, so text on either side of a mark cannot join into a value. */
const unmarked = (text: string) => comparable(text.replace(markPattern, '\u0000'));

/** Attributes that carry words a reader sees (alt text, comment authors, link targets), as opposed to layout. */
const TEXT_ATTRIBUTE = /\s(?:[\w.-]+:)?(?:descr|title|author|initials|alias|tag|Target)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** What a reader of one package entry can see: the text between its tags, and its text-bearing attributes. */
function readable(entry: Uint8Array): string {
  const xml = strFromU8(entry);
  const attributes = [...xml.matchAll(TEXT_ATTRIBUTE)].map((a) => decodeEntities(a[1] ?? a[2] ?? ''));
  return [decodeEntities(xml.replace(/<[^<>]*>/g, '')), ...attributes].join('\u0000');
}

/** Every entry of the written file by name: each part of a .docx package, or the .txt itself. */
function writtenParts(file: string, format: 'docx' | 'txt'): Map<string, string> {
  const bytes = fs.readFileSync(file);
  if (format === 'txt') return new Map([[path.basename(file), bytes.toString('utf8')]]);
  return new Map(Object.entries(unzipSync(bytes)).map(([name, entry]) => [name, readable(entry)]));
}

/** Enough of a value to say which one leaked without printing it again. */
const masked = (value: string) => `${[...value][0] ?? ''}${'*'.repeat(Math.max(1, [...value].length - 1))}`;

/**
 * Proof that nothing withheld survives. A distinctive value (see `isDistinctive`) was withheld wherever it
 * occurs, so it may occur nowhere: not in the re-read text, not in any entry of the written package
 * (properties, headers, footers, notes, relationships). Any other piece (a short value, which may stand
 * elsewhere by chance, or one line of a span that crosses lines) occurs in the re-read text no more often
 * than in the public text we meant to write. Every mark is there.
 */
function leaks(parts: Map<string, string>, reread: string, expectedPublic: string, values: readonly WithheldValue[], pieces: readonly string[], marks: number): string[] {
  const problems: string[] = [];
  const distinctive = values.map((v) => v.value).filter(isDistinctive);
  const seen = [['', unmarked(reread)] as const, ...[...parts].map(([name, text]) => [name, unmarked(text)] as const)];
  for (const value of distinctive) {
    for (const [name, text] of seen) if (text.includes(value)) problems.push(m.withheldSurvives(name, masked(value)));
  }
  const got = unmarked(reread);
  const want = unmarked(expectedPublic);
  for (const piece of new Set(pieces.map(comparable))) {
    if (piece !== '' && !distinctive.includes(piece) && occurrences(got, piece) > occurrences(want, piece)) problems.push(m.withheldSurvives('', masked(piece)));
  }
  const markCount = [...reread.matchAll(markPattern)].length;
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
    const width = b.rows.reduce((w, r) => Math.max(w, r.length), 0);
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

/**
 * The public copy laid out as a 公文: the original's title, headings, tables and 署名 kept in their places.
 * The package's properties carry the redacted title and nothing else of the document.
 */
async function writeDocx(file: string, copy: PublicCopy, title: string): Promise<void> {
  const doc = new Document({
    creator: m.publicCopyCreator,
    title,
    description: m.publicCopyDescription,
    styles: { default: { document: { run: { font: { ascii: gongwen.fonts.body, eastAsia: gongwen.fonts.body, hAnsi: gongwen.fonts.body }, size: gongwen.bodySize } } } },
    evenAndOddHeaderAndFooters: true,
    sections: [gongwenSection(copy.blocks.flatMap(docxBlock))],
  });
  fs.writeFileSync(file, withFontFallbacks(await Packer.toBuffer(doc)));
}

/** The title as the public copy shows it: its redacted title lines, else the register's title with every withheld value marked. */
function publicTitle(copy: PublicCopy, title: string | null, values: readonly WithheldValue[]): string {
  const lines = copy.blocks.flatMap((b) => (b.role === 'title' ? [b.text] : []));
  return lines.length > 0 ? lines.join('') : redactWithheld(title ?? '', values);
}

/**
 * Writes the public copy of a signed `partial` decision from the stored text; the original file is never
 * touched. Every repeat of a withheld value is withheld too (decisions signed before that rule get it here).
 * A file name that carries a withheld value is refused before anything is written; the written file is read
 * back, with intake and part by part, and removed again if any withheld text survives anywhere in it.
 */
export async function exportRedacted(ctx: Context, actor: Actor, decisionId: number, file: string, format: 'docx' | 'txt', extract: Extract): Promise<RedactedExport> {
  const { store } = ctx;
  const role = actingRole(actor, writeRoles.publicCopy);
  const row = store.decisions.get(decisionId) ?? fail('no-decision', m.noDecision(decisionId));
  if (row.state !== 'signed') fail('not-signed', m.exportNeedsSigned(decisionId));
  // The public copy is made from what the signer signed, proven against the chain, never from a row alone.
  const { statement: decision, document: doc } = signedDecision(ctx, decisionId);
  if (decision.attribute !== 'partial') fail('invalid', m.exportNeedsPartial);
  if (doc.text === null) fail('no-text', m.redactNeedsText(doc.fileName));
  const spans = withRepeats(doc.text, decision.redactions);
  const values = withheldValues(doc.text, spans);
  const target = path.resolve(file);
  const named = values.find((v) => isDistinctive(v.value) && comparable(path.basename(target)).includes(v.value));
  if (named) fail('withheld-in-name', m.withheldInFileName(masked(named.value)));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Written and proven under a name of its own beside the target; only a proven copy replaces what the user chose.
  const extension = path.extname(target);
  const candidate = `${target.slice(0, target.length - extension.length)}.${crypto.randomBytes(6).toString('hex')}.checking${extension}`;
  let redacted: RedactedText;
  try {
    if (format === 'docx') {
      const copy = publicCopy(doc.text, doc.paragraphs, spans, doc.metadata);
      await writeDocx(candidate, copy, publicTitle(copy, doc.title, values));
      redacted = copy;
    } else {
      redacted = redactText(doc.text, spans);
      fs.writeFileSync(candidate, `\uFEFF${redacted.text.replace(/\r?\n/g, '\r\n')}`, { encoding: 'utf8', flag: 'wx' });
    }
    const reread = await extract(candidate);
    const problems = reread.ok
      ? leaks(writtenParts(candidate, format), reread.document.text, redacted.text, values, redacted.removed, redacted.marks)
      : [reread.error.message];
    if (problems.length > 0) fail('redaction-unproven', m.redactionUnproven(target, problems));
    fs.renameSync(candidate, target);
  } finally {
    fs.rmSync(candidate, { force: true });
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
