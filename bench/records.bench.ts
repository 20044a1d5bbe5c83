// Records benchmark: audit verify over a generated 1,000,000-entry log, decision throughput, and register
// listing over 100,000 documents. Prints figures and ratios to the targets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRecords } from '../electron/core/ledger/open.ts';
import { appendEntry } from '../electron/core/ledger/chain.ts';
import { verifyRecord } from '../electron/core/ledger/verify.ts';
import { loadDocument, listDocuments } from '../electron/core/register/documents.ts';
import { approveDecision, saveDecision, signDecision, submitDecision } from '../electron/core/workflow/decisions.ts';
import type { Context } from '../electron/core/kernel/context.ts';
import type { DocumentFilter } from '../shared/ipc/records.ts';
import type { Attribute, DecisionState } from '../shared/types.ts';
import { extracted, finding, makeTeam, password, scanned } from '../tests/records/helpers.ts';

const TARGET_VERIFY_MS = 10_000;
const TARGET_LIST_MS = 50;
const LOG_ENTRIES = 1_000_000;
const REGISTER_DOCUMENTS = 100_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-bench-'));
const ratio = (value: number, target: number) => `${(value / target).toFixed(3)}× target`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function verifyBench(): void {
  const ctx = openRecords(path.join(dir, 'log.sqlite'));
  const team = makeTeam(ctx);
  const payload = { fileName: '关于开展2025年度政务公开工作的通知.docx', existing: false, format: 'docx', byteSize: 48213, charCount: 5120, docNumber: '玉政办发〔2025〕12号' };
  const start = ctx.store.audit.head()!.seq;
  const append = time(() => {
    for (let done = start; done < LOG_ENTRIES; ) {
      const batch = Math.min(50_000, LOG_ENTRIES - done);
      ctx.store.write(() => {
        for (let i = 0; i < batch; i++) appendEntry(ctx.store, { user: team.drafter.name, role: 'drafter', action: 'document.load', documentSha256: 'ab'.repeat(32), payload }, '2025-11-01T08:00:00.000Z');
      });
      done += batch;
    }
  });
  console.log(`audit append: ${LOG_ENTRIES - start} entries in ${(append.ms / 1000).toFixed(1)} s (${Math.round(((LOG_ENTRIES - start) / append.ms) * 1000)} entries/s)`);
  const verify = time(() => verifyRecord(ctx.store));
  if (!verify.value.intact || verify.value.entries !== LOG_ENTRIES) throw new Error('generated log did not verify');
  console.log(`audit verify: ${verify.value.entries} entries in ${verify.ms.toFixed(0)} ms (${Math.round((verify.value.entries / verify.ms) * 1000)} entries/s) — ${ratio(verify.ms, TARGET_VERIFY_MS)}`);
  ctx.store.close();
}

function decisionsBench(): void {
  const ctx = openRecords(path.join(dir, 'decisions.sqlite'));
  const team = makeTeam(ctx);
  const count = 1000;
  const docs: { id: number; findingId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const text = `关于第${i}号行政处罚的决定\n当事人身份证号110101199003071234，决定罚款。`;
    const f = finding(text, '110101199003071234');
    docs.push({ id: loadDocument(ctx, team.drafter, extracted(text), scanned([f])).documentId, findingId: f.id });
  }
  const input = (d: { id: number; findingId: string }, attribute: Attribute) => ({
    documentId: d.id,
    attribute,
    reason: '个人隐私',
    basis: ['条例第十五条'],
    basisText: '',
    justification: attribute === 'withheld' ? '整体不宜公开' : '',
    dispositions: [{ findingId: d.findingId, action: attribute === 'partial' ? ('redact' as const) : ('confirm' as const), reason: '' }],
    redactions: [],
  });
  const drafting = time(() => {
    for (const d of docs) submitDecision(ctx, team.drafter, saveDecision(ctx, team.drafter, input(d, d.id % 2 ? 'partial' : 'withheld')).id);
  });
  console.log(`decisions drafted and submitted: ${count} in ${drafting.ms.toFixed(0)} ms (${Math.round((count / drafting.ms) * 1000)} decisions/s)`);
  const reviewed = docs.filter((d) => d.id % 2 === 0);
  const review = time(() => {
    for (const d of reviewed) approveDecision(ctx, team.reviewer, ctx.store.decisions.latestForDocument(d.id)!.id, null);
  });
  console.log(`reviews: ${reviewed.length} in ${review.ms.toFixed(0)} ms (${Math.round((reviewed.length / review.ms) * 1000)}/s)`);
  const toSign = docs.slice(0, 50);
  const signing = time(() => {
    for (const d of toSign) signDecision(ctx, team.signer, ctx.store.decisions.latestForDocument(d.id)!.id, password);
  });
  console.log(`sign-offs (each unlocks the signer's scrypt-sealed key): ${toSign.length} in ${signing.ms.toFixed(0)} ms (${((toSign.length / signing.ms) * 1000).toFixed(1)}/s)`);
  ctx.store.close();
}

function registerBench(): void {
  const ctx: Context = openRecords(path.join(dir, 'register.sqlite'));
  const team = makeTeam(ctx);
  const subjects = ['项目资金', '行政处罚', '人事任免', '会议纪要', '信访事项', '安全生产', '征求意见', '采购结果'];
  const states: DecisionState[] = ['draft', 'submitted', 'returned', 'approved', 'signed'];
  const attributes: Attribute[] = ['proactive', 'partial', 'on-request', 'withheld'];
  const load = time(() => {
    for (let i = 0; i < REGISTER_DOCUMENTS; i += 5000) {
      ctx.store.write(() => {
        for (let j = i; j < Math.min(i + 5000, REGISTER_DOCUMENTS); j++) {
          const subject = subjects[j % subjects.length]!;
          const text = `关于${subject}的通知（第${j}号）\n${'各单位要按照规定做好相关工作，确保政务公开工作落到实处。'.repeat(6)}\n联系人手机13812345678。`;
          const doc = extracted(text, { title: `关于${subject}的通知（第${j}号）`, docNumber: `玉政办发〔${2019 + (j % 7)}〕${j}号`, date: `${2019 + (j % 7)}-0${1 + (j % 9)}-1${j % 10}` });
          const findings = j % 3 === 0 ? [finding(text, '13812345678', { piiType: 'mobile' })] : [];
          const outcome = loadDocument(ctx, team.drafter, doc, scanned(findings));
          // A bench shortcut: the register's state columns set directly instead of walking 100,000 decisions through the workflow.
          if (j % 4 !== 0) ctx.store.documents.setStatus(outcome.documentId, { state: states[j % 5]!, attribute: attributes[j % 4]!, signedAttribute: null, signedDecisionId: null, updatedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, j)).toISOString() });
        }
      });
    }
  });
  console.log(`register: ${REGISTER_DOCUMENTS} documents stored in ${(load.ms / 1000).toFixed(1)} s`);
  const queries: [string, DocumentFilter][] = [
    ['state=submitted, sort updatedAt, first page', { state: 'submitted', sort: 'updatedAt', limit: 100 }],
    ['attribute=withheld + year=2022, sort date', { attribute: 'withheld', year: 2022, sort: 'date', limit: 100 }],
    ['category=1 (personal data), page 50', { category: 1, offset: 5000, limit: 100 }],
    ['full text "行政处罚" + state=signed', { query: '行政处罚', state: 'signed', limit: 100 }],
    ['full text "第4242号"', { query: '第4242号', limit: 100 }],
    ['category=1, sort updatedAt, first page (the UI\'s default)', { category: 1, sort: 'updatedAt', limit: 200 }],
    ['short text "纪要" (pair index)', { query: '纪要', sort: 'updatedAt', limit: 200 }],
    ['one character "纪" (pair index prefix)', { query: '纪', sort: 'updatedAt', limit: 200 }],
    ['short text "13" + category=1', { query: '13', category: 1, sort: 'updatedAt', limit: 200 }],
    ['no filter, sort title, deep page', { sort: 'title', offset: 90_000, limit: 100 }],
  ];
  for (const [label, filter] of queries) {
    const runs: number[] = [];
    let total = 0;
    for (let i = 0; i < 15; i++) {
      const r = time(() => listDocuments(ctx, filter));
      runs.push(r.ms);
      total = r.value.total;
    }
    const ms = median(runs);
    console.log(`register list [${label}]: ${ms.toFixed(1)} ms median (total ${total}) — ${ratio(ms, TARGET_LIST_MS)}`);
  }
  ctx.store.close();
}

try {
  verifyBench();
  decisionsBench();
  registerBench();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
