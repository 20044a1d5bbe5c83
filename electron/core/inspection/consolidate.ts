import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Actor, Context } from '../records/context.ts';
import { appendEntry } from '../records/chain.ts';
import { actingRole, inspectionDb } from './context.ts';
import { verifyBundleText } from './bundle/verify.ts';
import { csvText } from './export/csv.ts';
import { writeFileAtomic } from './export/write.ts';
import { time, type Cell } from './export/cells.ts';
import { addCells, printLayout } from './export/sheet.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import type { AnnualFigures, BundleCheck, ConsolidatedView, ExportedFile, InspectionSummary, UnitSummary } from '../../../shared/ipc/inspection.ts';
import { inspectionMessages as m } from '../../../shared/messages/inspection.ts';

/** The government office (政府办公室) collects the units' bundles; its disclosure office or an admin imports them. */
const collectorRoles = ['reviewer', 'admin'] as const;

/**
 * Verifies each file offline and imports those that pass. The first bundle of a unit pins its signing key;
 * a later bundle signed with another key is refused until the office confirms the change (`trustNewKey`).
 */
export function importBundles(ctx: Context, actor: Actor, files: readonly string[], options: { trustNewKey?: boolean } = {}): BundleCheck[] {
  const role = actingRole(actor, collectorRoles);
  const db = inspectionDb(ctx);
  return files.map((file) => {
    const name = path.basename(file);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      return { ok: false, problem: 'unreadable', message: m.bundleProblems.unreadable(name, (error as Error).message), file, unitName: null, installationId: null, year: null, keyFingerprint: null, sha256: null } satisfies BundleCheck;
    }
    let { check, bundle } = verifyBundleText(bytes, name);
    check = { ...check, file };
    return ctx.store.write(() => {
      const now = ctx.now();
      if (bundle && db.bundleExists(check.sha256!)) ({ check, bundle } = { check: { ...check, ok: false, problem: 'duplicate', message: m.bundleProblems.duplicate(name) }, bundle: null });
      const pinned = bundle ? db.unitKey(bundle.unit.installationId) : null;
      if (bundle && pinned && pinned.keyFingerprint !== bundle.signer.keyFingerprint && !options.trustNewKey) {
        ({ check, bundle } = { check: { ...check, ok: false, problem: 'pinned-key-mismatch', message: m.bundleProblems['pinned-key-mismatch'](name, pinned.unitName, pinned.keyFingerprint) }, bundle: null });
      }
      if (!bundle) {
        appendEntry(ctx.store, { user: actor.name, role, action: 'bundle.refused', payload: { file, sha256: check.sha256, problem: check.problem, unit: check.unitName, year: check.year } }, now);
        return check;
      }
      const replaces = db.unitHasBundle(bundle.unit.installationId, bundle.year);
      // The office's decision to trust a unit's new key is part of the record: which key it replaced, and who decided.
      const keyChange = pinned !== null && pinned.keyFingerprint !== bundle.signer.keyFingerprint ? { keyChanged: true, trustedNewKey: true, previousKeyFingerprint: pinned.keyFingerprint } : { keyChanged: false };
      if (!pinned || pinned.keyFingerprint !== bundle.signer.keyFingerprint) {
        db.pinKey({ installationId: bundle.unit.installationId, unitName: bundle.unit.name, keyFingerprint: bundle.signer.keyFingerprint, publicKey: bundle.signer.publicKey, pinnedAt: now });
      }
      db.insertBundle({
        sha256: check.sha256!,
        installationId: bundle.unit.installationId,
        unitName: bundle.unit.name,
        year: bundle.year,
        keyFingerprint: bundle.signer.keyFingerprint,
        closedAt: bundle.inspection.closedAt,
        figures: canonicalJson({ summary: bundle.summary, annual: bundle.annual }),
        body: new TextDecoder().decode(bytes),
        importedBy: actor.name,
        importedAt: now,
      });
      appendEntry(
        ctx.store,
        { user: actor.name, role, action: 'bundle.import', payload: { file, sha256: check.sha256, unit: bundle.unit.name, installationId: bundle.unit.installationId, year: bundle.year, keyFingerprint: bundle.signer.keyFingerprint, replaces, ...keyChange } },
        now,
      );
      return { ...check, message: replaces ? m.bundleReplaced(bundle.unit.name, bundle.year) : m.bundleImported(bundle.unit.name, bundle.year) };
    });
  });
}

const totalsKeys = ['items', 'done', 'withheld', 'partial', 'onRequest', 'kept', 'toProactive', 'toPartial', 'requestsReceived', 'requestsAnsweredLate'] as const;

/** One row per unit (its newest bundle for the year) and the totals across units. */
export function consolidatedView(ctx: Context, year: number): ConsolidatedView {
  const units: UnitSummary[] = inspectionDb(ctx)
    .latestBundles(year)
    .map((b) => {
      const { summary, annual } = JSON.parse(b.figures) as { summary: InspectionSummary; annual: AnnualFigures };
      return {
        unitName: b.unitName,
        installationId: b.installationId,
        year: b.year,
        keyFingerprint: b.keyFingerprint,
        bundleSha256: b.sha256,
        importedAt: b.importedAt,
        closedAt: b.closedAt,
        items: summary.progress.total,
        done: summary.progress.done,
        withheld: summary.byAttribute.withheld,
        partial: summary.byAttribute.partial,
        onRequest: summary.byAttribute['on-request'],
        kept: summary.byOutcome.keep,
        toProactive: summary.converted.toProactive,
        toPartial: summary.converted.toPartial,
        requestsReceived: annual.requests.received.total,
        requestsAnsweredLate: annual.requests.answeredLate,
      };
    });
  const totals = Object.fromEntries(totalsKeys.map((k) => [k, units.reduce((n, u) => n + u[k], 0)])) as Record<(typeof totalsKeys)[number], number>;
  return { year, units, totals: { ...totals, units: units.length } };
}

const consolidatedHeader = ['单位', '纳入自查（件）', '已办结（件）', '不予公开（件）', '部分公开（件）', '依申请公开（件）', '维持（件）', '转为主动公开（件）', '转为部分公开（件）', '本年收到申请（件）', '逾期答复（件）', '自查结束时间', '签名公钥指纹', '文件SHA-256'];

function consolidatedRows(view: ConsolidatedView): Cell[][] {
  const rows: Cell[][] = view.units.map((u) => [u.unitName, u.items, u.done, u.withheld, u.partial, u.onRequest, u.kept, u.toProactive, u.toPartial, u.requestsReceived, u.requestsAnsweredLate, time(u.closedAt), u.keyFingerprint, u.bundleSha256]);
  const t = view.totals;
  rows.push([`合计（${t.units}个单位）`, t.items, t.done, t.withheld, t.partial, t.onRequest, t.kept, t.toProactive, t.toPartial, t.requestsReceived, t.requestsAnsweredLate, '', '', '']);
  return rows;
}

/** The consolidated table across units, as xlsx (one frozen-header sheet) or csv with BOM. */
export async function exportConsolidated(ctx: Context, actor: Actor, year: number, format: 'xlsx' | 'csv', file: string): Promise<ExportedFile> {
  const role = actingRole(actor, collectorRoles);
  const view = consolidatedView(ctx, year);
  let bytes: Uint8Array;
  if (format === 'csv') {
    bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText([consolidatedHeader, ...consolidatedRows(view)]), 'utf8')]);
  } else {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(`${year}年度汇总`, { views: [{ state: 'frozen', ySplit: 1 }] });
    const font = { name: '宋体', size: 11 };
    sheet.columns = consolidatedHeader.map((_h, i) => ({ width: i === 0 ? 30 : i === 11 ? 17 : i >= 12 ? 24 : 14 }));
    const header = addCells(sheet, consolidatedHeader);
    header.font = { ...font, bold: true };
    header.height = 30;
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const row of consolidatedRows(view)) addCells(sheet, row).font = font;
    sheet.lastRow!.font = { ...font, bold: true };
    printLayout(sheet, 'A4', consolidatedHeader.indexOf('签名公钥指纹') + 1);
    bytes = Buffer.from(await book.xlsx.writeBuffer());
  }
  const target = path.resolve(file);
  const sha256 = writeFileAtomic(target, bytes);
  ctx.store.write(() => appendEntry(ctx.store, { user: actor.name, role, action: 'bundle.export-consolidated', payload: { year, format, path: target, sha256, units: view.units.length } }, ctx.now()));
  return { format, path: target, bytes: bytes.byteLength, sha256 };
}
