import path from 'node:path';
import type { Actor, Context } from '../../kernel/context.ts';
import { appendEntry } from '../../ledger/chain.ts';
import { fail } from '../../errors.ts';
import { actingRole, inspectionOf } from '../context.ts';
import { writeFileAtomic } from '../../files.ts';
import { inspectionActions } from '../lifecycle.ts';
import { signedBundle } from '../bundle/sign.ts';
import { inspectionReport } from './report.ts';
import { writeLedgerXlsx } from './xlsx.ts';
import { writeReportDocx } from './docx.ts';
import { writeLedgerCsv } from './csv.ts';
import type { ExportedFile, InspectionExportFormat } from '../../../../shared/ipc/inspection.ts';
import type { Role } from '../../../../shared/types.ts';
import { writeRoles } from '../../../../shared/write-roles.ts';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';

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

const exportRoles = (format: InspectionExportFormat) => (format === 'bundle' ? writeRoles.inspectionBundle : writeRoles.inspectionLedger);

/**
 * Everything that can refuse an export, checked before anything is written: the role, the inspection, and for
 * the bundle a closed inspection and a password (whether it unlocks the key is the first thing the signing does).
 */
function admit(ctx: Context, actor: Actor, year: number, format: InspectionExportFormat, password: string | undefined): Role {
  const role = actingRole(actor, exportRoles(format));
  const rec = inspectionOf(ctx, year) ?? fail('no-inspection', m.noInspection(year));
  if (format === 'bundle') {
    if (rec.state !== 'closed') fail('not-closed', m.bundleNeedsClosed(year));
    if (!password) fail('password-required', m.passwordRequired);
  }
  return role;
}

/** One export of the year's inspection, recorded in the audit log with the file's hash. */
export async function exportInspection(ctx: Context, actor: Actor, year: number, format: InspectionExportFormat, file: string, password?: string): Promise<ExportedFile> {
  const role = admit(ctx, actor, year, format, password);
  const target = path.resolve(file);
  const bytes = await render(ctx, actor, year, format, target, password);
  const sha256 = writeFileAtomic(target, bytes);
  ctx.store.write(() => appendEntry(ctx.store, { user: actor.name, role, action: inspectionActions.export, payload: { year, format, path: target, sha256, bytes: bytes.byteLength } }, ctx.now()));
  return { format, path: target, bytes: bytes.byteLength, sha256 };
}

/**
 * Several exports at once (the CLI writes all four): each is admitted before the first is written, so a refused
 * one leaves no file behind. The bundle goes first because a wrong password stops it before it writes anything.
 */
export async function exportInspectionFiles(ctx: Context, actor: Actor, year: number, files: Partial<Record<InspectionExportFormat, string>>, password?: string): Promise<ExportedFile[]> {
  const formats = (['bundle', 'xlsx', 'docx', 'csv'] as const).filter((f) => files[f] !== undefined);
  for (const format of formats) admit(ctx, actor, year, format, password);
  const written: ExportedFile[] = [];
  for (const format of formats) written.push(await exportInspection(ctx, actor, year, format, files[format]!, password));
  return written;
}
