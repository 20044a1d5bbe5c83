import fs from 'node:fs';
import type { Store } from '../db/store.ts';
import { schemaTriggers } from '../db/evidence.ts';
import { genesisHash, leafText, linkHash, checkpointDomain } from './chain.ts';
import { keyFingerprint, publicKeyObject, verifyText } from './crypto.ts';
import { Replay, type ReplayBreak } from './replay.ts';
import { checkTables, type Mismatch } from './evidence.ts';
import { checkKnownHeads, readKnownHead, type HeadRead } from './head.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import type { AuditBreak, AuditVerifyReport, Checkpoint, CheckpointCheck } from '../../../shared/ipc/records.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

interface ChainWalk {
  entries: number;
  head: { seq: number; hash: string } | null;
  firstBroken: AuditBreak | null;
  replay: Replay;
}

function replayBreak(b: ReplayBreak): AuditBreak {
  switch (b.code) {
    case 'signature':
      return { seq: b.seq, code: 'signature', message: m.breakSignature(b.seq, b.detail) };
    case 'unknown-key':
    case 'unknown-user':
      return { seq: b.seq, code: 'unknown-key', message: m.breakUnknownKey(b.seq, b.detail) };
    case 'statement':
      return { seq: b.seq, code: 'statement', message: m.breakStatement(b.seq) };
    case 'not-signer':
      return { seq: b.seq, code: 'role', message: m.breakNotSigner(b.seq, b.detail) };
    case 'not-admin':
      return { seq: b.seq, code: 'role', message: m.breakNotAdmin(b.seq, b.detail) };
    case 'role-not-held':
      return { seq: b.seq, code: 'role', message: m.breakRoleNotHeld(b.seq, b.detail) };
    case 'unsigned-account':
      return { seq: b.seq, code: 'unsigned-account', message: m.breakUnsignedAccount(b.seq) };
    case 'duplicate-user':
      return { seq: b.seq, code: 'duplicate-user', message: m.breakDuplicateUser(b.seq, b.detail) };
    case 'root':
      return { seq: b.seq, code: 'root', message: m.breakRoot(b.seq) };
    case 'orphan-entry':
      return { seq: b.seq, code: 'orphan-entry', message: m.breakOrphan(b.seq, b.detail) };
  }
}

/** Rows per slice of a walk: about 30 ms of hashing, short enough to pause between without anyone noticing. */
const SLICE = 5000;

/**
 * A walk over the chain that can stop after any slice and resume: sequence, every link hash, every signature
 * against the keys the chain itself granted, and the replay of every entry into the rows it implies.
 */
function chainWalk(store: Store) {
  const replay = new Replay();
  let previous = genesisHash;
  let expected = 1;
  let head: ChainWalk['head'] = null;
  let firstBroken: AuditBreak | null = null;
  let done = false;
  const broken = (seq: number, code: AuditBreak['code'], message: string): AuditBreak => ({ seq, code, message });
  const check = (row: ReturnType<Store['audit']['rawAfter']>[number]): AuditBreak | null => {
    const [seq, time, user, role, action, documentSha256, decisionId, payload, signature, hash] = row;
    if (seq !== expected) return broken(expected, 'sequence', seq > expected ? m.breakMissing(expected, seq) : m.breakOrder(seq, expected));
    if (linkHash(previous, leafText({ seq, time, user, role: role as never, action, documentSha256, decisionId, payload, signature })) !== hash) return broken(seq, 'hash', m.breakHash(seq));
    let problem: ReplayBreak | null;
    try {
      problem = replay.apply({ seq, time, user, role, action, documentSha256, decisionId, payload, signature }, previous);
    } catch {
      problem = { seq, code: 'statement', detail: action };
    }
    if (problem) return replayBreak(problem);
    previous = hash;
    head = { seq, hash };
    expected++;
    return null;
  };
  return {
    /** Walks one slice; true once the chain is walked to its head or broken. */
    step(): boolean {
      if (done) return true;
      const rows = store.audit.rawAfter(expected - 1, SLICE);
      for (const row of rows) {
        firstBroken = check(row);
        if (firstBroken) break;
      }
      done = firstBroken !== null || rows.length < SLICE;
      return done;
    },
    result: (): ChainWalk => ({ entries: expected - 1, head, firstBroken, replay }),
  };
}

function walk(store: Store): ChainWalk {
  const w = chainWalk(store);
  while (!w.step());
  return w.result();
}

const mismatchBreak = (x: Mismatch): AuditBreak => ({ seq: x.seq, code: 'record-mismatch', message: m.breakTableMismatch(x.table, x.key, x.column, x.seq) });

function readCheckpoint(file: string): Checkpoint | null {
  try {
    return parseCheckpoint(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

function parseCheckpoint(c: Checkpoint | null | undefined): Checkpoint | null {
  if (!c) return null;
  const strings = [c.installationId, c.hash, c.time, c.signer, c.keyFingerprint, c.publicKey, c.signature];
  if (c.format !== 'disclosure-desk/checkpoint/v1' || !Number.isSafeInteger(c.seq) || strings.some((s) => typeof s !== 'string')) return null;
  return c;
}

export const checkpointBody = (c: Omit<Checkpoint, 'signature'>): string => canonicalJson({ ...c, signature: undefined });

function checkCheckpoint(store: Store, checkpoint: Checkpoint | null, chain: ChainWalk): CheckpointCheck {
  if (!checkpoint) return { ok: false, seq: 0, problem: 'unreadable', message: m.checkpointUnreadable };
  const { seq } = checkpoint;
  const fail = (problem: CheckpointCheck['problem'], message: string): CheckpointCheck => ({ ok: false, seq, problem, message });
  if (keyFingerprint(checkpoint.publicKey) !== checkpoint.keyFingerprint || !verifyText(checkpointDomain, checkpointBody(checkpoint), checkpoint.signature, publicKeyObject(checkpoint.publicKey))) {
    return fail('bad-signature', m.checkpointBadSignature);
  }
  if (store.meta.get('installationId') !== checkpoint.installationId) return fail('other-installation', m.checkpointOtherInstallation(checkpoint.installationId));
  if (!chain.replay.trust.keyOf(checkpoint.signer, checkpoint.keyFingerprint)) return fail('unknown-key', m.checkpointUnknownKey(checkpoint.signer));
  const root = chain.replay.trust.root?.fingerprint ?? null;
  if (checkpoint.rootFingerprint !== undefined && checkpoint.rootFingerprint !== root) return fail('other-installation', m.checkpointOtherRoot(checkpoint.rootFingerprint ?? '—'));
  // Compared with the stored row, not the walk: a walk stopped by an earlier break must not read as truncation.
  const stored = store.audit.get(seq);
  if (!stored) return fail('truncated', m.checkpointTruncated(seq, store.audit.head()?.seq ?? 0));
  if (stored.hash !== checkpoint.hash) return fail('replaced', m.checkpointReplaced(seq));
  return { ok: true, seq, problem: null, message: m.checkpointOk(seq) };
}

/** Every trigger of the schema is there exactly as the migrations made it, and no other. */
function triggersIntact(store: Store): boolean {
  const live = store.evidence.triggers();
  const expected = schemaTriggers();
  return live.size === expected.size && [...expected].every(([name, sql]) => live.get(name) === sql);
}

interface VerifyOptions {
  checkpointFile?: string;
  /** Known-head files to compare with (see head.ts); absent ones are skipped. */
  headFiles?: readonly string[];
  now?: () => string;
}

function report(store: Store, chain: ChainWalk, options: VerifyOptions): AuditVerifyReport {
  const tables = chain.firstBroken ? null : checkTables(store, chain.replay);
  const unanchored = chain.replay.trust.unanchored();
  const firstBroken = chain.firstBroken ?? (tables ? mismatchBreak(tables) : null) ?? (unanchored !== null ? { seq: unanchored, code: 'unanchored' as const, message: m.breakUnanchored(unanchored) } : null);
  const checkpointCheck = options.checkpointFile ? checkCheckpoint(store, readCheckpoint(options.checkpointFile), chain) : null;
  const rootFingerprint = chain.replay.trust.root?.fingerprint ?? null;
  const reads: HeadRead[] = (options.headFiles ?? []).map(readKnownHead);
  let knownHead = checkKnownHeads(store, reads, rootFingerprint);
  for (const read of reads) {
    if (knownHead && !knownHead.ok) break;
    if (read.state !== 'ok' || !read.head.checkpoint) continue;
    const signed = checkCheckpoint(store, parseCheckpoint(read.head.checkpoint), chain);
    if (!signed.ok) knownHead = { ok: false, seq: signed.seq, problem: 'replaced', file: read.file, message: m.headCheckpoint(read.file, signed.message) };
  }
  const triggers = triggersIntact(store);
  return {
    intact: firstBroken === null && (checkpointCheck?.ok ?? true) && (knownHead?.ok ?? true) && triggers,
    entries: chain.entries,
    signatures: chain.replay.signatures,
    accountSignatures: chain.replay.accountSignatures,
    head: chain.head,
    firstBroken,
    triggersIntact: triggers,
    checkpoint: checkpointCheck,
    knownHead,
    rootFingerprint,
    checkedAt: (options.now ?? (() => new Date().toISOString()))(),
  };
}

export function verifyRecord(store: Store, options: VerifyOptions = {}): AuditVerifyReport {
  return report(store, walk(store), options);
}

/**
 * The same verification, one slice per turn of the event loop, so the core keeps answering while a long log
 * is checked. Resolves null when `stopped()` turns true (the record was closed or replaced meanwhile).
 */
export async function verifyRecordInSlices(store: Store, stopped: () => boolean, options: VerifyOptions = {}): Promise<AuditVerifyReport | null> {
  const w = chainWalk(store);
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (stopped()) return null;
    if (w.step()) break;
  }
  return report(store, w.result(), options);
}

/** The root key's fingerprint as the chain established it, without a full verification: for display and pinning. */
export function rootFingerprintOf(store: Store): string | null {
  // A record begun with signed accounts has its root in its first account entry; an older one gets it when anchored.
  for (const entry of [store.audit.firstOf('user.add'), store.audit.firstOf('trust.anchor')]) {
    if (!entry) continue;
    try {
      const s = JSON.parse(entry.payload) as { root?: boolean; action?: string; keyFingerprint?: string; subject?: { keyFingerprint?: string } };
      if (s.root) return s.subject?.keyFingerprint ?? null;
      if (s.action === 'trust.anchor') return s.keyFingerprint ?? null;
    } catch {
      continue;
    }
  }
  return null;
}
