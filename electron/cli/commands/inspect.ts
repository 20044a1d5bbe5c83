import path from 'node:path';
import type { Command } from '../main.ts';
import { parseArgs, required, usageError, type ParsedArgs } from '../args.ts';
import { print, resolveDocument, withRecord, type RecordRun } from '../record.ts';
import { inspectionStatus, worklist } from '../../core/inspection/lifecycle.ts';
import { exportInspectionFiles } from '../../core/inspection/export/write.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { attribute } from '../../../shared/attributes.ts';
import { inspectionOutcomes, worklistRules, type InspectionStatus, type WorklistFilter } from '../../../shared/ipc/inspection.ts';
import { inspectionMessages, inspectionOutcomeLabels, progressLabels, ruleLabels } from '../../../shared/messages/inspection.ts';

const m = inspectionMessages.cli;
const usage = m.inspectUsage;

/** `--year YYYY`, required by every inspection and report command. */
export function yearOption(args: ParsedArgs, commandUsage: string): number {
  const value = required(args, 'year', commandUsage);
  if (!/^\d{4}$/.test(value)) throw usageError(m.badYear(value), commandUsage);
  return Number(value);
}

function pick<T extends string>(args: ParsedArgs, option: string, choices: readonly T[]): T | undefined {
  const value = args.values[option];
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw usageError(m.badChoice(`--${option}`, value, choices), usage);
  return value as T;
}

function printStatus(status: InspectionStatus, json: boolean): void {
  if (json) {
    print(JSON.stringify(status, null, 2));
    return;
  }
  const p = status.summary?.progress ?? { total: 0, done: 0, pending: 0, proposed: 0 };
  print(m.statusLine(status.year, m.stateLabels[status.state]!, p.done, p.total, p.pending, p.proposed));
  if (status.summary) for (const r of worklistRules) print(`  ${ruleLabels[r]}：${status.summary.byRule[r]}`);
}

const fileNames = (year: number) => ({
  xlsx: `${year}年度自查台账.xlsx`,
  docx: `${year}年度自查情况报告.docx`,
  csv: `${year}年度自查台账.csv`,
  bundle: `${year}年度自查签名包.json`,
});

async function run({ api, ctx, signIn }: RecordRun, args: ParsedArgs): Promise<number> {
  const sub = args.positionals[0] ?? '';
  const year = yearOption(args, usage);
  const json = args.flags.json === true;
  switch (sub) {
    case 'status':
      printStatus(inspectionStatus(ctx, year), json);
      return 0;
    case 'list': {
      const filter: WorklistFilter = { year, limit: 1000, rule: pick(args, 'rule', worklistRules), progress: pick(args, 'progress', ['pending', 'proposed', 'done'] as const) };
      inspectionStatus(ctx, year);
      const items = [];
      for (let offset = 0; ; offset += 1000) {
        const page = worklist(ctx, { ...filter, offset });
        items.push(...page.items);
        if (items.length >= page.total || page.items.length === 0) break;
      }
      if (json) print(JSON.stringify(items, null, 2));
      else for (const i of items) print(m.itemLine(i.documentId, i.docNumber ?? '—', i.title ?? i.fileName, attribute(i.attribute).label, i.rules.map((r) => ruleLabels[r]).join('、'), inspectionOutcomeLabels[i.suggested], progressLabels[i.progress]));
      return 0;
    }
    case 'open':
    case 'close': {
      await signIn();
      printStatus(sub === 'open' ? await api.openInspection({ year }) : await api.closeInspection({ year }), json);
      return 0;
    }
    case 'propose': {
      await signIn();
      inspectionStatus(ctx, year);
      const documentIds = args.flags.all
        ? worklist(ctx, { year, progress: 'pending', limit: 1000 }).items.map((i) => i.documentId)
        : args.positionals.slice(1).map((ref) => resolveDocument(ctx, ref, usage));
      if (documentIds.length === 0) throw usageError(m.needDocs, usage);
      const result = await api.proposeOutcomes({ year, documentIds, outcome: pick(args, 'outcome', inspectionOutcomes), justification: required(args, 'justification', usage), sameJustification: args.flags['same-justification'] === true });
      if (json) print(JSON.stringify(result, null, 2));
      else {
        print(m.proposed(result.proposed.length));
        for (const s of result.skipped) print(m.skipped(s.documentId, s.message));
      }
      return result.skipped.length > 0 ? 1 : 0;
    }
    case 'export': {
      const dir = required(args, 'out', usage);
      // All four files at once, the bundle signed with the same key as the rest; the app exports them one by one.
      const { actor, password } = await signIn();
      const names = fileNames(year);
      const files = Object.fromEntries(Object.entries(names).map(([format, name]) => [format, path.join(dir, name)]));
      for (const file of await exportInspectionFiles(ctx, actor, year, files, password)) {
        print(m.wrote(file.format, file.path, file.sha256));
        if (file.format === 'bundle') print(m.signerFingerprint(formatFingerprint(actor.keyFingerprint)));
      }
      return 0;
    }
    default:
      throw usageError(m.unknownSubcommand('inspect', sub), usage);
  }
}

export const command: Command = {
  summary: m.inspectSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'year', 'rule', 'progress', 'outcome', 'justification', 'out'], flags: ['json', 'all', 'same-justification'] }, usage);
    return withRecord(args, usage, (record) => run(record, args));
  },
};
