import type { CategoryId } from './types.ts';

interface CategoryInfo {
  id: CategoryId;
  /** The category exactly as seed 000 第二十一条 lists it: the UI, exports and lexicon headers print this. */
  name: string;
  short: string;
  /**
   * Articles a decision on a 公文 may rest on when this category is found; empty where the category is no
   * ground to withhold a 公文 at all (category 4: compiling is a way to answer a request, 条例第三十八条).
   */
  basis: string[];
  /**
   * What a mark in the public copy may cite for a span of this category, the default first: the article
   * that withholds such content, which is not always the category's first basis (category 1 joins state
   * secrets, 第十四条, with trade secrets and privacy, 第十五条; a petition's content is withheld for the
   * people in it, 第十五条, or as process information, 第十六条第二款). Empty where the category withholds nothing.
   */
  redactionBasis: readonly string[];
  /**
   * The article under which a *request* touching this category is handled rather than answered (条例第三十八条:
   * no duty to compile; 第三十九条: petitions made as requests go to their own channel). Never a basis for a 公文.
   */
  requestGround: string | null;
  /** Row of table 三 of the national annual report where a *request* refused on this ground is counted; null where none. */
  reportRow: string | null;
  colour: string;
}

export const categories: readonly CategoryInfo[] = [
  { id: 1, name: '国家秘密、商业秘密、个人隐私', short: '秘密与隐私', basis: ['条例第十四条', '条例第十五条'], redactionBasis: ['条例第十五条', '条例第十四条'], requestGround: null, reportRow: '不予公开-1 属于国家秘密；不予公开-4 保护第三方合法权益', colour: '#c62828' },
  { id: 2, name: '过程性信息', short: '过程性信息', basis: ['条例第十六条第二款'], redactionBasis: ['条例第十六条第二款'], requestGround: null, reportRow: '不予公开-6 属于四类过程性信息', colour: '#ef6c00' },
  { id: 3, name: '不作为行政管理依据的内部管理信息', short: '内部事务', basis: ['条例第十六条第一款'], redactionBasis: ['条例第十六条第一款'], requestGround: null, reportRow: '不予公开-5 属于三类内部事务信息', colour: '#f9a825' },
  { id: 4, name: '需汇总、分析、加工或重新制作的政府信息', short: '需加工信息', basis: [], redactionBasis: [], requestGround: '条例第三十八条', reportRow: '无法提供-2 没有现成信息需要另行制作', colour: '#6d4c41' },
  { id: 5, name: '信访、举报或咨询类事项', short: '信访举报', basis: ['条例第十五条', '条例第十六条第二款'], redactionBasis: ['条例第十五条', '条例第十六条第二款'], requestGround: '条例第三十九条', reportRow: '不予处理-1 信访举报投诉类申请', colour: '#2e7d32' },
  { id: 6, name: '档案信息', short: '档案信息', basis: ['档案法第二十七条'], redactionBasis: ['档案法第二十七条'], requestGround: null, reportRow: null, colour: '#00838f' },
  { id: 7, name: '工作秘密', short: '工作秘密', basis: ['保守国家秘密法（2024年修订）第六十四条'], redactionBasis: ['保守国家秘密法（2024年修订）第六十四条'], requestGround: null, reportRow: null, colour: '#1565c0' },
  { id: 8, name: '其他公开后可能危及国家安全、公共安全、经济安全和社会稳定的信息', short: '安全稳定', basis: ['条例第十四条'], redactionBasis: ['条例第十四条'], requestGround: null, reportRow: '不予公开-3 危及"三安全一稳定"', colour: '#6a1b9a' },
  { id: 9, name: '法律、法规禁止公开的其他事项', short: '法律禁止', basis: ['条例第十四条'], redactionBasis: ['条例第十四条'], requestGround: null, reportRow: '不予公开-2 其他法律行政法规禁止公开', colour: '#ad1457' },
];

/** Articles that ground the handling of a request, never the attribute of a 公文 (条例第三十八条, 第三十九条). */
const requestOnlyArticles: readonly string[] = categories.flatMap((c) => (c.requestGround ? [c.requestGround] : []));

const requestArticle = new RegExp(`(?:^|政府信息公开条例》?|(?:^|依据|根据|按照|依照|按|依|[《》、；;，,。（(“])条例)(?:${requestOnlyArticles.map((a) => a.replace(/^条例/, '')).join('|')})`);

/**
 * Whether a cited basis (a pick-list label or free text) rests on a request-handling article of the 条例; the
 * same article number of another law (艾滋病防治条例第三十九条) is not one.
 */
export function citesRequestGround(basis: string): boolean {
  return requestArticle.test(basis.replace(/\s/g, ''));
}

export function category(id: CategoryId): CategoryInfo {
  return categories[id - 1]!;
}
