import path from 'node:path';
import type { Command } from '../main.ts';
import { parseArgs, usageError } from '../args.ts';
import { print, withRecord } from '../record.ts';
import { yearOption } from './inspect.ts';
import { annualFiguresFor, tracedReportFor } from '../../core/inspection/annual.ts';
import { resolveCellKey } from '../../core/inspection/template.ts';
import { exportAnnualReport } from '../../core/inspection/export/annual-write.ts';
import { decisionsTable, returnsTable } from '../../core/inspection/export/tables.ts';
import { cellText, templateLayout } from '../../../shared/annual-template.ts';
import { annualTemplateMessages } from '../../../shared/messages/annual-report.ts';

const m = annualTemplateMessages.cli;
const usage = m.usage;

export const command: Command = {
  summary: m.summary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['db', 'year', 'explain', 'out', 'as'], flags: ['json'] }, usage);
    const year = yearOption(args, usage);
    const explain = args.values.explain;
    const key = explain === undefined ? null : (resolveCellKey(explain) ?? (() => { throw usageError(m.unknownCell(explain), usage); })());
    const out = args.values.out;
    const format = out === undefined ? null : /\.docx$/i.test(out) ? 'docx' : /\.xlsx$/i.test(out) ? 'xlsx' : null;
    if (out !== undefined && format === null) throw usageError(m.badOut(out), usage);
    return withRecord(args, usage, async ({ ctx, signIn }) => {
      const { report, traces } = tracedReportFor(ctx, year);
      if (key !== null) {
        const entries = traces.get(key) ?? [];
        if (args.flags.json) print(JSON.stringify({ cell: key, value: report.cells[key] ?? null, entries }, null, 2));
        else {
          print(m.explainHead(key, cellText(report.cells, key), entries.length));
          for (const e of entries) print(m.explainLine(e.seq, e.time, e.action, e.subject));
          if (entries.length === 0) print(m.noEntries);
        }
        return 0;
      }
      if (out !== undefined && format !== null) {
        const { actor } = await signIn();
        const file = await exportAnnualReport(ctx, actor, year, format, path.resolve(out));
        print(m.wrote(file.path, file.sha256));
        return 0;
      }
      const figures = annualFiguresFor(ctx, year);
      if (args.flags.json) {
        print(JSON.stringify({ ...figures, template: report }, null, 2));
        return 0;
      }
      for (const table of templateLayout()) {
        print(`\n${table.title}`);
        for (const row of table.rows) print(row.map((c) => (c.key ? cellText(report.cells, c.key) : `${'  '.repeat(c.indent ?? 0)}${c.text ?? ''}`)).join('\t'));
      }
      print(`\n${m.balance(report.balanced)}`);
      for (const table of [decisionsTable(year, figures), ...(figures.returns ? [returnsTable(year, figures.returns)] : [])]) {
        print(`\n${table.title}`);
        print(table.header.join('\t'));
        for (const row of table.rows) print(row.join('\t'));
      }
      return 0;
    });
  },
};
