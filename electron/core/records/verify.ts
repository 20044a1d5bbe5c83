import fs from 'node:fs';
import type crypto from 'node:crypto';
import type { Store } from '../db/store.ts';
import { auditTriggersIntact } from '../db/open.ts';
import { genesisHash, leafText, linkHash, signOffDomain, checkpointDomain } from './chain.ts';
import { keyFingerprint, publicKeyObject, verifyText } from './crypto.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import type { AuditBreak, AuditVerifyReport, Checkpoint, CheckpointCheck, SignStatement } from '../../../shared/ipc/records.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

/** The action whose payload introduces an account's public key into the chain. */
export const keyAction = 'user.add';

interface ChainKey {
  publicKey: string;
  fingerprint: string;
  object: crypto.KeyObject;
}

interface ChainWalk {
  entries: number;
  signatures: number;
  head: { seq: number; hash: string } | null;
  firstBroken: AuditBreak | null;
  /** Public keys as the chain introduced them, by user name: the keys signatures are checked against. */
  keys: Map<string, ChainKey>;
}

function checkStatement(statement: SignStatement, row: { seq: number; user: string | null; documentSha256: string | null; decisionId: number | null }, previous: string, key: ChainKey): boolean {
  return (
    statement.statement === signOffDomain &&
    statement.seq === row.seq &&
    statement.chainHead === previous &&
    statement.signer === row.user &&
    statement.documentSha256 === row.documentSha256 &&
    statement.decisionId === row.decisionId &&
    statement.keyFingerprint === key.fingerprint
  );
}

/** Rows per slice of a walk: about 30 ms of hashing, short enough to pause between without anyone noticing. */
const SLICE = 5000;

/**
 * A walk over the chain that can stop after any slice and resume: sequence, every link hash, every signature
 * against the chain's own keys. Entries appended while it pauses are simply walked too.
 */
function chainWalk(store: Store) {
  const keys = new Map<string, ChainKey>();
  let previous = genesisHash;
  let expected = 1;
  let signatures = 0;
  let head: ChainWalk['head'] = null;
  let firstBroken: AuditBreak | null = null;
  let done = false;
  const broken = (seq: number, code: AuditBreak['code'], message: string): AuditBreak => ({ seq, code, message });
  const check = (row: ReturnType<Store['audit']['rawAfter']>[number]): AuditBreak | null => {
    const [seq, time, user, role, action, documentSha256, decisionId, payload, signature, hash] = row;
    if (seq !== expected) return broken(expected, 'sequence', seq > expected ? m.breakMissing(expected, seq) : m.breakOrder(seq, expected));
    if (linkHash(previous, leafText({ seq, time, user, role: role as never, action, documentSha256, decisionId, payload, signature })) !== hash) return broken(seq, 'hash', m.breakHash(seq));
    if (action === keyAction) {
      const p = JSON.parse(payload) as { name: string; publicKey: string };
      keys.set(p.name, { publicKey: p.publicKey, fingerprint: keyFingerprint(p.publicKey), object: publicKeyObject(p.publicKey) });
    }
    if (signature !== null) {
      const key = user === null ? undefined : keys.get(user);
      if (!key) return broken(seq, 'unknown-key', m.breakUnknownKey(seq, user ?? ''));
      if (!checkStatement(JSON.parse(payload) as SignStatement, { seq, user, documentSha256, decisionId }, previous, key)) return broken(seq, 'statement', m.breakStatement(seq));
      if (!verifyText(signOffDomain, payload, signature, key.object)) return broken(seq, 'signature', m.breakSignature(seq, user ?? ''));
      signatures++;
    }
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
    result: (): ChainWalk => ({ entries: expected - 1, signatures, head, firstBroken, keys }),
  };
}

function walk(store: Store): ChainWalk {
  const w = chainWalk(store);
  while (!w.step());
  return w.result();
}

/** Signed decisions in the decisions table must be exactly what the chain recorded at signing. */
function crossCheckDecisions(store: Store): AuditBreak | null {
  for (const d of store.decisions.signed()) {
    const entry = store.audit.get(d.signSeq);
    if (!entry || entry.action !== 'decision.sign' || entry.signature !== d.signature || entry.payload !== d.signStatement || entry.decisionId !== d.id) {
      return { seq: d.signSeq, code: 'record-mismatch', message: m.breakRecordMismatch(d.id, d.signSeq) };
    }
  }
  return null;
}

export function readCheckpoint(file: string): Checkpoint | null {
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as Checkpoint;
    const strings = [c.installationId, c.hash, c.time, c.signer, c.keyFingerprint, c.publicKey, c.signature];
    if (c.format !== 'disclosure-desk/checkpoint/v1' || !Number.isSafeInteger(c.seq) || strings.some((s) => typeof s !== 'string')) return null;
    return c;
  } catch {
    return null;
  }
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
  const chainKey = chain.keys.get(checkpoint.signer);
  if (!chainKey || chainKey.fingerprint !== checkpoint.keyFingerprint) return fail('unknown-key', m.checkpointUnknownKey(checkpoint.signer));
  // Compared with the stored row, not the walk: a walk stopped by an earlier break must not read as truncation.
  const stored = store.audit.get(seq);
  if (!stored) return fail('truncated', m.checkpointTruncated(seq, store.audit.head()?.seq ?? 0));
  if (stored.hash !== checkpoint.hash) return fail('replaced', m.checkpointReplaced(seq));
  return { ok: true, seq, problem: null, message: m.checkpointOk(seq) };
}

export interface VerifyOptions {
  checkpointFile?: string;
  now?: () => string;
}

function report(store: Store, chain: ChainWalk, options: VerifyOptions): AuditVerifyReport {
  const firstBroken = chain.firstBroken ?? crossCheckDecisions(store);
  const checkpointCheck = options.checkpointFile ? checkCheckpoint(store, readCheckpoint(options.checkpointFile), chain) : null;
  return {
    intact: firstBroken === null && (checkpointCheck?.ok ?? true),
    entries: chain.entries,
    signatures: chain.signatures,
    head: chain.head,
    firstBroken,
    triggersIntact: auditTriggersIntact(store.connection),
    checkpoint: checkpointCheck,
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
