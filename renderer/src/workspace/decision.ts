import { decisionProblems as problemsOf, justificationNeeds, startingRedactions, withRedactDispositions, type DecidedDocument } from '../../../shared/decision-rules.ts';
import { withheldFreeName, type Redaction } from '../../../shared/redaction.ts';
import type { Finding, Suggestion } from '../../../shared/types.ts';
import type { DecisionInput, DecisionView, Disposition, DocumentDetail, JustificationNeed } from '../../../shared/ipc/records.ts';
import { recordsMessages } from '../../../shared/messages/records.ts';
import { workspace as m } from '../messages/workspace.ts';

/** What the drafter edits; the records layer stores it as the decision. */
export type DecisionFields = Pick<DecisionView, 'attribute' | 'reason' | 'basis' | 'basisText' | 'justification' | 'redactions'>;

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
  };
}

/** The decision as the core takes it. Redaction marks go only with 部分公开: under any other attribute they are set aside, never sent. */
export function toInput(documentId: number, fields: DecisionFields, dispositions: Dispositions): DecisionInput {
  const redactions = fields.attribute === 'partial' ? fields.redactions : [];
  return { documentId, ...fields, redactions, dispositions: withRedactDispositions(fields.attribute, Object.values(dispositions), redactions) };
}

/** The signed decision a new one replaces: the one being superseded now, or the one the open draft already replaces. */
export function supersedesOf(detail: Pick<DocumentDetail, 'current'>, superseding: boolean): number | null {
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

/** The name offered for the public copy, which is published with it: the title (else the file name) with every withheld value replaced. */
export function publicCopyFileName(detail: Pick<DocumentDetail, 'title' | 'fileName' | 'text'>, redactions: readonly Redaction[]): string {
  const base = (detail.title ?? detail.fileName).replace(/\.[a-z]+$/i, '');
  return m.publicCopyName(withheldFreeName(base, detail.text ?? '', redactions, m.withheldInName));
}
