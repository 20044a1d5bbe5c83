import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { dbFile, print, withRecord } from '../record.ts';
import { verifyRecordFile } from '../../core/ledger/open.ts';
import { recordsCliMessages as m } from '../../../shared/messages/records.ts';

const usage = m.auditUsage;

/** Exit code of `audit verify` when the record is not intact. */
const brokenExitCode = 3;

export const command: Command = {
  summary: m.auditSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['db', 'checkpoint', 'out', 'as'], flags: ['json'] }, usage);
    const sub = args.positionals[0];
    if (sub === 'verify') {
      const report = verifyRecordFile(dbFile(args), args.values.checkpoint);
      if (args.flags.json) print(JSON.stringify(report, null, 2));
      else {
        print(report.intact ? m.verifyIntact(report.entries, report.signatures, report.head?.hash ?? '') : m.verifyBroken);
        if (report.firstBroken) print(m.firstBroken(report.firstBroken.seq, report.firstBroken.message));
        if (report.checkpoint) print(m.checkpointResult(report.checkpoint.message));
        if (report.knownHead) print(m.knownHeadResult(report.knownHead.message));
        if (report.rootFingerprint) print(m.rootFingerprintLine(report.rootFingerprint));
        if (!report.triggersIntact) print(m.triggersMissing);
      }
      return report.intact ? 0 : brokenExitCode;
    }
    if (sub === 'checkpoint') {
      const out = required(args, 'out', usage);
      required(args, 'as', usage);
      return withRecord(args, usage, async ({ api, signIn }) => {
        const { password } = await signIn();
        const checkpoint = await api.writeCheckpoint({ path: out, password });
        print(m.checkpointWritten(out, checkpoint.seq, checkpoint.hash));
        return 0;
      });
    }
    if (sub === 'anchor') {
      return withRecord(args, usage, async ({ api, signIn }) => {
        const { password } = await signIn();
        const status = await api.anchorAccounts({ adminPassword: password });
        print(m.anchored(status.rootFingerprint ?? ''));
        return 0;
      });
    }
    throw usageError(m.auditWhich, usage);
  },
};
