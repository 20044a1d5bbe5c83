import type { Attribute, DecisionState, Role } from './types.ts';

/**
 * The decision workflow as pure data, so core enforces and the UI offers exactly the same actions.
 * `draft` starts a decision on a document without one; `supersede` starts a new decision that replaces a signed one.
 */
export type WorkflowAction = 'draft' | 'supersede' | 'edit' | 'submit' | 'approve' | 'return' | 'sign';

export type ReviewPolicy = 'all' | 'on-request-withheld';

export interface WorkflowSubject {
  state: DecisionState;
  attribute: Attribute;
  draftedBy: number;
  /** Fixed when the decision is submitted, from the attribute and the review policy at that moment. */
  reviewRequired: boolean;
}

export interface WorkflowActor {
  id: number;
  roles: readonly Role[];
}

interface Transition {
  from: DecisionState | 'none';
  action: WorkflowAction;
  to: DecisionState;
  role: Role;
  /** Only the decision's drafter may take this step. */
  drafterOnly: boolean;
  /** Separation of duties: the drafter may never take this step. */
  notDrafter: boolean;
  /** The step is open only when the decision did not have to pass the reviewer. */
  onlyWithoutReview: boolean;
}

const t = (from: Transition['from'], action: WorkflowAction, to: DecisionState, role: Role, who: 'drafter' | 'other' | 'any', onlyWithoutReview = false): Transition => ({
  from,
  action,
  to,
  role,
  drafterOnly: who === 'drafter',
  notDrafter: who === 'other',
  onlyWithoutReview,
});

const transitions: readonly Transition[] = [
  t('none', 'draft', 'draft', 'drafter', 'any'),
  t('signed', 'supersede', 'draft', 'drafter', 'any'),
  t('draft', 'edit', 'draft', 'drafter', 'drafter'),
  t('returned', 'edit', 'returned', 'drafter', 'drafter'),
  t('draft', 'submit', 'submitted', 'drafter', 'drafter'),
  t('returned', 'submit', 'submitted', 'drafter', 'drafter'),
  t('submitted', 'approve', 'approved', 'reviewer', 'other'),
  t('submitted', 'return', 'returned', 'reviewer', 'other'),
  t('submitted', 'return', 'returned', 'signer', 'other'),
  t('approved', 'return', 'returned', 'signer', 'other'),
  t('approved', 'sign', 'signed', 'signer', 'other'),
  t('submitted', 'sign', 'signed', 'signer', 'other', true),
];

export function reviewRequired(attribute: Attribute, policy: ReviewPolicy): boolean {
  return policy === 'all' || attribute === 'on-request' || attribute === 'withheld';
}

export type TransitionRefusal = 'not-allowed' | 'role' | 'own-draft' | 'not-drafter' | 'review-required';

type TransitionCheck = { ok: true; to: DecisionState; role: Role } | { ok: false; refusal: TransitionRefusal };

/** Whether `actor` may take `action` on `subject` (null: the document has no decision yet). */
export function checkTransition(subject: WorkflowSubject | null, action: WorkflowAction, actor: WorkflowActor): TransitionCheck {
  const from = subject ? subject.state : 'none';
  const candidates = transitions.filter((tr) => tr.from === from && tr.action === action);
  if (candidates.length === 0) return { ok: false, refusal: 'not-allowed' };
  const withRole = candidates.filter((tr) => actor.roles.includes(tr.role));
  if (withRole.length === 0) return { ok: false, refusal: 'role' };
  let refusal: TransitionRefusal = 'not-allowed';
  for (const tr of withRole) {
    const isDrafter = subject !== null && subject.draftedBy === actor.id;
    if (tr.drafterOnly && !isDrafter) refusal = 'not-drafter';
    else if (tr.notDrafter && isDrafter) refusal = 'own-draft';
    else if (tr.onlyWithoutReview && subject?.reviewRequired) refusal = 'review-required';
    else return { ok: true, to: tr.to, role: tr.role };
  }
  return { ok: false, refusal };
}

const allActions: readonly WorkflowAction[] = ['draft', 'supersede', 'edit', 'submit', 'approve', 'return', 'sign'];

export function allowedActions(subject: WorkflowSubject | null, actor: WorkflowActor): WorkflowAction[] {
  return allActions.filter((action) => checkTransition(subject, action, actor).ok);
}
