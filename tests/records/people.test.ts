import { describe, expect, it } from 'vitest';
import { approveDecision, returnDecision, saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { auditPage, documentDetail, queues } from '../../electron/core/register/documents.ts';
import { addUser, authenticate } from '../../electron/core/accounts/users.ts';
import type { Actor, Context } from '../../electron/core/kernel/context.ts';
import type { Role } from '../../shared/types.ts';
import { loadSample, openTestRecords, password, privacyDecision } from './helpers.ts';

function office() {
  const ctx = openTestRecords();
  const make = (name: string, displayName: string, roles: Role[], by: Actor | null) => {
    addUser(ctx, by && { actor: by, password }, { name, displayName, password, roles });
    return authenticate(ctx, name, password, 'app');
  };
  const admin = make('admin', '王管理', ['admin'], null);
  return {
    ctx,
    drafter: make('zhangni', '张拟稿', ['drafter'], admin),
    reviewer: make('lishen', '李审查', ['reviewer'], admin),
    // A login name that is also an Object.prototype key must still map to its own display name.
    signer: make('constructor', '赵签发', ['signer'], admin),
  };
}

function signedDocument(ctx: Context, team: ReturnType<typeof office>) {
  const { outcome, findings } = loadSample(ctx, team.drafter);
  const draft = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id, 'withheld', '涉及未成年人'));
  submitDecision(ctx, team.drafter, draft.id);
  returnDecision(ctx, team.reviewer, draft.id, { grounds: ['other'], reason: '请核对' });
  submitDecision(ctx, team.drafter, draft.id);
  approveDecision(ctx, team.reviewer, draft.id, null);
  signDecision(ctx, team.signer, draft.id, password);
  return outcome.documentId;
}

describe('display names beside login names', () => {
  it('names the drafter, reviewer and signer of a document, its history and its sign statement', () => {
    const team = office();
    const documentId = signedDocument(team.ctx, team);
    const detail = documentDetail(team.ctx, team.reviewer, documentId);
    expect(detail.people).toEqual({ zhangni: '张拟稿', lishen: '李审查', constructor: '赵签发' });
    expect(Object.hasOwn(detail.people, 'constructor')).toBe(true);
    expect(detail.current).toMatchObject({ draftedBy: 'zhangni', reviewedBy: 'lishen', signedBy: 'constructor' });
    expect(detail.current?.signStatement).toMatchObject({ draftedBy: 'zhangni', reviewedBy: 'lishen', signer: 'constructor' });
    expect(new Set(detail.history.map((e) => e.user))).toEqual(new Set(['zhangni', 'lishen', 'constructor']));
  });

  it('names the drafters of queued items', () => {
    const team = office();
    const { outcome, findings } = loadSample(team.ctx, team.drafter);
    const draft = saveDecision(team.ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id, 'withheld', '涉及未成年人'));
    submitDecision(team.ctx, team.drafter, draft.id);
    const q = queues(team.ctx, team.reviewer, 10);
    expect(q.awaitingReview.map((i) => i.draftedBy)).toEqual(['zhangni']);
    expect(q.people).toEqual({ zhangni: '张拟稿' });
    expect(queues(team.ctx, team.drafter, 10).people).toEqual({});
  });

  it('keeps audit entries as recorded and adds the display names of their users, leaving out names no account holds', () => {
    const team = office();
    expect(() => authenticate(team.ctx, 'nobody', 'wrong', 'app')).toThrow();
    signedDocument(team.ctx, team);
    const page = auditPage(team.ctx, { limit: 1000 });
    expect(page.entries.some((e) => e.action === 'login.failed' && e.user === null)).toBe(true);
    expect(page.entries.filter((e) => e.action === 'decision.sign').map((e) => e.user)).toEqual(['constructor']);
    expect(page.people).toEqual({ admin: '王管理', zhangni: '张拟稿', lishen: '李审查', constructor: '赵签发' });
    expect(auditPage(team.ctx, { user: 'lishen' }).people).toEqual({ lishen: '李审查' });
  });
});
