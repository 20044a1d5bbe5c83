import type { Actor, Context } from '../../kernel/context.ts';
import { requireRole } from '../../kernel/context.ts';
import { genesisHash } from '../../ledger/chain.ts';
import { signText } from '../../ledger/crypto.ts';
import { unlockKey } from '../../accounts/users.ts';
import { writeCheckpoint } from '../../ledger/checkpoint.ts';
import { rootFingerprintOf } from '../../ledger/verify.ts';
import { fail } from '../../errors.ts';
import { inspectionOf } from '../context.ts';
import { readInspectionConfig, unitNameIsSet } from '../config.ts';
import { progressOf } from '../lifecycle.ts';
import { bundleDomain } from './format.ts';
import { canonicalJson } from '../../../../shared/canonical.ts';
import type { BundleBody, BundleItem, SignedBundle } from '../../../../shared/ipc/inspection.ts';
import { inspectionGuardMessages as guard, inspectionMessages as m } from '../../../../shared/messages/inspection.ts';

/**
 * The signed bundle of a closed inspection: its items, frozen figures and own audit entries, a fresh signed
 * checkpoint of the chain (also written to `checkpointFile`), and the signer's Ed25519 signature over the
 * canonical JSON of all of it. The signer is the 机关负责人 who answers for what goes to the government office.
 */
export function signedBundle(ctx: Context, actor: Actor, year: number, password: string, checkpointFile: string): SignedBundle {
  requireRole(actor, 'signer');
  const rec = inspectionOf(ctx, year) ?? fail('no-inspection', m.noInspection(year));
  if (rec.state !== 'closed' || !rec.summary || !rec.annual) fail('not-closed', m.bundleNeedsClosed(year));
  const config = readInspectionConfig(ctx);
  if (!unitNameIsSet(config)) fail('unit-name-unset', guard.unitNameNotSet);
  const key = unlockKey(ctx, actor, password);
  const checkpoint = writeCheckpoint(ctx, actor, checkpointFile, password);
  const user = ctx.store.users.findById(actor.id)!;
  const items: BundleItem[] = ctx.store.inspection.allItems(year).map((i) => ({
    documentSha256: i.documentSha256,
    docNumber: i.docNumber,
    title: i.title,
    date: i.date,
    decisionId: i.decisionId,
    attribute: i.attribute,
    reason: i.reason,
    basis: i.basis,
    rules: i.rules,
    requestCount: i.requestCount,
    outcome: i.outcome,
    justification: i.justification,
    newDecisionId: i.newDecisionId,
    newAttribute: i.newAttribute,
    progress: progressOf(i),
  }));
  const entries = ctx.store.audit.areaEntriesOfYear('inspection', year).map((row) => ({ ...row, previousHash: ctx.store.audit.get(row.seq - 1)?.hash ?? genesisHash }));
  const body: BundleBody = {
    format: 'disclosure-desk/inspection-bundle/v1',
    unit: { name: config.unitName, installationId: ctx.store.meta.get('installationId') as string, rootFingerprint: rootFingerprintOf(ctx.store) },
    year,
    inspection: { openedAt: rec.openedAt, openedBy: rec.openedBy, closedAt: rec.closedAt, closedBy: rec.closedBy, config: rec.config },
    summary: rec.summary,
    annual: rec.annual,
    items,
    entries,
    checkpoint,
    signer: { user: actor.name, keyFingerprint: user.keyFingerprint, publicKey: user.publicKey },
    createdAt: ctx.now(),
  };
  return { ...body, signature: signText(bundleDomain, canonicalJson(body), key) };
}
