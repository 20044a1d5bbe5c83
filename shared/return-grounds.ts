import { citesRequestGround } from './categories.ts';
import { attribute as attributeInfo } from './attributes.ts';
import type { Attribute, DocumentMetadata } from './types.ts';
import { noteAttribute } from './publicity-note.ts';

/**
 * Why the disclosure office returns a draft (退文), in the words of seed 001 and seed 004 第二十六、四十六条:
 * a 请示 for issue in the government's name with no attribute proposal, a reason or basis missing or not
 * fitting the attribute, the 解读 material missing, a 附注 that says another attribute, or something else
 * the reviewer writes out.
 */
export const returnGrounds = ['no-attribute-proposal', 'reason-or-basis-missing', 'basis-does-not-fit', 'interpretation-missing', 'note-contradicts', 'other'] as const;
export type ReturnGround = (typeof returnGrounds)[number];

type ReturnProblem = { kind: 'no-ground' } | { kind: 'other-needs-reason' };

/** What stops a return from being recorded: no ground, or `other` with nothing written. */
export function returnProblems(grounds: readonly ReturnGround[], reason: string): ReturnProblem[] {
  const problems: ReturnProblem[] = [];
  if (grounds.length === 0) problems.push({ kind: 'no-ground' });
  if (grounds.includes('other') && !reason.trim()) problems.push({ kind: 'other-needs-reason' });
  return problems;
}

/** The grounds in their fixed order, each once. */
export const orderedGrounds = (picked: readonly ReturnGround[]): ReturnGround[] => returnGrounds.filter((g) => picked.includes(g));

/** What of the decision and its document the office looks at when it considers a return. */
export interface ReturnedDecision {
  attribute: Attribute;
  reason: string;
  basis: readonly string[];
  basisText: string;
}
export interface ReturnedDocument {
  title: string | null;
  text: string | null;
  metadata: Pick<DocumentMetadata, 'note'>;
  /** The publication stage's verdict (shared/publication-rules lacksInterpretation): kind, linked 解读, attachments. */
  lacksInterpretation: boolean;
}

/** Articles that carry a reason to withhold or restrict; 第十三条 says only that public is the rule. */
const restrictingArticle = /第十四条|第十五条|第十六条|第二十七条|第三章|第三十七条|第六十四条|档案法/;
const openingArticleOnly = /第十三条/;

/** A 请示 asking for issue in the government's (or its office's) name. */
const asksIssueInGovernmentName = /以[^，。；\n]{0,12}(?:政府|办公室|办公厅)[^，。；\n]{0,4}名义[^，。；\n]{0,6}(?:印发|下发|发布|发文)/;
/** Words by which a draft proposes an attribute. */
const attributeProposal = /公开属性|主动公开|部分公开|依申请公开|不予公开|此件公开发布/;

/**
 * The grounds the office can see for itself in the decision and its document, to be ticked in the return
 * dialog before the reviewer decides: suggestions only, never a rule that blocks anything.
 */
export function suggestedReturnGrounds(decision: ReturnedDecision, doc: ReturnedDocument): ReturnGround[] {
  const grounds: ReturnGround[] = [];
  const title = doc.title ?? '';
  const text = doc.text ?? '';
  if (/请示/.test(title) && asksIssueInGovernmentName.test(text) && !attributeProposal.test(text)) grounds.push('no-attribute-proposal');
  const info = attributeInfo(decision.attribute);
  const cited = [...decision.basis, decision.basisText].filter((b) => b.trim());
  if (info.reasonRequired && (!decision.reason.trim() || cited.length === 0)) grounds.push('reason-or-basis-missing');
  const onlyOpening = !cited.some((b) => restrictingArticle.test(b)) && cited.some((b) => openingArticleOnly.test(b));
  // 条例第三十八、三十九条 govern requests, not a 公文's attribute (shared/categories.ts requestGround).
  if (info.reasonRequired && cited.length > 0 && (onlyOpening || cited.some(citesRequestGround))) grounds.push('basis-does-not-fit');
  if (decision.attribute !== 'withheld' && doc.lacksInterpretation) grounds.push('interpretation-missing');
  const stated = doc.metadata.note === null ? null : noteAttribute(doc.metadata.note);
  if (stated !== null && stated !== decision.attribute) grounds.push('note-contradicts');
  return grounds;
}
