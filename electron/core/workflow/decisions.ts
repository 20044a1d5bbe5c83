import { appendEntry } from '../ledger/chain.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import { signOffDomain } from '../ledger/chain.ts';
import { signText } from '../ledger/crypto.ts';
import { requireRole, type Actor, type Context } from '../kernel/context.ts';
import { readSettings } from './settings.ts';
import { unlockKey } from '../accounts/users.ts';
import { pinSignedHead, signedCheckpoint } from '../ledger/checkpoint.ts';
import { signedContentSha256 } from '../ledger/signed.ts';
import type { DecisionContent, DecisionRecord } from '../db/decisions.ts';
import type { StoredDocument } from '../db/documents.ts';
import { fail } from '../errors.ts';
import { checkTransition, reviewRequired, type WorkflowAction, type WorkflowSubject } from '../../../shared/workflow.ts';
import { redactionBasis } from '../../../shared/basis.ts';
import { withRepeats, type Redaction } from '../../../shared/redaction.ts';
import { decisionProblems, justificationNeeds, noteNeed } from '../../../shared/decision-rules.ts';
import type { CategoryId, Finding, Role } from '../../../shared/types.ts';
import type { DecisionInput, DecisionView, Disposition, SignOff, SignStatement } from '../../../shared/ipc/records.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';
import { channelsRequired, orderedChannels } from '../../../shared/channels.ts';
import { orderedGrounds, returnProblems, type ReturnGround } from '../../../shared/return-grounds.ts';
import { channelMessages } from '../../../shared/messages/channels.ts';
import { attribute as attributeInfo } from '../../../shared/attributes.ts';

export const subjectOf = (d: DecisionRecord): WorkflowSubject => ({ state: d.state, attribute: d.attribute, draftedBy: d.draftedBy, reviewRequired: d.reviewRequired });

function allow(actor: Actor, decision: DecisionRecord | null, action: WorkflowAction): Role {
  const check = checkTransition(decision ? subjectOf(decision) : null, action, actor);
  if (!check.ok) fail(check.refusal === 'own-draft' ? 'separation-of-duties' : 'not-allowed', m.refused(check.refusal, action, decision?.state ?? null));
  return check.role;
}

/**
 * Checks the input against the document and completes it: a `redact` disposition always has its span, and
 * every other occurrence of a withheld value is withheld too, so the decision (and the statement a signer
 * signs) lists every span the public copy will remove.
 */
function normaliseContent(input: DecisionInput, doc: StoredDocument): DecisionContent {
  const findings = new Map(doc.findings.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const dispositions: Disposition[] = input.dispositions.map((d) => {
    const finding = findings.get(d.findingId) ?? fail('invalid', m.unknownFinding(d.findingId));
    if (seen.has(d.findingId)) fail('invalid', m.duplicateDisposition(finding.term));
    seen.add(d.findingId);
    if (d.action === 'dismiss' && !d.reason.trim()) fail('invalid', m.dismissNeedsReason(finding.term));
    if (d.action === 'redact' && input.attribute !== 'partial') fail('invalid', m.redactNeedsPartial);
    return { findingId: d.findingId, action: d.action, reason: d.reason.trim() };
  });
  // Repeats are derived from the other spans below; whatever the client sends back of them is ignored.
  const own = input.redactions.filter((r) => r.origin !== 'repeat');
  if (own.length > 0 && input.attribute !== 'partial') fail('invalid', m.redactNeedsPartial);
  // A span taken from a finding cites the article that finding calls for, never one chosen for it elsewhere.
  const redactions: Redaction[] = own.map((r) => {
    const f = r.findingId === null ? null : (findings.get(r.findingId) ?? fail('invalid', m.unknownFinding(r.findingId)));
    return { start: r.start, end: r.end, basis: f ? redactionBasis(f) : r.basis.trim(), findingId: r.findingId };
  });
  for (const d of dispositions) {
    if (d.action === 'redact' && !redactions.some((r) => r.findingId === d.findingId)) {
      const f = findings.get(d.findingId)!;
      redactions.push({ start: f.start, end: f.end, basis: redactionBasis(f), findingId: f.id });
    }
  }
  if (redactions.length > 0 && doc.text === null) fail('no-text', m.redactNeedsText(doc.fileName));
  for (const r of redactions) {
    if (r.end > (doc.text?.length ?? 0) || r.end <= r.start) fail('invalid', m.redactionOutOfRange(r.start, r.end));
  }
  const channels = orderedChannels(input.channels ?? []);
  if (channels.length > 0 && !channelsRequired(input.attribute)) fail('invalid', channelMessages.channelsNotPublished(attributeInfo(input.attribute).label));
  return {
    attribute: input.attribute,
    reason: input.reason.trim(),
    basis: [...new Set(input.basis.map((b) => b.trim()).filter(Boolean))],
    basisText: input.basisText.trim(),
    justification: input.justification.trim(),
    dispositions,
    redactions: doc.text === null ? redactions : withRepeats(doc.text, redactions),
    channels,
    // Written out only for `other`; a leftover from an unticked `other` says nothing.
    channelText: channels.includes('other') ? (input.channelText ?? '').trim() : '',
  };
}

function completenessProblems(d: DecisionRecord, doc: StoredDocument, threshold: number): string[] {
  const terms = new Map(doc.findings.map((f) => [f.id, f.term]));
  return decisionProblems(d, doc, d.supersedesId, threshold).map((p) => m.problem(p, (id) => terms.get(id) ?? id));
}

export function decisionView(ctx: Context, d: DecisionRecord, doc?: StoredDocument): DecisionView {
  const { store } = ctx;
  const document = doc ?? store.documents.get(d.documentId)!;
  const name = (id: number | null) => (id === null ? null : (store.users.findById(id)?.name ?? String(id)));
  return {
    id: d.id,
    documentId: d.documentId,
    documentSha256: document.sha256,
    state: d.state,
    attribute: d.attribute,
    suggestedAttribute: d.suggestedAttribute,
    reason: d.reason,
    basis: d.basis,
    basisText: d.basisText,
    justification: d.justification,
    dispositions: d.dispositions,
    redactions: d.redactions,
    channels: d.channels,
    channelText: d.channelText,
    supersedes: d.supersedesId,
    supersededBy: store.decisions.supersededBy(d.id),
    reviewRequired: d.reviewRequired,
    draftedBy: name(d.draftedBy)!,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    submittedAt: d.submittedAt,
    reviewedBy: name(d.reviewedBy),
    reviewedAt: d.reviewedAt,
    reviewComment: d.reviewComment,
    returnedBy: name(d.returnedBy),
    returnedAt: d.returnedAt,
    returnReason: d.returnReason,
    returnGrounds: d.returnGrounds,
    signedBy: name(d.signedBy),
    signedAt: d.signedAt,
    signature: d.signature,
    signStatement: d.signStatement ? (JSON.parse(d.signStatement) as SignStatement) : null,
    justificationNeeded: justificationNeeds(d, document, d.supersedesId, readSettings(store).highScoreThreshold),
  };
}

/** Keeps the register's denormalised state/attribute columns in step with the decisions. */
function refreshDocumentStatus(ctx: Context, documentId: number, now: string): void {
  const all = ctx.store.decisions.forDocument(documentId);
  const latest = all.at(-1) ?? null;
  const signed = all.filter((d) => d.state === 'signed').at(-1) ?? null;
  ctx.store.documents.setStatus(documentId, {
    state: latest?.state ?? 'undecided',
    attribute: latest?.attribute ?? null,
    signedAttribute: signed?.attribute ?? null,
    signedDecisionId: signed?.id ?? null,
    updatedAt: now,
  });
}

const findingFacts = (f: Finding | undefined) => (f ? { category: f.category, rule: f.rule, score: f.score, negated: f.negated } : {});

export function saveDecision(ctx: Context, actor: Actor, input: DecisionInput): DecisionView {
  const { store } = ctx;
  const id = store.write(() => {
    const doc = store.documents.get(input.documentId) ?? fail('no-document', m.noDocument(input.documentId));
    const latest = store.decisions.latestForDocument(doc.id);
    const action: WorkflowAction = latest === null ? 'draft' : latest.state === 'signed' ? 'supersede' : 'edit';
    const role = allow(actor, latest, action);
    const content = normaliseContent(input, doc);
    const now = ctx.now();
    let id: number;
    const before = new Map<string, Disposition>();
    if (action === 'edit') {
      id = latest!.id;
      for (const d of latest!.dispositions) before.set(d.findingId, d);
      store.decisions.updateContent(id, content, now);
    } else {
      id = store.decisions.insert(doc.id, doc.suggestion.attribute, content, actor.id, action === 'supersede' ? latest!.id : null, now);
    }
    const event = { user: actor.name, role, documentSha256: doc.sha256, decisionId: id };
    const { dispositions, ...rest } = content;
    appendEntry(store, { ...event, action: action === 'edit' ? 'decision.save' : 'decision.draft', payload: { ...rest, suggestedAttribute: doc.suggestion.attribute, supersedes: action === 'supersede' ? latest!.id : null } }, now);
    const findings = new Map(doc.findings.map((f) => [f.id, f]));
    for (const d of dispositions) {
      const previous = before.get(d.findingId);
      before.delete(d.findingId);
      if (previous && canonicalJson(previous) === canonicalJson(d)) continue;
      appendEntry(store, { ...event, action: `finding.${d.action}`, payload: { findingId: d.findingId, reason: d.reason, ...findingFacts(findings.get(d.findingId)) } }, now);
    }
    for (const cleared of before.values()) {
      appendEntry(store, { ...event, action: 'finding.cleared', payload: { findingId: cleared.findingId, was: cleared.action, ...findingFacts(findings.get(cleared.findingId)) } }, now);
    }
    refreshDocumentStatus(ctx, doc.id, now);
    return id;
  });
  return decisionView(ctx, store.decisions.get(id)!);
}

function step(ctx: Context, actor: Actor, decisionId: number, action: WorkflowAction, apply: (d: DecisionRecord, doc: StoredDocument, role: Role, now: string) => unknown): DecisionView {
  const { store } = ctx;
  store.write(() => {
    const d = store.decisions.get(decisionId) ?? fail('no-decision', m.noDecision(decisionId));
    const role = allow(actor, d, action);
    const doc = store.documents.get(d.documentId)!;
    const now = ctx.now();
    const payload = apply(d, doc, role, now);
    appendEntry(store, { user: actor.name, role, action: `decision.${action}`, documentSha256: doc.sha256, decisionId, payload }, now);
    refreshDocumentStatus(ctx, doc.id, now);
  });
  return decisionView(ctx, store.decisions.get(decisionId)!);
}

export function submitDecision(ctx: Context, actor: Actor, decisionId: number): DecisionView {
  return step(ctx, actor, decisionId, 'submit', (d, doc, _role, now) => {
    const settings = readSettings(ctx.store);
    const problems = completenessProblems(d, doc, settings.highScoreThreshold);
    if (problems.length > 0) fail('incomplete', m.incomplete(problems));
    const required = reviewRequired(d.attribute, settings.reviewPolicy);
    ctx.store.decisions.submit(d.id, required, now);
    return { attribute: d.attribute, reviewRequired: required, reviewPolicy: settings.reviewPolicy };
  });
}

export function approveDecision(ctx: Context, actor: Actor, decisionId: number, comment: string | null): DecisionView {
  return step(ctx, actor, decisionId, 'approve', (d, _doc, _role, now) => {
    ctx.store.decisions.approve(d.id, actor.id, comment?.trim() || null, now);
    return { attribute: d.attribute, comment: comment?.trim() || null };
  });
}

/** A 退文: at least one ground (seed 001), and `other` written out in the reason. */
export function returnDecision(ctx: Context, actor: Actor, decisionId: number, input: { grounds: readonly ReturnGround[]; reason: string }): DecisionView {
  const reason = input.reason.trim();
  const problem = returnProblems(input.grounds, reason)[0];
  if (problem) fail('invalid', problem.kind === 'no-ground' ? channelMessages.returnNeedsGround : channelMessages.otherGroundNeedsReason);
  const grounds = orderedGrounds(input.grounds);
  return step(ctx, actor, decisionId, 'return', (d, _doc, _role, now) => {
    ctx.store.decisions.giveBack(d.id, actor.id, reason, grounds, now);
    return { from: d.state, reason, grounds };
  });
}

function statementFor(ctx: Context, actor: Actor, d: DecisionRecord, doc: StoredDocument, seq: number, chainHead: string, time: string): SignStatement {
  const findings = new Map(doc.findings.map((f) => [f.id, f]));
  const categories = [...new Set(d.dispositions.filter((x) => x.action !== 'dismiss').map((x) => findings.get(x.findingId)?.category).filter((c): c is CategoryId => c !== undefined))].sort();
  const name = (id: number | null) => (id === null ? null : ctx.store.users.findById(id)!.name);
  return {
    statement: signOffDomain,
    decisionId: d.id,
    documentSha256: doc.sha256,
    docNumber: doc.docNumber,
    title: doc.title,
    attribute: d.attribute,
    reason: d.reason,
    basis: d.basis,
    basisText: d.basisText,
    justification: d.justification,
    redactions: d.redactions,
    channels: d.channels,
    channelText: d.channelText,
    categories,
    supersedes: d.supersedesId,
    contentSha256: signedContentSha256(doc),
    draftedBy: name(d.draftedBy)!,
    reviewedBy: name(d.reviewedBy),
    signer: actor.name,
    keyFingerprint: actor.keyFingerprint,
    seq,
    chainHead,
    time,
  };
}

/** What the signer is about to sign; seq, chain head and time are those the signature would get if signed now. */
export function signPreview(ctx: Context, actor: Actor, decisionId: number): SignStatement {
  const d = ctx.store.decisions.get(decisionId) ?? fail('no-decision', m.noDecision(decisionId));
  allow(actor, d, 'sign');
  const head = ctx.store.audit.head();
  return statementFor(ctx, actor, d, ctx.store.documents.get(d.documentId)!, (head?.seq ?? 0) + 1, head?.hash ?? '', ctx.now());
}

export function signDecision(ctx: Context, actor: Actor, decisionId: number, password: string): SignOff {
  requireRole(actor, 'signer');
  const { store } = ctx;
  allow(actor, store.decisions.get(decisionId) ?? fail('no-decision', m.noDecision(decisionId)), 'sign');
  const key = unlockKey(ctx, actor, password);
  const user = store.users.findById(actor.id)!;
  let result: Omit<SignOff, 'decision'> | null = null;
  store.write(() => {
    const d = store.decisions.get(decisionId)!;
    const role = allow(actor, d, 'sign');
    const doc = store.documents.get(d.documentId)!;
    // Submit checks this too; a decision submitted before the rule existed meets it here.
    const note = noteNeed(d.attribute, doc);
    if (note && !d.justification.trim()) fail('incomplete', m.cannotSign([m.problem({ kind: 'justification', needs: [note] }, (id) => id)]));
    const now = ctx.now();
    const entry = appendEntry(store, { user: actor.name, role, action: 'decision.sign', documentSha256: doc.sha256, decisionId }, now, (seq, chainHead) => {
      const statement = statementFor(ctx, actor, d, doc, seq, chainHead, now);
      const statementText = canonicalJson(statement);
      const signature = signText(signOffDomain, statementText, key);
      result = { statement, statementText, signature, publicKey: user.publicKey, keyFingerprint: user.keyFingerprint, seq };
      return { payloadText: statementText, signature };
    });
    store.decisions.sign(d.id, actor.id, entry.payload, entry.signature!, entry.seq, now);
    refreshDocumentStatus(ctx, doc.id, now);
  });
  pinSignedHead(ctx, signedCheckpoint(ctx, actor, key));
  return { ...result!, decision: decisionView(ctx, store.decisions.get(decisionId)!) };
}
