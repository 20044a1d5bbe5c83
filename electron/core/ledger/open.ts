import crypto from 'node:crypto';
import { openStore, type Store } from '../db/store.ts';
import { schemaVersion } from '../db/migrations.ts';
import { appendEntry } from './chain.ts';
import { defaultScryptCost, type ScryptCost } from './crypto.ts';
import { advanceKnownHead, knownHeadFiles } from './head.ts';
import { rootFingerprintOf, verifyRecord } from './verify.ts';
import type { AuditVerifyReport } from '../../../shared/ipc/records.ts';
import type { Context } from '../kernel/context.ts';

interface RecordsOptions {
  /** Password-hashing cost; tests lower it, the app keeps the default. */
  cost?: ScryptCost;
  now?: () => string;
}

/** The folder on removable media where the office keeps a second copy of the known head, if it chose one. */
export const headMirrorOf = (store: Store): string | null => {
  const dir = store.settings.get('headCopyDir');
  return typeof dir === 'string' && dir !== '' ? dir : null;
};

/** The known-head files a verification of this record compares with. */
export const knownHeadsOf = (store: Store): string[] => knownHeadFiles(store.file, headMirrorOf(store));

/** Verifies a record file opened read-only: judging a file must never change it. */
export function verifyRecordFile(file: string, checkpointFile?: string): AuditVerifyReport {
  const store = openStore(file, { readonly: true });
  try {
    return verifyRecord(store, { checkpointFile, headFiles: knownHeadsOf(store) });
  } finally {
    store.close();
  }
}

/**
 * After every committed change the known head outside the database moves forward, so a later start-up notices a
 * record that was cut short or swapped for an older copy (head.ts).
 */
function pinHeadAfterWrites(store: Store, now: () => string): void {
  const write = store.write;
  let root: string | null = null;
  store.write = <T>(fn: () => T): T => {
    const result = write(fn);
    if (!store.inTransaction()) {
      root ??= rootFingerprintOf(store);
      advanceKnownHead(store, root, headMirrorOf(store), now());
    }
    return result;
  };
}

/** Opens (creating if need be) the record; a new record gets its installation id as the chain's first entry. */
export function openRecords(file: string, options: RecordsOptions = {}): Context {
  const store = openStore(file);
  const now = options.now ?? (() => new Date().toISOString());
  try {
    pinHeadAfterWrites(store, now);
    store.write(() => {
      if (store.meta.get('installationId') !== undefined) return;
      const installationId = crypto.randomUUID();
      store.meta.set('installationId', installationId);
      appendEntry(store, { user: null, role: null, action: 'install.created', payload: { installationId, schemaVersion } }, now());
    });
  } catch (error) {
    store.close();
    throw error;
  }
  return { store, cost: options.cost ?? defaultScryptCost, now };
}
