import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { dbFile, print, withRecord } from '../record.ts';
import { recordsCliMessages as m } from '../../../shared/messages/records.ts';

const usage = m.backupUsage;

export const command: Command = {
  summary: m.backupSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['out', 'as', 'db'] }, usage);
    if (args.positionals[0] === 'restore') {
      const from = args.positionals[1];
      if (!from) throw usageError(m.restoreWhich, usage);
      // Who may restore is core's rule (an admin, unless the record no longer opens); here only the sign-in it needs.
      return withRecord(
        args,
        usage,
        async (record) => {
          if (record.isOpen) {
            if (!args.values.as) throw usageError(m.restoreNeedsAdmin, usage);
            await record.signIn();
          }
          await record.api.restoreBackup({ path: from });
          print(m.restored(dbFile(args), from, record.replacedBy));
          return 0;
        },
        { evenIfBroken: true },
      );
    }
    if (args.positionals.length > 0) throw usageError(m.backupWhich, usage);
    const out = required(args, 'out', usage);
    return withRecord(args, usage, async ({ api, signIn }) => {
      await signIn();
      const result = await api.backupNow({ path: out });
      print(m.backedUp(result.path, result.bytes, result.entries));
      return 0;
    });
  },
};
