import { describe, expect, it } from 'vitest';
import { allowedActions, checkTransition, reviewRequired, type WorkflowAction, type WorkflowActor, type WorkflowSubject } from '../../shared/workflow.ts';
import type { DecisionState } from '../../shared/types.ts';

const actors: Record<string, WorkflowActor> = {
  self: { id: 1, roles: ['drafter', 'reviewer', 'signer', 'admin'] },
  drafter2: { id: 2, roles: ['drafter'] },
  reviewer: { id: 3, roles: ['reviewer'] },
  signer: { id: 4, roles: ['signer'] },
};
const states: (DecisionState | 'none')[] = ['none', 'draft', 'submitted', 'returned', 'approved', 'signed'];
const actions: WorkflowAction[] = ['draft', 'supersede', 'edit', 'submit', 'approve', 'return', 'sign'];

/** Written out by hand from issue 5: state:action:actor:reviewRequired. */
const expectedAllowed = new Set([
  'none:draft:self:-',
  'none:draft:drafter2:-',
  'signed:supersede:self:no',
  'signed:supersede:drafter2:no',
  'signed:supersede:self:yes',
  'signed:supersede:drafter2:yes',
  'draft:edit:self:no',
  'draft:edit:self:yes',
  'draft:submit:self:no',
  'draft:submit:self:yes',
  'returned:edit:self:no',
  'returned:edit:self:yes',
  'returned:submit:self:no',
  'returned:submit:self:yes',
  'submitted:approve:reviewer:no',
  'submitted:approve:reviewer:yes',
  'submitted:return:reviewer:no',
  'submitted:return:reviewer:yes',
  'submitted:return:signer:no',
  'submitted:return:signer:yes',
  'submitted:sign:signer:no',
  'approved:return:signer:no',
  'approved:return:signer:yes',
  'approved:sign:signer:no',
  'approved:sign:signer:yes',
]);

function* cases() {
  for (const state of states)
    for (const review of state === 'none' ? ['-'] : ['no', 'yes'])
      for (const action of actions)
        for (const [who, actor] of Object.entries(actors)) {
          const subject: WorkflowSubject | null = state === 'none' ? null : { state, attribute: 'proactive', draftedBy: 1, reviewRequired: review === 'yes' };
          yield { key: `${state}:${action}:${who}:${review}`, subject, action, actor };
        }
}

describe('workflow transition table', () => {
  it('allows exactly the transitions of issue 5 and forbids every other one', () => {
    const allowed = new Set<string>();
    for (const c of cases()) if (checkTransition(c.subject, c.action, c.actor).ok) allowed.add(c.key);
    expect([...allowed].sort()).toEqual([...expectedAllowed].sort());
  });

  it('moves each allowed step to the documented next state', () => {
    const subject = (state: DecisionState, required = false): WorkflowSubject => ({ state, attribute: 'withheld', draftedBy: 1, reviewRequired: required });
    expect(checkTransition(null, 'draft', actors.drafter2!)).toMatchObject({ ok: true, to: 'draft' });
    expect(checkTransition(subject('draft'), 'submit', actors.self!)).toMatchObject({ ok: true, to: 'submitted' });
    expect(checkTransition(subject('submitted'), 'approve', actors.reviewer!)).toMatchObject({ ok: true, to: 'approved', role: 'reviewer' });
    expect(checkTransition(subject('submitted'), 'return', actors.reviewer!)).toMatchObject({ ok: true, to: 'returned' });
    expect(checkTransition(subject('returned'), 'submit', actors.self!)).toMatchObject({ ok: true, to: 'submitted' });
    expect(checkTransition(subject('approved'), 'sign', actors.signer!)).toMatchObject({ ok: true, to: 'signed', role: 'signer' });
    expect(checkTransition(subject('signed'), 'supersede', actors.drafter2!)).toMatchObject({ ok: true, to: 'draft' });
  });

  it('names why a step is refused: own draft, not the drafter, missing role, review still required', () => {
    const mine: WorkflowSubject = { state: 'submitted', attribute: 'withheld', draftedBy: 1, reviewRequired: true };
    expect(checkTransition(mine, 'approve', actors.self!)).toEqual({ ok: false, refusal: 'own-draft' });
    expect(checkTransition(mine, 'sign', actors.self!)).toEqual({ ok: false, refusal: 'own-draft' });
    expect(checkTransition(mine, 'sign', actors.signer!)).toEqual({ ok: false, refusal: 'review-required' });
    expect(checkTransition(mine, 'approve', actors.signer!)).toEqual({ ok: false, refusal: 'role' });
    expect(checkTransition({ ...mine, state: 'draft' }, 'submit', actors.drafter2!)).toEqual({ ok: false, refusal: 'not-drafter' });
    expect(checkTransition({ ...mine, state: 'signed' }, 'edit', actors.self!)).toEqual({ ok: false, refusal: 'not-allowed' });
  });

  it('requires review for on-request and withheld, and for every attribute under the "all" policy', () => {
    expect(['proactive', 'partial', 'on-request', 'withheld'].map((a) => reviewRequired(a as never, 'on-request-withheld'))).toEqual([false, false, true, true]);
    expect(['proactive', 'partial', 'on-request', 'withheld'].map((a) => reviewRequired(a as never, 'all'))).toEqual([true, true, true, true]);
  });

  it('lists for the UI exactly the actions core would accept', () => {
    for (const c of cases()) {
      const listed = allowedActions(c.subject, c.actor).includes(c.action);
      expect(listed, c.key).toBe(checkTransition(c.subject, c.action, c.actor).ok);
    }
  });
});
