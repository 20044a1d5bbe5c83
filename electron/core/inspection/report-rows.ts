import type { CategoryId } from '../../../shared/types.ts';

/**
 * Rows of the national annual-report table a withheld decision is counted in, in the table's order.
 * A decision counts once, in the first row that applies (as the table counts a request once).
 */
export const withheldRows = [
  { row: '不予公开-1', label: '属于国家秘密' },
  { row: '不予公开-2', label: '其他法律行政法规禁止公开' },
  { row: '不予公开-3', label: '危及“三安全一稳定”' },
  { row: '不予公开-4', label: '保护第三方合法权益' },
  { row: '不予公开-5', label: '属于三类内部事务信息' },
  { row: '不予公开-6', label: '属于四类过程性信息' },
  { row: '无法提供-2', label: '没有现成信息需要另行制作' },
  { row: '不予处理-1', label: '信访举报投诉类申请' },
  { row: '其他', label: '档案信息、工作秘密等未对应年报行的情形' },
  { row: '未标明', label: '未标明不予公开类别' },
] as const;

type WithheldRow = (typeof withheldRows)[number]['row'];

const basisCategories: [string, CategoryId][] = [
  ['第十五条', 1],
  ['第十六条第二款', 2],
  ['第十六条第一款', 3],
  ['第三十八条', 4],
  ['第三十九条', 5],
  ['档案法', 6],
  ['保守国家秘密法', 7],
];

/** Categories a decision rests on: those of its confirmed findings, or failing that those its cited articles imply. */
export function decisionCategories(statementCategories: readonly CategoryId[], basis: readonly string[], classified: boolean): CategoryId[] {
  if (statementCategories.length > 0) return [...statementCategories];
  const found = new Set<CategoryId>();
  for (const b of basis) for (const [article, category] of basisCategories) if (b.includes(article)) found.add(category);
  if (classified || basis.some((b) => b.includes('第十四条'))) found.add(1);
  return [...found].sort();
}

/** The one row a withheld decision is counted in (category → 条例 article → row, as in DOMAIN.md). */
export function withheldRowOf(categories: readonly CategoryId[], basis: readonly string[], classified: boolean): WithheldRow {
  const rows = new Set<WithheldRow>();
  for (const c of categories) {
    if (c === 1) rows.add(classified || basis.some((b) => b.includes('第十四条')) ? '不予公开-1' : '不予公开-4');
    else if (c === 9) rows.add('不予公开-2');
    else if (c === 8) rows.add('不予公开-3');
    else if (c === 3) rows.add('不予公开-5');
    else if (c === 2) rows.add('不予公开-6');
    else if (c === 4) rows.add('无法提供-2');
    else if (c === 5) rows.add('不予处理-1');
    else rows.add('其他');
  }
  return withheldRows.find((r) => rows.has(r.row))?.row ?? '未标明';
}
