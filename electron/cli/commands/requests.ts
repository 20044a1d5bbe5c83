import type { Command } from '../main.ts';
import { parseArgs, positiveInt, required, usageError, type ParsedArgs } from '../args.ts';
import { print, resolveDocument, withRecord, type RecordRun } from '../record.ts';
import { answerBases, listRequests } from '../../core/requests/register.ts';
import { today } from '../../core/inspection/context.ts';
import { appealKinds, appealResults, applicantTypes, requestChannels, requestOutcomes, type RequestFilter, type RequestView } from '../../../shared/ipc/inspection.ts';
import { answerStateLabels, appealKindLabels, appealPendingLabel, appealResultLabels, deadlineLabels, inspectionMessages, outcomeRows } from '../../../shared/messages/inspection.ts';

const m = inspectionMessages.cli;
const usage = m.requestsUsage;

function choice<T extends string>(args: ParsedArgs, option: string, choices: readonly T[], fallback?: T): T {
  const value = args.values[option] ?? fallback;
  if (value === undefined) return required(args, option, usage) as never;
  if (!(choices as readonly string[]).includes(value)) throw usageError(m.badChoice(`--${option}`, value, choices), usage);
  return value as T;
}

const requestId = (args: ParsedArgs) => positiveInt(args.positionals[1] ?? '', '登记编号', usage);

function amount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw usageError(m.badNumber('--fee', value), usage);
  return n;
}

/** One line per request, with the flags an office checks: late registration, an answer under review, appeals. */
function printRequest(r: RequestView): void {
  const flags = `${r.recordedLate ? m.recordedLateFlag : ''}${r.answerState && r.answerState !== 'answered' ? m.awaitingFlag(answerStateLabels[r.answerState]) : ''}`;
  print(m.requestLine(r.id, r.receivedOn, r.deadline.finalDue, deadlineLabels[r.deadline.status], r.subject, r.docNumber ?? r.title ?? '') + flags);
  for (const a of r.appeals) print(m.appealLine(a.id, appealKindLabels[a.kind], a.filedOn, a.body, a.result ? `${appealResultLabels[a.result]}（${a.decidedOn}）` : appealPendingLabel, a.recordedLate));
}

async function changeRequest({ api, ctx }: RecordRun, args: ParsedArgs, sub: string): Promise<RequestView> {
  if (sub === 'add') {
    return api.addRequest({
      documentId: args.values.doc ? resolveDocument(ctx, args.values.doc, usage) : null,
      subject: required(args, 'subject', usage),
      applicantType: choice(args, 'applicant', applicantTypes, 'natural-person'),
      channel: choice(args, 'channel', requestChannels, 'online'),
      receivedOn: required(args, 'received', usage),
      note: args.values.note,
    });
  }
  if (sub === 'answer') {
    const fee = amount(args.values.fee);
    return api.answerRequest({
      requestId: requestId(args),
      outcome: choice(args, 'outcome', requestOutcomes),
      answeredOn: args.values.answered ?? today(ctx),
      ...(args.values.basis !== undefined ? { basis: args.values.basis } : {}),
      ...(args.values.reason !== undefined ? { reason: args.values.reason } : {}),
      ...(fee !== undefined ? { fee } : {}),
      ...(args.flags.waived ? { feeWaived: true } : {}),
      note: args.values.note,
    });
  }
  if (sub === 'review') {
    if (args.flags.approve === args.flags.return) throw usageError(m.approveOrReturn, usage);
    return args.flags.approve
      ? api.reviewAnswer({ requestId: requestId(args), decision: 'approve', ...(args.values.justification ? { justification: args.values.justification } : {}) })
      : api.reviewAnswer({ requestId: requestId(args), decision: 'return', reason: required(args, 'reason', usage) });
  }
  if (sub === 'appeal') {
    return api.addAppeal({
      requestId: requestId(args),
      kind: choice(args, 'kind', appealKinds),
      filedOn: required(args, 'filed', usage),
      body: required(args, 'body', usage),
      afterReconsideration: args.flags['after-reconsideration'] ?? false,
    });
  }
  if (sub === 'appeal-result') {
    return api.recordAppealResult({
      requestId: requestId(args),
      appealId: positiveInt(args.positionals[2] ?? '', '复议诉讼编号', usage),
      result: choice(args, 'result', appealResults),
      decidedOn: required(args, 'decided', usage),
    });
  }
  return api.extendRequest({ requestId: requestId(args), extensionDays: Math.min(20, positiveInt(required(args, 'days', usage), '--days', usage)), reason: required(args, 'reason', usage) });
}

function printChange(view: RequestView, sub: string, args: ParsedArgs): void {
  if (sub === 'add') print(m.requestAdded(view.id, view.deadline.finalDue));
  else if (sub === 'extend') print(m.requestExtended(view.id, view.deadline.finalDue));
  else if (sub === 'appeal') {
    const a = view.appeals.at(-1)!;
    print(m.appealAdded(view.id, a.id, appealKindLabels[a.kind]));
    if (a.recordedLate) print(m.appealLine(a.id, appealKindLabels[a.kind], a.filedOn, a.body, appealPendingLabel, true));
  } else if (sub === 'appeal-result') {
    const a = view.appeals.find((x) => x.id === Number(args.positionals[2]))!;
    print(m.appealResultAdded(view.id, a.id, appealResultLabels[a.result!]));
  } else if (view.answerState === 'awaiting-review') print(m.answerAwaitingReview(view.id, view.reviewRequired));
  else if (view.answerState === 'returned') print(m.answerReturned(view.id, view.reviewNote ?? ''));
  else print(m.requestAnswered(view.id, deadlineLabels[view.deadline.status]));
}

async function run(record: RecordRun, args: ParsedArgs): Promise<number> {
  const { api, ctx, signIn } = record;
  const sub = args.positionals[0] ?? '';
  if (sub === 'list') {
    const filter: RequestFilter = { limit: 1000 };
    if (args.values.year) filter.year = positiveInt(args.values.year, '--year', usage);
    if (args.values.status) filter.status = choice(args, 'status', ['open', 'due-soon', 'overdue', 'answered', 'answered-late', 'unanswered'] as const);
    if (args.values.doc) filter.documentId = resolveDocument(ctx, args.values.doc, usage);
    // Read without signing in, as every CLI report is.
    const page = listRequests(ctx, filter);
    if (args.flags.json) {
      print(JSON.stringify(page, null, 2));
      return 0;
    }
    for (const r of page.rows) printRequest(r);
    const c = page.counts;
    print(m.requestCounts(c.open, c.dueSoon, c.overdue, c.answered, c.answeredLate));
    if (page.rows.some((r) => r.deadline.calendarIncomplete)) print(m.calendarWarning);
    return 0;
  }
  if (sub === 'holidays') {
    const file = args.positionals[2];
    if (args.positionals[1] !== 'import' || !file) throw usageError(m.unknownSubcommand('requests holidays', args.positionals[1] ?? ''), usage);
    await signIn();
    const calendar = await api.importHolidays({ path: file });
    const years = [...new Set([...calendar.holidays, ...calendar.workingWeekends].map((d) => d.slice(0, 4)))].sort();
    print(m.holidaysImported(file, years));
    return 0;
  }
  if (!['add', 'answer', 'extend', 'review', 'appeal', 'appeal-result'].includes(sub)) throw usageError(m.unknownSubcommand('requests', sub), usage);
  await signIn();
  const view = await changeRequest(record, args, sub);
  if (args.flags.json) print(JSON.stringify(view, null, 2));
  else printChange(view, sub, args);
  if (view.deadline.calendarIncomplete) print(m.calendarWarning);
  return 0;
}

export const command: Command = {
  summary: m.requestsSummary,
  usage,
  async run(argv) {
    const args = parseArgs(
      argv,
      {
        values: ['as', 'db', 'doc', 'subject', 'applicant', 'channel', 'received', 'note', 'outcome', 'answered', 'days', 'reason', 'year', 'status', 'basis', 'fee', 'justification', 'kind', 'filed', 'body', 'result', 'decided'],
        flags: ['json', 'waived', 'approve', 'return', 'after-reconsideration'],
      },
      usage,
    );
    if (args.positionals[0] === 'outcomes') {
      for (const o of requestOutcomes) print(`${o.padEnd(30)} ${outcomeRows[o].row}  ${outcomeRows[o].label}`);
      return 0;
    }
    if (args.positionals[0] === 'bases') return withRecord(args, usage, ({ ctx }) => {
      for (const b of answerBases(ctx)) print(b);
      return Promise.resolve(0);
    });
    return withRecord(args, usage, (record) => run(record, args));
  },
};
