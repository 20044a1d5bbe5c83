import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/store.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { signedDecision } from '../../electron/core/ledger/signed.ts';
import { returnDecision, saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { annualFiguresFor } from '../../electron/core/inspection/annual.ts';
import { annualTables } from '../../electron/core/inspection/export/tables.ts';
import type { Channel } from '../../shared/channels.ts';
import { suggestedReturnGrounds, type ReturnedDecision, type ReturnedDocument } from '../../shared/return-grounds.ts';
import { loadSeed, openUnit, password, type Unit } from '../inspection/seed.ts';

const concern = { term: '110101199003071234', category: 1 as const, basis: '条例第十五条', pii: true };

function draft(unit: Unit, key: string, attribute: 'proactive' | 'partial' | 'withheld', channels: Channel[], channelText = '') {
  const doc = loadSeed(unit, { key, title: `关于${key}事项的决定`, text: `关于${key}事项的决定\n当事人身份证号110101199003071234。`, date: '2025-03-01', concern });
  const action = attribute === 'partial' ? 'redact' : attribute === 'withheld' ? 'confirm' : 'dismiss';
  return saveDecision(unit.ctx, unit.team.drafter, {
    documentId: doc.documentId,
    attribute,
    reason: attribute === 'proactive' ? '' : '含个人隐私',
    basis: attribute === 'proactive' ? [] : ['条例第十五条'],
    basisText: '',
    justification: '经核实',
    dispositions: doc.findings.map((f) => ({ findingId: f.id, action, reason: '核实' })),
    redactions: [],
    channels,
    channelText,
  });
}

function verify(file: string) {
  const store = openStore(file, { readonly: true });
  try {
    return verifyRecord(store);
  } finally {
    store.close();
  }
}

/** Edits one column of one decision as someone with the file would: triggers dropped, edited, put back as they were. */
function tamper(file: string, decisionId: number, column: string, value: string) {
  const db = new Database(file);
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'decisions'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  db.prepare(`UPDATE decisions SET "${column}" = ? WHERE id = ?`).run(value, decisionId);
  for (const t of triggers) db.exec(t.sql);
  db.close();
}

const code = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('公开方式 with the decision', () => {
  it('is required for 主动公开 and 部分公开, with `other` written out, and refused for a decision that is not released', () => {
    const unit = openUnit();
    const none = draft(unit, 'A', 'proactive', []);
    expect(code(() => submitDecision(unit.ctx, unit.team.drafter, none.id))).toBe('incomplete');
    const blank = draft(unit, 'B', 'partial', ['other'], '  ');
    expect(code(() => submitDecision(unit.ctx, unit.team.drafter, blank.id))).toBe('incomplete');
    expect(code(() => draft(unit, 'C', 'withheld', ['website']))).toBe('invalid');
    const written = draft(unit, 'D', 'partial', ['other', 'website'], '新闻发布会');
    expect(written).toMatchObject({ channels: ['website', 'other'], channelText: '新闻发布会' });
    expect(submitDecision(unit.ctx, unit.team.drafter, written.id).state).toBe('submitted');
    // Text written for an `other` no longer ticked says nothing and is not kept.
    expect(draft(unit, 'E', 'proactive', ['gazette'], '残留').channelText).toBe('');
  });

  it('is signed: the statement carries it, and a channel edited in the row fails verify and every signed read', () => {
    const unit = openUnit();
    const d = draft(unit, 'A', 'proactive', ['website', 'gazette']);
    submitDecision(unit.ctx, unit.team.drafter, d.id);
    const signOff = signDecision(unit.ctx, unit.team.signer, d.id, password);
    expect(signOff.statement).toMatchObject({ channels: ['website', 'gazette'], channelText: '' });
    expect(signedDecision(unit.ctx, d.id).decision.channels).toEqual(['website', 'gazette']);
    unit.ctx.store.close();
    expect(verify(unit.file).intact).toBe(true);

    tamper(unit.file, d.id, 'channels', '["website"]');
    const report = verify(unit.file);
    expect(report.intact).toBe(false);
    expect(report.firstBroken).toMatchObject({ code: 'record-mismatch' });
    expect(report.firstBroken?.message).toContain('channels');
  });

  it('a channel edited in the row of a draft is caught too: the draft entry carries it', () => {
    const unit = openUnit();
    const d = draft(unit, 'A', 'partial', ['board']);
    unit.ctx.store.close();
    tamper(unit.file, d.id, 'channels', '["website"]');
    expect(verify(unit.file).intact).toBe(false);
  });
});

describe('退文 grounds', () => {
  it('need at least one ground, and `other` needs the reason written', () => {
    const unit = openUnit();
    const d = draft(unit, 'A', 'partial', ['website']);
    submitDecision(unit.ctx, unit.team.drafter, d.id);
    expect(code(() => returnDecision(unit.ctx, unit.team.reviewer, d.id, { grounds: [], reason: '请补充' }))).toBe('invalid');
    expect(code(() => returnDecision(unit.ctx, unit.team.reviewer, d.id, { grounds: ['other'], reason: ' ' }))).toBe('invalid');
    const back = returnDecision(unit.ctx, unit.team.reviewer, d.id, { grounds: ['other', 'basis-does-not-fit', 'other'], reason: '依据只引第十三条' });
    expect(back).toMatchObject({ state: 'returned', returnGrounds: ['basis-does-not-fit', 'other'], returnReason: '依据只引第十三条' });
  });

  it('go into the audit entry and the row, replay from the chain, and an edited ground fails verify', () => {
    const unit = openUnit();
    const d = draft(unit, 'A', 'partial', ['website']);
    submitDecision(unit.ctx, unit.team.drafter, d.id);
    returnDecision(unit.ctx, unit.team.reviewer, d.id, { grounds: ['interpretation-missing'], reason: '' });
    const entry = unit.ctx.store.audit.withActions(['decision.return']);
    expect([...entry].map((e) => JSON.parse(e.payload) as unknown)).toEqual([{ from: 'submitted', reason: '', grounds: ['interpretation-missing'] }]);
    expect(unit.ctx.store.decisions.queueList('returnedToMe', unit.team.drafter.id, 10)).toMatchObject([{ decisionId: d.id, returnGrounds: ['interpretation-missing'] }]);
    unit.ctx.store.close();
    expect(verify(unit.file).intact).toBe(true);
    tamper(unit.file, d.id, 'returnGrounds', '["note-contradicts"]');
    const report = verify(unit.file);
    expect(report.intact).toBe(false);
    expect(report.firstBroken?.message).toContain('returnGrounds');
  });

  it('are counted per year by ground in the annual figures and the report tables', () => {
    const unit = openUnit();
    const a = draft(unit, 'A', 'partial', ['website']);
    const b = draft(unit, 'B', 'proactive', ['gazette']);
    const giveBack = (id: number, at: string, grounds: Parameters<typeof returnDecision>[3]['grounds']) => {
      unit.at(at);
      submitDecision(unit.ctx, unit.team.drafter, id);
      returnDecision(unit.ctx, unit.team.reviewer, id, { grounds, reason: grounds.includes('other') ? '其他原因' : '' });
    };
    giveBack(a.id, '2024-12-30', ['note-contradicts']);
    giveBack(a.id, '2025-02-01', ['basis-does-not-fit', 'other']);
    giveBack(b.id, '2025-03-01', ['basis-does-not-fit']);
    const figures = annualFiguresFor(unit.ctx, 2025);
    const count = (ground: string) => figures.returns!.byGround.find((g) => g.ground === ground)!.count;
    expect(figures.returns!.total).toBe(2);
    expect(count('basis-does-not-fit')).toBe(2);
    expect(count('other')).toBe(1);
    expect(count('note-contradicts')).toBe(0);
    expect(annualFiguresFor(unit.ctx, 2024).returns).toMatchObject({ total: 1 });
    const table = annualTables(2025, figures).at(-1)!;
    expect(table.title).toContain('退文');
    expect(table.rows).toContainEqual(['依据与公开属性不符', 2]);
    expect(table.rows.at(-1)).toEqual(['退文总次数', 2]);
  });
});

describe('suggested 退文 grounds', () => {
  const decision = (d: Partial<ReturnedDecision>): ReturnedDecision => ({ attribute: 'withheld', reason: '内部事务', basis: ['条例第十六条第一款'], basisText: '', ...d });
  const doc = (d: Partial<ReturnedDocument> = {}, note: string | null = null): ReturnedDocument => ({ title: '关于调整内部考勤的通知', text: '各科室：……', metadata: { note }, lacksInterpretation: false, ...d });

  it('suggests nothing for a withheld decision with reason and a fitting basis', () => {
    expect(suggestedReturnGrounds(decision({}), doc())).toEqual([]);
  });

  it('sees a basis that does not fit (withheld citing only 第十三条) and a missing reason', () => {
    expect(suggestedReturnGrounds(decision({ basis: ['条例第十三条'] }), doc())).toEqual(['basis-does-not-fit']);
    expect(suggestedReturnGrounds(decision({ reason: '', basis: [] }), doc())).toEqual(['reason-or-basis-missing']);
  });

  it('sees a 附注 that states another attribute', () => {
    expect(suggestedReturnGrounds(decision({}), doc({}, '（此件公开发布）'))).toEqual(['note-contradicts']);
    expect(suggestedReturnGrounds(decision({ attribute: 'proactive', reason: '', basis: [] }), doc({}, '（此件公开发布）'))).toEqual([]);
  });

  it('sees a 请示 for issue in the government’s name that proposes no attribute', () => {
    const request = doc({ title: '关于印发某某工作方案的请示', text: '市政府：\n拟以市政府办公室名义印发该方案，妥否，请批示。' });
    expect(suggestedReturnGrounds(decision({ attribute: 'proactive', reason: '', basis: [] }), request)).toEqual(['no-attribute-proposal']);
    const proposing = doc({ title: request.title, text: `${request.text}\n建议公开属性为主动公开。` });
    expect(suggestedReturnGrounds(decision({ attribute: 'proactive', reason: '', basis: [] }), proposing)).toEqual([]);
  });

  it('takes the publication stage’s verdict on the 解读, except for a withheld decision, which is not published', () => {
    const policy = doc({ title: '某某市促进就业若干措施', text: '为促进就业……', lacksInterpretation: true });
    expect(suggestedReturnGrounds(decision({ attribute: 'proactive', reason: '', basis: [] }), policy)).toEqual(['interpretation-missing']);
    expect(suggestedReturnGrounds(decision({ attribute: 'proactive', reason: '', basis: [] }), { ...policy, lacksInterpretation: false })).toEqual([]);
    expect(suggestedReturnGrounds(decision({}), policy)).toEqual([]);
  });
});
