// The November inspection at scale: worklist and exports for a unit with 20,000 signed decisions and 5,000
// requests, and the government office consolidating 50 units' bundles. Run: node bench/inspection.bench.ts
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRecords } from '../electron/core/ledger/open.ts';
import { addUser, authenticate } from '../electron/core/accounts/users.ts';
import { appendEntry, checkpointDomain } from '../electron/core/ledger/chain.ts';
import { keyFingerprint, signText } from '../electron/core/ledger/crypto.ts';
import { checkpointBody } from '../electron/core/ledger/verify.ts';
import { signDecision, approveDecision } from '../electron/core/workflow/decisions.ts';
import type { Actor, Context } from '../electron/core/kernel/context.ts';
import { addRequest } from '../electron/core/requests/register.ts';
import { closeInspection, inspectionStatus, openInspection, proposeOutcomes, worklist } from '../electron/core/inspection/lifecycle.ts';
import { exportInspection } from '../electron/core/inspection/export/write.ts';
import { annualFiguresFor } from '../electron/core/inspection/annual.ts';
import { bundleDomain } from '../electron/core/inspection/bundle/format.ts';
import { consolidatedView, exportConsolidated, importBundles } from '../electron/core/inspection/consolidate.ts';
import { emptyMetadata } from '../electron/core/metadata/index.ts';
import { canonicalJson } from '../shared/canonical.ts';
import type { Attribute, CategoryId, DocumentMetadata, Finding } from '../shared/types.ts';
import type { SignStatement } from '../shared/ipc/records.ts';
import type { SignedBundle } from '../shared/ipc/inspection.ts';

const password = 'bench password 1';
const cost = { N: 2 ** 10, r: 8, p: 1 };
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-inspection-bench-'));

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
function time<T>(label: string, fn: () => T, target?: number): T {
  const start = process.hrtime.bigint();
  const value = fn();
  report(label, ms(start), target);
  return value;
}
async function timeAsync<T>(label: string, fn: () => Promise<T>, target?: number): Promise<T> {
  const start = process.hrtime.bigint();
  const value = await fn();
  report(label, ms(start), target);
  return value;
}
function report(label: string, elapsed: number, target?: number): void {
  const ratio = target ? `  (${(elapsed / target).toFixed(2)} × target ${target} ms)` : '';
  process.stdout.write(`${label.padEnd(58)} ${elapsed.toFixed(0).padStart(7)} ms${ratio}\n`);
}

function openUnit(name: string, clock: { now: string }): { ctx: Context; team: Record<'admin' | 'drafter' | 'reviewer' | 'signer', Actor> } {
  const ctx = openRecords(path.join(root, `${name}.sqlite`), { cost, now: () => clock.now });
  const make = (user: string, roles: Actor['roles'], by: Actor | null) => {
    addUser(ctx, by && { actor: by, password }, { name: user, displayName: user, password, roles });
    return authenticate(ctx, user, password, 'app');
  };
  const admin = make('admin', ['admin'], null);
  return { ctx, team: { admin, drafter: make('drafter', ['drafter'], admin), reviewer: make('reviewer', ['reviewer'], admin), signer: make('signer', ['signer'], admin) } };
}

const metadata = (title: string, date: string, classified: boolean): DocumentMetadata => ({
  ...emptyMetadata(),
  classification: classified ? { level: '秘密', period: '1年', raw: '秘密★1年' } : null,
  docNumber: `测政发〔${date.slice(0, 4)}〕${title.length}号`,
  title,
  date,
});

const attributeCycle: Attribute[] = ['proactive', 'proactive', 'on-request', 'withheld', 'partial', 'proactive', 'on-request', 'withheld', 'proactive', 'partial'];
const categoryCycle: CategoryId[] = [1, 2, 3, 8, 9];

/**
 * Signed decisions written straight through the repositories and the chain's append, with sign-off entries
 * shaped as the workflow writes them: the worklist and the figures read exactly these rows and entries.
 */
function seedDecisions(ctx: Context, team: Record<string, Actor>, count: number): void {
  const { store } = ctx;
  const basisFor: Record<CategoryId, string> = { 1: '条例第十五条', 2: '条例第十六条第二款', 3: '条例第十六条第一款', 4: '条例第十五条', 5: '条例第十五条', 6: '档案法第二十七条', 7: '保守国家秘密法第六十四条', 8: '条例第十四条', 9: '条例第十四条' };
  for (let start = 0; start < count; start += 1000) {
    store.write(() => {
      for (let n = start; n < Math.min(count, start + 1000); n++) {
        const attribute = attributeCycle[n % attributeCycle.length]!;
        const category = categoryCycle[n % categoryCycle.length]!;
        const date = `${2022 + (n % 4)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
        const title = `关于第${n}号事项的通知`;
        const text = `${title}\n正文内容，身份证号110101199003071234。`;
        const sha256 = crypto.createHash('sha256').update(text).digest('hex');
        const finding: Finding = { id: `f:${n}`, category, term: '110101199003071234', start: title.length + 10, end: title.length + 28, page: null, zone: 'body', kind: 'pii', piiType: 'id-card', score: 0.9, negated: false, rule: 'pii.id-card', explanation: '', basis: [basisFor[category]] };
        const classified = attribute === 'withheld' && n % 7 === 0;
        const now = `${date}T02:00:00.000Z`;
        const documentId = store.documents.insert({
          sha256, fileName: `${n}.txt`, format: 'txt', byteSize: text.length * 3, pageCount: null, charCount: text.length, metadata: metadata(title, date, classified), warnings: [], text,
          paragraphs: [], findings: [finding], findingCounts: [1, 0, 0, 0, 0, 0, 0, 0, 0], suggestion: { attribute: 'partial', reasons: [], basis: [], redactions: [], warnings: [] },
          lexiconVersion: 'bench', revisionOf: null, loadedBy: team.drafter!.id, loadedAt: now,
        });
        appendEntry(store, { user: 'drafter', role: 'drafter', action: 'document.load', documentSha256: sha256, payload: { existing: false, classification: classified ? '秘密★1年' : null } }, now);
        const basis = attribute === 'proactive' ? [] : [basisFor[category]];
        const content = { attribute, reason: attribute === 'proactive' ? '' : '依法说明的理由', basis, basisText: '', justification: '', dispositions: [{ findingId: finding.id, action: attribute === 'partial' ? 'redact' as const : attribute === 'proactive' ? 'dismiss' as const : 'confirm' as const, reason: '核实' }], redactions: attribute === 'partial' ? [{ start: finding.start, end: finding.end, basis: basisFor[category], findingId: finding.id }] : [], channels: attribute === 'proactive' || attribute === 'partial' ? ['website' as const] : [], channelText: '' };
        const decisionId = store.decisions.insert(documentId, 'partial', content, team.drafter!.id, null, now);
        const entry = appendEntry(store, { user: 'signer', role: 'signer', action: 'decision.sign', documentSha256: sha256, decisionId }, now, (seq, chainHead) => {
          const statement: SignStatement = {
            statement: 'disclosure-desk/sign-off/v1', decisionId, documentSha256: sha256, docNumber: null, title, attribute, reason: content.reason, basis, basisText: '', justification: '', redactions: content.redactions, channels: content.channels, channelText: '',
            categories: attribute === 'proactive' ? [] : [category], supersedes: null, draftedBy: 'drafter', reviewedBy: 'reviewer', signer: 'signer', keyFingerprint: team.signer!.keyFingerprint, seq, chainHead, time: now,
          };
          return { payloadText: canonicalJson(statement), signature: 'bench' };
        });
        store.decisions.sign(decisionId, team.signer!.id, entry.payload, 'bench', entry.seq, now);
        store.documents.setStatus(documentId, { state: 'signed', attribute, signedAttribute: attribute, signedDecisionId: decisionId, updatedAt: now });
      }
    });
  }
}

function seedRequests(ctx: Context, reviewer: Actor, count: number, documents: number, clock: { now: string }): void {
  ctx.store.write(() => {
    for (let n = 0; n < count; n++) {
      const receivedOn = `2025-${String((n % 10) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
      clock.now = `${receivedOn}T03:00:00.000Z`;
      // Requests cluster on a few hundred documents, as they do in an office.
      addRequest(ctx, reviewer, { documentId: 1 + ((n * 37) % Math.min(documents, 600)), subject: '申请公开相关文件', applicantType: n % 3 === 0 ? 'commercial' : 'natural-person', channel: 'online', receivedOn });
    }
  });
}

async function unitAtScale(): Promise<void> {
  process.stdout.write('— unit with 20,000 signed decisions and 5,000 requests —\n');
  const clock = { now: '2025-01-02T02:00:00.000Z' };
  const { ctx, team } = openUnit('unit', clock);
  ctx.store.connection.pragma('synchronous = OFF');
  time('seed 20,000 documents with signed decisions', () => seedDecisions(ctx, team, 20_000));
  time('seed 5,000 requests (register service)', () => seedRequests(ctx, team.reviewer, 5000, 20_000, clock));
  ctx.store.connection.pragma('synchronous = FULL');
  clock.now = '2025-11-14T02:00:00.000Z';
  const status = time('open inspection 2025 (list the worklist)', () => openInspection(ctx, team.reviewer, 2025), 2000);
  process.stdout.write(`  listed ${status.summary!.progress.total} items: ${JSON.stringify(status.summary!.byRule)}\n`);
  time('inspection status (re-sync + summary)', () => inspectionStatus(ctx, 2025), 1000);
  time('worklist first page of 100', () => worklist(ctx, { year: 2025, limit: 100 }), 50);
  time('worklist filtered: often requested', () => worklist(ctx, { year: 2025, rule: 'often-requested', limit: 100 }), 50);
  time('worklist filtered: title search', () => worklist(ctx, { year: 2025, query: '第1234号', limit: 100 }), 50);
  time('annual figures 2025 from the audit log', () => annualFiguresFor(ctx, 2025), 1000);
  const out = path.join(root, 'unit-out');
  for (const format of ['xlsx', 'docx', 'csv'] as const) {
    const file = await timeAsync(`export ${format}`, () => exportInspection(ctx, team.reviewer, 2025, format, path.join(out, `ledger.${format}`)), format === 'xlsx' ? 10_000 : 2000);
    process.stdout.write(`  ${format}: ${(file.bytes / 1024).toFixed(0)} KiB\n`);
  }
  const pending = worklist(ctx, { year: 2025, progress: 'pending', limit: 1000 }).items.map((i) => i.documentId);
  time('propose outcomes for 1,000 items (one click)', () => proposeOutcomes(ctx, team.drafter, { year: 2025, documentIds: pending, justification: '经自查核实' }), 10_000);
  ctx.store.close();
}

/** A closed inspection of `items` withheld documents, taken through the real workflow, exported as a bundle. */
async function smallUnitBundle(items: number): Promise<{ file: string; bundle: SignedBundle }> {
  const clock = { now: '2025-01-02T02:00:00.000Z' };
  const { ctx, team } = openUnit('base', clock);
  ctx.store.connection.pragma('synchronous = OFF');
  seedDecisions(ctx, team, items * 2);
  clock.now = '2025-11-14T02:00:00.000Z';
  openInspection(ctx, team.reviewer, 2025);
  const ids = worklist(ctx, { year: 2025, limit: 1000 }).items.map((i) => i.documentId);
  const proposed = proposeOutcomes(ctx, team.drafter, { year: 2025, documentIds: ids, justification: '经自查核实' });
  for (const p of proposed.proposed) {
    const d = ctx.store.decisions.get(p.decisionId)!;
    if (d.reviewRequired) approveDecision(ctx, team.reviewer, d.id, null);
    signDecision(ctx, team.signer, d.id, password);
  }
  clock.now = '2025-11-28T02:00:00.000Z';
  closeInspection(ctx, team.reviewer, 2025);
  ctx.store.connection.pragma('synchronous = FULL');
  const file = (await exportInspection(ctx, team.signer, 2025, 'bundle', path.join(root, 'base-bundle.json'), password)).path;
  ctx.store.close();
  return { file, bundle: JSON.parse(fs.readFileSync(file, 'utf8')) as SignedBundle };
}

/** The same inspection as if from another installation: its own id, name, key, checkpoint and signature. */
function asUnit(base: SignedBundle, n: number): SignedBundle {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const publicBase64 = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const fingerprint = keyFingerprint(publicBase64);
  const installationId = crypto.randomUUID();
  const cp = { ...base.checkpoint, installationId, signer: 'signer', keyFingerprint: fingerprint, publicKey: publicBase64 };
  const { signature: _s, ...cpBody } = cp;
  const checkpoint = { ...cp, signature: signText(checkpointDomain, checkpointBody(cpBody), privateKey) };
  const { signature: _b, ...rest } = base;
  const body = { ...rest, unit: { name: `第${n + 1}单位`, installationId }, checkpoint, signer: { user: 'signer', keyFingerprint: fingerprint, publicKey: publicBase64 } };
  return { ...body, signature: signText(bundleDomain, canonicalJson(body), privateKey) };
}

async function consolidation(): Promise<void> {
  process.stdout.write('— government office consolidating 50 units —\n');
  const { bundle } = await smallUnitBundle(400);
  process.stdout.write(`  each bundle: ${bundle.items.length} items, ${bundle.entries.length} audit entries\n`);
  const dir = path.join(root, 'bundles');
  fs.mkdirSync(dir);
  const files = Array.from({ length: 50 }, (_, n) => {
    const file = path.join(dir, `unit-${n + 1}.json`);
    fs.writeFileSync(file, JSON.stringify(asUnit(bundle, n), null, 1));
    return file;
  });
  const clock = { now: '2025-12-10T02:00:00.000Z' };
  const { ctx, team } = openUnit('office', clock);
  const checks = time('verify and import 50 bundles', () => importBundles(ctx, team.reviewer, files), 10_000);
  process.stdout.write(`  imported ${checks.filter((c) => c.ok).length}/50\n`);
  const view = time('consolidated view of 50 units', () => consolidatedView(ctx, 2025), 100);
  process.stdout.write(`  totals: ${JSON.stringify(view.totals)}\n`);
  await timeAsync('consolidated xlsx export', () => exportConsolidated(ctx, team.reviewer, 2025, 'xlsx', path.join(root, 'consolidated.xlsx')), 2000);
  ctx.store.close();
}

await unitAtScale();
await consolidation();
fs.rmSync(root, { recursive: true, force: true });
