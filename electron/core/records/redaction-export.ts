import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { appendEntry } from './chain.ts';
import { sha256Hex } from './crypto.ts';
import type { Actor, Context } from './context.ts';
import { fail } from '../errors.ts';
import { redactText, redactionMark } from '../../../shared/redaction.ts';
import type { IntakeResult } from '../../../shared/types.ts';
import type { RedactedExport } from '../../../shared/ipc/records.ts';
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

async function writeDocx(file: string, lines: string[], title: string | null): Promise<void> {
  const font = { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong' };
  const doc = new Document({
    creator: '公开属性审查台',
    title: title ?? '',
    description: m.publicCopyDescription,
    sections: [
      {
        children: lines.map(
          (line, i) =>
            new Paragraph({
              alignment: i === 0 && title && line.trim() === title ? AlignmentType.CENTER : AlignmentType.LEFT,
              children: [new TextRun({ text: line, font, size: 32 })],
            }),
        ),
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
}

/**
 * Writes the public copy of a signed `partial` decision from the stored text; the original file is never
 * touched. The written file is read back with intake and removed again if any withheld text survives.
 */
export async function exportRedacted(ctx: Context, actor: Actor, decisionId: number, file: string, format: 'docx' | 'txt', extract: Extract): Promise<RedactedExport> {
  const { store } = ctx;
  const decision = store.decisions.get(decisionId) ?? fail('no-decision', m.noDecision(decisionId));
  const doc = store.documents.get(decision.documentId)!;
  if (decision.attribute !== 'partial') fail('invalid', m.exportNeedsPartial);
  if (decision.state !== 'signed') fail('not-signed', m.exportNeedsSigned(decisionId));
  if (doc.text === null) fail('no-text', m.redactNeedsText(doc.fileName));
  const target = path.resolve(file);
  const redacted = redactText(doc.text, decision.redactions);
  const lines = redacted.text.split('\n');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (format === 'docx') await writeDocx(target, lines, doc.title);
  else fs.writeFileSync(target, `\uFEFF${redacted.text.replace(/\r?\n/g, '\r\n')}`, 'utf8');
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
      { user: actor.name, role: null, action: 'export.redacted', documentSha256: doc.sha256, decisionId, payload: { path: target, format, marks: redacted.marks, outputSha256 } },
      ctx.now(),
    ),
  );
  return { path: target, format, marks: redacted.marks, verified: true };
}
