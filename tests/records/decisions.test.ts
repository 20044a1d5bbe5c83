import { describe, expect, it } from 'vitest';
import { approveDecision, returnDecision, saveDecision, signDecision, signPreview, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { documentDetail, queues } from '../../electron/core/register/documents.ts';
import { unpackDocument } from '../../shared/ipc/records.ts';
import { writeSettings } from '../../electron/core/workflow/settings.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import type { Context } from '../../electron/core/kernel/context.ts';
import type { DecisionInput } from '../../shared/ipc/records.ts';
import { loadSample, makeTeam, openTestRecords, password, type Team } from './helpers.ts';

function setup() {
  const ctx = openTestRecords();
  const team = makeTeam(ctx);
  const { outcome, findings } = loadSample(ctx, team.drafter);
  return { ctx, team, documentId: outcome.documentId, finding: findings[0]! };
}

const partialInput = (documentId: number, findingId: string): DecisionInput => ({
  documentId,
  attribute: 'partial',
  reason: '含当事人身份证号，属个人隐私',
  basis: ['条例第十五条', '条例第三十七条'],
  basisText: '',
  justification: '',
  dispositions: [{ findingId, action: 'redact', reason: '' }],
  redactions: [],
  channels: ['website'],
});

const withheldInput = (documentId: number, findingId: string): DecisionInput => ({
  ...partialInput(documentId, findingId),
  attribute: 'withheld',
  justification: '处罚涉及未成年人，整体不宜公开',
  dispositions: [{ findingId, action: 'confirm', reason: '' }],
  channels: [],
});

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
}

describe('decisions', () => {
  it('runs the full life of a partial decision: draft, submit, return with reason, resubmit, approve, sign', () => {
    const { ctx, team, documentId, finding } = setup();
    const draft = saveDecision(ctx, team.drafter, partialInput(documentId, finding.id));
    expect(draft.state).toBe('draft');
    expect(draft.redactions).toEqual([{ start: finding.start, end: finding.end, basis: '条例第十五条', findingId: finding.id }]);
    expect(submitDecision(ctx, team.drafter, draft.id).state).toBe('submitted');
    expect(returnDecision(ctx, team.reviewer, draft.id, { grounds: ['other'], reason: '手机号也应删除' }).returnReason).toBe('手机号也应删除');
    expect(queues(ctx, team.drafter, 10).counts.returnedToMe).toBe(1);
    const text = unpackDocument(documentDetail(ctx, team.drafter, documentId)).text!;
    const phone = text.indexOf('13812345678');
    saveDecision(ctx, team.drafter, { ...partialInput(documentId, finding.id), redactions: [{ start: phone, end: phone + 11, basis: '条例第十五条', findingId: null }] });
    expect(submitDecision(ctx, team.drafter, draft.id).state).toBe('submitted');
    expect(approveDecision(ctx, team.reviewer, draft.id, null).state).toBe('approved');
    expect(queues(ctx, team.signer, 10).awaitingSignature.map((q) => q.decisionId)).toEqual([draft.id]);
    const signOff = signDecision(ctx, team.signer, draft.id, password);
    expect(signOff.decision.state).toBe('signed');
    expect(signOff.statement).toMatchObject({ attribute: 'partial', decisionId: draft.id, documentSha256: signOff.decision.documentSha256, signer: 'signer', reviewedBy: 'reviewer', categories: [1] });
    expect(signOff.statement.redactions).toHaveLength(2);
    const detail = documentDetail(ctx, team.drafter, documentId);
    expect(detail).toMatchObject({ state: 'signed', attribute: 'partial', signedAttribute: 'partial' });
    expect(detail.actions).toEqual(['supersede']);
    expect(detail.history.map((e) => e.action)).toEqual([
      'document.load',
      'document.scan',
      'decision.draft',
      'finding.redact',
      'decision.submit',
      'decision.return',
      'decision.save',
      'decision.submit',
      'decision.approve',
      'decision.sign',
    ]);
    const report = verifyRecord(ctx.store);
    expect(report.firstBroken).toBeNull();
    expect(report).toMatchObject({ intact: true, signatures: 1 });
  });

  it('lets proactive and partial go straight to the signer but holds on-request and withheld for the reviewer', () => {
    const { ctx, team, documentId, finding } = setup();
    const d = saveDecision(ctx, team.drafter, withheldInput(documentId, finding.id));
    submitDecision(ctx, team.drafter, d.id);
    expect(code(() => signDecision(ctx, team.signer, d.id, password))).toBe('not-allowed');
    expect(queues(ctx, team.signer, 10).counts.awaitingSignature).toBe(0);
    expect(queues(ctx, team.reviewer, 10).counts.awaitingReview).toBe(1);
    approveDecision(ctx, team.reviewer, d.id, '同意');
    expect(signDecision(ctx, team.signer, d.id, password).decision.state).toBe('signed');

    const other = loadSample(ctx, team.drafter, '关于开展植树活动的通知\n各单位积极参加。', { title: '关于开展植树活动的通知' });
    const p = saveDecision(ctx, team.drafter, { documentId: other.outcome.documentId, attribute: 'proactive', reason: '', basis: [], basisText: '', justification: '', dispositions: [], redactions: [], channels: ['website'] });
    submitDecision(ctx, team.drafter, p.id);
    expect(p.reviewRequired).toBe(false);
    expect(signDecision(ctx, team.signer, p.id, password).decision.state).toBe('signed');
  });

  it('requires review of every attribute when the setting says so', () => {
    const { ctx, team, documentId, finding } = setup();
    ctx.store.write(() => writeSettings(ctx.store, { reviewPolicy: 'all' }));
    const d = saveDecision(ctx, team.drafter, partialInput(documentId, finding.id));
    expect(submitDecision(ctx, team.drafter, d.id).reviewRequired).toBe(true);
    expect(code(() => signDecision(ctx, team.signer, d.id, password))).toBe('not-allowed');
  });

  it('never lets a person review or sign a decision they drafted, whatever roles they hold', () => {
    const { ctx, team, documentId, finding } = setup();
    const d = saveDecision(ctx, team.all, partialInput(documentId, finding.id));
    submitDecision(ctx, team.all, d.id);
    expect(code(() => approveDecision(ctx, team.all, d.id, null))).toBe('separation-of-duties');
    expect(code(() => returnDecision(ctx, team.all, d.id, { grounds: ['other'], reason: '自己退回' }))).toBe('separation-of-duties');
    expect(code(() => signDecision(ctx, team.all, d.id, password))).toBe('separation-of-duties');
    expect(queues(ctx, team.all, 10).counts).toMatchObject({ awaitingReview: 0, awaitingSignature: 0 });
    expect(code(() => saveDecision(ctx, team.drafter, partialInput(documentId, finding.id)))).toBe('not-allowed');
  });

  it('refuses to submit without reason, basis, dispositions or a needed justification', () => {
    const { ctx, team, documentId, finding } = setup();
    const d = saveDecision(ctx, team.drafter, { ...withheldInput(documentId, finding.id), reason: '', basis: [], justification: '', dispositions: [] });
    let message = '';
    try {
      submitDecision(ctx, team.drafter, d.id);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('须填写理由');
    expect(message).toContain('须选择或填写依据');
    expect(message).toContain('尚有 1 处标记未处理');
    expect(message).toContain('更不公开');
    expect(d.justificationNeeded).toEqual([{ kind: 'less-open', suggested: 'partial', chosen: 'withheld' }]);
  });

  it('asks a justification for dismissing a high-score finding and a reason for any dismissal', () => {
    const { ctx, team, documentId, finding } = setup();
    expect(code(() => saveDecision(ctx, team.drafter, { ...partialInput(documentId, finding.id), attribute: 'proactive', dispositions: [{ findingId: finding.id, action: 'dismiss', reason: ' ' }] }))).toBe('invalid');
    const d = saveDecision(ctx, team.drafter, {
      documentId,
      attribute: 'proactive',
      reason: '',
      basis: [],
      basisText: '',
      justification: '',
      dispositions: [{ findingId: finding.id, action: 'dismiss', reason: '测试号码' }],
      redactions: [],
      channels: ['website'],
    });
    expect(d.justificationNeeded).toEqual([{ kind: 'high-score-dismissed', findingIds: [finding.id] }]);
    expect(code(() => submitDecision(ctx, team.drafter, d.id))).toBe('incomplete');
    const history = documentDetail(ctx, team.drafter, documentId).history;
    expect(history.find((e) => e.action === 'finding.dismiss')?.payload).toMatchObject({ findingId: finding.id, reason: '测试号码', score: 0.9 });
  });

  it('keeps a signed decision final; a later change is a new decision linked to it, with justification', () => {
    const { ctx, team, documentId, finding } = setup();
    const first = saveDecision(ctx, team.drafter, withheldInput(documentId, finding.id));
    submitDecision(ctx, team.drafter, first.id);
    approveDecision(ctx, team.reviewer, first.id, null);
    signDecision(ctx, team.signer, first.id, password);
    expect(() => ctx.store.connection.prepare("UPDATE decisions SET attribute = 'proactive' WHERE id = ?").run(first.id)).toThrow(/final/);

    const conversion = saveDecision(ctx, team.drafter, { ...partialInput(documentId, finding.id), justification: '' });
    expect(conversion.id).not.toBe(first.id);
    expect(conversion.supersedes).toBe(first.id);
    expect(conversion.justificationNeeded).toContainEqual({ kind: 'supersedes', decisionId: first.id });
    expect(code(() => submitDecision(ctx, team.drafter, conversion.id))).toBe('incomplete');
    saveDecision(ctx, team.drafter, { ...partialInput(documentId, finding.id), justification: '年度自查：处罚已执行完毕，可删除个人信息后公开' });
    submitDecision(ctx, team.drafter, conversion.id);
    const signed = signDecision(ctx, team.signer, conversion.id, password);
    expect(signed.statement.supersedes).toBe(first.id);
    const detail = documentDetail(ctx, team.drafter, documentId);
    expect(detail.decisions.map((d) => [d.id, d.state, d.supersededBy])).toEqual([
      [first.id, 'signed', conversion.id],
      [conversion.id, 'signed', null],
    ]);
    expect(detail.signedAttribute).toBe('partial');
  });

  it('rejects a wrong password at signing and leaves the decision unsigned', () => {
    const { ctx, team, documentId, finding } = setup();
    const d = saveDecision(ctx, team.drafter, partialInput(documentId, finding.id));
    submitDecision(ctx, team.drafter, d.id);
    expect(code(() => signDecision(ctx, team.signer, d.id, 'not the password'))).toBe('wrong-password');
    expect(ctx.store.decisions.get(d.id)!.state).toBe('submitted');
  });

  it('previews the statement a signature would cover', () => {
    const { ctx, team, documentId, finding } = setup();
    const d = saveDecision(ctx, team.drafter, partialInput(documentId, finding.id));
    submitDecision(ctx, team.drafter, d.id);
    const preview = signPreview(ctx, team.signer, d.id);
    const head = ctx.store.audit.head()!;
    expect(preview).toMatchObject({ decisionId: d.id, attribute: 'partial', seq: head.seq + 1, chainHead: head.hash, signer: 'signer' });
    const signed = signDecision(ctx, team.signer, d.id, password);
    expect({ ...signed.statement, time: '' }).toEqual({ ...preview, time: '' });
  });

  it('asks a justification when a classified draft is given any attribute but withheld', () => {
    const ctx: Context = openTestRecords();
    const team: Team = makeTeam(ctx);
    const { outcome } = loadSample(ctx, team.drafter, '机密★5年\n关于某事项的请示\n正文。', { classification: { level: '机密', period: '5年', raw: '机密★5年' } });
    const d = saveDecision(ctx, team.drafter, { documentId: outcome.documentId, attribute: 'proactive', reason: '', basis: [], basisText: '', justification: '', dispositions: [], redactions: [], channels: ['website'] });
    expect(d.justificationNeeded).toContainEqual({ kind: 'classified', level: '机密', chosen: 'proactive' });
  });
});
