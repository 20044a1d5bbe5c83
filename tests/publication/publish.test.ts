import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/store.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { appendEntry } from '../../electron/core/ledger/chain.ts';
import { writeSettings } from '../../electron/core/workflow/settings.ts';
import { linkInterpretation, listPublications, publicationProfile, publish, setDocumentKind } from '../../electron/core/publication/publication.ts';
import { decide, loadSeed, openUnit, type Unit } from '../inspection/seed.ts';
import { tempDir } from '../records/helpers.ts';

/** A unit in autumn 2026: a policy document with its 解读, a 行政处罚 decision, a plain notice, and one withheld. */
function autumn() {
  const unit = openUnit(tempDir());
  unit.at('2026-09-18');
  const load = (key: string, title: string, text: string, concern?: boolean) =>
    loadSeed(unit, { key, title, text: `${title}\n${text}`, date: '2026-09-17', concern: concern ? { term: '110101199003071234', category: 1, basis: '条例第十五条', pii: true } : undefined });
  const policy = load('P', '关于促进民营经济发展的若干措施', '各区人民政府：现将措施印发给你们。');
  const reading = load('I', '《关于促进民营经济发展的若干措施》政策解读', '一、出台背景。');
  const penalty = load('E', '关于王五行政处罚的决定', '王五，身份证号110101199003071234，罚款。', true);
  const notice = load('N', '关于开展秋季防火检查的通知', '请按要求开展检查。');
  const secret = load('S', '关于张某困难补助的通知', '张某，身份证号110101199003071234。', true);
  decide(unit, policy.documentId, 'proactive', [], []);
  decide(unit, reading.documentId, 'proactive', [], []);
  decide(unit, penalty.documentId, 'partial', penalty.findings, ['条例第十五条']);
  decide(unit, notice.documentId, 'proactive', [], []);
  decide(unit, secret.documentId, 'withheld', secret.findings, ['条例第十五条']);
  return { unit, policy: policy.documentId, reading: reading.documentId, penalty: penalty.documentId, notice: notice.documentId, secret: secret.documentId };
}

const verify = (unit: Unit) => verifyRecord(unit.ctx.store);

describe('publication record', () => {
  it('lists signed public documents as due, then overdue, with 7 working days for the 行政处罚 decision', () => {
    const { unit, policy, reading, penalty, notice, secret } = autumn();
    const { ctx } = unit;
    let queue = listPublications(ctx, {});
    expect(queue.rows.map((r) => r.documentId).sort()).toEqual([policy, reading, penalty, notice].sort());
    expect(queue.rows.some((r) => r.documentId === secret)).toBe(false);
    expect(queue.counts).toEqual({ due: 4, overdue: 0, published: 0 });
    const byId = (id: number) => queue.rows.find((r) => r.documentId === id)!;
    expect(byId(penalty).deadline).toEqual({ from: '2026-09-18', workingDays: 7, enforcement: true, due: '2026-09-29' });
    expect(byId(notice).deadline.due).toBe('2026-10-22');
    expect(byId(policy).kind).toBe('policy');
    expect(byId(policy).interpretation.status).toBe('missing');

    unit.at('2026-09-30');
    queue = listPublications(ctx, {});
    expect(queue.rows[0]).toMatchObject({ documentId: penalty, status: 'overdue' });
    expect(queue.counts).toEqual({ due: 3, overdue: 1, published: 0 });
    expect(listPublications(ctx, { status: 'overdue' }).rows.map((r) => r.documentId)).toEqual([penalty]);
  });

  it('shortens the deadline when the unit sets fewer working days', () => {
    const { unit, notice } = autumn();
    unit.ctx.store.write(() => {
      const changes = writeSettings(unit.ctx.store, { publicationWorkingDays: 10 });
      appendEntry(unit.ctx.store, { user: unit.team.admin.name, role: 'admin', action: 'settings.change', payload: changes }, unit.ctx.now());
    });
    expect(publicationProfile(unit.ctx, notice).item!.deadline).toMatchObject({ workingDays: 10, due: '2026-10-09' });
  });

  it('takes a 解读 sent along as an attachment (同步报送) as present, and a mere mention in the text as not', () => {
    const { unit } = autumn();
    const body = '各区人民政府：现将措施印发给你们，请做好政策解读工作。';
    const along = loadSeed(unit, { key: 'A', title: '关于支持外贸稳定增长的若干措施', text: `关于支持外贸稳定增长的若干措施\n${body}\n附件：《关于支持外贸稳定增长的若干措施》政策解读\n某某市人民政府\n2026年9月17日`, date: '2026-09-17', attachments: ['《关于支持外贸稳定增长的若干措施》政策解读'] });
    const mentioned = loadSeed(unit, { key: 'M', title: '关于促进服务消费的若干措施', text: `关于促进服务消费的若干措施\n${body}\n某某市人民政府\n2026年9月17日`, date: '2026-09-17' });
    expect(publicationProfile(unit.ctx, along.documentId)).toMatchObject({ kind: 'policy', lacksInterpretation: false });
    expect(publicationProfile(unit.ctx, mentioned.documentId)).toMatchObject({ kind: 'policy', lacksInterpretation: true });
  });

  it('records releases, links the 解读, and gives the on-time rate and the 解读 deadline', () => {
    const { unit, policy, reading, penalty, notice } = autumn();
    const { ctx, team } = unit;
    expect(publicationProfile(ctx, policy).lacksInterpretation).toBe(true);
    const linked = linkInterpretation(ctx, team.drafter, { documentId: policy, interpretationId: reading });
    expect(linked.lacksInterpretation).toBe(false);
    expect(linked.interpretation).toMatchObject({ status: 'waiting', linked: { documentId: reading }, due: null });

    unit.at('2026-10-26');
    publish(ctx, team.reviewer, { documentId: policy, publishedOn: '2026-10-20', channel: 'website', location: 'https://www.example.gov.cn/zwgk/1.html' });
    publish(ctx, team.reviewer, { documentId: policy, publishedOn: '2026-10-23', channel: 'gazette', location: '2026年第20期' });
    const afterPolicy = publicationProfile(ctx, policy);
    expect(afterPolicy.item).toMatchObject({ status: 'published', onTime: true, firstPublishedOn: '2026-10-20', releases: 2 });
    // Three working days after Tuesday 10-20.
    expect(afterPolicy.interpretation).toMatchObject({ status: 'overdue', due: '2026-10-23', publishedOn: null });
    expect(afterPolicy.releases.map((r) => r.channel)).toEqual(['website', 'gazette']);

    const late = publish(ctx, team.drafter, { documentId: reading, publishedOn: '2026-10-26', channel: 'website' });
    expect(late.item!.releases).toBe(1);
    expect(publicationProfile(ctx, policy).interpretation).toMatchObject({ status: 'published', publishedOn: '2026-10-26', onTime: false });
    publish(ctx, team.reviewer, { documentId: penalty, publishedOn: '2026-10-09', channel: 'board' });

    const queue = listPublications(ctx, {});
    expect(queue.counts).toEqual({ due: 0, overdue: 1, published: 3 });
    expect(queue.rows[0]!.documentId).toBe(notice);
    // On time: the policy only; late: the penalty (due 09-29) and the 解读 as a document (due 10-22); overdue: the notice.
    expect(queue.years).toEqual([{ year: 2026, published: 3, onTime: 1, late: 2, overdue: 1, due: 0, onTimeRate: 0.25 }]);
    expect(listPublications(ctx, { year: 2025 }).rows).toEqual([]);
    expect(listPublications(ctx, { status: 'published', year: 2026 }).rows).toHaveLength(3);
  });

  it('refuses a release of what is not signed public, before sign-off, in the future, or by a signer only', () => {
    const { unit, notice, secret } = autumn();
    const { ctx, team } = unit;
    unit.at('2026-10-01');
    const attempt = (documentId: number, publishedOn: string, actor = team.reviewer) => () => publish(ctx, actor, { documentId, publishedOn, channel: 'website' });
    expect(attempt(secret, '2026-09-20')).toThrow(expect.objectContaining({ code: 'not-signed-public' }));
    expect(attempt(notice, '2026-09-17')).toThrow(expect.objectContaining({ code: 'before-sign-off' }));
    expect(attempt(notice, '2026-10-02')).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(attempt(notice, '2026-02-30')).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(attempt(notice, '2026-09-20', team.signer)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(ctx.store.publications.forDocument(notice)).toEqual([]);
  });

  it('lets the officer override the kind and record why a policy needs no 解读', () => {
    const { unit, notice, policy } = autumn();
    const { ctx, team } = unit;
    expect(() => linkInterpretation(ctx, team.drafter, { documentId: notice, interpretationId: null, reason: '无需解读' })).toThrow(expect.objectContaining({ code: 'not-policy' }));
    const overridden = setDocumentKind(ctx, team.drafter, { documentId: notice, kind: 'normative', reason: '设定了公民义务' });
    expect(overridden).toMatchObject({ recognisedKind: 'other', kind: 'normative', lacksInterpretation: true, kindOverride: { kind: 'normative', reason: '设定了公民义务', by: 'drafter' } });
    const reasoned = linkInterpretation(ctx, team.drafter, { documentId: notice, interpretationId: null, reason: '仅调整检查时间，内容简单' });
    expect(reasoned).toMatchObject({ lacksInterpretation: false, interpretation: { status: 'not-needed', reason: '仅调整检查时间，内容简单' } });
    expect(setDocumentKind(ctx, team.drafter, { documentId: notice, kind: null, reason: '恢复自动识别' })).toMatchObject({ kind: 'other', kindOverride: null });
    expect(() => linkInterpretation(ctx, team.drafter, { documentId: policy, interpretationId: policy })).toThrow(expect.objectContaining({ code: 'invalid' }));
    const actions = ctx.store.audit.rawAfter(0, 10_000).map((r) => r[4]);
    expect(actions.filter((a) => a === 'publication.kind')).toHaveLength(2);
    expect(actions.filter((a) => a === 'publication.link')).toHaveLength(1);
  });
});

describe('publication entries in the audit chain', () => {
  function published() {
    const a = autumn();
    const { unit, policy, reading, notice } = a;
    unit.at('2026-10-26');
    publish(unit.ctx, unit.team.reviewer, { documentId: policy, publishedOn: '2026-10-20', channel: 'website', location: 'https://www.example.gov.cn/zwgk/1.html' });
    linkInterpretation(unit.ctx, unit.team.drafter, { documentId: policy, interpretationId: reading });
    setDocumentKind(unit.ctx, unit.team.drafter, { documentId: notice, kind: 'policy', reason: '属于政策措施' });
    linkInterpretation(unit.ctx, unit.team.drafter, { documentId: notice, interpretationId: null, reason: '内容简单' });
    return a;
  }

  it('replays every release, kind and link into the tables and verifies intact', () => {
    const { unit } = published();
    const report = verify(unit);
    expect(report.firstBroken?.message ?? null).toBeNull();
    expect(report.intact).toBe(true);
  });

  const tampered = (edit: (db: Database.Database) => void) => {
    const { unit } = published();
    unit.ctx.store.close();
    const copy = path.join(tempDir(), 'copy.sqlite');
    fs.copyFileSync(unit.file, copy);
    const db = new Database(copy);
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    edit(db);
    for (const t of triggers) db.exec(t.sql);
    db.close();
    const store = openStore(copy, { readonly: true });
    try {
      return verifyRecord(store);
    } finally {
      store.close();
    }
  };

  it('notices a release date moved to meet the deadline', () => {
    const report = tampered((db) => db.prepare("UPDATE publications SET publishedOn = '2026-10-19'").run());
    expect(report.intact).toBe(false);
    expect(report.firstBroken).toMatchObject({ code: 'record-mismatch', message: expect.stringContaining('publications') });
  });

  it('notices a release added without its entry, a removed one, and a 解读 link changed', () => {
    expect(tampered((db) => db.prepare("INSERT INTO publications (documentId, decisionId, publishedOn, channel, location, recordedBy, recordedAt) SELECT documentId, decisionId, '2026-10-21', 'board', '', recordedBy, recordedAt FROM publications").run()).intact).toBe(false);
    expect(tampered((db) => db.prepare('DELETE FROM publications').run()).intact).toBe(false);
    expect(tampered((db) => db.prepare('UPDATE publication_profiles SET interpretationId = NULL, noInterpretationReason = ? WHERE interpretationId IS NOT NULL').run('无需解读')).intact).toBe(false);
    expect(tampered((db) => db.prepare("UPDATE publication_profiles SET kind = NULL WHERE kind = 'policy'").run()).intact).toBe(false);
  });

  it('breaks the chain at a release entry for a document not signed public', () => {
    const { unit, secret } = published();
    const { ctx } = unit;
    const sha = ctx.store.documents.shaOf(secret)!;
    const decisionId = ctx.store.documents.header(secret)!.signedDecisionId!;
    ctx.store.write(() => {
      ctx.store.connection.prepare("INSERT INTO publications (documentId, decisionId, publishedOn, channel, location, recordedBy, recordedAt) VALUES (?, ?, '2026-10-21', 'website', '', 'reviewer', ?)").run(secret, decisionId, ctx.now());
      appendEntry(ctx.store, { user: 'reviewer', role: 'reviewer', action: 'publication.record', documentSha256: sha, decisionId, payload: { publicationId: 2, publishedOn: '2026-10-21', channel: 'website', location: '' } }, ctx.now());
    });
    const report = verify(unit);
    expect(report.intact).toBe(false);
    expect(report.firstBroken).toMatchObject({ code: 'orphan-entry' });
  });
});
