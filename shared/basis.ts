import { categories, category } from './categories.ts';
import type { Finding, Span } from './types.ts';

/**
 * Legal bases offered in the pick list for a 公文's attribute. Labels are what the record stores and what a
 * redaction mark cites. 条例第三十八条 and 第三十九条 are absent on purpose: they govern how a request is
 * handled, not whether a 公文 is withheld (shared/categories.ts requestGround).
 */
export interface BasisOption {
  label: string;
  summary: string;
  group: 'national' | 'local';
}

const nationalBasis: readonly BasisOption[] = [
  { label: '条例第十三条', summary: '以公开为常态、不公开为例外', group: 'national' },
  { label: '条例第十四条', summary: '国家秘密、法律法规禁止公开、危及“三安全一稳定”的信息不予公开', group: 'national' },
  { label: '条例第十五条', summary: '商业秘密、个人隐私等公开会损害第三方合法权益的信息不予公开', group: 'national' },
  { label: '条例第十六条第一款', summary: '人事管理、后勤管理、内部工作流程等内部事务信息可以不予公开', group: 'national' },
  { label: '条例第十六条第二款', summary: '讨论记录、过程稿、磋商信函、请示报告等过程性信息及行政执法案卷信息可以不予公开', group: 'national' },
  { label: '条例第二十七条', summary: '主动公开以外的政府信息可以依申请获取', group: 'national' },
  { label: '条例第三十七条', summary: '可以作区分处理的，公开可以公开的部分并说明理由', group: 'national' },
  { label: '保守国家秘密法第六十四条', summary: '工作秘密的管理', group: 'national' },
  { label: '档案法第二十七条', summary: '已移交档案馆的档案依照档案法（2020年修订）的开放规定办理', group: 'national' },
];

export function basisOptions(localRules: readonly string[]): BasisOption[] {
  return [...nationalBasis, ...localRules.map((label): BasisOption => ({ label, summary: '', group: 'local' }))];
}

/** Personal data and trade secrets: third parties' rights (条例第十五条). */
const privacyBasis = '条例第十五条';
/** State secrets, whether a 密级 mark or a finding that cites it (条例第十四条). */
const stateSecretBasis = '条例第十四条';

/**
 * The article a mark cites for a span withheld because of `finding`, from what the finding is: personal
 * data (every `pii.*` and `personal.*` rule) cites 第十五条 whatever the label before it was — a caller's or
 * a reporter's name is privacy first; a 密级 mark cites 第十四条; a term cites the first article of its own
 * basis that its category allows, else the category's default.
 */
export function redactionBasis(finding: Pick<Finding, 'rule' | 'kind' | 'category' | 'basis'>): string {
  if (finding.kind === 'pii' || finding.rule.startsWith('pii.') || finding.rule.startsWith('personal.')) return privacyBasis;
  if (finding.rule === 'signal.classification') return stateSecretBasis;
  const allowed = category(finding.category).redactionBasis;
  // A category that withholds nothing by itself (4) is cited by the withholding article its term names, else as a hand-marked span.
  if (allowed.length === 0) return finding.basis.find((b) => withholdingBasis.has(b)) ?? privacyBasis;
  return finding.basis.find((b) => allowed.includes(b)) ?? allowed[0]!;
}

const withholdingBasis = new Set(categories.flatMap((c) => c.redactionBasis));

/**
 * The article for a span marked by hand: that of the first finding it overlaps, else the first withholding
 * article among the decision's bases (never 第三十七条, which allows partial release but is no reason), else
 * 第十五条.
 */
export function spanBasis(span: Span, findings: readonly Finding[], decisionBasis: readonly string[]): string {
  const finding = findings.find((f) => !f.negated && f.start < span.end && f.end > span.start);
  if (finding) return redactionBasis(finding);
  return decisionBasis.find((b) => withholdingBasis.has(b)) ?? privacyBasis;
}
