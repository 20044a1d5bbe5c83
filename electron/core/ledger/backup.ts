import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../db/store.ts';
import { appendEntry } from './chain.ts';
import { rootFingerprintOf, verifyRecord } from './verify.ts';
import { knownHeadFile, readKnownHead, resetKnownHead } from './head.ts';
import { headMirrorOf } from './open.ts';
import { actingRole, type Actor, type Context } from '../kernel/context.ts';
import { fail, isCoreError } from '../errors.ts';
import type { BackupResult } from '../../../shared/ipc/records.ts';
import { writeRoles } from '../../../shared/write-roles.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

const sameFile = (a: string, b: string) => path.resolve(a) === path.resolve(b);

/** Opens a copy read-only and proves it is a sound record: quick_check on open, then the whole chain. */
function verifyCopy(file: string): { entries: number } {
  const store = openStore(file, { readonly: true });
  try {
    const report = verifyRecord(store);
    if (report.firstBroken) fail('backup-broken', m.copyBroken(file, report.firstBroken.message));
    return { entries: report.entries };
  } finally {
    store.close();
  }
}

/**
 * Online backup through SQLite's backup API (safe while the app writes), converted to a single
 * self-contained file, re-opened and verified before it takes its final name and the backup is logged.
 */
export async function backupTo(ctx: Context, actor: Actor, destination: string): Promise<BackupResult> {
  const { store } = ctx;
  const role = actingRole(actor, writeRoles.backup);
  if (sameFile(destination, store.file)) fail('invalid', m.backupOntoItself);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await store.backup(partial);
    const { entries } = verifyCopy(partial);
    fs.renameSync(partial, destination);
    const bytes = fs.statSync(destination).size;
    store.write(() => appendEntry(store, { user: actor.name, role, action: 'backup', payload: { path: path.resolve(destination), bytes, entries } }, ctx.now()));
    return { path: path.resolve(destination), bytes, entries };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (isCoreError(error)) throw error;
    fail('backup-failed', m.backupFailed(destination, String((error as Error).message)));
  }
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

/**
 * Puts a verified backup in place of the record. The file it replaces is kept beside it, renamed, never
 * deleted: a damaged record is evidence too. The store must be closed.
 */
export function restoreFrom(dbFile: string, backupFile: string, by: string | null, now: () => string): { replacedBy: string | null } {
  if (sameFile(dbFile, backupFile)) fail('invalid', m.backupOntoItself);
  verifyCopy(backupFile);
  // A backup of another installation is not a restore but a replacement: refused while this PC knows the record it holds.
  const known = readKnownHead(knownHeadFile(dbFile));
  const copy = openStore(backupFile, { readonly: true });
  const identity = { installationId: copy.meta.get('installationId'), root: rootFingerprintOf(copy) };
  copy.close();
  if (known.state === 'ok' && (known.head.installationId !== identity.installationId || (known.head.rootFingerprint !== null && known.head.rootFingerprint !== identity.root))) {
    fail('other-installation', m.restoreOtherInstallation(backupFile));
  }
  const previousHead = known.state === 'ok' ? { seq: known.head.seq, hash: known.head.hash, time: known.head.time } : null;
  let kept: string | null = null;
  if (fs.existsSync(dbFile)) {
    kept = `${dbFile}.replaced-${stamp(now())}`;
    fs.renameSync(dbFile, kept);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, kept + suffix);
  }
  fs.copyFileSync(backupFile, dbFile);
  const store = openStore(dbFile);
  try {
    store.write(() => appendEntry(store, { user: by, role: by ? 'admin' : null, action: 'backup.restored', payload: { from: path.resolve(backupFile), keptAs: kept, previousHead } }, now()));
    resetKnownHead(store, identity.root, headMirrorOf(store), now());
  } finally {
    store.close();
  }
  return { replacedBy: kept };
}
