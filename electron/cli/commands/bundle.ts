import type { Command } from '../main.ts';
import { parseArgs, usageError, type ParsedArgs } from '../args.ts';
import { print, withRecord } from '../record.ts';
import { yearOption } from './inspect.ts';
import { consolidatedView, verifyBundleFile } from '../../core/inspection/consolidate.ts';
import { normaliseFingerprint } from '../../../shared/fingerprint.ts';
import type { BundleCheck, BundleProblem } from '../../../shared/ipc/inspection.ts';
import { inspectionMessages } from '../../../shared/messages/inspection.ts';

const m = inspectionMessages.cli;
const usage = m.bundleUsage;

/**
 * Exit codes of `bundle verify` and `bundle import` (README, 退出码), the most serious outcome of the batch winning:
 * 3 a bundle was refused (tampered, malformed, unconfirmed or changed key, unit-name collision), 1 a file was
 * missing or could not be read, 4 a bundle had already been imported and nothing else went wrong, 0 all done.
 */
const exitCodes = { refused: 3, fileProblem: 1, duplicate: 4, ok: 0 } as const;
const fileProblems: readonly (BundleProblem | null)[] = ['not-found', 'unreadable'];

function exitCodeOf(checks: readonly BundleCheck[]): number {
  const problems = checks.filter((c) => !c.ok).map((c) => c.problem);
  if (problems.some((p) => !fileProblems.includes(p) && p !== 'duplicate')) return exitCodes.refused;
  if (problems.some((p) => fileProblems.includes(p))) return exitCodes.fileProblem;
  if (problems.includes('duplicate')) return exitCodes.duplicate;
  return exitCodes.ok;
}

function verify(files: readonly string[], json: boolean): number {
  if (files.length === 0) throw usageError(m.unknownSubcommand('bundle verify', ''), usage);
  const checks = files.map(verifyBundleFile);
  if (json) print(JSON.stringify(checks, null, 2));
  else for (const c of checks) print(c.ok ? m.verified(c.message) : m.refused(c.file, c.message));
  return exitCodeOf(checks);
}

function onRecord(args: ParsedArgs, sub: string): Promise<number> {
  return withRecord(args, usage, async ({ api, ctx, signIn }) => {
    const json = args.flags.json === true;
    if (sub === 'import') {
      const files = args.positionals.slice(1);
      if (files.length === 0) throw usageError(m.unknownSubcommand('bundle import', ''), usage);
      await signIn();
      const typed = args.lists['trust-new-key']!;
      const bad = typed.find((f) => normaliseFingerprint(f) === null);
      if (bad !== undefined) throw usageError(m.badFingerprint(bad), usage);
      const checks = await api.importBundles({ paths: files, confirmedFingerprints: typed });
      if (json) print(JSON.stringify(checks, null, 2));
      else {
        for (const c of checks) print(c.ok ? m.imported(c.message) : m.refused(c.file, c.message));
        if (checks.some((c) => c.problem === 'unconfirmed-key' || c.problem === 'pinned-key-mismatch')) print(m.trustHint);
      }
      return exitCodeOf(checks);
    }
    const year = yearOption(args, usage);
    if (args.values.out) {
      await signIn();
      const format = args.values.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const file = await api.exportConsolidated({ year, format, path: args.values.out });
      print(m.wrote(format, file.path, file.sha256));
    }
    const view = consolidatedView(ctx, year);
    if (json) print(JSON.stringify(view, null, 2));
    else {
      for (const u of view.units) print(m.unitLine(u.unitName, u.done, u.items, u.toProactive, u.toPartial, u.requestsReceived));
      print(m.totalsLine(view.totals.units, view.totals.items, view.totals.toProactive, view.totals.toPartial));
    }
    return 0;
  });
}

export const command: Command = {
  summary: m.bundleSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'year', 'out'], lists: ['trust-new-key'], flags: ['json'] }, usage);
    const sub = args.positionals[0] ?? '';
    if (sub === 'verify') return verify(args.positionals.slice(1), args.flags.json === true);
    if (sub === 'import' || sub === 'summary') return onRecord(args, sub);
    throw usageError(m.unknownSubcommand('bundle', sub), usage);
  },
};
