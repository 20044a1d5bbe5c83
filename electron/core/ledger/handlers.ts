import type { Api } from '../../../shared/ipc.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';
import { fail } from '../errors.ts';
import { requireRole } from '../kernel/context.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { auditPage } from '../register/documents.ts';
import { backupTo, restoreFrom } from './backup.ts';
import { writeCheckpoint } from './checkpoint.ts';
import { knownHeadsOf } from './open.ts';
import { verifyRecordInSlices } from './verify.ts';

type LedgerApi = Pick<Api, 'listAudit' | 'verifyAudit' | 'writeCheckpoint' | 'backupNow' | 'restoreBackup'>;

/** The audit log and the record file as a whole: reading, verifying, checkpoints, backup and restore. */
export function ledgerHandlers(desk: Desk): Handlers<LedgerApi> {
  return {
    listAudit: (filter) => auditPage(desk.signedIn().ctx, filter),
    verifyAudit: async ({ checkpointPath }) => {
      const ctx = desk.signedIn().ctx;
      const replaced = () => !desk.isOpen() || desk.record() !== ctx;
      const report = checkpointPath
        ? await verifyRecordInSlices(ctx.store, replaced, { checkpointFile: checkpointPath, headFiles: knownHeadsOf(ctx.store) })
        : await desk.verifyWholeChain(ctx);
      return report ?? fail('verify-interrupted', m.auditCheckInterrupted);
    },
    writeCheckpoint: ({ path: file, password }) => {
      const { ctx, actor } = desk.signedIn();
      return writeCheckpoint(ctx, actor, file, password);
    },
    backupNow: ({ path: file }) => {
      const { ctx, actor } = desk.signedIn();
      return backupTo(ctx, actor, file);
    },
    restoreBackup: ({ path: file }) => {
      // With a healthy record only an admin may replace it; a record that will not open can be restored by whoever is at the desk.
      let by: string | null = null;
      if (desk.isOpen()) {
        const { actor } = desk.signedIn();
        requireRole(actor, 'admin');
        by = actor.name;
      }
      desk.replaceRecord((dbFile) => restoreFrom(dbFile, file, by, () => new Date().toISOString()));
      return desk.status();
    },
  };
}
