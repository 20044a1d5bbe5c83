import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../main.ts';
import { parseArgs, usageError, type ParsedArgs } from '../args.ts';
import { openCliRecords, print, signIn } from '../record.ts';
import { yearOption } from './inspect.ts';
import { verifyBundleText } from '../../core/inspection/bundle/verify.ts';
import { consolidatedView, exportConsolidated, importBundles } from '../../core/inspection/consolidate.ts';
import { inspectionMessages } from '../../../shared/messages/inspection.ts';

const m = inspectionMessages.cli;
const usage = m.bundleUsage;

/** Exit code when a bundle is refused, as `audit verify` uses for a broken chain. */
const refusedExit = 3;

function verify(files: readonly string[], json: boolean): number {
  if (files.length === 0) throw usageError(m.unknownSubcommand('bundle verify', ''), usage);
  let refused = 0;
  const checks = files.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      refused++;
      return { ok: false, file, message: inspectionMessages.bundleProblems.unreadable(path.basename(file), (error as Error).message) };
    }
    const { check } = verifyBundleText(bytes, path.basename(file));
    if (!check.ok) refused++;
    return { ...check, file };
  });
  if (json) print(JSON.stringify(checks, null, 2));
  else for (const c of checks) print(c.ok ? m.verified(c.message) : m.refused(c.file, c.message));
  return refused > 0 ? refusedExit : 0;
}

async function withRecord(args: ParsedArgs, sub: string): Promise<number> {
  const ctx = openCliRecords(args);
  try {
    const json = args.flags.json === true;
    if (sub === 'import') {
      const files = args.positionals.slice(1);
      if (files.length === 0) throw usageError(m.unknownSubcommand('bundle import', ''), usage);
      const { actor } = await signIn(ctx, args, usage);
      const checks = importBundles(ctx, actor, files, { trustNewKey: args.flags['trust-new-key'] === true });
      if (json) print(JSON.stringify(checks, null, 2));
      else for (const c of checks) print(c.ok ? m.imported(c.message) : m.refused(c.file, c.message));
      return checks.every((c) => c.ok) ? 0 : refusedExit;
    }
    const year = yearOption(args, usage);
    if (args.values.out) {
      const { actor } = await signIn(ctx, args, usage);
      const format = args.values.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const file = await exportConsolidated(ctx, actor, year, format, args.values.out);
      print(m.wrote(format, file.path, file.sha256));
    }
    const view = consolidatedView(ctx, year);
    if (json) print(JSON.stringify(view, null, 2));
    else {
      for (const u of view.units) print(m.unitLine(u.unitName, u.done, u.items, u.toProactive, u.toPartial, u.requestsReceived));
      print(m.totalsLine(view.totals.units, view.totals.items, view.totals.toProactive, view.totals.toPartial));
    }
    return 0;
  } finally {
    ctx.store.close();
  }
}

export const command: Command = {
  summary: m.bundleSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'year', 'out'], flags: ['json', 'trust-new-key'] }, usage);
    const sub = args.positionals[0] ?? '';
    if (sub === 'verify') return verify(args.positionals.slice(1), args.flags.json === true);
    if (sub === 'import' || sub === 'summary') return withRecord(args, sub);
    throw usageError(m.unknownSubcommand('bundle', sub), usage);
  },
};
