import path from 'node:path';
import type { Actor, Context } from '../../kernel/context.ts';
import { appendEntry } from '../../ledger/chain.ts';
import { writeFileAtomic } from '../../files.ts';
import { actingRole } from '../context.ts';
import { annualReportFor } from '../annual.ts';
import { readInspectionConfig } from '../config.ts';
import { writeAnnualDocx } from './annual-docx.ts';
import { writeAnnualXlsx } from './annual-xlsx.ts';
import type { AnnualReportFile } from '../../../../shared/ipc/inspection.ts';
import { writeRoles } from '../../../../shared/write-roles.ts';

const annualReportActions = { export: 'report.export' } as const;

/** The year's template tables written as .docx or .xlsx, recorded in the audit log with the file's hash. */
export async function exportAnnualReport(ctx: Context, actor: Actor, year: number, format: 'docx' | 'xlsx', file: string): Promise<AnnualReportFile> {
  const role = actingRole(actor, writeRoles.inspectionLedger);
  const report = annualReportFor(ctx, year);
  const unitName = readInspectionConfig(ctx).unitName;
  const target = path.resolve(file);
  const bytes = format === 'docx' ? await writeAnnualDocx(report, unitName) : await writeAnnualXlsx(report, unitName);
  const sha256 = writeFileAtomic(target, bytes);
  ctx.store.write(() => appendEntry(ctx.store, { user: actor.name, role, action: annualReportActions.export, payload: { year, format, path: target, sha256, bytes: bytes.byteLength, lastSeq: report.source.lastSeq } }, ctx.now()));
  return { format, path: target, bytes: bytes.byteLength, sha256 };
}
