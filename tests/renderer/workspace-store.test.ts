import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packContent } from '../../shared/ipc/document-content.ts';
import type { DecisionInput, DecisionView, PackedDocumentDetail } from '../../shared/ipc/records.ts';
import type { WorkflowAction } from '../../shared/workflow.ts';
import { useNotices } from '../../renderer/src/stores/notices.ts';
import { useSession } from '../../renderer/src/stores/session.ts';
import { useWorkspace } from '../../renderer/src/stores/workspace.ts';
import { toInput } from '../../renderer/src/workspace/decision.ts';
import { idCard, mention, mobile, name, paragraphs, partialSuggestion, text } from './fixtures.ts';

const findings = [idCard, mobile, name, mention];
const refusal = { code: 'invalid', message: '只有“部分公开”才能标记删除段落。' };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A core that keeps one draft decision per document and refuses, as the real one does, redaction marks
 * under any attribute but 部分公开. `hold` makes the next saves wait until released, to stage races.
 */
function fakeCore() {
  const decisions = new Map<number, DecisionView>();
  const state = { history: [] as { seq: number; action: string; user: string }[], saves: [] as DecisionInput[], submitted: [] as DecisionView[], refuseAll: null as { code: string; message: string } | null, gates: [] as ReturnType<typeof deferred>[] };
  let nextId = 1;
  const detail = (documentId: number): PackedDocumentDetail => {
    const current = decisions.get(documentId) ?? null;
    const actions: WorkflowAction[] = !current ? ['draft'] : current.state === 'draft' ? ['edit', 'submit'] : [];
    return {
      id: documentId,
      title: `文档${documentId}`,
      fileName: `${documentId}.docx`,
      state: current ? current.state : 'undecided',
      current,
      actions,
      decisions: current ? [current] : [],
      history: [],
      people: {},
      content: packContent({ text, paragraphs, findings, suggestion: partialSuggestion }),
    } as unknown as PackedDocumentDetail;
  };
  const api = {
    getDocument: vi.fn(async ({ documentId }: { documentId: number }) => detail(documentId)),
    saveDecision: vi.fn(async (input: DecisionInput) => {
      state.saves.push(structuredClone(input));
      const gate = state.gates.shift();
      if (gate) await gate.promise;
      if (state.refuseAll) throw state.refuseAll;
      if (input.attribute !== 'partial' && (input.redactions.length > 0 || input.dispositions.some((d) => d.action === 'redact'))) throw refusal;
      const before = decisions.get(input.documentId);
      const { documentId, dispositions, ...content } = input;
      const decision = { ...before, id: before?.id ?? nextId++, documentId, state: 'draft', draftedBy: 'zhangni', reviewRequired: false, ...content, dispositions } as unknown as DecisionView;
      decisions.set(documentId, decision);
      return decision;
    }),
    submitDecision: vi.fn(async ({ decisionId }: { decisionId: number }) => {
      const decision = [...decisions.values()].find((d) => d.id === decisionId)!;
      const submitted = { ...decision, state: 'submitted' } as DecisionView;
      decisions.set(decision.documentId, submitted);
      state.submitted.push(submitted);
      state.history.push({ seq: state.history.length + 1, action: 'decision.submit', user: 'zhangni' });
      return submitted;
    }),
    listAudit: vi.fn(async () => ({ entries: [...state.history].reverse(), total: state.history.length, people: { zhangni: '张拟稿' } })),
    queues: vi.fn(async () => ({ counts: { myDrafts: 0, returnedToMe: 0, awaitingReview: 0, awaitingSignature: 0 }, myDrafts: [], returnedToMe: [], awaitingReview: [], awaitingSignature: [], people: {} })),
  };
  Object.assign(window, { api });
  return { api, decisions, state, hold: () => { const gate = deferred(); state.gates.push(gate); return gate; } };
}

const ws = () => useWorkspace.getState();
const errors = () => useNotices.getState().notices.filter((n) => n.kind === 'error');

beforeEach(async () => {
  useNotices.getState().clear();
  // Each test starts signed in afresh: nothing kept from the one before.
  fakeCore();
  await ws().release();
  useSession.setState({ user: { id: 3, name: 'zhangni', displayName: '张拟稿', roles: ['drafter'], keyFingerprint: 'f' } });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('toInput', () => {
  it('never sends redaction marks or redact dispositions with an attribute other than 部分公开', () => {
    const fields = { attribute: 'withheld' as const, reason: '理由', basis: ['条例第十五条'], basisText: '', justification: '', redactions: [{ start: idCard.start, end: idCard.end, basis: '条例第十五条', findingId: idCard.id }], channels: ['website' as const], channelText: '' };
    const input = toInput(1, fields, { [mobile.id]: { findingId: mobile.id, action: 'confirm', reason: '' } });
    expect(input.redactions).toEqual([]);
    expect(input.channels).toEqual([]);
    expect(input.dispositions).toEqual([{ findingId: mobile.id, action: 'confirm', reason: '' }]);
    expect(toInput(1, { ...fields, attribute: 'partial' }, {}).channels).toEqual(['website']);
    expect(toInput(1, { ...fields, attribute: 'partial' }, {}).dispositions).toEqual([{ findingId: idCard.id, action: 'redact', reason: '条例第十五条' }]);
  });
});

describe('workspace store', () => {
  it('sets the redaction marks aside when the attribute leaves 部分公开 and restores the officer’s own marks when it returns', async () => {
    const core = fakeCore();
    await ws().open(1);
    expect(ws().fields!.redactions.map((r) => r.findingId)).toEqual([idCard.id, mobile.id, name.id]);
    ws().change({ redactions: ws().fields!.redactions.filter((r) => r.findingId !== mobile.id) });
    ws().change({ reason: '删除个人信息后公开' });
    ws().change({ attribute: 'withheld' });
    expect(ws().fields!.redactions).toEqual([]);
    expect(ws().aside!.map((r) => r.findingId)).toEqual([idCard.id, name.id]);
    expect(ws().fields!.reason).toBe('删除个人信息后公开');

    expect(await ws().save()).not.toBeNull();
    expect(core.state.saves.at(-1)).toMatchObject({ attribute: 'withheld', redactions: [], reason: '删除个人信息后公开' });
    expect(ws().saveProblem).toBeNull();

    ws().change({ attribute: 'proactive' });
    ws().change({ attribute: 'partial' });
    expect(ws().fields!.redactions.map((r) => r.findingId)).toEqual([idCard.id, name.id]);
    expect(ws().aside).toBeNull();
  });

  it('keeps the marks set aside for the next opening of the document in the same session, and forgets them at sign-out', async () => {
    fakeCore();
    await ws().open(1);
    ws().change({ redactions: [ws().fields!.redactions[0]!] });
    ws().change({ attribute: 'withheld' });
    await ws().leave(1);
    await ws().open(2);
    await ws().leave(2);
    await ws().open(1);
    expect(ws().fields!.attribute).toBe('withheld');
    expect(ws().aside!.map((r) => r.findingId)).toEqual([idCard.id]);
    await ws().leave(1);

    expect(await ws().release()).toBe(true);
    await ws().open(1);
    expect(ws().aside).toBeNull();
    ws().change({ attribute: 'partial' });
    expect(ws().fields!.redactions.map((r) => r.findingId)).toEqual([idCard.id, mobile.id, name.id]);
  });

  it('does not overwrite what is typed while the first save is on its way, and saves it next', async () => {
    const core = fakeCore();
    await ws().open(1);
    const gate = core.hold();
    ws().change({ attribute: 'withheld', reason: '第一稿' });
    const first = ws().save();
    ws().change({ reason: '第一稿，又补充了一句' });
    gate.resolve();
    await first;
    expect(ws().fields!.reason).toBe('第一稿，又补充了一句');
    expect(ws().dirty).toBe(true);
    await ws().save();
    expect(core.decisions.get(1)!.reason).toBe('第一稿，又补充了一句');
    expect(ws().dirty).toBe(false);
  });

  it('sends saves one at a time in the order they were made, so an older one never lands on a newer one', async () => {
    const core = fakeCore();
    await ws().open(1);
    const gate = core.hold();
    ws().change({ attribute: 'withheld', reason: '旧' });
    const older = ws().save();
    ws().change({ reason: '新' });
    const newer = ws().save();
    await vi.waitFor(() => expect(core.api.saveDecision).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(core.api.saveDecision).toHaveBeenCalledTimes(1);
    gate.resolve();
    await Promise.all([older, newer]);
    expect(core.state.saves.map((s) => s.reason)).toEqual(['旧', '新']);
    expect(core.decisions.get(1)!.reason).toBe('新');
  });

  it('shows a refused save once beside the form, without a notice, and autosave does not send the same input again', async () => {
    vi.useFakeTimers();
    const core = fakeCore();
    await ws().open(1);
    core.state.refuseAll = { code: 'not-signed-in', message: '请先登录。' };
    ws().change({ attribute: 'withheld', reason: '理由' });
    await vi.advanceTimersByTimeAsync(600);
    expect(ws().saveProblem).toEqual({ code: 'not-signed-in', text: '请先登录。' });
    expect(core.api.saveDecision).toHaveBeenCalledTimes(1);
    ws().select(idCard.id);
    ws().cancelDismiss();
    await vi.advanceTimersByTimeAsync(5000);
    expect(core.api.saveDecision).toHaveBeenCalledTimes(1);
    expect(errors()).toEqual([]);

    ws().change({ reason: '理由，补充' });
    await vi.advanceTimersByTimeAsync(600);
    expect(core.api.saveDecision).toHaveBeenCalledTimes(2);
    expect(ws().saveProblem).not.toBeNull();

    core.state.refuseAll = null;
    expect(await ws().save()).not.toBeNull();
    expect(ws().saveProblem).toBeNull();
    expect(core.decisions.get(1)!.reason).toBe('理由，补充');
  });

  it('keeps the edits of a document left with a refused save and saves them when it is opened again', async () => {
    const core = fakeCore();
    await ws().open(1);
    ws().change({ attribute: 'withheld', reason: '离开前写的' });
    core.state.refuseAll = { code: 'db-busy', message: '数据库忙，请稍后再试。' };
    await ws().leave(1);
    expect(errors().map((n) => n.text)).toEqual(['《文档1》的修改未能保存：数据库忙，请稍后再试。 修改已暂存，重新打开该文档即可继续。']);

    core.state.refuseAll = null;
    await ws().open(1);
    expect(ws().fields!.reason).toBe('离开前写的');
    await vi.waitFor(() => expect(core.decisions.get(1)?.reason).toBe('离开前写的'));
    await vi.waitFor(() => expect(ws().dirty).toBe(false));
  });

  it('refuses sign-out while typed input cannot be saved, and lets it go once the officer discards it', async () => {
    const core = fakeCore();
    await ws().open(1);
    ws().change({ attribute: 'withheld', reason: '保存不了的理由' });
    core.state.refuseAll = { code: 'db-busy', message: '数据库忙，请稍后再试。' };
    expect(await ws().release()).toBe(false);
    expect(errors().at(-1)!.text).toContain('《文档1》有未能保存的修改，尚未退出登录');
    expect(ws().fields!.reason).toBe('保存不了的理由');
    ws().discard();
    expect(ws().fields!.reason).toBe('');
    expect(ws().saveProblem).toBeNull();
    expect(await ws().release()).toBe(true);
  });

  it('does not submit when the save before it is refused: the decision under review is always the one on screen', async () => {
    const core = fakeCore();
    await ws().open(1);
    ws().change({ attribute: 'withheld', reason: '初稿' });
    await ws().save();
    ws().change({ reason: '改过的理由' });
    core.state.refuseAll = { code: 'db-busy', message: '数据库忙，请稍后再试。' };
    expect(await ws().submit()).toBe(false);
    expect(core.api.submitDecision).not.toHaveBeenCalled();
    expect(ws().saveProblem?.text).toBe('数据库忙，请稍后再试。');

    core.state.refuseAll = null;
    expect(await ws().submit()).toBe(true);
    expect(core.state.submitted.map((d) => d.reason)).toEqual(['改过的理由']);
  });

  it('keeps a dismissal reason being typed when the officer moves to another finding and back', () => {
    fakeCore();
    ws().draftDismiss(idCard.id, '公务人员');
    ws().select(mobile.id);
    expect(ws().dismissDrafts[idCard.id]).toBe('公务人员');
  });
});

describe('notices', () => {
  it('shows the same error once however often it happens', () => {
    for (let i = 0; i < 5; i++) useNotices.getState().fail(refusal);
    expect(errors()).toHaveLength(1);
  });

  it('after submitting, shows the decision the core answered with and fetches only the newer history, never the whole document again', async () => {
    const core = fakeCore();
    await ws().open(1);
    ws().change({ reason: '  删除个人信息后公开  ' });
    expect(await ws().save()).not.toBeNull();
    const reads = core.api.getDocument.mock.calls.length;
    expect(await ws().submit()).toBe(true);
    expect(core.api.getDocument.mock.calls.length).toBe(reads);
    const detail = ws().detail!;
    expect([detail.state, detail.current!.state]).toEqual(['submitted', 'submitted']);
    expect(detail.actions).toEqual([]);
    expect(detail.history.map((e) => e.action)).toEqual(['decision.submit']);
    expect(detail.people).toMatchObject({ zhangni: '张拟稿' });
  });
});
