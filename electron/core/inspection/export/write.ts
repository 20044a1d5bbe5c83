import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Actor, Context } from '../../records/context.ts';
import { appendEntry } from '../../records/chain.ts';
import { fail } from '../../errors.ts';
import { actingRole } from '../context.ts';
import { inspectionActions } from '../lifecycle.ts';
import { signedBundle } from '../bundle/sign.ts';
import { inspectionReport } from './report.ts';
import { writeLedgerXlsx } from './xlsx.ts';
import { writeReportDocx } from './docx.ts';
import { writeLedgerCsv } from './csv.ts';
import type { ExportedFile, InspectionExportFormat } from '../../../../shared/ipc/inspection.ts';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';

/** Writes through a temporary file and a rename, so a reader never sees half an export. */
export function writeFileAtomic(target: string, bytes: Uint8Array): ExportedFile['sha256'] {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, target);
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** The checkpoint written beside a bundle: the unit can later check its own chain against it. */
const checkpointPathFor = (bundlePath: string) => bundlePath.replace(/(\.json)?$/i, '.checkpoint.json');

async function render(ctx: Context, actor: Actor, year: number, format: InspectionExportFormat, target: string, password: string | undefined): Promise<Uint8Array> {
  if (format === 'bundle') {
    if (!password) fail('password-required', m.passwordRequired);
    return Buffer.from(JSON.stringify(signedBundle(ctx, actor, year, password, checkpointPathFor(target)), null, 1) + '\n', 'utf8');
  }
  const report = inspectionReport(ctx, year);
  if (format === 'xlsx') return writeLedgerXlsx(report);
  if (format === 'docx') return writeReportDocx(report);
  return writeLedgerCsv(report);
}

/** One export of the year's inspection, recorded in the audit log with the file's hash. */
export async function exportInspection(ctx: Context, actor: Actor, year: number, format: InspectionExportFormat, file: string, password?: string): Promise<ExportedFile> {
  const role = actingRole(actor, format === 'bundle' ? ['signer'] : ['reviewer', 'signer', 'admin', 'drafter']);
  const target = path.resolve(file);
  const bytes = await render(ctx, actor, year, format, target, password);
  const sha256 = writeFileAtomic(target, bytes);
  ctx.store.write(() => appendEntry(ctx.store, { user: actor.name, role, action: inspectionActions.export, payload: { year, format, path: target, sha256, bytes: bytes.byteLength } }, ctx.now()));
  return { format, path: target, bytes: bytes.byteLength, sha256 };
}
