import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../db/store.ts';
import type { Checkpoint, KnownHeadCheck } from '../../../shared/ipc/records.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

/**
 * The last chain head this PC has seen, kept outside the database: a database swapped for last month's copy, cut
 * short, or rebuilt from scratch no longer reaches it. Written after every committed change; a person's signed
 * checkpoint rides along whenever one was made (at each sign-off and each exported checkpoint).
 */
interface KnownHead {
  format: 'disclosure-desk/head/v1';
  installationId: string;
  rootFingerprint: string | null;
  seq: number;
  hash: string;
  time: string;
  checkpoint: Checkpoint | null;
}

export const knownHeadFile = (dbFile: string) => `${path.resolve(dbFile)}.head.json`;

/** Where the copies live: beside the record, and in the folder the office chose on removable media. */
export function knownHeadFiles(dbFile: string, mirrorDir: string | null): string[] {
  const files = [knownHeadFile(dbFile)];
  if (mirrorDir) files.push(path.join(mirrorDir, path.basename(knownHeadFile(dbFile))));
  return files;
}

export type HeadRead = { state: 'absent' } | { state: 'unreadable'; file: string } | { state: 'ok'; file: string; head: KnownHead };

export function readKnownHead(file: string): HeadRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { state: 'absent' } : { state: 'unreadable', file };
  }
  try {
    const h = JSON.parse(text) as KnownHead;
    if (h.format !== 'disclosure-desk/head/v1' || typeof h.installationId !== 'string' || !Number.isSafeInteger(h.seq) || typeof h.hash !== 'string') return { state: 'unreadable', file };
    return { state: 'ok', file, head: h };
  } catch {
    return { state: 'unreadable', file };
  }
}

/**
 * Moves the known head forward to the record's head (never back: a second process on the same record may have
 * written a later one). A missing mirror folder (the removable disk is not plugged in) is skipped.
 */
export function advanceKnownHead(store: Store, rootFingerprint: string | null, mirrorDir: string | null, time: string, checkpoint: Checkpoint | null = null): void {
  const head = store.audit.head();
  const installationId = store.meta.get('installationId');
  if (!head || typeof installationId !== 'string') return;
  for (const file of knownHeadFiles(store.file, mirrorDir)) {
    if (!fs.existsSync(path.dirname(file))) continue;
    const before = readKnownHead(file);
    const keep = before.state === 'ok' && before.head.installationId === installationId ? before.head : null;
    if (keep && keep.seq > head.seq) continue;
    const next: KnownHead = {
      format: 'disclosure-desk/head/v1',
      installationId,
      rootFingerprint: rootFingerprint ?? keep?.rootFingerprint ?? null,
      seq: head.seq,
      hash: head.hash,
      time,
      checkpoint: checkpoint ?? keep?.checkpoint ?? null,
    };
    const temp = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, JSON.stringify(next, null, 2) + '\n');
      fs.renameSync(temp, file);
    } catch {
      fs.rmSync(temp, { force: true });
    }
  }
}

/** Re-pins the known head to the record as it now stands: only after an admin restored a backup in its place. */
export function resetKnownHead(store: Store, rootFingerprint: string | null, mirrorDir: string | null, time: string): void {
  for (const file of knownHeadFiles(store.file, mirrorDir)) fs.rmSync(file, { force: true });
  advanceKnownHead(store, rootFingerprint, mirrorDir, time);
}

/** Compares the record with every known head it has: older, shorter, replaced or rebuilt records are named as such. */
export function checkKnownHeads(store: Store, reads: readonly HeadRead[], rootFingerprint: string | null): KnownHeadCheck | null {
  let result: KnownHeadCheck | null = null;
  for (const read of reads) {
    if (read.state === 'absent') continue;
    if (read.state === 'unreadable') return { ok: false, seq: 0, problem: 'unreadable', file: read.file, message: m.headUnreadable(read.file) };
    const h = read.head;
    const fail = (problem: KnownHeadCheck['problem'], message: string): KnownHeadCheck => ({ ok: false, seq: h.seq, problem, file: read.file, message });
    if (store.meta.get('installationId') !== h.installationId) return fail('other-installation', m.headOtherInstallation(read.file, h.installationId));
    if (h.rootFingerprint !== null && h.rootFingerprint !== rootFingerprint) return fail('root-changed', m.headRootChanged(h.rootFingerprint, rootFingerprint ?? '—'));
    const current = store.audit.head()?.seq ?? 0;
    const stored = store.audit.get(h.seq);
    if (!stored) return fail('older', m.headOlder(h.seq, h.time, current));
    if (stored.hash !== h.hash) return fail('replaced', m.headReplaced(h.seq));
    if (!result || h.seq > result.seq) result = { ok: true, seq: h.seq, problem: null, file: read.file, message: m.headOk(h.seq) };
  }
  return result;
}
