import { attribute as attributeInfo } from '../../../shared/attributes.ts';
import { redactionBasis } from '../../../shared/basis.ts';
import { suggestedRedactions, withheldFreeName, type Redaction } from '../../../shared/redaction.ts';
import type { Finding, Suggestion } from '../../../shared/types.ts';
import type { DecisionView, DocumentDetail } from '../../../shared/ipc/records.ts';
import { workspace as m } from '../messages/workspace.ts';

export type Disposition = { kind: 'confirmed' } | { kind: 'dismissed'; reason: string };

/** What the drafter edits; the records layer stores it as the decision. */
export type DecisionFields = Pick<DecisionView, 'attribute' | 'reason' | 'basis' | 'basisText' | 'justification' | 'redactions'>;

/** The records layer's default; the admin may change it in 设置. */
export const DEFAULT_HIGH_SCORE = 0.8;

/** A high-score dismissal must say why in the officer's own words; a low-score one may keep the stock reason. */
export const needsDismissReason = (finding: Finding, threshold: number): boolean => finding.score >= threshold;

/** Redaction spans to start a partial decision from: the scanner's, else every personal-data finding. */
export function startingRedactions(suggestion: Suggestion, findings: readonly Finding[]): Redaction[] {
  if (suggestion.redactions.length > 0) return suggestedRedactions(suggestion, findings);
  return findings.filter((f) => f.kind === 'pii' && !f.negated).map((f) => ({ start: f.start, end: f.end, basis: redactionBasis(f), findingId: f.id }));
}

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

/** A justification is recorded whenever the officer departs from the scanner's suggestion, in either direction. */
export const departsFromSuggestion = (fields: DecisionFields, suggestion: Suggestion): boolean => fields.attribute !== suggestion.attribute;

/** Everything still missing before the decision may be submitted, in Chinese; empty when complete. */
export function decisionProblems(fields: DecisionFields, suggestion: Suggestion, findings: readonly Finding[], dispositions: Readonly<Record<string, Disposition>>): string[] {
  const problems: string[] = [];
  if (attributeInfo(fields.attribute).reasonRequired) {
    if (fields.reason.trim() === '') problems.push(m.problemReason);
    if (fields.basis.length === 0 && fields.basisText.trim() === '') problems.push(m.problemBasis);
  }
  if (departsFromSuggestion(fields, suggestion) && fields.justification.trim() === '') problems.push(m.problemJustification);
  if (fields.attribute === 'partial' && !fields.redactions.some((r) => r.origin !== 'repeat')) problems.push(m.problemRedactions);
  const redacted = new Set(fields.redactions.map((r) => r.findingId));
  const open = findings.filter((f) => !f.negated && !dispositions[f.id] && !redacted.has(f.id)).length;
  if (open > 0) problems.push(m.problemUndecided(open));
  return problems;
}

/** The name offered for the public copy, which is published with it: the title (else the file name) with every withheld value replaced. */
export function publicCopyFileName(detail: Pick<DocumentDetail, 'title' | 'fileName' | 'text'>, redactions: readonly Redaction[]): string {
  const base = (detail.title ?? detail.fileName).replace(/\.[a-z]+$/i, '');
  return m.publicCopyName(withheldFreeName(base, detail.text ?? '', redactions, m.withheldInName));
}
