import type { Command } from '../main.ts';
import { parseArgs, positiveInt, usageError } from '../args.ts';
import { print, withRecord } from '../record.ts';
import { listPublications } from '../../core/publication/publication.ts';
import type { PublicationFilter } from '../../../shared/ipc/publication.ts';
import type { PublicationStatus } from '../../../shared/publication-rules.ts';
import { documentKindLabels, interpretationStatusLabels, lateMark, publicationMessages, publicationStatusLabels } from '../../../shared/messages/publication.ts';

const m = publicationMessages.cli;
const usage = m.publicationsUsage;
const statuses: readonly PublicationStatus[] = ['due', 'overdue', 'published'];

export const command: Command = {
  summary: m.publicationsSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['db', 'year', 'status'], flags: ['json'] }, usage);
    const filter: PublicationFilter = {};
    if (args.values.year) filter.year = positiveInt(args.values.year, '--year', usage);
    const status = args.values.status;
    if (status !== undefined) {
      if (!(statuses as readonly string[]).includes(status)) throw usageError(m.badChoice('--status', status, statuses), usage);
      filter.status = status as PublicationStatus;
    }
    // Read without signing in, as every CLI report is.
    return withRecord(args, usage, async ({ ctx }) => {
      const queue = listPublications(ctx, filter);
      if (args.flags.json) {
        print(JSON.stringify(queue, null, 2));
        return 0;
      }
      for (const r of queue.rows) {
        const status = r.status === 'published' && r.onTime === false ? `${publicationStatusLabels.published}${lateMark}` : publicationStatusLabels[r.status];
        const interpretation = r.interpretation.status === 'not-needed' && r.interpretation.reason === null ? '' : m.interpretationNote(interpretationStatusLabels[r.interpretation.status], r.interpretation.due);
        print(m.queueLine(status, r.deadline.due, r.title ?? r.docNumber ?? String(r.documentId), documentKindLabels[r.kind], interpretation));
      }
      print(m.counts(queue.counts.due, queue.counts.overdue, queue.counts.published));
      for (const y of queue.years) print(m.yearLine(y.year, y.onTime, y.published + y.overdue, y.onTimeRate));
      if (queue.rows.some((r) => r.calendarIncomplete)) print(m.calendarWarning);
      return 0;
    });
  },
};
