import { appendEntry } from '../ledger/chain.ts';
import type { Actor, Context } from '../kernel/context.ts';
import { actingRole, today } from '../inspection/context.ts';
import { readCalendar } from '../inspection/config.ts';
import type { RequestRow } from '../db/requests.ts';
import { fail } from '../errors.ts';
import { answerDeadline, isIsoDate, type WorkdayCalendar } from '../../../shared/workdays.ts';
import type { RequestAnswer, RequestCounts, RequestExtension, RequestFilter, RequestInput, RequestPage, RequestView } from '../../../shared/ipc/inspection.ts';
import { inspectionMessages as m } from '../../../shared/messages/inspection.ts';
import { requestActions, type RequestAddedPayload, type RequestAnsweredPayload, type RequestExtendedPayload } from './events.ts';

/** Who keeps the register: the disclosure office (reviewer), the drafting units, an admin. */
const registerRoles = ['reviewer', 'drafter', 'admin'] as const;

const view = (r: RequestRow, day: string, calendar: WorkdayCalendar): RequestView => ({ ...r, deadline: answerDeadline(r, day, calendar) });

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
  return view(requireRequest(ctx, id), today(ctx), readCalendar(ctx));
}

export function answerRequest(ctx: Context, actor: Actor, input: RequestAnswer): RequestView {
  const role = actingRole(actor, registerRoles);
  const calendar = readCalendar(ctx);
  const answeredOn = checkDay(input.answeredOn);
  ctx.store.write(() => {
    const r = requireRequest(ctx, input.requestId);
    if (r.outcome !== null) fail('already-answered', m.requestAlreadyAnswered(r.id));
    if (answeredOn < r.receivedOn) fail('invalid', m.answerBeforeReceipt(answeredOn, r.receivedOn));
    const deadline = answerDeadline({ ...r, answeredOn }, answeredOn, calendar);
    const note = input.note?.trim() || r.note;
    ctx.store.requests.answer(r.id, input.outcome, answeredOn, note);
    const payload: RequestAnsweredPayload = { requestId: r.id, outcome: input.outcome, answeredOn, finalDue: deadline.finalDue, late: deadline.status === 'answered-late', note };
    appendEntry(ctx.store, { user: actor.name, role, action: requestActions.answer, documentSha256: r.documentSha256, payload }, ctx.now());
  });
  return view(requireRequest(ctx, input.requestId), today(ctx), calendar);
}

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
  return view(requireRequest(ctx, input.requestId), today(ctx), calendar);
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
    .map((r) => view(r, day, calendar));
  const counts: RequestCounts = { open: 0, dueSoon: 0, overdue: 0, answered: 0, answeredLate: 0 };
  const key = { open: 'open', 'due-soon': 'dueSoon', overdue: 'overdue', answered: 'answered', 'answered-late': 'answeredLate' } as const;
  for (const v of all) counts[key[v.deadline.status]]++;
  const urgency = { overdue: 0, 'due-soon': 1, open: 2, 'answered-late': 3, answered: 4 } as const;
  const rows = all.filter((v) => statusMatches(filter.status, v)).sort((a, b) => urgency[a.deadline.status] - urgency[b.deadline.status] || a.deadline.finalDue.localeCompare(b.deadline.finalDue) || a.id - b.id);
  const offset = filter.offset ?? 0;
  return { rows: rows.slice(offset, offset + (filter.limit ?? 100)), total: rows.length, counts, today: day };
}
