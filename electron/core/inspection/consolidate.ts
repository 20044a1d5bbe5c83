import fs from 'node:fs';
import path from 'node:path';
import type { Actor, Context } from '../kernel/context.ts';
import { appendEntry } from '../ledger/chain.ts';
import { actingRole } from './context.ts';
import { verifyBundleText } from './bundle/verify.ts';
import { csvText } from './export/csv.ts';
import { isMissing, writeFileAtomic } from '../files.ts';
import { time, type Cell } from './export/cells.ts';
import { addCells, newWorkbook, printLayout } from './export/sheet.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import { normaliseFingerprint, shortFingerprint } from '../../../shared/fingerprint.ts';
import { fail } from '../errors.ts';
import { writeRoles } from '../../../shared/write-roles.ts';
import type { AnnualFigures, BundleCheck, BundleProblem, ConsolidatedView, ExportedFile, InspectionSummary, UnitSummary } from '../../../shared/ipc/inspection.ts';
import { inspectionGuardMessages as guard, inspectionMessages as m } from '../../../shared/messages/inspection.ts';

/** The government office (政府办公室) collects the units' bundles; its disclosure office or an admin imports them. */
const collectorRoles = writeRoles.consolidated;

interface ImportOptions {
  /**
   * Key fingerprints the office got from the units by another channel (telephone, letter) and typed in.
   * A unit seen for the first time, or one that signs with a new key, is imported only when its key is among them.
   */
  confirmedFingerprints?: readonly string[];
}

/** Unit names compared as people read them: full-width and half-width forms alike, spaces ignored. */
const unitNameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** Reads a bundle file the user named; a missing file is said to be missing. */
function readBundleFile(file: string): { bytes: Uint8Array } | { check: BundleCheck } {
  const name = path.basename(file);
  const empty = { ok: false, file, unitName: null, installationId: null, year: null, keyFingerprint: null, sha256: null } as const;
  try {
    return { bytes: fs.readFileSync(file) };
  } catch (error) {
    if (isMissing(error)) return { check: { ...empty, problem: 'not-found', message: m.bundleProblems['not-found'](name) } };
    return { check: { ...empty, problem: 'unreadable', message: m.bundleProblems.unreadable(name, (error as Error).message) } };
  }
}

/** Verifies one bundle file with nothing but its own bytes, as `bundle verify` and the office's 仅核验 do. */
export function verifyBundleFile(file: string): BundleCheck {
  const read = readBundleFile(file);
  if ('check' in read) return read.check;
  return { ...verifyBundleText(read.bytes, path.basename(file)).check, file };
}

/**
 * Verifies each file offline and imports those that pass. A unit is known by its installation and the key it
 * signs with: the first bundle of a unit, and a bundle signed with another key than the one on record, are
 * imported only when the office confirms that key's fingerprint; a bundle that gives the name of a unit on record
 * from another installation is refused, so no one can add figures in another unit's name.
 */
export function importBundles(ctx: Context, actor: Actor, files: readonly string[], options: ImportOptions = {}): BundleCheck[] {
  const role = actingRole(actor, collectorRoles);
  const db = ctx.store.bundles;
  const confirmed = new Set((options.confirmedFingerprints ?? []).map(normaliseFingerprint).filter((f) => f !== null));
  return files.map((file) => {
    const name = path.basename(file);
    const read = readBundleFile(file);
    if ('check' in read) return read.check;
    const { bytes } = read;
    const verified = verifyBundleText(bytes, name);
    const check = { ...verified.check, file };
    return ctx.store.write(() => {
      const now = ctx.now();
      const refuse = (problem: BundleProblem, message: string, withholdKey = false): BundleCheck => {
        appendEntry(ctx.store, { user: actor.name, role, action: 'bundle.refused', payload: { file, sha256: check.sha256, problem, unit: check.unitName, year: check.year } }, now);
        // A fingerprint not yet confirmed is not shown back: the office must take it from the unit, not from the file.
        return { ...check, ok: false, problem, message, keyFingerprint: withholdKey ? null : check.keyFingerprint };
      };
      const bundle = verified.bundle;
      if (!bundle) return refuse(check.problem!, check.message);
      if (db.exists(check.sha256!)) return refuse('duplicate', m.bundleProblems.duplicate(name));
      const unit = bundle.unit;
      const key = bundle.signer.keyFingerprint;
      const pinned = db.unitKey(unit.installationId);
      // A name on record counts, and so does a name a unit used for this year before it was renamed.
      const isNamesake = (other: { installationId: string; unitName: string }) => other.installationId !== unit.installationId && unitNameKey(other.unitName) === unitNameKey(unit.name);
      const namesake = db.unitKeys().find(isNamesake) ?? db.latest(bundle.year).find(isNamesake);
      if (namesake) return refuse('unit-name-collision', m.bundleProblems['unit-name-collision'](name, unit.name, namesake.unitName, shortFingerprint(key), shortFingerprint(namesake.keyFingerprint)));
      const keyConfirmed = confirmed.has(key);
      if (!pinned && !keyConfirmed) return refuse('unconfirmed-key', m.bundleProblems['unconfirmed-key'](name, unit.name, confirmed.size > 0), true);
      if (pinned && pinned.keyFingerprint !== key && !keyConfirmed) {
        return refuse('pinned-key-mismatch', m.bundleProblems['pinned-key-mismatch'](name, pinned.unitName, pinned.keyFingerprint, confirmed.size > 0), true);
      }

      const replaces = db.unitHasBundle(unit.installationId, bundle.year);
      // Trusting a key is the office's decision and part of the record: whose key, which one it replaced, who decided.
      const trust = !pinned
        ? { firstSeen: true, confirmedFingerprint: true }
        : pinned.keyFingerprint !== key
          ? { keyChanged: true, confirmedFingerprint: true, previousKeyFingerprint: pinned.keyFingerprint }
          : { keyChanged: false };
      if (!pinned || pinned.keyFingerprint !== key || pinned.unitName !== unit.name) {
        db.pinKey({ installationId: unit.installationId, unitName: unit.name, keyFingerprint: key, publicKey: bundle.signer.publicKey, pinnedAt: now });
      }
      db.insert({
        sha256: check.sha256!,
        installationId: unit.installationId,
        unitName: unit.name,
        year: bundle.year,
        keyFingerprint: key,
        closedAt: bundle.inspection.closedAt,
        figures: canonicalJson({ summary: bundle.summary, annual: bundle.annual }),
        body: new TextDecoder().decode(bytes),
        importedBy: actor.name,
        importedAt: now,
      });
      appendEntry(
        ctx.store,
        { user: actor.name, role, action: 'bundle.import', payload: { file, sha256: check.sha256, unit: unit.name, installationId: unit.installationId, year: bundle.year, keyFingerprint: key, replaces, ...trust } },
        now,
      );
      return { ...check, message: replaces ? m.bundleReplaced(unit.name, bundle.year) : m.bundleImported(unit.name, bundle.year) };
    });
  });
}

/**
 * Two units of one name signing with different keys cannot be told apart in the table, so their rows are not
 * summed. Imports refuse such a bundle; this also stops a record whose bundles came in before imports did.
 */
function refuseNamesakes(ctx: Context, year: number, units: readonly UnitSummary[]): void {
  const seen = new Map<string, UnitSummary>();
  for (const u of units) {
    const first = seen.get(unitNameKey(u.unitName));
    if (first && first.keyFingerprint !== u.keyFingerprint) {
      const files = importedFiles(ctx);
      const fileOf = (x: UnitSummary) => path.basename(files.get(x.bundleSha256) ?? x.bundleSha256);
      fail('unit-name-collision', guard.namesakeInView(u.unitName, year, fileOf(u), shortFingerprint(u.keyFingerprint), fileOf(first), shortFingerprint(first.keyFingerprint)));
    }
    if (!first) seen.set(unitNameKey(u.unitName), u);
  }
}

/** The file each bundle was imported from, as its import entry records it. */
function importedFiles(ctx: Context): Map<string, string> {
  const entries = ctx.store.audit.list({ action: 'bundle.import', limit: 1_000_000 }).rows;
  return new Map(entries.map((e) => JSON.parse(e.payload) as { sha256: string; file: string }).map((p) => [p.sha256, p.file]));
}

const totalsKeys = ['items', 'done', 'withheld', 'partial', 'onRequest', 'kept', 'toProactive', 'toPartial', 'requestsReceived', 'requestsAnsweredLate'] as const;

/** One row per unit (its newest bundle for the year) and the totals across units. */
export function consolidatedView(ctx: Context, year: number): ConsolidatedView {
  const units: UnitSummary[] = ctx.store.bundles
    .latest(year)
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
  refuseNamesakes(ctx, year, units);
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
    const book = await newWorkbook();
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
