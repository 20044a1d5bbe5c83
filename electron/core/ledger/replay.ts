import { canonicalJson } from '../../../shared/canonical.ts';
import { signOffDomain } from './chain.ts';
import { verifyText } from './crypto.ts';
import { isAccountAction, TrustState, type AdminStatement, type TrustProblem } from './trust.ts';
import { firstVersionCalendar } from '../../../shared/workdays.ts';
import { applicantOf, type RequestOutcome } from '../../../shared/inspection-terms.ts';
import { answerNeedsReason, answerNeedsReview } from '../../../shared/request-rules.ts';
import type { Attribute } from '../../../shared/types.ts';
import type { Role } from '../../../shared/types.ts';
import type { SignStatement } from '../../../shared/ipc/records.ts';

/**
 * The record as the chain says it must be. Every table row the app reads is a consequence of some entry; the
 * walk replays the entries into the rows they imply, and `evidence.ts` compares those with the tables. Whoever
 * edits a row without writing (and hash-linking, and where signed, signing) the entry that explains it is caught.
 */

export type Row = Record<string, unknown>;

/** An expected row and the entry that last defined it, for the message that points at it. */
export interface Expected {
  row: Row;
  seq: number;
}

export interface ReplayBreak {
  seq: number;
  code: 'statement' | 'signature' | 'unknown-key' | 'not-signer' | 'role-not-held' | 'orphan-entry' | TrustProblem['code'];
  detail: string;
}

interface EntryRow {
  seq: number;
  time: string;
  user: string | null;
  role: string | null;
  action: string;
  documentSha256: string | null;
  decisionId: number | null;
  payload: string;
  signature: string | null;
}

interface DocumentState {
  expected: Expected;
  /** Hashes of the immutable header and the content as written at load; null on records written before they were kept. */
  headerSha256: string | null;
  contentSha256: string | null;
  legacy: Record<string, unknown>;
  decisions: number[];
}

const decisionColumns = {
  state: 'draft',
  reviewRequired: 0,
  submittedAt: null,
  reviewedBy: null,
  reviewedAt: null,
  reviewComment: null,
  returnedBy: null,
  returnedAt: null,
  returnReason: null,
  returnGrounds: null,
  signedBy: null,
  signedAt: null,
  signStatement: null,
  signature: null,
  signSeq: null,
};

/** Dispositions are compared as a set: their order is the order a client happened to send them in. */
export const dispositionSet = (value: unknown): string => canonicalJson([...(value as { findingId: string }[])].sort((a, b) => (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0)));

const parse = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

export class Replay {
  readonly trust = new TrustState();
  installationId: Expected | null = null;
  readonly users = new Map<number, Expected>();
  readonly userIds = new Map<string, number>();
  readonly documents = new Map<number, DocumentState>();
  readonly documentIds = new Map<string, number>();
  readonly decisions = new Map<number, Expected>();
  readonly settings = new Map<string, Expected>();
  readonly requests = new Map<number, Expected>();
  readonly appeals = new Map<number, Expected>();
  readonly inspections = new Map<number, Expected>();
  readonly items = new Map<string, Expected>();
  readonly bundleImports = new Map<string, EntryRow>();
  readonly publications = new Map<number, Expected>();
  /** Kind override and 解读 link per document id. */
  readonly publicationProfiles = new Map<number, Expected>();
  /** Entries that must exist on the record's side: a closed inspection's items hash, checked against the table. */
  readonly closedItemHashes = new Map<number, { sha256: string | null; seq: number }>();
  /** Valid sign-offs, and valid admin signatures on account changes. */
  signatures = 0;
  accountSignatures = 0;

  private userId(name: string | null): number | null {
    return name === null ? null : (this.userIds.get(name) ?? null);
  }

  /** Applies one entry whose hash link is already proven; returns what makes it impossible, or null. */
  apply(e: EntryRow, previous: string): ReplayBreak | null {
    const broken = (code: ReplayBreak['code'], detail = ''): ReplayBreak => ({ seq: e.seq, code, detail });
    if (isAccountAction(e.action)) {
      const problem = this.trust.apply(e, previous);
      if (problem) return { seq: e.seq, code: problem.code, detail: 'user' in problem ? problem.user : '' };
      this.accountSignatures++;
      this.applyAccount(e);
      return null;
    }
    if (e.role !== null && e.user !== null && !this.trust.holds(e.user, e.role as Role)) return broken('role-not-held', `${e.user}/${e.role}`);
    if (e.signature !== null && e.action !== 'decision.sign') return broken('statement');
    const p = parse(e.payload);
    switch (e.action) {
      case 'install.created':
        if (this.installationId !== null) return broken('orphan-entry');
        this.installationId = { row: { key: 'installationId', value: JSON.stringify(p.installationId) }, seq: e.seq };
        return null;
      case 'document.load':
        if (p.existing === true) return null;
        return this.load(e, p);
      case 'document.scan':
        return this.scan(e, p);
      case 'decision.draft':
      case 'decision.save':
      case 'decision.submit':
      case 'decision.approve':
      case 'decision.return':
        return this.decisionStep(e, p);
      case 'decision.sign':
        return this.sign(e, previous);
      case 'settings.change':
        for (const [key, change] of Object.entries(p)) this.settings.set(key, { row: { key, value: canonicalJson((change as { to: unknown }).to) }, seq: e.seq });
        return null;
      case 'holidays.set':
        return this.holidays(e, p);
      case 'inspection.config':
        this.settings.set('inspection.config', { row: { key: 'inspection.config', value: canonicalJson(p) }, seq: e.seq });
        return null;
      case 'request.add':
      case 'request.answer':
      case 'request.extend':
      case 'request.answer.prepare':
      case 'request.answer.return':
        return this.request(e, p);
      case 'request.appeal':
      case 'request.appeal.result':
        return this.appeal(e, p);
      case 'inspection.open':
      case 'inspection.listed':
      case 'inspection.propose':
      case 'inspection.close':
        return this.inspection(e, p);
      case 'publication.record':
      case 'publication.kind':
      case 'publication.link':
        return this.publication(e, p);
      case 'bundle.import':
        this.bundleImports.set(p.sha256 as string, e);
        return null;
      case 'export.review-form':
      case 'export.stamped':
        return this.decisionForm(e, p);
      default:
        if (e.action.startsWith('finding.')) return this.disposition(e, p);
        return null;
    }
  }

  private applyAccount(e: EntryRow): void {
    if (e.action === 'trust.anchor') return;
    // Records begun before account changes were signed hold the bare facts (user.add) or { name, from, to } (user.roles).
    const legacy = e.signature === null ? (JSON.parse(e.payload) as AdminStatement['subject'] & { to?: AdminStatement['subject']['roles'] }) : null;
    const s: Pick<AdminStatement, 'subject'> = legacy ? { subject: { ...legacy, roles: legacy.roles ?? legacy.to } } : (JSON.parse(e.payload) as AdminStatement);
    const name = s.subject.name;
    if (e.action === 'user.add') {
      const id = this.users.size + 1;
      this.userIds.set(name, id);
      this.users.set(id, {
        row: { id, name, displayName: s.subject.displayName, publicKey: s.subject.publicKey, keyFingerprint: s.subject.keyFingerprint, active: 1, createdAt: e.time, roles: [...(s.subject.roles ?? [])].sort() },
        seq: e.seq,
      });
      return;
    }
    const user = this.users.get(this.userIds.get(name)!)!;
    if (e.action === 'user.roles') user.row.roles = [...(s.subject.roles ?? [])].sort();
    else Object.assign(user.row, { publicKey: s.subject.publicKey, keyFingerprint: s.subject.keyFingerprint });
    user.seq = e.seq;
  }

  private load(e: EntryRow, p: Record<string, unknown>): ReplayBreak | null {
    if (e.documentSha256 === null || this.documentIds.has(e.documentSha256)) return { seq: e.seq, code: 'orphan-entry', detail: 'document.load' };
    const id = this.documents.size + 1;
    this.documentIds.set(e.documentSha256, id);
    const revisionOf = typeof p.revisionOf === 'string' ? (this.documentIds.get(p.revisionOf) ?? -1) : null;
    this.documents.set(id, {
      expected: {
        row: { id, sha256: e.documentSha256, loadedBy: this.userId(e.user), loadedAt: e.time, revisionOf, state: 'undecided', attribute: null, signedAttribute: null, signedDecisionId: null, updatedAt: e.time },
        seq: e.seq,
      },
      headerSha256: null,
      contentSha256: null,
      legacy: { fileName: p.fileName, format: p.format, byteSize: p.byteSize, charCount: p.charCount, docNumber: p.docNumber, title: p.title, docDate: p.date },
      decisions: [],
    });
    return null;
  }

  private scan(e: EntryRow, p: Record<string, unknown>): ReplayBreak | null {
    const id = e.documentSha256 === null ? undefined : this.documentIds.get(e.documentSha256);
    const doc = id === undefined ? undefined : this.documents.get(id);
    if (!doc) return { seq: e.seq, code: 'orphan-entry', detail: 'document.scan' };
    doc.headerSha256 = typeof p.headerSha256 === 'string' ? p.headerSha256 : null;
    doc.contentSha256 = typeof p.contentSha256 === 'string' ? p.contentSha256 : null;
    Object.assign(doc.legacy, { findingsSha256: p.findingsSha256, suggestionSha256: p.suggestionSha256, textSha256: p.textSha256, lexiconVersion: p.lexiconVersion, suggestedAttribute: p.suggestion });
    return null;
  }

  /** Keeps the register's state columns as refreshDocumentStatus would after this entry. */
  private refreshDocument(documentId: number, time: string, seq: number): void {
    const doc = this.documents.get(documentId)!;
    const all = doc.decisions.map((id) => this.decisions.get(id)!.row);
    const latest = all.at(-1) ?? null;
    const signed = all.filter((d) => d.state === 'signed').at(-1) ?? null;
    Object.assign(doc.expected.row, {
      state: latest?.state ?? 'undecided',
      attribute: latest?.attribute ?? null,
      signedAttribute: signed?.attribute ?? null,
      signedDecisionId: signed?.id ?? null,
      updatedAt: time,
    });
    doc.expected.seq = seq;
  }

  private decisionStep(e: EntryRow, p: Record<string, unknown>): ReplayBreak | null {
    const documentId = e.documentSha256 === null ? undefined : this.documentIds.get(e.documentSha256);
    if (documentId === undefined || e.decisionId === null) return { seq: e.seq, code: 'orphan-entry', detail: e.action };
    const content = (q: Record<string, unknown>) => ({
      attribute: q.attribute,
      reason: q.reason,
      basis: canonicalJson(q.basis),
      basisText: q.basisText,
      justification: q.justification,
      redactions: canonicalJson(q.redactions),
      // Entries written before 公开方式 was recorded carry none: the column's default.
      channels: canonicalJson(q.channels ?? []),
      channelText: q.channelText ?? '',
    });
    if (e.action === 'decision.draft') {
      if (e.decisionId !== this.decisions.size + 1) return { seq: e.seq, code: 'orphan-entry', detail: e.action };
      this.decisions.set(e.decisionId, {
        row: {
          id: e.decisionId,
          documentId,
          ...decisionColumns,
          ...content(p),
          suggestedAttribute: p.suggestedAttribute,
          dispositions: [],
          supersedesId: p.supersedes ?? null,
          draftedBy: this.userId(e.user),
          createdAt: e.time,
          updatedAt: e.time,
        },
        seq: e.seq,
      });
      this.documents.get(documentId)!.decisions.push(e.decisionId);
    } else {
      const d = this.decisions.get(e.decisionId);
      if (!d || d.row.documentId !== documentId) return { seq: e.seq, code: 'orphan-entry', detail: e.action };
      const by = this.userId(e.user);
      if (e.action === 'decision.save') Object.assign(d.row, content(p));
      if (e.action === 'decision.submit') Object.assign(d.row, { state: 'submitted', reviewRequired: p.reviewRequired ? 1 : 0, submittedAt: e.time });
      if (e.action === 'decision.approve') Object.assign(d.row, { state: 'approved', reviewedBy: by, reviewedAt: e.time, reviewComment: p.comment ?? null });
      if (e.action === 'decision.return') Object.assign(d.row, { state: 'returned', returnedBy: by, returnedAt: e.time, returnReason: p.reason, returnGrounds: Array.isArray(p.grounds) ? canonicalJson(p.grounds) : null, reviewedBy: null, reviewedAt: null, reviewComment: null });
      d.row.updatedAt = e.time;
      d.seq = e.seq;
    }
    this.refreshDocument(documentId, e.time, e.seq);
    return null;
  }

  private disposition(e: EntryRow, p: Record<string, unknown>): ReplayBreak | null {
    const d = e.decisionId === null ? undefined : this.decisions.get(e.decisionId);
    if (!d) return { seq: e.seq, code: 'orphan-entry', detail: e.action };
    const action = e.action.slice('finding.'.length);
    const rest = (d.row.dispositions as { findingId: string }[]).filter((x) => x.findingId !== p.findingId);
    d.row.dispositions = action === 'cleared' ? rest : [...rest, { findingId: p.findingId, action, reason: p.reason }];
    d.seq = e.seq;
    return null;
  }

  /** A sign-off: signed by a key the chain trusts for a person who held the signer role then, over exactly the content replayed so far. */
  private sign(e: EntryRow, previous: string): ReplayBreak | null {
    const broken = (code: ReplayBreak['code'], detail = ''): ReplayBreak => ({ seq: e.seq, code, detail });
    if (e.signature === null || e.user === null) return broken('statement');
    const account = this.trust.accounts.get(e.user);
    if (!account) return broken('unknown-key', e.user);
    if (!account.roles.has('signer')) return broken('not-signer', e.user);
    let s: SignStatement;
    try {
      s = JSON.parse(e.payload) as SignStatement;
    } catch {
      return broken('statement');
    }
    const d = e.decisionId === null ? undefined : this.decisions.get(e.decisionId);
    const name = (id: unknown) => (id === null ? null : ((this.users.get(id as number)?.row.name as string | undefined) ?? null));
    const sameContent =
      d !== undefined &&
      s.attribute === d.row.attribute &&
      s.reason === d.row.reason &&
      canonicalJson(s.basis) === d.row.basis &&
      s.basisText === d.row.basisText &&
      s.justification === d.row.justification &&
      canonicalJson(s.redactions) === d.row.redactions &&
      canonicalJson(s.channels ?? []) === d.row.channels &&
      (s.channelText ?? '') === d.row.channelText &&
      s.supersedes === d.row.supersedesId &&
      s.draftedBy === name(d.row.draftedBy) &&
      s.reviewedBy === name(d.row.reviewedBy);
    if (
      s.statement !== signOffDomain ||
      s.seq !== e.seq ||
      s.chainHead !== previous ||
      s.signer !== e.user ||
      s.documentSha256 !== e.documentSha256 ||
      s.decisionId !== e.decisionId ||
      s.keyFingerprint !== account.fingerprint
    ) {
      return broken('statement');
    }
    if (!verifyText(signOffDomain, e.payload, e.signature, account.object)) return broken('signature', e.user);
    if (!sameContent) return broken('statement');
    Object.assign(d.row, { state: 'signed', signedBy: this.userId(e.user), signedAt: e.time, signStatement: e.payload, signature: e.signature, signSeq: e.seq, updatedAt: e.time });
    d.seq = e.seq;
    this.signatures++;
    this.refreshDocument(d.row.documentId as number, e.time, e.seq);
    return null;
  }

  /**
   * A form written from a decision names that decision on its document, as it stood then: a 审查单 any
   * decision, a stamped 公文 a signed one, with the attribute its 附注 was made to state.
   */
  private decisionForm(e: EntryRow, p: Record<string, unknown>): ReplayBreak | null {
    const d = e.decisionId === null ? undefined : this.decisions.get(e.decisionId);
    const documentId = e.documentSha256 === null ? undefined : this.documentIds.get(e.documentSha256);
    const fits = d !== undefined && d.row.documentId === documentId && p.attribute === d.row.attribute && (e.action !== 'export.stamped' || d.row.state === 'signed');
    return fits ? null : { seq: e.seq, code: 'orphan-entry', detail: e.action };
  }

  private holidays(e: EntryRow, p: Record<string, unknown>): null {
    // Entries carry the whole list; the first version's carried only the change against what it then held.
    const stored = this.settings.get('inspection.holidays')?.row.value;
    const before = stored === undefined ? undefined : (JSON.parse(String(stored)) as { holidays: string[] });
    const set = new Set(Array.isArray(p.holidays) ? (p.holidays as string[]) : (before?.holidays ?? firstVersionCalendar.holidays));
    if (!Array.isArray(p.holidays)) {
      for (const d of p.added as string[]) set.add(d);
      for (const d of p.removed as string[]) set.delete(d);
    }
    this.settings.set('inspection.holidays', { row: { key: 'inspection.holidays', value: canonicalJson({ holidays: [...set].sort(), workingWeekends: p.workingWeekends }) }, seq: e.seq });
    return null;
  }

  private request(e: EntryRow, p: Record<string, unknown>): ReplayBreak | null {
    const id = p.requestId as number;
    if (e.action === 'request.add') {
      if (this.requests.has(id)) return { seq: e.seq, code: 'orphan-entry', detail: e.action };
      const documentId = e.documentSha256 === null ? null : (this.documentIds.get(e.documentSha256) ?? -1);
      this.requests.set(id, {
        row: {
          id,
          documentId,
          subject: p.subject,
          // Entries from before the template's columns say citizen / legal-person / other; migration 7 mapped the rows alike.
          applicantType: applicantOf(String(p.applicantType)),
          channel: p.channel,
          receivedOn: p.receivedOn,
          extensionDays: 0,
          extensionReason: null,
          outcome: null,
          answeredOn: null,
          ...('note' in p ? { note: p.note } : {}),
          recordedBy: e.user,
          recordedAt: e.time,
          answerState: null,
          proposedOutcome: null,
          proposedOn: null,
          answerBasis: null,
          answerReason: null,
          fee: null,
          feeWaived: 0,
          reviewRequired: 0,
          preparedBy: null,
          reviewedBy: null,
          reviewNote: null,
        },
        seq: e.seq,
      });
      return null;
    }
    const r = this.requests.get(id);
    if (!r || r.row.outcome !== null || !this.answerFollowsRules(e, r.row, p)) return { seq: e.seq, code: 'orphan-entry', detail: e.action };
    // Answers written before they were reviewed carry no basis, reasons or fee: the columns keep their defaults.
    const content = (q: Record<string, unknown>) =>
      'basis' in q ? { answerBasis: q.basis ?? null, answerReason: q.reason === '' ? null : (q.reason ?? null), fee: q.fee ?? null, feeWaived: q.feeWaived ? 1 : 0, reviewRequired: q.reviewRequired ? 1 : 0 } : {};
    if (e.action === 'request.answer') {
      const review = p.review as { justification: string | null } | null | undefined;
      // A prepared answer counts only once a reviewer confirms it; a confirmation needs an answer to confirm.
      if ((r.row.answerState === 'awaiting-review') !== Boolean(review)) return { seq: e.seq, code: 'orphan-entry', detail: e.action };
      Object.assign(r.row, {
        outcome: p.outcome,
        answeredOn: p.answeredOn,
        ...('note' in p ? { note: p.note } : {}),
        ...content(p),
        answerState: 'answered',
        proposedOutcome: null,
        proposedOn: null,
        reviewedBy: review ? e.user : null,
        reviewNote: review?.justification ?? null,
      });
    } else if (e.action === 'request.answer.prepare') {
      if (r.row.answerState === 'awaiting-review') return { seq: e.seq, code: 'orphan-entry', detail: e.action };
      Object.assign(r.row, { answerState: 'awaiting-review', proposedOutcome: p.outcome, proposedOn: p.answeredOn, note: p.note, ...content(p), preparedBy: e.user, reviewedBy: null, reviewNote: null });
    } else if (e.action === 'request.answer.return') {
      if (r.row.answerState !== 'awaiting-review') return { seq: e.seq, code: 'orphan-entry', detail: e.action };
      Object.assign(r.row, { answerState: 'returned', reviewedBy: e.user, reviewNote: p.reason });
    } else Object.assign(r.row, { extensionDays: p.extensionDays, extensionReason: p.reason });
    r.seq = e.seq;
    return null;
  }

  /**
   * The review rules hold in the chain too, so a forged entry cannot release withheld information unreviewed:
   * a prepared or direct answer needs review exactly when the document's decision in force then withholds;
   * a confirmation keeps the prepared need and, where review was needed, carries a justification from someone
   * other than the drafter; an answer given at once is the disclosure office's and needs no review; refusals
   * carry an article and reasons. Answers written before reviews existed carry none of this and pass.
   */
  private answerFollowsRules(e: EntryRow, row: Row, p: Record<string, unknown>): boolean {
    const prepared = e.action === 'request.answer.prepare';
    if ((e.action !== 'request.answer' && !prepared) || !('basis' in p)) return true;
    const outcome = p.outcome as RequestOutcome;
    if (answerNeedsReason(outcome) && (typeof p.basis !== 'string' || p.basis === '' || typeof p.reason !== 'string' || p.reason === '')) return false;
    const review = p.review as { justification: string | null } | null | undefined;
    if (review) {
      if (Boolean(p.reviewRequired) !== (row.reviewRequired === 1)) return false;
      if (row.reviewRequired === 1 && (!review.justification || e.user === row.preparedBy)) return false;
      return e.role === 'reviewer' || e.role === 'admin';
    }
    const doc = typeof row.documentId === 'number' ? this.documents.get(row.documentId) : undefined;
    const signed = (doc?.expected.row.signedAttribute ?? null) as Attribute | null;
    if (Boolean(p.reviewRequired) !== answerNeedsReview(outcome, signed)) return false;
    return prepared || (!p.reviewRequired && (e.role === 'reviewer' || e.role === 'admin'));
  }

  /** A 复议/诉讼 names a request of the register; its result is written once. */
  private appeal(e: EntryRow, p: Record<string, unknown>): ReplayBreak | null {
    const broken = (): ReplayBreak => ({ seq: e.seq, code: 'orphan-entry', detail: e.action });
    const id = p.appealId as number;
    if (!this.requests.has(p.requestId as number)) return broken();
    if (e.action === 'request.appeal') {
      if (this.appeals.has(id)) return broken();
      this.appeals.set(id, {
        row: { id, requestId: p.requestId, kind: p.kind, filedOn: p.filedOn, body: p.body, afterReconsideration: p.afterReconsideration ? 1 : 0, result: null, decidedOn: null, recordedBy: e.user, recordedAt: e.time },
        seq: e.seq,
      });
      return null;
    }
    const a = this.appeals.get(id);
    if (!a || a.row.requestId !== p.requestId || a.row.result !== null) return broken();
    Object.assign(a.row, { result: p.result, decidedOn: p.decidedOn });
    a.seq = e.seq;
    return null;
  }

  /** A release only of the signed public decision in force; kind and link fold into the document's one profile row. */
  private publication(e: EntryRow, p: Record<string, unknown>): ReplayBreak | null {
    const broken = (): ReplayBreak => ({ seq: e.seq, code: 'orphan-entry', detail: e.action });
    const documentId = e.documentSha256 === null ? undefined : this.documentIds.get(e.documentSha256);
    if (documentId === undefined) return broken();
    if (e.action === 'publication.record') {
      const id = p.publicationId as number;
      const doc = this.documents.get(documentId)!.expected.row;
      const isPublic = doc.signedAttribute === 'proactive' || doc.signedAttribute === 'partial';
      if (this.publications.has(id) || e.decisionId === null || doc.signedDecisionId !== e.decisionId || !isPublic) return broken();
      this.publications.set(id, {
        row: { id, documentId, decisionId: e.decisionId, publishedOn: p.publishedOn, channel: p.channel, location: p.location, recordedBy: e.user, recordedAt: e.time },
        seq: e.seq,
      });
      return null;
    }
    const profile = this.publicationProfiles.get(documentId) ?? { row: { documentId, kind: null, kindReason: null, interpretationId: null, noInterpretationReason: null }, seq: e.seq };
    if (e.action === 'publication.kind') Object.assign(profile.row, { kind: p.kind, kindReason: p.kind === null ? null : p.reason });
    else {
      const interpretationId = typeof p.interpretationSha256 === 'string' ? this.documentIds.get(p.interpretationSha256) : null;
      if (interpretationId === undefined) return broken();
      Object.assign(profile.row, { interpretationId, noInterpretationReason: interpretationId === null ? p.reason : null });
    }
    Object.assign(profile.row, { updatedBy: e.user, updatedAt: e.time });
    profile.seq = e.seq;
    this.publicationProfiles.set(documentId, profile);
    return null;
  }

  private inspection(e: EntryRow, p: Record<string, unknown>): ReplayBreak | null {
    const year = p.year as number;
    const broken = (): ReplayBreak => ({ seq: e.seq, code: 'orphan-entry', detail: e.action });
    if (e.action === 'inspection.open') {
      if (this.inspections.has(year)) return broken();
      this.inspections.set(year, {
        row: { year, config: p.config, state: 'open', openedBy: e.user, openedAt: e.time, asOf: p.asOf, closedBy: null, closedAt: null, closeSeq: null, summary: null, annual: null },
        seq: e.seq,
      });
      this.listItems(year, p, e.seq);
      return null;
    }
    const rec = this.inspections.get(year);
    if (!rec || rec.row.state !== 'open') return broken();
    if (e.action === 'inspection.listed') this.listItems(year, p, e.seq);
    else if (e.action === 'inspection.propose') {
      const documentId = e.documentSha256 === null ? undefined : this.documentIds.get(e.documentSha256);
      const item = documentId === undefined ? undefined : this.items.get(`${year}:${documentId}`);
      if (!item) return broken();
      Object.assign(item.row, { outcome: p.outcome, justification: p.justification, newDecisionId: e.decisionId, proposedBy: e.user, proposedAt: e.time });
      item.seq = e.seq;
    } else {
      Object.assign(rec.row, { state: 'closed', closedBy: e.user, closedAt: e.time, closeSeq: e.seq, summary: p.summary, annual: p.annual });
      rec.seq = e.seq;
      this.closedItemHashes.set(year, { sha256: typeof p.itemsSha256 === 'string' ? p.itemsSha256 : null, seq: e.seq });
    }
    return null;
  }

  /** Items as listed: full snapshots on records that write them, bare ids on older ones (their columns then go unchecked). */
  private listItems(year: number, p: Record<string, unknown>, seq: number): void {
    const snapshots = Array.isArray(p.items) ? (p.items as Row[]) : [];
    for (const s of snapshots) {
      const key = `${year}:${s.documentId as number}`;
      const item = this.items.get(key);
      this.items.set(key, { row: { ...(item?.row ?? { outcome: null, justification: null, newDecisionId: null, proposedBy: null, proposedAt: null }), ...s, year }, seq });
    }
    for (const documentId of Array.isArray(p.documentIds) ? (p.documentIds as number[]) : []) {
      const key = `${year}:${documentId}`;
      if (!this.items.has(key)) this.items.set(key, { row: { year, documentId, outcome: null, justification: null, newDecisionId: null, proposedBy: null, proposedAt: null }, seq });
    }
  }
}
