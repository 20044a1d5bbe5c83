import { attribute as attributeInfo } from './attributes.ts';
import { redactionBasis, spanBasis } from './basis.ts';
import type { Attribute, ClassificationLevel, Finding, Suggestion } from './types.ts';
import type { Redaction } from './redaction.ts';
import type { Disposition, JustificationNeed } from './ipc/records.ts';
import { findNote, noteContradicts, type NoteContradiction } from './publicity-note.ts';
import { channelsRequired, type Channel } from './channels.ts';
import { citesRequestGround } from './categories.ts';

/**
 * When a decision is complete, when it needs a justification, and what it starts from. Core enforces these
 * on submit, the UI shows them while the officer types, the CLI builds from them: one rule for every face.
 */

/** Dismissing a finding scored at or above this needs a justification; the admin may change it in 设置. */
export const defaultHighScoreThreshold = 0.8;

export const isHighScore = (finding: Pick<Finding, 'score'>, threshold: number): boolean => finding.score >= threshold;

/** What a decision says, in the shape it is saved in (DecisionInput and the stored decision both fit). */
interface DecisionDraft {
  attribute: Attribute;
  reason: string;
  basis: readonly string[];
  basisText: string;
  justification: string;
  dispositions: readonly Disposition[];
  redactions: readonly Redaction[];
  /** 公开方式; absent on decisions drafted before it was recorded. */
  channels?: readonly Channel[];
  channelText?: string;
}

/** What of the document the rules read. */
export interface DecidedDocument {
  suggestion: Pick<Suggestion, 'attribute'>;
  findings: readonly Finding[];
  classification: ClassificationLevel | null;
  /** Null when the text was not kept (a classified draft on a machine not approved for it): nothing can be marked in it. */
  text: string | null;
  /** The 附注 intake found; absent where the caller does not know it. */
  metadata?: { note: string | null };
}

/**
 * Why a justification must be recorded. Public is the rule (条例第十三条) and only 依申请公开 and 不予公开 must
 * give reasons (seed 001, seed 004 第四十六条), so a choice more open than the suggestion is not itself
 * suspect; what is: a less open choice, a dismissed high-score finding (the risky way to open a draft), a
 * classified draft not withheld, and undoing a signed decision.
 */
export function justificationNeeds(draft: Pick<DecisionDraft, 'attribute' | 'dispositions'>, doc: DecidedDocument, supersedes: number | null, threshold: number): JustificationNeed[] {
  const needs: JustificationNeed[] = [];
  const suggested = doc.suggestion.attribute;
  if (attributeInfo(draft.attribute).openness < attributeInfo(suggested).openness) needs.push({ kind: 'less-open', suggested, chosen: draft.attribute });
  const byId = new Map(doc.findings.map((f) => [f.id, f]));
  const dismissed = draft.dispositions.filter((d) => d.action === 'dismiss' && isHighScore(byId.get(d.findingId) ?? { score: 0 }, threshold)).map((d) => d.findingId);
  if (dismissed.length > 0) needs.push({ kind: 'high-score-dismissed', findingIds: dismissed });
  if (doc.classification && draft.attribute !== 'withheld') needs.push({ kind: 'classified', level: doc.classification, chosen: draft.attribute });
  if (supersedes !== null) needs.push({ kind: 'supersedes', decisionId: supersedes });
  const note = noteNeed(draft.attribute, doc);
  if (note) needs.push(note);
  return needs;
}

// ---- 附注 against the attribute (issue 13): kept in a block of its own. ----

/**
 * The source's 附注 travels with the 公文 to the signer (seed 001), so a 附注 that states another attribute than
 * the one decided (a 不予公开 document still marked 此件公开发布) is signed only with a justification.
 */
export function noteNeed(attribute: DecisionDraft['attribute'], doc: Pick<DecidedDocument, 'metadata' | 'text'>): NoteContradiction | null {
  const line = doc.metadata?.note ?? null;
  // Intake takes any bracketed line under the date as the 附注 (联系人 lines too); the publicity line may stand below it.
  const found = (line === null ? null : findNote(line)) ?? (doc.text === null ? null : findNote(doc.text));
  if (!found || !noteContradicts(attribute, found.attribute)) return null;
  return { kind: 'note-contradicts', line: found.line, noted: found.attribute, chosen: attribute };
}

// ---- end of the 附注 block. ----

export type DecisionProblem =
  | { kind: 'reason'; attribute: Attribute }
  | { kind: 'basis'; attribute: Attribute }
  | { kind: 'request-basis'; cited: string[] }
  | { kind: 'redactions' }
  | { kind: 'no-text' }
  | { kind: 'dismiss-reason'; findingIds: string[] }
  | { kind: 'undisposed'; findingIds: string[] }
  | { kind: 'justification'; needs: JustificationNeed[] }
  | ChannelProblem;

/** Everything that stops the decision from being submitted; empty when it is complete. */
export function decisionProblems(draft: DecisionDraft, doc: DecidedDocument, supersedes: number | null, threshold: number): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const info = attributeInfo(draft.attribute);
  if (info.reasonRequired && !draft.reason.trim()) problems.push({ kind: 'reason', attribute: draft.attribute });
  if (info.reasonRequired && !draft.basis.some((b) => b.trim()) && !draft.basisText.trim()) problems.push({ kind: 'basis', attribute: draft.attribute });
  // 条例第三十八、三十九条 say how a request is handled; a signed decision on a 公文 that cites them cites wrong law.
  const requestGrounds = [...draft.basis, draft.basisText].filter((b) => b.trim() && citesRequestGround(b));
  if (requestGrounds.length > 0) problems.push({ kind: 'request-basis', cited: requestGrounds });
  problems.push(...channelProblems(draft));
  // A redact disposition brings its finding's span with it when saved.
  const redacts = draft.redactions.some((r) => r.origin !== 'repeat') || draft.dispositions.some((d) => d.action === 'redact');
  if (draft.attribute === 'partial' && !redacts) problems.push({ kind: 'redactions' });
  if (redacts && doc.text === null) problems.push({ kind: 'no-text' });
  const unexplained = draft.dispositions.filter((d) => d.action === 'dismiss' && !d.reason.trim()).map((d) => d.findingId);
  if (unexplained.length > 0) problems.push({ kind: 'dismiss-reason', findingIds: unexplained });
  const disposed = new Set(draft.dispositions.map((d) => d.findingId));
  const open = doc.findings.filter((f) => !f.negated && !disposed.has(f.id)).map((f) => f.id);
  if (open.length > 0) problems.push({ kind: 'undisposed', findingIds: open });
  const needs = justificationNeeds(draft, doc, supersedes, threshold);
  if (needs.length > 0 && !draft.justification.trim()) problems.push({ kind: 'justification', needs });
  return problems;
}

/**
 * The dispositions as saved: a finding with a span of its own among the redactions is redacted, whatever
 * else was said of it; the others keep their confirm or dismiss. Redactions count only under 部分公开.
 */
export function withRedactDispositions(attribute: Attribute, dispositions: readonly Disposition[], redactions: readonly Redaction[]): Disposition[] {
  const redacted = attribute === 'partial' ? [...new Set(redactions.map((r) => r.findingId).filter((id): id is string => id !== null))] : [];
  const kept = dispositions.filter((d) => !redacted.includes(d.findingId));
  return [...kept, ...redacted.map((findingId): Disposition => ({ findingId, action: 'redact', reason: redactions.find((r) => r.findingId === findingId)!.basis }))];
}

/**
 * The spans a 部分公开 decision starts from, each tied to a finding and citing that finding's article: every
 * concern inside a span the scanner proposed (the first one takes the whole span, a petition's sentence,
 * the others their own span inside it), else every personal-data finding. A proposed span with no finding
 * inside keeps the article of what it overlaps.
 */
export function startingRedactions(suggestion: Pick<Suggestion, 'redactions' | 'basis'>, findings: readonly Finding[]): Redaction[] {
  const concerns = findings.filter((f) => !f.negated);
  const tied = (f: Finding, span: { start: number; end: number }): Redaction => ({ start: span.start, end: span.end, basis: redactionBasis(f), findingId: f.id });
  if (suggestion.redactions.length === 0) return concerns.filter((f) => f.kind === 'pii').map((f) => tied(f, f));
  const out: Redaction[] = [];
  const taken = new Set<string>();
  for (const span of suggestion.redactions) {
    const inside = concerns.filter((f) => f.start >= span.start && f.end <= span.end && !taken.has(f.id));
    if (inside.length === 0) {
      out.push({ start: span.start, end: span.end, basis: spanBasis(span, findings, suggestion.basis), findingId: null });
      continue;
    }
    inside.forEach((f, i) => {
      taken.add(f.id);
      out.push(tied(f, i === 0 ? span : f));
    });
  }
  return out;
}

// ---- 公开方式: a decision to release says where (seed 004 第四十六条) ----

type ChannelProblem = { kind: 'channels'; attribute: Attribute } | { kind: 'channel-text' };

/** A 主动公开 or 部分公开 decision names at least one channel, and `other` is written out. */
function channelProblems(draft: Pick<DecisionDraft, 'attribute' | 'channels' | 'channelText'>): ChannelProblem[] {
  if (!channelsRequired(draft.attribute)) return [];
  const picked = draft.channels ?? [];
  if (picked.length === 0) return [{ kind: 'channels', attribute: draft.attribute }];
  if (picked.includes('other') && !(draft.channelText ?? '').trim()) return [{ kind: 'channel-text' }];
  return [];
}
