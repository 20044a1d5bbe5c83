import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { dbFile, openCliRecords, print, readPassword } from '../record.ts';
import { openStore } from '../../core/db/store.ts';
import { rootFingerprintOf, verifyRecord } from '../../core/ledger/verify.ts';
import { knownHeadsOf } from '../../core/ledger/open.ts';
import { writeCheckpoint } from '../../core/ledger/checkpoint.ts';
import { anchorAccounts, authenticate } from '../../core/accounts/users.ts';
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
      // Read-only: verifying must never change the file it is judging.
      const store = openStore(dbFile(args), { readonly: true });
      try {
        const report = verifyRecord(store, { checkpointFile: args.values.checkpoint, headFiles: knownHeadsOf(store) });
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
      } finally {
        store.close();
      }
    }
    if (sub === 'checkpoint') {
      const out = required(args, 'out', usage);
      const name = required(args, 'as', usage);
      const ctx = openCliRecords(args);
      try {
        const password = await readPassword(m.passwordPrompt(name));
        const checkpoint = writeCheckpoint(ctx, authenticate(ctx, name, password, 'cli'), out, password);
        print(m.checkpointWritten(out, checkpoint.seq, checkpoint.hash));
        return 0;
      } finally {
        ctx.store.close();
      }
    }
    if (sub === 'anchor') {
      const ctx = openCliRecords(args);
      try {
        const name = required(args, 'as', usage);
        const password = await readPassword(m.passwordPrompt(name));
        anchorAccounts(ctx, { actor: authenticate(ctx, name, password, 'cli'), password });
        print(m.anchored(rootFingerprintOf(ctx.store) ?? ''));
        return 0;
      } finally {
        ctx.store.close();
      }
    }
    throw usageError(m.auditWhich, usage);
  },
};
