import { decisionProblems as problemsOf, justificationNeeds, startingRedactions, withRedactDispositions, type DecidedDocument } from '../../../shared/decision-rules.ts';
import { withheldFreeName, type Redaction } from '../../../shared/redaction.ts';
import type { Finding, Suggestion } from '../../../shared/types.ts';
import type { AuditEntryView, AuditPage, DecisionInput, DecisionView, Disposition, DocumentDetail, JustificationNeed, SessionUser } from '../../../shared/ipc/records.ts';
import { allowedActions } from '../../../shared/workflow.ts';
import { channelsRequired } from '../../../shared/channels.ts';
import { recordsMessages } from '../../../shared/messages/records.ts';
import { workspace as m } from '../messages/workspace.ts';

/** What the drafter edits; the records layer stores it as the decision. */
export type DecisionFields = Pick<DecisionView, 'attribute' | 'reason' | 'basis' | 'basisText' | 'justification' | 'redactions' | 'channels' | 'channelText'>;

/** The officer's confirm and dismiss, by finding; a redaction is said by its span in `fields.redactions`. */
export type Dispositions = Readonly<Record<string, Disposition>>;

export function initialFields(suggestion: Suggestion, findings: readonly Finding[]): DecisionFields {
  return {
    attribute: suggestion.attribute,
    reason: '',
    basis: [...suggestion.basis],
    basisText: '',
    justification: '',
    redactions: suggestion.attribute === 'partial' ? startingRedactions(suggestion, findings) : [],
    channels: [],
    channelText: '',
  };
}

/**
 * The decision as the core takes it. Redaction marks go only with 部分公开 and 公开方式 only with a release:
 * under any other attribute they are kept in the form, never sent.
 */
export function toInput(documentId: number, fields: DecisionFields, dispositions: Dispositions): DecisionInput {
  const redactions = fields.attribute === 'partial' ? fields.redactions : [];
  const published = channelsRequired(fields.attribute);
  return {
    documentId,
    ...fields,
    redactions,
    channels: published ? fields.channels : [],
    channelText: published ? fields.channelText : '',
    dispositions: withRedactDispositions(fields.attribute, Object.values(dispositions), redactions),
  };
}

/** The signed decision a new one replaces: the one being superseded now, or the one the open draft already replaces. */
function supersedesOf(detail: Pick<DocumentDetail, 'current'>, superseding: boolean): number | null {
  const current = detail.current;
  if (!current) return null;
  if (current.state === 'signed') return superseding ? current.id : null;
  return current.supersedes;
}

type DocumentFacts = DecidedDocument & Pick<DocumentDetail, 'current'>;

export const needsFor = (fields: DecisionFields, dispositions: Dispositions, doc: DocumentFacts, superseding: boolean, threshold: number): JustificationNeed[] =>
  justificationNeeds(toInput(0, fields, dispositions), doc, supersedesOf(doc, superseding), threshold);

/** Everything still missing before the decision may be submitted, in Chinese; empty when complete. The same rule core applies on submit. */
export function decisionProblems(fields: DecisionFields, dispositions: Dispositions, doc: DocumentFacts, superseding: boolean, threshold: number): string[] {
  const terms = new Map(doc.findings.map((f) => [f.id, f.term]));
  return problemsOf(toInput(0, fields, dispositions), doc, supersedesOf(doc, superseding), threshold).map((p) => recordsMessages.problem(p, (id) => terms.get(id) ?? id));
}

/**
 * The open document once the core answered a step with `decision`: its state, and what the officer may do
 * next by the rule core applies (shared/workflow.ts). Names are unique, so the drafter is told by name.
 */
export function withDecision(detail: DocumentDetail, decision: DecisionView, user: SessionUser | null): DocumentDetail {
  const known = detail.decisions.some((d) => d.id === decision.id);
  const decisions = (known ? detail.decisions.map((d) => (d.id === decision.id ? decision : d)) : [...detail.decisions, decision]).map((d) =>
    d.id === decision.supersedes ? { ...d, supersededBy: decision.id } : d,
  );
  const subject = { state: decision.state, attribute: decision.attribute, reviewRequired: decision.reviewRequired, draftedBy: user && decision.draftedBy === user.name ? user.id : 0 };
  return {
    ...detail,
    decisions,
    current: decision,
    state: decision.state,
    attribute: decision.attribute,
    signedAttribute: decision.state === 'signed' ? decision.attribute : detail.signedAttribute,
    updatedAt: decision.updatedAt,
    actions: user ? allowedActions(subject, user) : [],
  };
}

/** The document's history with the entries of `pages` (newest first, as listAudit answers) that are newer than those it holds. */
export function withNewerHistory(detail: Pick<DocumentDetail, 'history' | 'people'>, pages: readonly AuditPage[]): Pick<DocumentDetail, 'history' | 'people'> {
  const known = detail.history.at(-1)?.seq ?? 0;
  const newer: AuditEntryView[] = pages.flatMap((p) => p.entries).filter((e) => e.seq > known);
  return { history: [...detail.history, ...newer.reverse()], people: Object.assign({}, detail.people, ...pages.map((p) => p.people)) };
}

/** The name offered for the public copy, which is published with it: the title (else the file name) with every withheld value replaced. */
export function publicCopyFileName(detail: Pick<DocumentDetail, 'title' | 'fileName' | 'text'>, redactions: readonly Redaction[]): string {
  const base = (detail.title ?? detail.fileName).replace(/\.[a-z]+$/i, '');
  return m.publicCopyName(withheldFreeName(base, detail.text ?? '', redactions, m.withheldInName));
}
