import crypto from 'node:crypto';
import { checkpointDomain, leafText, linkHash } from '../../ledger/chain.ts';
import { keyFingerprint, publicKeyObject, verifyText } from '../../ledger/crypto.ts';
import { checkpointBody } from '../../ledger/verify.ts';
import { summarise } from '../lifecycle.ts';
import { bundleDomain, bundleFormat } from './format.ts';
import { bundleBodySchema, closePayloadSchema, firstIssuePath } from './schema.ts';
import { canonicalJson } from '../../../../shared/canonical.ts';
import type { BundleCheck, BundleProblem, SignedBundle } from '../../../../shared/ipc/inspection.ts';
import type { Role } from '../../../../shared/types.ts';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';

interface BundleVerification {
  check: BundleCheck;
  /** Present only when the bundle passed every check. */
  bundle: SignedBundle | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkpointValid(b: SignedBundle): boolean {
  const c = b.checkpoint;
  try {
    return c.format === 'disclosure-desk/checkpoint/v1' && keyFingerprint(c.publicKey) === c.keyFingerprint && verifyText(checkpointDomain, checkpointBody(c), c.signature, publicKeyObject(c.publicKey));
  } catch {
    return false;
  }
}

/**
 * Checks a bundle with nothing but its own bytes: signature over the canonical body, the embedded key against
 * its fingerprint, the signed checkpoint, each audit entry against its hash, the close entry under the
 * checkpoint, and the figures against both the close entry and a recount of the items.
 */
export function verifyBundleText(bytes: Uint8Array, file: string): BundleVerification {
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const base: BundleCheck = { ok: false, problem: null, message: '', file, unitName: null, installationId: null, year: null, keyFingerprint: null, sha256 };
  const refuse = (problem: BundleProblem, message: string): BundleVerification => ({ check: { ...base, problem, message }, bundle: null });
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse('malformed', m.bundleProblems.malformed(file, m.notJson));
  }
  if (!isObject(parsed) || parsed.format !== bundleFormat) return refuse('not-bundle', m.bundleProblems['not-bundle'](file));
  const shape = bundleBodySchema.safeParse(parsed);
  if (!shape.success) return refuse('malformed', m.bundleProblems.malformed(file, m.malformedAt(firstIssuePath(shape.error))));
  // The signature covers the body exactly as written, so it is checked on the parsed text, not on the schema's copy.
  const b = parsed as unknown as SignedBundle;
  Object.assign(base, { unitName: b.unit.name, installationId: b.unit.installationId, year: b.year, keyFingerprint: b.signer.keyFingerprint });
  if (typeof b.signature !== 'string' || b.signature === '') return refuse('unsigned', m.bundleProblems.unsigned(file));
  let key: crypto.KeyObject;
  try {
    if (keyFingerprint(b.signer.publicKey) !== b.signer.keyFingerprint) throw new Error('fingerprint');
    key = publicKeyObject(b.signer.publicKey);
  } catch {
    return refuse('key-mismatch', m.bundleProblems['key-mismatch'](file));
  }
  const { signature, ...body } = b;
  if (!verifyText(bundleDomain, canonicalJson(body), signature, key)) return refuse('bad-signature', m.bundleProblems['bad-signature'](file));

  if (!checkpointValid(b)) return refuse('checkpoint-invalid', m.bundleProblems['checkpoint-invalid'](file, m.checkpointSignatureInvalid));
  if (b.checkpoint.installationId !== b.unit.installationId) return refuse('checkpoint-invalid', m.bundleProblems['checkpoint-invalid'](file, m.checkpointOtherUnit));
  if ((b.unit.rootFingerprint ?? null) !== (b.checkpoint.rootFingerprint ?? null)) return refuse('checkpoint-invalid', m.bundleProblems['checkpoint-invalid'](file, m.checkpointOtherUnit));

  let previous: { seq: number; hash: string } | null = null;
  for (const e of b.entries) {
    const row = { seq: e.seq, time: e.time, user: e.user, role: e.role as Role | null, action: e.action, documentSha256: e.documentSha256, decisionId: e.decisionId, payload: e.payload, signature: e.signature };
    const linked = previous === null || e.seq !== previous.seq + 1 || e.previousHash === previous.hash;
    if (!linked || linkHash(e.previousHash, leafText(row)) !== e.hash) return refuse('entry-mismatch', m.bundleProblems['entry-mismatch'](file, e.seq));
    previous = { seq: e.seq, hash: e.hash };
  }
  const close = b.entries.find((e) => e.action === 'inspection.close');
  if (!close || b.inspection.closedAt === null) return refuse('not-closed', m.bundleProblems['not-closed'](file));
  if (b.checkpoint.seq < close.seq) return refuse('checkpoint-behind', m.bundleProblems['checkpoint-behind'](file));
  if (b.checkpoint.seq === close.seq && b.checkpoint.hash !== close.hash) return refuse('checkpoint-invalid', m.bundleProblems['checkpoint-invalid'](file, m.checkpointNotClose));

  let closePayload: unknown;
  try {
    closePayload = JSON.parse(close.payload);
  } catch {
    return refuse('malformed', m.bundleProblems.malformed(file, m.malformedAt(`entries[${b.entries.indexOf(close)}].payload`)));
  }
  const closeShape = closePayloadSchema.safeParse(closePayload);
  if (!closeShape.success) return refuse('malformed', m.bundleProblems.malformed(file, m.malformedAt(`entries[${b.entries.indexOf(close)}].payload.${firstIssuePath(closeShape.error)}`)));
  const frozen = closePayload as { year: number; summary: unknown; annual: unknown };
  const recount = summarise(b.items);
  if (frozen.year !== b.year || canonicalJson(frozen.summary) !== canonicalJson(b.summary) || canonicalJson(frozen.annual) !== canonicalJson(b.annual) || canonicalJson(recount) !== canonicalJson(b.summary)) {
    return refuse('figures-mismatch', m.bundleProblems['figures-mismatch'](file));
  }
  return { check: { ...base, ok: true, message: m.bundleChecked(b.unit.name, b.year, b.signer.keyFingerprint) }, bundle: b };
}
