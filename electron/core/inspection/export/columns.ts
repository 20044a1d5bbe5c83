import type { WorklistItem } from '../../../../shared/ipc/inspection.ts';
import { attribute } from '../../../../shared/attributes.ts';
import { category } from '../../../../shared/categories.ts';
import { day, type Cell } from './cells.ts';
import { inspectionOutcomeLabels, progressLabels, ruleLabels } from '../../../../shared/messages/inspection.ts';

/** One column of the 自查台账, shared by the xlsx sheets and the csv so both say the same thing. */
interface LedgerColumn {
  header: string;
  /** Width in characters for the spreadsheet. */
  width: number;
  value: (item: WorklistItem, index: number) => Cell;
  /** A hash for checking by machine: kept on one line and left off the printed page. */
  hash?: true;
}

export const ledgerColumns: readonly LedgerColumn[] = [
  { header: '序号', width: 6, value: (_i, n) => n + 1 },
  { header: '发文字号', width: 22, value: (i) => i.docNumber ?? '' },
  { header: '标题', width: 40, value: (i) => i.title ?? i.fileName },
  { header: '成文日期', width: 12, value: (i) => day(i.date) },
  { header: '密级', width: 8, value: (i) => i.classification ?? '' },
  { header: '现行公开属性', width: 12, value: (i) => attribute(i.attribute).label },
  // The office checks the ledger against seed 000 第二十一条, so it reads the full names; they hold 、 themselves.
  { header: '不予公开类别', width: 36, value: (i) => i.categories.map((c) => category(c).name).join('；') },
  { header: '理由', width: 36, value: (i) => i.reason },
  { header: '依据', width: 24, value: (i) => i.basis.join('、') },
  { header: '本年度申请次数', width: 10, value: (i) => i.requestCount },
  { header: '列入原因', width: 28, value: (i) => i.rules.map((r) => ruleLabels[r]).join('、') },
  { header: '保密期限届满日', width: 14, value: (i) => day(i.secrecyEnds) },
  { header: '建议处理', width: 14, value: (i) => inspectionOutcomeLabels[i.suggested] },
  { header: '建议理由', width: 36, value: (i) => i.suggestionReason },
  { header: '自查结论', width: 14, value: (i) => (i.outcome ? inspectionOutcomeLabels[i.outcome] : '') },
  { header: '结论说明', width: 36, value: (i) => i.justification ?? '' },
  { header: '新决定编号', width: 10, value: (i) => i.newDecisionId ?? '' },
  { header: '办理状态', width: 10, value: (i) => progressLabels[i.progress] },
  { header: '文件SHA-256', width: 20, value: (i) => i.documentSha256, hash: true },
];
