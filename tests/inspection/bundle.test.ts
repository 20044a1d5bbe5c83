import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInspection } from '../../electron/core/inspection/export/write.ts';
import { verifyBundleText } from '../../electron/core/inspection/bundle/verify.ts';
import { bundleDomain } from '../../electron/core/inspection/bundle/format.ts';
import { consolidatedView, exportConsolidated, importBundles, verifyBundleFile } from '../../electron/core/inspection/consolidate.ts';
import { signText, keyFingerprint } from '../../electron/core/ledger/crypto.ts';
import { checkpointDomain, leafText, linkHash } from '../../electron/core/ledger/chain.ts';
import { unlockKey } from '../../electron/core/accounts/users.ts';
import { checkpointBody, verifyRecord } from '../../electron/core/ledger/verify.ts';
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

  it('reports a bundle file that is not there with code "not-found", naming it', () => {
    expect(verifyBundleFile(path.join(out, '没有这个文件.json'))).toMatchObject({ ok: false, problem: 'not-found', message: '找不到文件“没有这个文件.json”：文件不存在，可能已被移动、改名或删除。' });
  });

  it('says plainly when the file is not a bundle at all', () => {
    expect(verifyBundleText(Buffer.from('not json'), 'x.json').check).toMatchObject({ problem: 'malformed', message: '文件“x.json”的结构不符合年度自查签名文件的格式（不是 UTF-8 编码的 JSON 文本），不予采信。' });
    expect(verifyBundleText(bytesOf({ format: 'something else' }), 'y.json').check).toMatchObject({ problem: 'not-bundle', message: '文件“y.json”不是本系统导出的年度自查签名文件。' });
  });
});

/** A key of the forger's own: the bundle carries it, so the bundle is "self-signed" and passes on its own. */
function freshKey() {
  const pair = crypto.generateKeyPairSync('ed25519');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  return { privateKey: pair.privateKey, publicKey, fingerprint: keyFingerprint(publicKey) };
}

const selfSigned = (b: SignedBundle, key = freshKey(), signer = 'forger'): SignedBundle => resign({ ...b, signer: { user: signer, publicKey: key.publicKey, keyFingerprint: key.fingerprint } }, key.privateKey);

/** Re-links the entries after an edit and signs a checkpoint on the new head, as a forger with the whole bundle in hand can. */
function relink(b: SignedBundle, key: ReturnType<typeof freshKey>): void {
  let previous: string | null = null;
  for (const e of b.entries) {
    if (previous !== null) e.previousHash = previous;
    e.hash = linkHash(e.previousHash, leafText({ ...e, role: e.role as never }));
    previous = e.hash;
  }
  const head = b.entries.at(-1)!;
  const { signature: _old, ...body } = { ...b.checkpoint, seq: head.seq, hash: head.hash, publicKey: key.publicKey, keyFingerprint: key.fingerprint };
  b.checkpoint = { ...body, signature: signText(checkpointDomain, checkpointBody(body), key.privateKey) };
}

const fingerprintOf = (file: string) => read(file).signer.keyFingerprint;
const spaced = (fp: string) => fp.toUpperCase().replace(/(.{4})/g, '$1 ').trim();

describe('malformed bundles', () => {
  it.each([
    ['a close entry whose payload is not JSON', (b: SignedBundle, key: ReturnType<typeof freshKey>) => {
      b.entries.find((e) => e.action === 'inspection.close')!.payload = '{"year":2025,';
      relink(b, key);
    }],
    ['an item that is not an object', (b: SignedBundle) => void ((b.items as unknown[])[0] = null)],
    ['annual figures without the request counts', (b: SignedBundle) => void delete (b.annual as Partial<SignedBundle['annual']>).requests],
    ['an entry that is a number', (b: SignedBundle) => void ((b.entries as unknown[])[1] = 7)],
    ['a negative count that would lower the totals', (b: SignedBundle, key: ReturnType<typeof freshKey>) => {
      b.annual.requests.received.total = -50;
      const close = b.entries.find((e) => e.action === 'inspection.close')!;
      close.payload = canonicalJson({ ...JSON.parse(close.payload), annual: b.annual });
      relink(b, key);
    }],
  ])('refuses %s with code "malformed" and a reason, even when self-signed', (_what, edit) => {
    const b = read(northFile);
    const key = freshKey();
    edit(b, key);
    const { check } = verifyBundleText(bytesOf(selfSigned(b, key)), 'malformed.json');
    expect(check).toMatchObject({ ok: false, problem: 'malformed' });
    expect(check.message).toContain('malformed.json');
    expect(check.message).toMatch(/结构不符|格式不符/);
  });
});

describe('consolidation at the government office', () => {
  it('refuses a first-seen unit until the office confirms the key fingerprint it got from the unit', () => {
    const fp = fingerprintOf(northFile);
    const [unconfirmed] = importBundles(office.ctx, office.team.reviewer, [northFile]);
    expect(unconfirmed).toMatchObject({ ok: false, problem: 'unconfirmed-key', unitName: '北区教育局', keyFingerprint: null });
    expect(unconfirmed!.message).toContain('北区教育局');
    expect(unconfirmed!.message).toContain('指纹');
    // The refusal must not hand the office the fingerprint to paste back.
    expect(unconfirmed!.message).not.toContain(fp.slice(0, 16));

    const [wrong] = importBundles(office.ctx, office.team.reviewer, [northFile], { confirmedFingerprints: [fingerprintOf(southFile)] });
    expect(wrong).toMatchObject({ ok: false, problem: 'unconfirmed-key' });
    expect(wrong!.message).toContain('不符');
    expect(consolidatedView(office.ctx, 2025).units).toEqual([]);

    const [confirmed] = importBundles(office.ctx, office.team.reviewer, [northFile], { confirmedFingerprints: [spaced(fp)] });
    expect(confirmed).toMatchObject({ ok: true, keyFingerprint: fp });
    const entry = office.ctx.store.audit.list({ action: 'bundle.import', limit: 1 }).rows[0]!;
    expect(JSON.parse(entry.payload)).toMatchObject({ unit: '北区教育局', keyFingerprint: fp, firstSeen: true, confirmedFingerprint: true });
  });

  it('refuses a second "北区教育局" from another installation even with its own fingerprint confirmed, so its figures are not added twice', async () => {
    const fake = openUnit();
    closedNovember(fake, ' 北区教育局');
    const fakeFile = (await exportInspection(fake.ctx, fake.team.signer, 2025, 'bundle', path.join(out, 'fake-north.json'), password)).path;
    fake.ctx.store.close();
    const before = consolidatedView(office.ctx, 2025);
    const [result] = importBundles(office.ctx, office.team.reviewer, [fakeFile], { confirmedFingerprints: [fingerprintOf(fakeFile)] });
    expect(result).toMatchObject({ ok: false, problem: 'unit-name-collision' });
    expect(result!.message).toContain('北区教育局');
    expect(result!.message).toContain('fake-north.json');
    // Both keys named in short form, so the office can tell the two units apart on the telephone.
    expect(result!.message).toContain(`${fingerprintOf(fakeFile).slice(0, 16)}…`);
    expect(result!.message).toContain(`${fingerprintOf(northFile).slice(0, 16)}…`);
    expect(consolidatedView(office.ctx, 2025)).toEqual(before);
  });

  it('refuses to sum two units of one name with different keys already in the record, naming both files and fingerprints', () => {
    const desk = openUnit();
    importBundles(desk.ctx, desk.team.reviewer, [northFile], { confirmedFingerprints: [fingerprintOf(northFile)] });
    const north = consolidatedView(desk.ctx, 2025).units[0]!;
    const row = desk.ctx.store.bundles.latest(2025)[0]!;
    // As an earlier version could leave it: a second installation's bundle under the same name.
    const otherKey = 'ab'.repeat(32);
    desk.ctx.store.bundles.pinKey({ installationId: 'another-installation', unitName: '北区教育局 ', keyFingerprint: otherKey, publicKey: 'not used', pinnedAt: row.importedAt });
    desk.ctx.store.bundles.insert({ ...row, sha256: 'cd'.repeat(32), installationId: 'another-installation', unitName: '北区教育局 ', keyFingerprint: otherKey, body: '{}' });
    let message = '';
    try {
      consolidatedView(desk.ctx, 2025);
    } catch (error) {
      expect((error as { code: string }).code).toBe('unit-name-collision');
      message = (error as Error).message;
    }
    expect(message).toContain('北区教育局');
    expect(message).toContain(`${north.keyFingerprint.slice(0, 16)}…`);
    expect(message).toContain(`${otherKey.slice(0, 16)}…`);
    expect(message).toContain('north.json');
    desk.ctx.store.close();
  });

  it('refuses a malformed self-signed bundle with a reason and goes on with the rest of the batch', () => {
    const b = read(southFile);
    const key = freshKey();
    b.entries.find((e) => e.action === 'inspection.close')!.payload = 'not json';
    relink(b, key);
    const malformed = path.join(out, 'malformed.json');
    fs.writeFileSync(malformed, JSON.stringify(selfSigned(b, key)));
    const results = importBundles(office.ctx, office.team.reviewer, [malformed, southFile], { confirmedFingerprints: [key.fingerprint, fingerprintOf(southFile)] });
    expect(results.map((r) => r.problem)).toEqual(['malformed', null]);
    expect(results[0]!.message).toContain('malformed.json');
    expect(results[1]!.ok).toBe(true);
  });

  it('refuses tampered and repeated bundles with distinct reasons, and sums the units', async () => {
    const tampered = path.join(out, 'tampered.json');
    const t = read(southFile);
    t.annual.requests.answeredLate = 0;
    fs.writeFileSync(tampered, JSON.stringify(t));
    const refusedBefore = office.ctx.store.audit.list({ action: 'bundle.refused', limit: 1 }).total;
    const results = importBundles(office.ctx, office.team.reviewer, [tampered, northFile]);
    expect(results.map((r) => r.problem)).toEqual(['bad-signature', 'duplicate']);
    expect(results[1]!.message).toContain('此前已经导入');
    expect(office.ctx.store.audit.list({ action: 'bundle.refused', limit: 1 }).total).toBe(refusedBefore + 2);

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
    const key = freshKey();
    const file = path.join(out, 'impostor.json');
    fs.writeFileSync(file, JSON.stringify(selfSigned({ ...read(northFile), createdAt: '2025-12-01T00:00:00.000Z' }, key, 'someone')));
    // Self-consistent on its own: only the pinned key tells it apart.
    expect(verifyBundleText(fs.readFileSync(file), 'impostor.json').check.ok).toBe(true);
    const [result] = importBundles(office.ctx, office.team.reviewer, [file]);
    expect(result).toMatchObject({ ok: false, problem: 'pinned-key-mismatch', keyFingerprint: null });
    expect(result!.message).toContain('北区教育局');
    expect(result!.message).not.toContain(key.fingerprint.slice(0, 16));
  });

  it('imports a bundle signed with the unit\'s new key once the office confirms its fingerprint, and records that decision', () => {
    const pinnedBefore = fingerprintOf(northFile);
    const key = freshKey();
    const file = path.join(out, 'new-key.json');
    fs.writeFileSync(file, JSON.stringify(selfSigned({ ...read(northFile), createdAt: '2025-12-02T00:00:00.000Z' }, key, 'new-signer')));
    expect(importBundles(office.ctx, office.team.reviewer, [file], { confirmedFingerprints: [freshKey().fingerprint] })[0]).toMatchObject({ ok: false, problem: 'pinned-key-mismatch' });

    const [trusted] = importBundles(office.ctx, office.team.reviewer, [file], { confirmedFingerprints: [key.fingerprint.toUpperCase()] });
    expect(trusted).toMatchObject({ ok: true, keyFingerprint: key.fingerprint });
    const entry = office.ctx.store.audit.list({ action: 'bundle.import', limit: 1 }).rows[0]!;
    expect(entry.user).toBe('reviewer');
    expect(JSON.parse(entry.payload)).toMatchObject({ keyChanged: true, confirmedFingerprint: true, previousKeyFingerprint: pinnedBefore, keyFingerprint: key.fingerprint, replaces: true });
    expect(consolidatedView(office.ctx, 2025).units.find((u) => u.unitName === '北区教育局')!.keyFingerprint).toBe(key.fingerprint);
  });
});
