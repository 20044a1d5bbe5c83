import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { stampNote } from './note-stamp.ts';
import { appendEntry } from '../ledger/chain.ts';
import { sha256Hex } from '../ledger/crypto.ts';
import { signedDecision } from '../ledger/signed.ts';
import { actingRole, type Actor, type Context } from '../kernel/context.ts';
import { fail } from '../errors.ts';
import { findNote, noteLine } from '../../../shared/publicity-note.ts';
import { writeRoles } from '../../../shared/write-roles.ts';
import type { IntakeResult } from '../../../shared/types.ts';
import type { StampedExport } from '../../../shared/ipc/forms.ts';
import { formsMessages as m } from '../../../shared/messages/forms.ts';

type Extract = (file: string) => Promise<IntakeResult>;

/** The main document part as the package relationships name it; word/document.xml in every Word and WPS file seen. */
function mainPart(entries: Record<string, Uint8Array>): string {
  const rels = entries['_rels/.rels'] ? strFromU8(entries['_rels/.rels']) : '';
  for (const r of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    if (!/Type\s*=\s*"[^"]*\/officeDocument"/.test(r[1]!)) continue;
    const target = /Target\s*=\s*"([^"]+)"/.exec(r[1]!)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return 'word/document.xml';
}

/** The text with its 附注 line taken out, so two texts that differ only by their 附注 compare equal. */
function withoutNote(text: string): string {
  const lines = text.split(/\r?\n/);
  const note = findNote(text);
  if (note) lines.splice(note.index, 1);
  return lines.join('\n');
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;

/**
 * What reading the written copy back must show: intake finds the 附注 stating the signed attribute, the text
 * apart from the 附注 is the source's text, and every other part of the package is the source's, byte for byte.
 */
async function proofProblems(candidate: string, source: Record<string, Uint8Array>, sourceText: string, main: string, attribute: StampedExport['attribute'], extract: Extract): Promise<string[]> {
  const reread = await extract(candidate);
  if (!reread.ok) return [reread.error.message];
  const problems: string[] = [];
  const doc = reread.document;
  const found = (doc.metadata.note === null ? null : findNote(doc.metadata.note)) ?? findNote(doc.text);
  if (found?.attribute !== attribute) problems.push(m.stampRereadNote(found?.line ?? doc.metadata.note, noteLine(attribute)));
  if (withoutNote(doc.text) !== withoutNote(sourceText)) problems.push(m.stampTextChanged);
  const written = unzipSync(fs.readFileSync(candidate));
  const names = new Set([...Object.keys(source), ...Object.keys(written)]);
  for (const name of names) {
    if (name === main) continue;
    if (!source[name] || !written[name] || !sameBytes(source[name], written[name])) problems.push(m.stampPartChanged(name));
  }
  return problems;
}

/**
 * Writes a copy of the registered .docx whose 附注 states the signed attribute (seed 001: the attribute travels
 * with the 公文; GB/T 9704 7.3.7 places the 附注). The source must be the very file registered; the copy is read
 * back with intake and replaces the chosen file only once proven. The original is never written to.
 */
export async function exportStamped(ctx: Context, actor: Actor, decisionId: number, sourceFile: string, file: string, extract: Extract): Promise<StampedExport> {
  const { store } = ctx;
  const role = actingRole(actor, writeRoles.stampedCopy);
  // The attribute written is the one the signer signed, proven against the chain, never a row alone.
  const { statement, document: doc } = signedDecision(ctx, decisionId);
  if (doc.format !== 'docx') fail('invalid', m.stampNeedsDocx(doc.format));
  if (!fs.existsSync(sourceFile)) fail('not-found', m.sourceMissing(sourceFile));
  const bytes = fs.readFileSync(sourceFile);
  if (sha256Hex(bytes) !== doc.sha256) fail('source-mismatch', m.sourceMismatch(sourceFile));
  const entries = unzipSync(bytes);
  const main = mainPart(entries);
  const body = entries[main] ?? fail('invalid', m.stampNoBody);
  const stamped = stampNote(strFromU8(body), statement.attribute, doc.metadata.dateRaw) ?? fail('no-date', m.stampNoDate);
  const sourceReading = await extract(sourceFile);
  if (!sourceReading.ok) fail('invalid', sourceReading.error.message);

  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const extension = path.extname(target);
  const candidate = `${target.slice(0, target.length - extension.length)}.${crypto.randomBytes(6).toString('hex')}.checking${extension}`;
  try {
    // Entries keep their order; only the main part's content may differ.
    const out: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(entries)) out[name] = name === main && stamped.action !== 'kept' ? strToU8(stamped.xml) : data;
    fs.writeFileSync(candidate, zipSync(out), { flag: 'wx' });
    const problems = await proofProblems(candidate, entries, sourceReading.document.text, main, statement.attribute, extract);
    if (problems.length > 0) fail('stamp-unproven', m.stampUnproven(problems));
    fs.renameSync(candidate, target);
  } finally {
    fs.rmSync(candidate, { force: true });
  }
  const outputSha256 = sha256Hex(fs.readFileSync(target));
  const result = { path: target, decisionId, attribute: statement.attribute, action: stamped.action, previous: stamped.previous, note: stamped.note, verified: true } as const;
  store.write(() =>
    appendEntry(
      store,
      { user: actor.name, role, action: 'export.stamped', documentSha256: doc.sha256, decisionId, payload: { path: target, attribute: statement.attribute, action: stamped.action, previous: stamped.previous, note: stamped.note, outputSha256 } },
      ctx.now(),
    ),
  );
  return result;
}
