import type { CategoryId } from './types.ts';

interface CategoryInfo {
  id: CategoryId;
  name: string;
  short: string;
  basis: string[];
  /**
   * What a mark in the public copy may cite for a span of this category, the default first: the article
   * that withholds such content, which is not always the category's first basis (category 1 joins state
   * secrets, 第十四条, with trade secrets and privacy, 第十五条; category 5's 第三十九条 concerns requests,
   * while the content of a petition is withheld for the people in it).
   */
  redactionBasis: readonly string[];
  /** Row of the national annual-report table (政府信息公开工作年度报告), null where none applies. */
  reportRow: string | null;
  colour: string;
}

export const categories: readonly CategoryInfo[] = [
  { id: 1, name: '国家秘密、商业秘密、个人隐私', short: '秘密与隐私', basis: ['条例第十四条', '条例第十五条'], redactionBasis: ['条例第十五条', '条例第十四条'], reportRow: '不予公开-1 属于国家秘密；不予公开-4 保护第三方合法权益', colour: '#c62828' },
  { id: 2, name: '过程性信息', short: '过程性信息', basis: ['条例第十六条第二款'], redactionBasis: ['条例第十六条第二款'], reportRow: '不予公开-6 属于过程性信息', colour: '#ef6c00' },
  { id: 3, name: '内部管理信息', short: '内部事务', basis: ['条例第十六条第一款'], redactionBasis: ['条例第十六条第一款'], reportRow: '不予公开-5 属于内部事务信息', colour: '#f9a825' },
  { id: 4, name: '需汇总、分析、加工或重新制作的信息', short: '需加工信息', basis: ['条例第三十八条'], redactionBasis: ['条例第三十八条'], reportRow: '无法提供-需要另行制作或加工', colour: '#6d4c41' },
  { id: 5, name: '信访、举报、咨询类事项', short: '信访举报', basis: ['条例第三十九条'], redactionBasis: ['条例第十五条', '条例第十六条第二款'], reportRow: '不予处理-信访举报投诉类申请', colour: '#2e7d32' },
  { id: 6, name: '档案信息', short: '档案信息', basis: ['档案法及其实施条例'], redactionBasis: ['档案法及其实施条例'], reportRow: null, colour: '#00838f' },
  { id: 7, name: '工作秘密', short: '工作秘密', basis: ['保守国家秘密法（2024年修订）第六十四条'], redactionBasis: ['保守国家秘密法（2024年修订）第六十四条'], reportRow: null, colour: '#1565c0' },
  { id: 8, name: '危及国家安全、公共安全、经济安全、社会稳定', short: '安全稳定', basis: ['条例第十四条'], redactionBasis: ['条例第十四条'], reportRow: '不予公开-3 危及"三安全一稳定"', colour: '#6a1b9a' },
  { id: 9, name: '法律、法规禁止公开', short: '法律禁止', basis: ['条例第十四条'], redactionBasis: ['条例第十四条'], reportRow: '不予公开-2 其他法律行政法规禁止公开', colour: '#ad1457' },
];

export function category(id: CategoryId): CategoryInfo {
  return categories[id - 1]!;
}
