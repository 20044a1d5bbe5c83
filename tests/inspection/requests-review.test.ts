import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAppeal, addRequest, answerRequest, listRequests, recordAppealResult, reviewAnswer } from '../../electron/core/requests/register.ts';
import { annualFiguresFor } from '../../electron/core/inspection/annual.ts';
import { annualFigures } from '../../electron/core/inspection/figures.ts';
import { appendEntry } from '../../electron/core/ledger/chain.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { openStore } from '../../electron/core/db/store.ts';
import { schema002Inspection } from '../../electron/core/db/migrations/002-inspection.ts';
import { applicantOf } from '../../shared/inspection-terms.ts';
import { bundleBodySchema } from '../../electron/core/inspection/bundle/schema.ts';
import { exportInspection } from '../../electron/core/inspection/export/write.ts';
import { closedNovember, password } from './seed.ts';
import { tempDir } from '../records/helpers.ts';
import path from 'node:path';
import { decide, loadSeed, openUnit, type Unit } from './seed.ts';

let unit: Unit;
let withheldDoc: number;
let openDoc: number;

beforeEach(() => {
  unit = openUnit();
  unit.at('2025-09-01');
  const w = loadSeed(unit, { key: 'W', title: '关于机关考勤制度的通知', text: '关于机关考勤制度的通知\n机关考勤安排如下。', date: '2025-02-10', concern: { term: '考勤', category: 3, basis: '条例第十六条第一款' } });
  decide(unit, w.documentId, 'withheld', w.findings, ['条例第十六条第一款']);
  withheldDoc = w.documentId;
  const o = loadSeed(unit, { key: 'P', title: '关于公园开放时间的批复', text: '关于公园开放时间的批复\n时间如下。', date: '2025-02-01' });
  decide(unit, o.documentId, 'proactive', o.findings, []);
  openDoc = o.documentId;
});
afterEach(() => unit.ctx.store.close());

const add = (documentId: number | null, receivedOn = '2025-09-01', channel: 'mail' | 'online' = 'mail') =>
  addRequest(unit.ctx, unit.team.reviewer, { documentId, subject: '申请公开相关文件', applicantType: 'natural-person', channel, receivedOn });

const answerEntries = () => unit.ctx.store.audit.list({ action: 'request.answer', limit: 100 }).rows;
const verify = () => verifyRecord(unit.ctx.store);

describe('answer review (seed 004 第五十一条)', () => {
  it('holds a grant of a withheld document for a reviewer, who approves it only with a justification; only then it counts', () => {
    const r = add(withheldDoc);
    const prepared = answerRequest(unit.ctx, unit.team.drafter, { requestId: r.id, outcome: 'granted', answeredOn: '2025-09-10' });
    expect(prepared).toMatchObject({ answerState: 'awaiting-review', reviewRequired: true, outcome: null, proposedOutcome: 'granted', preparedBy: 'drafter' });
    expect(answerEntries()).toHaveLength(0);
    expect(annualFiguresFor(unit.ctx, 2025).requests.answered).toBe(0);
    expect(listRequests(unit.ctx, { status: 'unanswered' }).total).toBe(1);

    expect(() => reviewAnswer(unit.ctx, unit.team.drafter, { requestId: r.id, decision: 'approve', justification: '经审查可以公开' })).toThrow(/没有/);
    expect(() => reviewAnswer(unit.ctx, unit.team.reviewer, { requestId: r.id, decision: 'approve' })).toThrow(/须写明理由/);
    const approved = reviewAnswer(unit.ctx, unit.team.reviewer, { requestId: r.id, decision: 'approve', justification: '考勤制度已对外执行，经审查可以公开' });
    expect(approved).toMatchObject({ answerState: 'answered', outcome: 'granted', answeredOn: '2025-09-10', reviewedBy: 'reviewer', reviewNote: '考勤制度已对外执行，经审查可以公开' });
    const payload = JSON.parse(answerEntries()[0]!.payload);
    expect(payload).toMatchObject({ requestId: r.id, outcome: 'granted', answeredOn: '2025-09-10', late: false, reviewRequired: true, review: { justification: '考勤制度已对外执行，经审查可以公开' } });
    expect(annualFiguresFor(unit.ctx, 2025).requests.answered).toBe(1);
    expect(verify()).toMatchObject({ intact: true, firstBroken: null });
  });

  it('sends a reviewer’s own grant of withheld information to a second reviewer, never to the one who prepared it', () => {
    const r = add(withheldDoc);
    expect(answerRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, outcome: 'partial', answeredOn: '2025-09-10', basis: '条例第三十七条', reason: '考勤安排中可以公开的部分予以公开' }).answerState).toBe('awaiting-review');
    expect(() => reviewAnswer(unit.ctx, unit.team.reviewer, { requestId: r.id, decision: 'approve', justification: '可以' })).toThrow(/不能审核自己/);
    expect(reviewAnswer(unit.ctx, unit.team.all, { requestId: r.id, decision: 'approve', justification: '区分处理后可以公开' }).outcome).toBe('partial');
  });

  it('lets the disclosure office answer a request for public information at once, but a drafter only prepares it', () => {
    const direct = answerRequest(unit.ctx, unit.team.reviewer, { requestId: add(openDoc).id, outcome: 'granted', answeredOn: '2025-09-05' });
    expect(direct).toMatchObject({ answerState: 'answered', reviewRequired: false, reviewedBy: null });
    const r = add(openDoc);
    expect(answerRequest(unit.ctx, unit.team.drafter, { requestId: r.id, outcome: 'granted', answeredOn: '2025-09-05' })).toMatchObject({ answerState: 'awaiting-review', reviewRequired: false });
    expect(() => answerRequest(unit.ctx, unit.team.drafter, { requestId: r.id, outcome: 'granted', answeredOn: '2025-09-06' })).toThrow(/等待审核/);
    // No justification is owed where nothing withheld is released.
    expect(reviewAnswer(unit.ctx, unit.team.reviewer, { requestId: r.id, decision: 'approve' }).answerState).toBe('answered');
  });

  it('refuses a refusal or partial grant without an article from the list and reasons (条例第三十六条), and keeps them with the fee', () => {
    const r = add(null);
    expect(() => answerRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, outcome: 'unavailable:not-held', answeredOn: '2025-09-05' })).toThrow(/依据.*理由/);
    expect(() => answerRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, outcome: 'unavailable:not-held', answeredOn: '2025-09-05', basis: '条例第三十六条', reason: '  ' })).toThrow(/依据.*理由/);
    expect(() => answerRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, outcome: 'unavailable:not-held', answeredOn: '2025-09-05', basis: '民法典', reason: '本机关不掌握' })).toThrow('依据“民法典”不在条款列表中');
    const answered = answerRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, outcome: 'unavailable:not-held', answeredOn: '2025-09-05', basis: '条例第三十六条', reason: '经检索，本机关不掌握该信息', fee: 30, feeWaived: true });
    expect(answered).toMatchObject({ outcome: 'unavailable:not-held', answerBasis: '条例第三十六条', answerReason: '经检索，本机关不掌握该信息', fee: 30, feeWaived: true });
    expect(JSON.parse(answerEntries()[0]!.payload)).toMatchObject({ basis: '条例第三十六条', reason: '经检索，本机关不掌握该信息', fee: 30, feeWaived: true, review: null });
    // 第三十九条 is no basis for a 公文's attribute, but it is the article a petition made as a request is answered under.
    expect(answerRequest(unit.ctx, unit.team.reviewer, { requestId: add(null).id, outcome: 'not-handled:petition', answeredOn: '2025-09-05', basis: '条例第三十九条', reason: '属于信访事项，已告知通过信访渠道提出' }).answerBasis).toBe('条例第三十九条');
    expect(verify().intact).toBe(true);
  });

  it('returns a prepared answer with a reason; the drafter prepares it again', () => {
    const r = add(withheldDoc);
    answerRequest(unit.ctx, unit.team.drafter, { requestId: r.id, outcome: 'granted', answeredOn: '2025-09-10' });
    expect(() => reviewAnswer(unit.ctx, unit.team.reviewer, { requestId: r.id, decision: 'return' })).toThrow(/退回须写明理由/);
    expect(reviewAnswer(unit.ctx, unit.team.reviewer, { requestId: r.id, decision: 'return', reason: '该文件属内部事务信息，应不予公开' })).toMatchObject({ answerState: 'returned', reviewNote: '该文件属内部事务信息，应不予公开', outcome: null });
    expect(() => reviewAnswer(unit.ctx, unit.team.reviewer, { requestId: r.id, decision: 'approve', justification: 'x' })).toThrow(/没有待审核/);
    const again = answerRequest(unit.ctx, unit.team.drafter, { requestId: r.id, outcome: 'withheld:internal-affairs', answeredOn: '2025-09-12', basis: '条例第十六条第一款', reason: '属于内部事务信息' });
    expect(again).toMatchObject({ answerState: 'awaiting-review', reviewRequired: false, proposedOutcome: 'withheld:internal-affairs' });
    expect(reviewAnswer(unit.ctx, unit.team.reviewer, { requestId: r.id, decision: 'approve' }).outcome).toBe('withheld:internal-affairs');
    expect(verify().intact).toBe(true);
  });
});

describe('register completeness', () => {
  it('flags a request handed in more than two working days before it was registered, counting across the National Day holiday', () => {
    // Received Tuesday 30 September 2025; 1–8 October are off, Saturday 11 October is a working day.
    unit.at('2025-10-10');
    expect(add(null, '2025-09-30').recordedLate).toBe(false);
    unit.at('2025-10-13');
    expect(add(null, '2025-09-30').recordedLate).toBe(true);
    expect(add(null, '2025-09-30', 'online').recordedLate).toBe(false);
  });

  it('records 复议 and 诉讼 per request with their results, flags one registered more than a week after filing, and replays both', () => {
    const r = add(withheldDoc);
    unit.at('2025-10-20');
    const timely = addAppeal(unit.ctx, unit.team.reviewer, { requestId: r.id, kind: 'reconsideration', filedOn: '2025-10-13', body: '测试市人民政府' }).appeals[0]!;
    expect(timely).toMatchObject({ kind: 'reconsideration', result: null, recordedLate: false });
    const late = addAppeal(unit.ctx, unit.team.drafter, { requestId: r.id, kind: 'litigation', filedOn: '2025-10-12', body: '测试区人民法院', afterReconsideration: true }).appeals[1]!;
    expect(late).toMatchObject({ afterReconsideration: true, recordedLate: true });
    expect(() => addAppeal(unit.ctx, unit.team.reviewer, { requestId: r.id, kind: 'reconsideration', filedOn: '2025-10-13', body: 'x', afterReconsideration: true })).toThrow(/只适用于行政诉讼/);
    expect(() => recordAppealResult(unit.ctx, unit.team.reviewer, { requestId: r.id, appealId: timely.id, result: 'upheld', decidedOn: '2025-10-01' })).toThrow(/早于/);
    expect(recordAppealResult(unit.ctx, unit.team.reviewer, { requestId: r.id, appealId: timely.id, result: 'corrected', decidedOn: '2025-12-01' }).appeals[0]).toMatchObject({ result: 'corrected', decidedOn: '2025-12-01' });
    expect(() => recordAppealResult(unit.ctx, unit.team.reviewer, { requestId: r.id, appealId: timely.id, result: 'upheld', decidedOn: '2025-12-02' })).toThrow(/已登记结果/);
    expect(() => recordAppealResult(unit.ctx, unit.team.reviewer, { requestId: add(null).id, appealId: timely.id, result: 'upheld', decidedOn: '2025-12-02' })).toThrow(/未找到复议或诉讼/);
    const entries = unit.ctx.store.audit.list({ action: 'request.appeal', limit: 10 }).rows;
    expect(entries.map((e) => JSON.parse(e.payload))).toEqual(
      expect.arrayContaining([
        { requestId: r.id, appealId: timely.id, kind: 'reconsideration', filedOn: '2025-10-13', body: '测试市人民政府', afterReconsideration: false },
        { requestId: r.id, appealId: late.id, kind: 'litigation', filedOn: '2025-10-12', body: '测试区人民法院', afterReconsideration: true },
      ]),
    );
    expect(JSON.parse(unit.ctx.store.audit.list({ action: 'request.appeal.result', limit: 1 }).rows[0]!.payload)).toEqual({ requestId: r.id, appealId: timely.id, result: 'corrected', decidedOn: '2025-12-01' });
    expect(verify()).toMatchObject({ intact: true, firstBroken: null });
  });

  it('catches a forged answer that releases withheld information without review, even when the row agrees with it', () => {
    const r = add(withheldDoc);
    const { store } = unit.ctx;
    store.write(() => {
      const answer = { outcome: 'granted' as const, answeredOn: '2025-09-10', answerBasis: null, answerReason: null, fee: null, feeWaived: 0, reviewRequired: 0, note: '' };
      store.requests.answer(r.id, answer, { reviewedBy: null, reviewNote: null });
      const payload = { requestId: r.id, outcome: 'granted', answeredOn: '2025-09-10', finalDue: r.deadline.finalDue, late: false, note: '', basis: null, reason: '', fee: null, feeWaived: false, reviewRequired: false, review: null };
      appendEntry(store, { user: 'reviewer', role: 'reviewer', action: 'request.answer', documentSha256: r.documentSha256, payload }, unit.ctx.now());
    });
    expect(verify()).toMatchObject({ intact: false, firstBroken: { code: 'orphan-entry' } });
  });

  it('catches an appeal result or an answer state edited in the tables without its entry', () => {
    const r = add(withheldDoc);
    answerRequest(unit.ctx, unit.team.drafter, { requestId: r.id, outcome: 'granted', answeredOn: '2025-09-10' });
    const appeal = addAppeal(unit.ctx, unit.team.reviewer, { requestId: r.id, kind: 'reconsideration', filedOn: '2025-09-02', body: '测试市人民政府' }).appeals[0]!;
    const file = unit.ctx.store.file;
    unit.ctx.store.close();
    for (const edit of [`UPDATE request_appeals SET result = 'upheld', decidedOn = '2025-12-01' WHERE id = ${appeal.id}`, `UPDATE info_requests SET reviewNote = '已审核' WHERE id = ${r.id}`, `UPDATE info_requests SET applicantType = 'commercial' WHERE id = ${r.id}`]) {
      const copy = `${file}.${Math.random().toString(36).slice(2)}.sqlite`;
      fs.copyFileSync(file, copy);
      const db = new Database(copy);
      db.exec(edit);
      db.close();
      const store = openStore(copy, { readonly: true });
      expect(verifyRecord(store).intact, edit).toBe(false);
      store.close();
    }
    unit = openUnit();
  });
});

describe('legacy applicant types', () => {
  it('maps citizen, legal-person and other to the template columns, and the annual figures count old entries there', () => {
    expect(['citizen', 'legal-person', 'other', 'research'].map(applicantOf)).toEqual(['natural-person', 'other-org', 'other-org', 'research']);
    const old = (seq: number, applicantType: string) => ({ seq, time: '2025-03-03T04:00:00.000Z', action: 'request.add', documentSha256: null, payload: JSON.stringify({ requestId: seq, subject: '旧申请', applicantType, channel: 'online', receivedOn: '2025-03-03', note: '' }) });
    expect(annualFigures(2025, [old(1, 'citizen'), old(2, 'legal-person'), old(3, 'other')]).requests.received).toMatchObject({ 'natural-person': 1, 'other-org': 2, total: 3 });
  });

  it('opens, migrates and verifies a record whose rows and entries say citizen and legal-person', () => {
    const ctx = unit.ctx;
    const store = ctx.store;
    // As the earlier version wrote them: the entries keep their words, the rows are rebuilt by migration 7.
    store.connection.pragma('ignore_check_constraints = ON');
    store.write(() => {
      for (const [id, type] of [[1, 'citizen'], [2, 'legal-person']] as const) {
        store.connection.prepare("INSERT INTO info_requests (id, documentId, subject, applicantType, channel, receivedOn, note, recordedBy, recordedAt) VALUES (?, NULL, '旧申请', ?, 'online', '2025-03-03', '', 'reviewer', ?)").run(id, type, ctx.now());
        appendEntry(store, { user: 'reviewer', role: 'reviewer', action: 'request.add', documentSha256: null, payload: { requestId: id, subject: '旧申请', applicantType: type, channel: 'online', receivedOn: '2025-03-03', note: '' } }, ctx.now());
      }
    });
    const file = store.file;
    store.close();
    const db = new Database(file);
    const oldTable = /CREATE TABLE info_requests \([\s\S]*?\) STRICT;/.exec(schema002Inspection)![0];
    db.exec(`DROP TABLE request_appeals; ALTER TABLE info_requests RENAME TO info_requests_new; ${oldTable}
      INSERT INTO info_requests (id, documentId, subject, applicantType, channel, receivedOn, note, recordedBy, recordedAt) SELECT id, documentId, subject, applicantType, channel, receivedOn, note, recordedBy, recordedAt FROM info_requests_new;
      DROP TABLE info_requests_new;
      CREATE TRIGGER info_requests_no_delete BEFORE DELETE ON info_requests BEGIN SELECT RAISE(ABORT, 'requests are never deleted'); END;
      CREATE TRIGGER info_requests_answer_final BEFORE UPDATE ON info_requests WHEN old.outcome IS NOT NULL BEGIN SELECT RAISE(ABORT, 'an answered request is final'); END;`);
    db.pragma('user_version = 6');
    db.close();
    unit = openUnit();
    const migrated = openStore(file);
    expect(migrated.connection.prepare('SELECT applicantType FROM info_requests ORDER BY id').pluck().all()).toEqual(['natural-person', 'other-org']);
    expect(verifyRecord(migrated)).toMatchObject({ intact: true, firstBroken: null });
    migrated.close();
  });

  it('accepts a bundle whose frozen figures carry the three old applicant columns, reading them as the template columns', async () => {
    const north = openUnit(tempDir());
    closedNovember(north, '北区教育局');
    const file = (await exportInspection(north.ctx, north.team.signer, 2025, 'bundle', path.join(tempDir(), 'north.json'), password)).path;
    north.ctx.store.close();
    const body = JSON.parse(fs.readFileSync(file, 'utf8'));
    const old = (n: number) => ({ citizen: n, 'legal-person': 1, other: 2 });
    body.annual.requests.received = { ...old(4), total: 7 };
    for (const o of body.annual.requests.outcomes) o.byApplicant = old(0);
    const parsed = bundleBodySchema.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(parsed.data!.annual.requests.received).toEqual({ 'natural-person': 4, commercial: 0, research: 0, 'public-interest': 0, 'legal-service': 0, 'other-org': 3, total: 7 });
    body.annual.requests.received = { citizen: 4, total: 7 };
    expect(bundleBodySchema.safeParse(body).success).toBe(false);
  });
});
