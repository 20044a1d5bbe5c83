import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { dbFile, openCliRecords, print, readPassword, signIn } from '../record.ts';
import { backupTo, restoreFrom } from '../../core/ledger/backup.ts';
import { openStore } from '../../core/db/store.ts';
import { authenticate } from '../../core/accounts/users.ts';
import { requireRole } from '../../core/kernel/context.ts';
import { isCoreError } from '../../core/errors.ts';
import { recordsCliMessages as m } from '../../../shared/messages/records.ts';

const usage = m.backupUsage;

/** A healthy record may only be replaced by an admin; one that no longer opens may be restored by whoever is at the desk. */
async function restorer(file: string, name: string | undefined): Promise<string | null> {
  let store;
  try {
    store = openStore(file);
  } catch (error) {
    if (isCoreError(error)) return null;
    throw error;
  }
  store.close();
  if (!name) throw usageError(m.restoreNeedsAdmin, usage);
  const ctx = openCliRecords({ positionals: [], values: { db: file }, lists: {}, flags: {} });
  try {
    requireRole(authenticate(ctx, name, await readPassword(m.passwordPrompt(name)), 'cli'), 'admin');
    return name;
  } finally {
    ctx.store.close();
  }
}

export const command: Command = {
  summary: m.backupSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['out', 'as', 'db'] }, usage);
    if (args.positionals[0] === 'restore') {
      const from = args.positionals[1];
      if (!from) throw usageError(m.restoreWhich, usage);
      const file = dbFile(args);
      const by = await restorer(file, args.values.as);
      const { replacedBy } = restoreFrom(file, from, by, () => new Date().toISOString());
      print(m.restored(file, from, replacedBy));
      return 0;
    }
    if (args.positionals.length > 0) throw usageError(m.backupWhich, usage);
    const out = required(args, 'out', usage);
    const ctx = openCliRecords(args);
    try {
      const { actor } = await signIn(ctx, args, usage);
      const result = await backupTo(ctx, actor, out);
      print(m.backedUp(result.path, result.bytes, result.entries));
      return 0;
    } finally {
      ctx.store.close();
    }
  },
};
