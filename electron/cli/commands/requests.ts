import type { Command } from '../main.ts';
import { parseArgs, positiveInt, required, usageError, type ParsedArgs } from '../args.ts';
import { print, resolveDocument, withRecord, type RecordRun } from '../record.ts';
import { listRequests } from '../../core/requests/register.ts';
import { applicantTypes, requestChannels, requestOutcomes, type RequestFilter } from '../../../shared/ipc/inspection.ts';
import { deadlineLabels, inspectionMessages, outcomeRows } from '../../../shared/messages/inspection.ts';

const m = inspectionMessages.cli;
const usage = m.requestsUsage;

function choice<T extends string>(args: ParsedArgs, option: string, choices: readonly T[], fallback?: T): T {
  const value = args.values[option] ?? fallback;
  if (value === undefined) return required(args, option, usage) as never;
  if (!(choices as readonly string[]).includes(value)) throw usageError(m.badChoice(`--${option}`, value, choices), usage);
  return value as T;
}

const requestId = (args: ParsedArgs) => positiveInt(args.positionals[1] ?? '', '登记编号', usage);

async function run({ api, ctx, signIn }: RecordRun, args: ParsedArgs): Promise<number> {
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
    for (const r of page.rows) print(m.requestLine(r.id, r.receivedOn, r.deadline.finalDue, deadlineLabels[r.deadline.status], r.subject, r.docNumber ?? r.title ?? ''));
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
  if (!['add', 'answer', 'extend'].includes(sub)) throw usageError(m.unknownSubcommand('requests', sub), usage);
  await signIn();
  const view =
    sub === 'add'
      ? await api.addRequest({
          documentId: args.values.doc ? resolveDocument(ctx, args.values.doc, usage) : null,
          subject: required(args, 'subject', usage),
          applicantType: choice(args, 'applicant', applicantTypes, 'natural-person'),
          channel: choice(args, 'channel', requestChannels, 'online'),
          receivedOn: required(args, 'received', usage),
          note: args.values.note,
        })
      : sub === 'answer'
        ? await api.answerRequest({ requestId: requestId(args), outcome: choice(args, 'outcome', requestOutcomes), answeredOn: required(args, 'answered', usage), note: args.values.note })
        : await api.extendRequest({ requestId: requestId(args), extensionDays: Math.min(20, positiveInt(required(args, 'days', usage), '--days', usage)), reason: required(args, 'reason', usage) });
  if (args.flags.json) print(JSON.stringify(view, null, 2));
  else if (sub === 'add') print(m.requestAdded(view.id, view.deadline.finalDue));
  else if (sub === 'answer') print(m.requestAnswered(view.id, deadlineLabels[view.deadline.status]));
  else print(m.requestExtended(view.id, view.deadline.finalDue));
  if (view.deadline.calendarIncomplete) print(m.calendarWarning);
  return 0;
}

export const command: Command = {
  summary: m.requestsSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'doc', 'subject', 'applicant', 'channel', 'received', 'note', 'outcome', 'answered', 'days', 'reason', 'year', 'status'], flags: ['json'] }, usage);
    if (args.positionals[0] === 'outcomes') {
      for (const o of requestOutcomes) print(`${o.padEnd(30)} ${outcomeRows[o].row}  ${outcomeRows[o].label}`);
      return 0;
    }
    return withRecord(args, usage, (record) => run(record, args));
  },
};
