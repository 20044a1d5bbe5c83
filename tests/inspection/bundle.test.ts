import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInspection } from '../../electron/core/inspection/export/write.ts';
import { verifyBundleText } from '../../electron/core/inspection/bundle/verify.ts';
import { bundleDomain } from '../../electron/core/inspection/bundle/format.ts';
import { consolidatedView, exportConsolidated, importBundles } from '../../electron/core/inspection/consolidate.ts';
import { signText, keyFingerprint } from '../../electron/core/records/crypto.ts';
import { unlockKey } from '../../electron/core/records/users.ts';
import { verifyRecord } from '../../electron/core/records/verify.ts';
import { canonicalJson } from '../../shared/canonical.ts';
import type { SignedBundle } from '../../shared/ipc/inspection.ts';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { closedNovember, openUnit, password, type Unit } from './seed.ts';
import { tempDir } from '../records/helpers.ts';

let north: Unit;
let south: Unit;
let office: Unit;
let out: string;
let northFile: string;
let southFile: string;

beforeAll(async () => {
  out = tempDir();
  north = openUnit();
  south = openUnit();
  office = openUnit();
  closedNovember(north, '北区教育局');
  closedNovember(south, '南区卫生健康局');
  northFile = (await exportInspection(north.ctx, north.team.signer, 2025, 'bundle', path.join(out, 'north.json'), password)).path;
  southFile = (await exportInspection(south.ctx, south.team.signer, 2025, 'bundle', path.join(out, 'south.json'), password)).path;
});
afterAll(() => [north, south, office].forEach((u) => u.ctx.store.close()));

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as SignedBundle;
const bytesOf = (b: unknown) => Buffer.from(JSON.stringify(b));
const resign = (b: SignedBundle, key: crypto.KeyObject): SignedBundle => {
  const { signature: _old, ...body } = b;
  return { ...b, signature: signText(bundleDomain, canonicalJson(body), key) };
};

describe('bundle verification, offline', () => {
  it('accepts the bundle as exported, and the checkpoint beside it matches the unit chain', () => {
    const { check } = verifyBundleText(fs.readFileSync(northFile), 'north.json');
    expect(check).toMatchObject({ ok: true, problem: null, unitName: '北区教育局', year: 2025 });
    expect(check.message).toContain('签名文件完好');
    const report = verifyRecord(north.ctx.store, { checkpointFile: northFile.replace(/\.json$/, '.checkpoint.json') });
    expect(report.intact).toBe(true);
  });

  it('refuses a bundle whose figures were edited after signing', () => {
    const b = read(northFile);
    b.summary.converted.toProactive = 30;
    const { check } = verifyBundleText(bytesOf(b), 'edited.json');
    expect(check).toMatchObject({ ok: false, problem: 'bad-signature' });
    expect(check.message).toContain('签名后被改动');
  });

  it('refuses an unsigned bundle', () => {
    const b = read(northFile) as Partial<SignedBundle>;
    delete b.signature;
    expect(verifyBundleText(bytesOf(b), 'unsigned.json').check).toMatchObject({ ok: false, problem: 'unsigned' });
  });

  it('refuses a bundle signed with a key other than the one it carries', () => {
    const b = read(northFile);
    const other = crypto.generateKeyPairSync('ed25519');
    const forged = resign(b, other.privateKey);
    expect(verifyBundleText(bytesOf(forged), 'forged.json').check.problem).toBe('bad-signature');
    const swapped = { ...b, signer: { ...b.signer, keyFingerprint: keyFingerprint(read(southFile).signer.publicKey) } };
    expect(verifyBundleText(bytesOf(swapped), 'swapped.json').check.problem).toBe('key-mismatch');
  });

  it('finds an edited audit entry or inconsistent figures even when the bundle was re-signed by the unit key', () => {
    const key = unlockKey(north.ctx, north.team.signer, password);
    const b = read(northFile);
    const entry = b.entries.find((e) => e.action === 'inspection.propose')!;
    entry.payload = entry.payload.replace('经自查核实', '未经核实');
    expect(verifyBundleText(bytesOf(resign(b, key)), 'entry.json').check.problem).toBe('entry-mismatch');

    const c = read(northFile);
    c.summary.byOutcome.keep += 1;
    expect(verifyBundleText(bytesOf(resign(c, key)), 'figures.json').check.problem).toBe('figures-mismatch');

    const d = read(northFile);
    d.items[0]!.outcome = 'keep';
    d.items[1]!.progress = 'pending';
    expect(verifyBundleText(bytesOf(resign(d, key)), 'items.json').check.problem).toBe('figures-mismatch');
  });

  it('refuses a checkpoint from another installation', () => {
    const key = unlockKey(north.ctx, north.team.signer, password);
    const b = read(northFile);
    b.checkpoint = read(southFile).checkpoint;
    expect(verifyBundleText(bytesOf(resign(b, key)), 'cp.json').check.problem).toBe('checkpoint-invalid');
  });

  it('says plainly when the file is not a bundle at all', () => {
    expect(verifyBundleText(Buffer.from('not json'), 'x.json').check.problem).toBe('unreadable');
    expect(verifyBundleText(bytesOf({ format: 'something else' }), 'y.json').check).toMatchObject({ problem: 'not-bundle', message: '文件“y.json”不是本系统导出的年度自查签名文件。' });
  });
});

describe('consolidation at the government office', () => {
  it('imports verified bundles, refuses tampered and repeated ones with the reason, and sums the units', async () => {
    const tampered = path.join(out, 'tampered.json');
    const t = read(southFile);
    t.annual.requests.answeredLate = 0;
    fs.writeFileSync(tampered, JSON.stringify(t));
    const results = importBundles(office.ctx, office.team.reviewer, [northFile, tampered, southFile, northFile]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
    expect(results[1]!.problem).toBe('bad-signature');
    expect(results[3]!.problem).toBe('duplicate');
    expect(office.ctx.store.audit.list({ action: 'bundle.refused', limit: 10 }).total).toBe(2);

    const view = consolidatedView(office.ctx, 2025);
    expect(view.units.map((u) => u.unitName)).toEqual(['北区教育局', '南区卫生健康局']);
    expect(view.totals).toMatchObject({ units: 2, items: 14, done: 14, withheld: 8, toProactive: 6, toPartial: 2, requestsReceived: 12 });

    const xlsx = await exportConsolidated(office.ctx, office.team.reviewer, 2025, 'xlsx', path.join(out, '汇总.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.path);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('单位');
    expect(sheet.getRow(4).getCell(1).value).toBe('合计（2个单位）');
    expect(sheet.getRow(4).getCell(2).value).toBe(14);
    expect(sheet.getRow(2).getCell(12).value).toBeInstanceOf(Date);
  });

  it('refuses a later bundle of a unit signed with a different key than the one pinned at first import', () => {
    const impostor = openUnit();
    const b = read(northFile);
    const other = crypto.generateKeyPairSync('ed25519');
    const publicKey = other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const forged = resign({ ...b, createdAt: '2025-12-01T00:00:00.000Z', signer: { user: 'someone', publicKey, keyFingerprint: keyFingerprint(publicKey) } }, other.privateKey);
    const file = path.join(out, 'impostor.json');
    fs.writeFileSync(file, JSON.stringify(forged));
    // Self-consistent on its own: only the pinned key tells it apart.
    expect(verifyBundleText(fs.readFileSync(file), 'impostor.json').check.ok).toBe(true);
    const [result] = importBundles(office.ctx, office.team.reviewer, [file]);
    expect(result).toMatchObject({ ok: false, problem: 'pinned-key-mismatch' });
    expect(result!.message).toContain('北区教育局');
    impostor.ctx.store.close();
  });

  it('imports a bundle signed with the unit\'s new key once the office trusts it, and records that decision', () => {
    const b = read(northFile);
    const pinnedBefore = b.signer.keyFingerprint;
    const other = crypto.generateKeyPairSync('ed25519');
    const publicKey = other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const file = path.join(out, 'new-key.json');
    fs.writeFileSync(file, JSON.stringify(resign({ ...b, createdAt: '2025-12-02T00:00:00.000Z', signer: { user: 'new-signer', publicKey, keyFingerprint: keyFingerprint(publicKey) } }, other.privateKey)));
    expect(importBundles(office.ctx, office.team.reviewer, [file])[0]).toMatchObject({ ok: false, problem: 'pinned-key-mismatch' });

    const [trusted] = importBundles(office.ctx, office.team.reviewer, [file], { trustNewKey: true });
    expect(trusted).toMatchObject({ ok: true, keyFingerprint: keyFingerprint(publicKey) });
    const entry = office.ctx.store.audit.list({ action: 'bundle.import', limit: 1 }).rows[0]!;
    expect(entry.user).toBe('reviewer');
    expect(JSON.parse(entry.payload)).toMatchObject({ keyChanged: true, trustedNewKey: true, previousKeyFingerprint: pinnedBefore, keyFingerprint: keyFingerprint(publicKey), replaces: true });
    expect(consolidatedView(office.ctx, 2025).units.find((u) => u.unitName === '北区教育局')!.keyFingerprint).toBe(keyFingerprint(publicKey));
  });
});
