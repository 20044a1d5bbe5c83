import { appendEntry } from '../ledger/chain.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import { sha256Hex } from '../ledger/crypto.ts';
import { requireRole, type Actor, type Context } from '../kernel/context.ts';
import { decisionView, subjectOf } from '../workflow/decisions.ts';
import { readSettings } from '../workflow/settings.ts';
import { peopleFor } from '../accounts/people.ts';
import { documentContentSha256, documentHeaderSha256 } from '../ledger/evidence.ts';
import type { AuditRow } from '../db/audit.ts';
import type { DocumentContent, DocumentHeader } from '../db/documents.ts';
import type { Store } from '../db/store.ts';
import { fail } from '../errors.ts';
import { allowedActions } from '../../../shared/workflow.ts';
import type { Classification, ExtractedDocument, IntakeError, ScanResult } from '../../../shared/types.ts';
import type { AuditEntryView, AuditFilter, AuditPage, DocumentFilter, DecisionView, DocumentPage, LoadOutcome, PackedDocumentDetail, Queues, RevisionLink } from '../../../shared/ipc/records.ts';
import { packContent, type PackedContent } from '../../../shared/ipc/document-content.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

const auditView = (row: AuditRow): AuditEntryView => ({ ...row, payload: JSON.parse(row.payload) as unknown });

export function auditPage(ctx: Context, filter: AuditFilter): AuditPage {
  const page = ctx.store.audit.list(filter);
  const entries = page.rows.map(auditView);
  return { entries, total: page.total, people: peopleFor(ctx.store, entries.map((e) => e.user)) };
}

const decisionPeople = (d: DecisionView): (string | null)[] => [
  d.draftedBy,
  d.reviewedBy,
  d.returnedBy,
  d.signedBy,
  d.signStatement?.draftedBy ?? null,
  d.signStatement?.reviewedBy ?? null,
  d.signStatement?.signer ?? null,
];

const classifiedWarning = (c: Classification | null, textStored: boolean) => (c ? m.classifiedWarning(c.raw, textStored) : null);

/** Inside a write: the entry that already holds these bytes, its loading again put on the trail; null when there is none. */
function loadAgain(ctx: Context, actor: Actor, sha256: string, fileName: string, now: string): LoadOutcome | null {
  const { store } = ctx;
  const existing = store.documents.idBySha(sha256);
  if (existing === null) return null;
  const stored = store.documents.header(existing)!;
  appendEntry(store, { user: actor.name, role: 'drafter', documentSha256: sha256, action: 'document.load', payload: { fileName, existing: true } }, now);
  return { documentId: existing, sha256, existing: true, revisionOf: stored.revisionOf, classifiedWarning: classifiedWarning(stored.metadata.classification, stored.textStored) };
}

/** Finds the entry that already holds content with this SHA-256, as loadDocument would, so a known file need not be read. */
export function loadKnownDocument(ctx: Context, actor: Actor, sha256: string, fileName: string): LoadOutcome | null {
  requireRole(actor, 'drafter');
  return ctx.store.write(() => loadAgain(ctx, actor, sha256, fileName, ctx.now()));
}

/**
 * Stores a scanned document in the register, or finds the entry that already holds these exact bytes.
 * A classified draft keeps only hash, metadata and findings unless this computer is declared approved for it.
 */
export function loadDocument(ctx: Context, actor: Actor, doc: ExtractedDocument, scan: ScanResult): LoadOutcome {
  requireRole(actor, 'drafter');
  const { store } = ctx;
  const classification = doc.metadata.classification;
  return store.write(() => {
    const now = ctx.now();
    const known = loadAgain(ctx, actor, doc.sha256, doc.fileName, now);
    if (known) return known;
    const event = { user: actor.name, role: 'drafter' as const, documentSha256: doc.sha256 };
    const textStored = classification === null || readSettings(store).classifiedMachineApproved;
    const findingCounts = Array.from({ length: 9 }, () => 0);
    for (const f of scan.findings) if (!f.negated) findingCounts[f.category - 1]!++;
    const revisionOf = store.documents.findEarlierVersion(doc.sha256, doc.metadata.docNumber, doc.metadata.title);
    const documentId = store.documents.insert({
      sha256: doc.sha256,
      fileName: doc.fileName,
      format: doc.format,
      byteSize: doc.byteSize,
      pageCount: doc.pageCount,
      charCount: doc.charCount,
      metadata: doc.metadata,
      warnings: doc.warnings,
      text: textStored ? doc.text : null,
      paragraphs: doc.paragraphs,
      findings: scan.findings,
      findingCounts,
      suggestion: scan.suggestion,
      lexiconVersion: scan.lexiconVersion,
      revisionOf,
      loadedBy: actor.id,
      loadedAt: now,
    });
    const md = doc.metadata;
    appendEntry(
      store,
      {
        ...event,
        action: 'document.load',
        payload: {
          existing: false,
          fileName: doc.fileName,
          format: doc.format,
          byteSize: doc.byteSize,
          charCount: doc.charCount,
          docNumber: md.docNumber,
          title: md.title,
          date: md.date,
          classification: md.classification?.raw ?? null,
          textStored,
          revisionOf: revisionOf === null ? null : store.documents.row(revisionOf)!.sha256,
        },
      },
      now,
    );
    // The hashes put the stored findings snapshot under the chain: editing it later breaks the match.
    appendEntry(
      store,
      {
        ...event,
        action: 'document.scan',
        payload: {
          lexiconVersion: scan.lexiconVersion,
          findings: scan.findings.length,
          findingCounts,
          suggestion: scan.suggestion.attribute,
          findingsSha256: sha256Hex(canonicalJson(scan.findings)),
          suggestionSha256: sha256Hex(canonicalJson(scan.suggestion)),
          textSha256: textStored ? sha256Hex(doc.text) : null,
          // The rows exactly as stored: `audit verify` recomputes these, so no column of the entry can change unseen.
          headerSha256: documentHeaderSha256(store.evidence.row('documents', documentId)!),
          contentSha256: documentContentSha256(store.evidence.row('document_content', documentId)!),
        },
      },
      now,
    );
    const warning = classifiedWarning(classification, textStored);
    if (classification && warning) {
      appendEntry(store, { ...event, action: 'classified.warning', payload: { classification: classification.raw, level: classification.level, textStored, message: warning } }, now);
    }
    return { documentId, sha256: doc.sha256, existing: false, revisionOf, classifiedWarning: warning };
  });
}

/** A file intake refused: recorded so the trail shows every file someone tried to load. */
export function recordRejected(ctx: Context, actor: Actor, fileName: string, error: IntakeError): void {
  ctx.store.write(() => appendEntry(ctx.store, { user: actor.name, role: 'drafter', action: 'document.rejected', payload: { fileName, code: error.code } }, ctx.now()));
}

export function listDocuments(ctx: Context, filter: DocumentFilter): DocumentPage {
  return ctx.store.documents.list(filter);
}

function revisionChain(ctx: Context, doc: DocumentHeader): RevisionLink[] {
  const { documents } = ctx.store;
  const links: RevisionLink[] = [];
  const link = (id: number, relation: RevisionLink['relation']) => {
    const r = documents.row(id)!;
    links.push({ id: r.id, sha256: r.sha256, fileName: r.fileName, docNumber: r.docNumber, title: r.title, loadedAt: r.loadedAt, relation });
    return r;
  };
  for (let id = doc.revisionOf, n = 0; id !== null && n < 100; n++) id = link(id, 'earlier').revisionOf;
  const queue = [doc.id];
  while (queue.length > 0 && links.length < 200) {
    for (const later of documents.laterRevisions(queue.shift()!)) {
      link(later.id, 'later');
      queue.push(later.id);
    }
  }
  return links;
}

// Packed once per parsed content: the repository keeps the few documents last read, and their packed form lives as long as they do.
const packedContents = new WeakMap<DocumentContent, PackedContent>();

function packedContent(store: Store, doc: DocumentHeader): PackedContent {
  const content = store.documents.content(doc);
  let packed = packedContents.get(content);
  if (!packed) {
    packed = packContent(content);
    packedContents.set(content, packed);
  }
  return packed;
}

/** The content travels packed (see document-content.ts); the renderer unpacks it with unpackDocument. */
export function documentDetail(ctx: Context, actor: Actor, documentId: number): PackedDocumentDetail {
  const { store } = ctx;
  const doc = store.documents.get(documentId) ?? fail('no-document', m.noDocument(documentId));
  const decisions = store.decisions.forDocument(documentId).map((d) => decisionView(ctx, d, doc));
  const latest = store.decisions.latestForDocument(documentId);
  const { signedDecisionId: _signed, textStored, loadedBy: loadedById, text: _text, paragraphs: _paragraphs, findings: _findings, suggestion: _suggestion, ...rest } = doc;
  const loadedBy = store.users.findById(loadedById)?.name ?? String(loadedById);
  const history = store.audit.forDocument(doc.sha256).map(auditView);
  return {
    ...rest,
    content: packedContent(store, doc),
    loadedBy,
    classifiedWarning: classifiedWarning(doc.metadata.classification, textStored),
    revisions: revisionChain(ctx, doc),
    decisions,
    current: decisions.at(-1) ?? null,
    actions: allowedActions(latest ? subjectOf(latest) : null, actor),
    history,
    people: peopleFor(store, [loadedBy, actor.name, ...decisions.flatMap(decisionPeople), ...history.map((e) => e.user)]),
  };
}

export function queues(ctx: Context, actor: Actor, limit: number): Queues {
  const { decisions } = ctx.store;
  const has = (role: 'drafter' | 'reviewer' | 'signer') => actor.roles.includes(role);
  const list = (name: 'myDrafts' | 'returnedToMe' | 'awaitingReview' | 'awaitingSignature', role: 'drafter' | 'reviewer' | 'signer') =>
    has(role) ? { count: decisions.queueCount(name, actor.id), items: decisions.queueList(name, actor.id, limit) } : { count: 0, items: [] };
  const myDrafts = list('myDrafts', 'drafter');
  const returnedToMe = list('returnedToMe', 'drafter');
  const awaitingReview = list('awaitingReview', 'reviewer');
  const awaitingSignature = list('awaitingSignature', 'signer');
  const listed = [myDrafts, returnedToMe, awaitingReview, awaitingSignature].flatMap((q) => q.items.map((i) => i.draftedBy));
  return {
    people: peopleFor(ctx.store, listed),
    counts: { myDrafts: myDrafts.count, returnedToMe: returnedToMe.count, awaitingReview: awaitingReview.count, awaitingSignature: awaitingSignature.count },
    myDrafts: myDrafts.items,
    returnedToMe: returnedToMe.items,
    awaitingReview: awaitingReview.items,
    awaitingSignature: awaitingSignature.items,
  };
}
