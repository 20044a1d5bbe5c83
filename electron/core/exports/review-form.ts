import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { gongwen, gongwenSection, run, withFontFallbacks } from './official-docx.ts';
import { appendEntry } from '../ledger/chain.ts';
import { sha256Hex } from '../ledger/crypto.ts';
import { signedDecision } from '../ledger/signed.ts';
import { actingRole, type Actor, type Context } from '../kernel/context.ts';
import { fail } from '../errors.ts';
import type { DecisionRecord } from '../db/decisions.ts';
import { attribute as attributeInfo } from '../../../shared/attributes.ts';
import { writeRoles } from '../../../shared/write-roles.ts';
import type { ReviewFormExport } from '../../../shared/ipc/forms.ts';
import { formsMessages as m } from '../../../shared/messages/forms.ts';
import { recordsMessages } from '../../../shared/messages/records.ts';
import { channelMessages } from '../../../shared/messages/channels.ts';

/** 公开方式 as the decision records it; on-request and withheld decisions record none, and the form says so. */
const channelsText = (decision: DecisionRecord): string => (decision.channels.length > 0 ? channelMessages.channelList(decision.channels, decision.channelText) : m.notFilled);

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/** One row of the form: what the line is, and what the decision says. */
interface FormLine {
  label: string;
  value: string;
}

/** Everything the form prints, in order. */
function reviewFormLines(ctx: Context, decisionId: number): { title: string; lines: FormLine[]; verify: string } {
  const { store } = ctx;
  const row = store.decisions.get(decisionId) ?? fail('no-decision', recordsMessages.noDecision(decisionId));
  // A signed decision is printed as signed, proven against the chain; an unsigned one as it stands.
  const proven = row.state === 'signed' ? signedDecision(ctx, decisionId) : null;
  const decision = proven?.decision ?? row;
  const doc = proven?.document ?? store.documents.get(row.documentId)!;
  const person = (id: number | null, at: string | null) => {
    if (id === null) return m.notYet;
    const user = store.users.findById(id);
    const name = user ? (user.displayName && user.displayName !== user.name ? `${user.displayName}（${user.name}）` : user.name) : String(id);
    return m.personOn(name, day(at));
  };
  const bases = [...new Set(decision.redactions.map((r) => r.basis))];
  const lines: FormLine[] = [
    { label: m.fieldTitle, value: doc.title ?? doc.fileName },
    { label: m.fieldDocNumber, value: doc.docNumber ?? m.notFilled },
    { label: m.fieldAttribute, value: attributeInfo(decision.attribute).label },
    { label: m.fieldChannels, value: channelsText(decision) },
    { label: m.fieldReason, value: decision.reason || m.noneNeeded },
    { label: m.fieldBasis, value: [...decision.basis, decision.basisText].filter((b) => b.trim()).join('；') || attributeInfo(decision.attribute).anchor },
    { label: m.fieldRedactions, value: decision.redactions.length > 0 ? m.redactionSummary(decision.redactions.length, bases) : m.noRedactions },
    { label: m.fieldDrafter, value: person(decision.draftedBy, decision.submittedAt ?? decision.createdAt) },
    { label: m.fieldReviewer, value: person(decision.reviewedBy, decision.reviewedAt) },
    { label: m.fieldSigner, value: person(decision.signedBy, decision.signedAt) },
    { label: m.fieldSignature, value: proven ? m.signatureLine(proven.statement.keyFingerprint, decision.signSeq!) : m.unsigned },
  ];
  return { title: m.formTitle, lines, verify: m.verifyLine(proven ? decision.signSeq : null, doc.sha256) };
}

const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

const cell = (text: string, width: number, bold: boolean) =>
  new TableCell({
    borders,
    width: { size: width, type: WidthType.PERCENTAGE },
    children: text.split('\n').map((t) => new Paragraph({ alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: gongwen.line, children: [run(t, bold ? gongwen.fonts.heading : gongwen.fonts.body, gongwen.tableSize + 4)] })),
  });

async function writeForm(file: string, form: ReturnType<typeof reviewFormLines>, generated: string): Promise<void> {
  const doc = new Document({
    creator: m.formCreator,
    title: form.title,
    description: m.formDescription,
    styles: { default: { document: { run: { font: { ascii: gongwen.fonts.body, eastAsia: gongwen.fonts.body, hAnsi: gongwen.fonts.body }, size: gongwen.bodySize } } } },
    evenAndOddHeaderAndFooters: true,
    sections: [
      gongwenSection([
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: gongwen.titleLine, children: [run(form.title, gongwen.fonts.title, gongwen.titleSize)] }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: form.lines.map((l) => new TableRow({ cantSplit: true, children: [cell(l.label, 22, true), cell(l.value, 78, false)] })) }),
        new Paragraph({ spacing: gongwen.line, children: [run(form.verify, gongwen.fonts.body, gongwen.tableSize)] }),
        new Paragraph({ spacing: gongwen.line, children: [run(m.printedOn(generated), gongwen.fonts.body, gongwen.tableSize)] }),
      ]),
    ],
  });
  fs.writeFileSync(file, withFontFallbacks(await Packer.toBuffer(doc)));
}

/** Writes the one-page 公开属性审查单 of a decision, to print and clip to the paper 稿纸 or paste into the OA. */
export async function exportReviewForm(ctx: Context, actor: Actor, decisionId: number, file: string): Promise<ReviewFormExport> {
  const { store } = ctx;
  const role = actingRole(actor, writeRoles.reviewForm);
  const form = reviewFormLines(ctx, decisionId);
  const decision = store.decisions.get(decisionId)!;
  const doc = store.documents.get(decision.documentId)!;
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const now = ctx.now();
  await writeForm(target, form, now.slice(0, 10));
  const outputSha256 = sha256Hex(fs.readFileSync(target));
  const entry = store.write(() =>
    appendEntry(store, { user: actor.name, role, action: 'export.review-form', documentSha256: doc.sha256, decisionId, payload: { path: target, attribute: decision.attribute, state: decision.state, outputSha256 } }, now),
  );
  return { path: target, decisionId, seq: entry.seq };
}
