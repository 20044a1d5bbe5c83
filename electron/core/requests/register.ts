import { appendEntry } from '../ledger/chain.ts';
import type { Actor, Context } from '../kernel/context.ts';
import { actingRole, today } from '../inspection/context.ts';
import { readCalendar } from '../inspection/config.ts';
import { localDay } from '../inspection/figures.ts';
import type { AnswerColumns, AppealRow, RequestRow } from '../db/requests.ts';
import { fail } from '../errors.ts';
import type { Role } from '../../../shared/types.ts';
import { readSettings } from '../workflow/settings.ts';
import { answerDeadline, isIsoDate, type WorkdayCalendar } from '../../../shared/workdays.ts';
import { answerBasisChoices, answerNeedsReason, answerNeedsReview, appealRecordedLate, recordedLate } from '../../../shared/request-rules.ts';
import type { AnswerReview, AppealInput, AppealResultInput, AppealView, RequestAnswer, RequestCounts, RequestExtension, RequestFilter, RequestInput, RequestPage, RequestView } from '../../../shared/ipc/inspection.ts';
import { inspectionMessages as m } from '../../../shared/messages/inspection.ts';
import { requestActions, type RequestAddedPayload, type RequestAnsweredPayload, type RequestAppealPayload, type RequestAppealResultPayload, type RequestExtendedPayload, type RequestPreparedPayload, type RequestReturnedPayload } from './events.ts';

/** Who keeps the register: the disclosure office (reviewer), the drafting units, an admin. */
const registerRoles = ['reviewer', 'drafter', 'admin'] as const;
/** Who may confirm an answer (seed 004 第五十一条: the disclosure office reviews before information is supplied). */
const confirmRoles = ['reviewer', 'admin'] as const;

const appealView = (a: AppealRow): AppealView => ({ ...a, afterReconsideration: a.afterReconsideration === 1, recordedLate: appealRecordedLate(a.filedOn, localDay(a.recordedAt)) });

function view(ctx: Context, r: RequestRow, day: string, calendar: WorkdayCalendar): RequestView {
  return {
    ...r,
    deadline: answerDeadline(r, day, calendar),
    recordedLate: recordedLate(r.channel, r.receivedOn, localDay(r.recordedAt), calendar),
    feeWaived: r.feeWaived === 1,
    reviewRequired: r.reviewRequired === 1,
    appeals: ctx.store.requests.appealsOf(r.id).map(appealView),
  };
}

function checkDay(value: string): string {
  if (!isIsoDate(value)) fail('invalid', m.invalidDate(value));
  return value;
}

function requireRequest(ctx: Context, id: number): RequestRow {
  return ctx.store.requests.get(id) ?? fail('no-request', m.requestNotFound(id));
}

export function addRequest(ctx: Context, actor: Actor, input: RequestInput): RequestView {
  const role = actingRole(actor, registerRoles);
  const receivedOn = checkDay(input.receivedOn);
  const id = ctx.store.write(() => {
    const documentSha256 = input.documentId === null ? null : (ctx.store.documents.shaOf(input.documentId) ?? fail('no-document', m.documentNotFound(input.documentId)));
    const now = ctx.now();
    const subject = input.subject.trim();
    const id = ctx.store.requests.insert({ documentId: input.documentId, subject, applicantType: input.applicantType, channel: input.channel, receivedOn, note: input.note?.trim() ?? '', recordedBy: actor.name, recordedAt: now });
    const payload: RequestAddedPayload = { requestId: id, subject, applicantType: input.applicantType, channel: input.channel, receivedOn, note: input.note?.trim() ?? '' };
    appendEntry(ctx.store, { user: actor.name, role, action: requestActions.add, documentSha256, payload }, now);
    return id;
  });
  return view(ctx, requireRequest(ctx, id), today(ctx), readCalendar(ctx));
}

/** What an answer puts on the row, checked: a basis from the list and reasons for anything short of full release. */
function answerContent(ctx: Context, r: RequestRow, input: RequestAnswer, answeredOn: string): AnswerColumns {
  const basis = input.basis?.trim() || null;
  const reason = input.reason?.trim() ?? '';
  if (answerNeedsReason(input.outcome) && (basis === null || reason === '')) fail('invalid', m.answerNeedsBasis);
  if (basis !== null && !answerBasisChoices(readSettings(ctx.store).localBasis).includes(basis)) fail('invalid', m.basisNotInList(basis));
  const signed = r.documentId === null ? null : (ctx.store.documents.header(r.documentId)?.signedAttribute ?? null);
  return {
    outcome: input.outcome,
    answeredOn,
    answerBasis: basis,
    answerReason: reason === '' ? null : reason,
    fee: input.fee ?? null,
    feeWaived: input.feeWaived ? 1 : 0,
    reviewRequired: answerNeedsReview(input.outcome, signed) ? 1 : 0,
    note: input.note?.trim() || r.note,
  };
}

/** Writes the final answer and its `request.answer` entry, the one the annual figures count. */
function finalAnswer(ctx: Context, actor: Actor, role: Role, r: RequestRow, a: AnswerColumns, calendar: WorkdayCalendar, review: RequestAnsweredPayload['review']): void {
  const deadline = answerDeadline({ ...r, answeredOn: a.answeredOn }, a.answeredOn, calendar);
  ctx.store.requests.answer(r.id, a, { reviewedBy: review ? actor.name : null, reviewNote: review?.justification ?? null });
  const payload: RequestAnsweredPayload = {
    requestId: r.id,
    outcome: a.outcome,
    answeredOn: a.answeredOn,
    finalDue: deadline.finalDue,
    late: deadline.status === 'answered-late',
    note: a.note,
    basis: a.answerBasis,
    reason: a.answerReason ?? '',
    fee: a.fee,
    feeWaived: a.feeWaived === 1,
    reviewRequired: a.reviewRequired === 1,
    review,
  };
  appendEntry(ctx.store, { user: actor.name, role, action: requestActions.answer, documentSha256: r.documentSha256, payload }, ctx.now());
}

/**
 * An answer given by the disclosure office stands at once; one prepared by a drafter, or one that would release
 * what the document's signed decision withholds, waits for a reviewer (`reviewAnswer`).
 */
export function answerRequest(ctx: Context, actor: Actor, input: RequestAnswer): RequestView {
  const role = actingRole(actor, registerRoles);
  const calendar = readCalendar(ctx);
  const answeredOn = checkDay(input.answeredOn);
  ctx.store.write(() => {
    const r = requireRequest(ctx, input.requestId);
    if (r.outcome !== null) fail('already-answered', m.requestAlreadyAnswered(r.id));
    if (r.answerState === 'awaiting-review') fail('answer-pending', m.answerPending(r.id));
    if (answeredOn < r.receivedOn) fail('invalid', m.answerBeforeReceipt(answeredOn, r.receivedOn));
    const a = answerContent(ctx, r, input, answeredOn);
    const confirms = (confirmRoles as readonly string[]).includes(role);
    if (confirms && a.reviewRequired === 0) return finalAnswer(ctx, actor, role, r, a, calendar, null);
    ctx.store.requests.prepareAnswer(r.id, a, actor.name);
    const payload: RequestPreparedPayload = {
      requestId: r.id,
      outcome: a.outcome,
      answeredOn,
      basis: a.answerBasis,
      reason: a.answerReason ?? '',
      fee: a.fee,
      feeWaived: a.feeWaived === 1,
      reviewRequired: a.reviewRequired === 1,
      note: a.note,
    };
    appendEntry(ctx.store, { user: actor.name, role, action: requestActions.prepare, documentSha256: r.documentSha256, payload }, ctx.now());
  });
  return view(ctx, requireRequest(ctx, input.requestId), today(ctx), calendar);
}

/** A reviewer confirms a prepared answer, which then counts as answered, or returns it with a reason. */
export function reviewAnswer(ctx: Context, actor: Actor, input: AnswerReview): RequestView {
  const role = actingRole(actor, confirmRoles);
  const calendar = readCalendar(ctx);
  ctx.store.write(() => {
    const r = requireRequest(ctx, input.requestId);
    if (r.answerState !== 'awaiting-review' || r.proposedOutcome === null || r.proposedOn === null) fail('not-awaiting-review', m.notAwaitingReview(r.id));
    if (input.decision === 'return') {
      const reason = input.reason?.trim() ?? '';
      if (reason === '') fail('invalid', m.returnReasonRequired);
      ctx.store.requests.returnAnswer(r.id, actor.name, reason);
      const payload: RequestReturnedPayload = { requestId: r.id, reason };
      appendEntry(ctx.store, { user: actor.name, role, action: requestActions.giveBack, documentSha256: r.documentSha256, payload }, ctx.now());
      return;
    }
    const justification = input.justification?.trim() || null;
    if (r.reviewRequired === 1) {
      if (r.preparedBy === actor.name) fail('forbidden', m.selfReview);
      if (justification === null) fail('invalid', m.justificationRequired);
    }
    const a: AnswerColumns = {
      outcome: r.proposedOutcome,
      answeredOn: r.proposedOn,
      answerBasis: r.answerBasis,
      answerReason: r.answerReason,
      fee: r.fee,
      feeWaived: r.feeWaived,
      reviewRequired: r.reviewRequired,
      note: r.note,
    };
    finalAnswer(ctx, actor, role, r, a, calendar, { justification });
  });
  return view(ctx, requireRequest(ctx, input.requestId), today(ctx), calendar);
}

/** A 行政复议 or 行政诉讼 over a request, registered as soon as the office learns of it (a week at most). */
export function addAppeal(ctx: Context, actor: Actor, input: AppealInput): RequestView {
  const role = actingRole(actor, registerRoles);
  const filedOn = checkDay(input.filedOn);
  const body = input.body.trim();
  if (body === '') fail('invalid', m.appealBodyRequired);
  const afterReconsideration = input.afterReconsideration ?? false;
  if (afterReconsideration && input.kind !== 'litigation') fail('invalid', m.afterReconsiderationOnlyLitigation);
  ctx.store.write(() => {
    const r = requireRequest(ctx, input.requestId);
    if (filedOn < r.receivedOn) fail('invalid', m.filedBeforeReceipt(filedOn, r.receivedOn));
    const now = ctx.now();
    const appealId = ctx.store.requests.insertAppeal({ requestId: r.id, kind: input.kind, filedOn, body, afterReconsideration: afterReconsideration ? 1 : 0, recordedBy: actor.name, recordedAt: now });
    const payload: RequestAppealPayload = { requestId: r.id, appealId, kind: input.kind, filedOn, body, afterReconsideration };
    appendEntry(ctx.store, { user: actor.name, role, action: requestActions.appeal, documentSha256: r.documentSha256, payload }, now);
  });
  return view(ctx, requireRequest(ctx, input.requestId), today(ctx), readCalendar(ctx));
}

export function recordAppealResult(ctx: Context, actor: Actor, input: AppealResultInput): RequestView {
  const role = actingRole(actor, registerRoles);
  const decidedOn = checkDay(input.decidedOn);
  ctx.store.write(() => {
    const r = requireRequest(ctx, input.requestId);
    const appeal = ctx.store.requests.appeal(input.appealId);
    if (!appeal || appeal.requestId !== r.id) fail('no-appeal', m.appealNotFound(r.id, input.appealId));
    if (appeal.result !== null) fail('already-decided', m.appealAlreadyDecided(appeal.id));
    if (decidedOn < appeal.filedOn) fail('invalid', m.decidedBeforeFiled(decidedOn, appeal.filedOn));
    ctx.store.requests.appealResult(appeal.id, input.result, decidedOn);
    const payload: RequestAppealResultPayload = { requestId: r.id, appealId: appeal.id, result: input.result, decidedOn };
    appendEntry(ctx.store, { user: actor.name, role, action: requestActions.appealResult, documentSha256: r.documentSha256, payload }, ctx.now());
  });
  return view(ctx, requireRequest(ctx, input.requestId), today(ctx), readCalendar(ctx));
}

export const answerBases = (ctx: Context): string[] => answerBasisChoices(readSettings(ctx.store).localBasis);

export function extendRequest(ctx: Context, actor: Actor, input: RequestExtension): RequestView {
  // 第三十三条: the extension needs the consent of the head of the disclosure office.
  const role = actingRole(actor, ['reviewer', 'admin']);
  const calendar = readCalendar(ctx);
  ctx.store.write(() => {
    const r = requireRequest(ctx, input.requestId);
    if (r.outcome !== null) fail('already-answered', m.requestAlreadyAnswered(r.id));
    if (r.extensionDays > 0) fail('already-extended', m.requestAlreadyExtended(r.id));
    const reason = input.reason.trim();
    ctx.store.requests.extend(r.id, input.extensionDays, reason);
    const finalDue = answerDeadline({ ...r, extensionDays: input.extensionDays }, today(ctx), calendar).finalDue;
    const payload: RequestExtendedPayload = { requestId: r.id, extensionDays: input.extensionDays, reason, finalDue };
    appendEntry(ctx.store, { user: actor.name, role, action: requestActions.extend, documentSha256: r.documentSha256, payload }, ctx.now());
  });
  return view(ctx, requireRequest(ctx, input.requestId), today(ctx), calendar);
}

const statusMatches = (filter: RequestFilter['status'], v: RequestView): boolean => {
  if (!filter) return true;
  if (filter === 'unanswered') return v.answeredOn === null;
  return v.deadline.status === filter;
};

/** The register with every deadline measured against today; overdue and due-soon requests first. */
export function listRequests(ctx: Context, filter: RequestFilter): RequestPage {
  const day = today(ctx);
  const calendar = readCalendar(ctx);
  const all = ctx.store.requests
    .list({ documentId: filter.documentId, year: filter.year })
    .map((r) => view(ctx, r, day, calendar));
  const counts: RequestCounts = { open: 0, dueSoon: 0, overdue: 0, answered: 0, answeredLate: 0 };
  const key = { open: 'open', 'due-soon': 'dueSoon', overdue: 'overdue', answered: 'answered', 'answered-late': 'answeredLate' } as const;
  for (const v of all) counts[key[v.deadline.status]]++;
  const urgency = { overdue: 0, 'due-soon': 1, open: 2, 'answered-late': 3, answered: 4 } as const;
  const rows = all.filter((v) => statusMatches(filter.status, v)).sort((a, b) => urgency[a.deadline.status] - urgency[b.deadline.status] || a.deadline.finalDue.localeCompare(b.deadline.finalDue) || a.id - b.id);
  const offset = filter.offset ?? 0;
  return { rows: rows.slice(offset, offset + (filter.limit ?? 100)), total: rows.length, counts, today: day };
}
