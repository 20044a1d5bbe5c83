import { canonicalJson } from '../../../shared/canonical.ts';
import { signOffDomain } from './chain.ts';
import { sha256Hex, verifyText } from './crypto.ts';
import { TrustState } from './trust.ts';
import { knownHeadFile, readKnownHead } from './head.ts';
import type { Context } from '../kernel/context.ts';
import type { DecisionRecord } from '../db/decisions.ts';
import type { StoredDocument } from '../db/documents.ts';
import { fail } from '../errors.ts';
import type { SignStatement } from '../../../shared/ipc/records.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

/** What a signature covers of the stored document: the text and the paragraph layout the redactions apply to. */
export const signedContentSha256 = (doc: Pick<StoredDocument, 'text' | 'paragraphs'>): string => sha256Hex(canonicalJson({ text: doc.text, paragraphs: doc.paragraphs }));

/** The accounts as the chain's signed account entries grant them just before `seq`. */
function trustBefore(ctx: Context, seq: number): TrustState {
  const trust = new TrustState();
  for (const entry of ctx.store.audit.accountEntries(seq)) {
    const previous = ctx.store.audit.get(entry.seq - 1)?.hash ?? '';
    if (trust.apply(entry, previous)) break;
  }
  return trust;
}

interface SignedDecision {
  decision: DecisionRecord;
  statement: SignStatement;
  document: StoredDocument;
}

/**
 * A signed decision as its signer signed it, proven before anything is done with it: the stored row equals the
 * signed statement, the signature verifies under the key the chain's admin-signed entries gave the signer, who
 * held the signer role then, and the stored text is the text that was signed. Exports, redaction and the yearly
 * inspection act on what this returns, never on a column someone could have edited alone.
 */
export function signedDecision(ctx: Context, decisionId: number): SignedDecision {
  const { store } = ctx;
  const decision = store.decisions.get(decisionId) ?? fail('no-decision', m.noDecision(decisionId));
  if (decision.state !== 'signed' || decision.signSeq === null) fail('not-signed', m.exportNeedsSigned(decisionId));
  const tampered = (): never => fail('record-tampered', m.signedTampered(decisionId));
  const entry = store.audit.get(decision.signSeq);
  if (!entry || entry.action !== 'decision.sign' || entry.decisionId !== decisionId || entry.payload !== decision.signStatement || entry.signature !== decision.signature || entry.signature === null) tampered();
  const statement = JSON.parse(entry!.payload) as SignStatement;
  const trust = trustBefore(ctx, entry!.seq);
  const account = trust.accounts.get(statement.signer);
  if (!account || !account.roles.has('signer') || account.fingerprint !== statement.keyFingerprint || statement.statement !== signOffDomain) tampered();
  if (!verifyText(signOffDomain, entry!.payload, entry!.signature!, account!.object)) tampered();
  const known = readKnownHead(knownHeadFile(store.file));
  if (known.state === 'ok' && known.head.rootFingerprint !== null && known.head.rootFingerprint !== (trust.root?.fingerprint ?? null)) tampered();
  const sameContent =
    decision.attribute === statement.attribute &&
    decision.reason === statement.reason &&
    canonicalJson(decision.basis) === canonicalJson(statement.basis) &&
    decision.basisText === statement.basisText &&
    decision.justification === statement.justification &&
    canonicalJson(decision.redactions) === canonicalJson(statement.redactions) &&
    canonicalJson(decision.channels) === canonicalJson(statement.channels ?? []) &&
    decision.channelText === (statement.channelText ?? '') &&
    decision.supersedesId === statement.supersedes;
  if (!sameContent) tampered();
  const document = store.documents.get(decision.documentId) ?? tampered();
  if (document.sha256 !== statement.documentSha256) tampered();
  if (statement.contentSha256 !== undefined && signedContentSha256(document) !== statement.contentSha256) tampered();
  return { decision, statement, document };
}
