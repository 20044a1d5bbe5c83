import type { Command } from '../main.ts';
import { parseArgs } from '../args.ts';
import { print, withRecord } from '../record.ts';
import { yearOption } from './inspect.ts';
import { annualFiguresFor } from '../../core/inspection/annual.ts';
import { annualTables } from '../../core/inspection/export/tables.ts';
import { inspectionMessages } from '../../../shared/messages/inspection.ts';

const m = inspectionMessages.cli;
const usage = m.reportUsage;

export const command: Command = {
  summary: m.reportSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['db', 'year'], flags: ['json'] }, usage);
    const year = yearOption(args, usage);
    return withRecord(args, usage, async ({ ctx }) => {
      const annual = annualFiguresFor(ctx, year);
      if (args.flags.json) {
        print(JSON.stringify(annual, null, 2));
        return 0;
      }
      for (const table of annualTables(year, annual)) {
        print(`\n${table.title}`);
        print(table.header.join('\t'));
        for (const row of table.rows) print(row.join('\t'));
      }
      return 0;
    });
  },
};
