import type crypto from 'node:crypto';
import path from 'node:path';
import { appendEntry, checkpointDomain } from './chain.ts';
import { signText } from './crypto.ts';
import { checkpointBody, rootFingerprintOf } from './verify.ts';
import { unlockKey } from '../accounts/users.ts';
import { advanceKnownHead } from './head.ts';
import { headMirrorOf } from './open.ts';
import type { Actor, Context } from '../kernel/context.ts';
import { fail } from '../errors.ts';
import { writeFileAtomic } from '../files.ts';
import type { Checkpoint } from '../../../shared/ipc/records.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

/** The chain head as it stands, signed with `key`, the personal key of `actor`. */
export function signedCheckpoint(ctx: Context, actor: Actor, key: crypto.KeyObject): Checkpoint {
  const { store } = ctx;
  const user = store.users.findById(actor.id)!;
  const head = store.audit.head() ?? fail('empty-log', m.emptyLog);
  const body: Omit<Checkpoint, 'signature'> = {
    format: 'disclosure-desk/checkpoint/v1',
    installationId: store.meta.get('installationId') as string,
    rootFingerprint: rootFingerprintOf(store),
    seq: head.seq,
    hash: head.hash,
    time: ctx.now(),
    signer: actor.name,
    keyFingerprint: user.keyFingerprint,
    publicKey: user.publicKey,
  };
  return { ...body, signature: signText(checkpointDomain, checkpointBody(body), key) };
}

/** Keeps a person's signed checkpoint of the current head with the known head outside the database (head.ts). */
export function pinSignedHead(ctx: Context, checkpoint: Checkpoint): void {
  advanceKnownHead(ctx.store, checkpoint.rootFingerprint ?? null, headMirrorOf(ctx.store), ctx.now(), checkpoint);
}

/**
 * Writes the chain head, signed with the personal key of whoever writes it. A per-installation key would sit
 * in the same data folder as the record, so anyone able to rewrite the record could re-sign the checkpoint too;
 * a key sealed under a person's password cannot be used without them, and the checkpoint names who vouched for it.
 */
export function writeCheckpoint(ctx: Context, actor: Actor, file: string, password: string): Checkpoint {
  const { store } = ctx;
  const key = unlockKey(ctx, actor, password);
  const checkpoint = signedCheckpoint(ctx, actor, key);
  const target = path.resolve(file);
  writeFileAtomic(target, Buffer.from(JSON.stringify(checkpoint, null, 2) + '\n'));
  store.write(() => appendEntry(store, { user: actor.name, role: null, action: 'audit.checkpoint', payload: { seq: checkpoint.seq, hash: checkpoint.hash, path: target } }, ctx.now()));
  pinSignedHead(ctx, checkpoint);
  return checkpoint;
}
