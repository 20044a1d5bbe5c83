import type { Attribute } from '../../../../shared/types.ts';
import { attribute } from '../../../../shared/attributes.ts';
import { applicantLabels, inspectionOutcomeLabels, ruleLabels } from '../../../../shared/messages/inspection.ts';
import { applicantTypes, worklistRules, type AnnualFigures, type ReturnFigures } from '../../../../shared/ipc/inspection.ts';
import { channelMessages, returnGroundLabels } from '../../../../shared/messages/channels.ts';
import type { InspectionReport } from './report.ts';
import { time, type Cell } from './cells.ts';
import { annualTemplateMessages } from '../../../../shared/messages/annual-report.ts';


const listedAttributes: Attribute[] = ['withheld', 'partial', 'on-request'];

/** 表1 of the report and the top of the summary sheet: per current attribute, what the inspection decided. */
export function outcomeTable(report: InspectionReport): Cell[][] {
  const rows: Cell[][] = listedAttributes.map((a) => {
    const items = report.items.filter((i) => i.attribute === a);
    return [
      attribute(a).label,
      items.length,
      items.filter((i) => i.outcome === 'keep').length,
      items.filter((i) => i.outcome === 'proactive').length,
      items.filter((i) => i.outcome === 'partial').length,
      items.filter((i) => i.progress !== 'done').length,
    ];
  });
  const total: Cell[] = ['合计', ...[1, 2, 3, 4, 5].map((k) => rows.reduce((n, r) => n + (r[k] as number), 0))];
  return [...rows, total];
}

/** Label/value pairs for the summary sheet and the csv footer. */
export function summaryPairs(report: InspectionReport): [string, Cell][] {
  const { summary, annual, config } = report;
  return [
    ['单位', config.unitName],
    ['自查年度', report.year],
    ['状态', report.state === 'closed' ? '已结束（数据已锁定）' : '进行中'],
    ['开启时间', time(report.openedAt)],
    ['结束时间', time(report.closedAt)],
    ['纳入自查（件）', summary.progress.total],
    ['已办结（件）', summary.progress.done],
    ['审签中（件）', summary.progress.proposed],
    ['待处理（件）', summary.progress.pending],
    ...worklistRules.map((r): [string, Cell] => [`列入原因：${ruleLabels[r]}`, summary.byRule[r]]),
    ...(['keep', 'proactive', 'partial'] as const).map((o): [string, Cell] => [`自查结论：${inspectionOutcomeLabels[o]}`, summary.byOutcome[o]]),
    ['实际转为主动公开（件）', summary.converted.toProactive],
    ['实际转为部分公开（件）', summary.converted.toPartial],
    ['依申请较为集中的标准（次/年）', config.minRequests],
    ['过程性信息评估期限（月）', config.processMonths],
  ];
}

type FiguresTable = { title: string; header: Cell[]; rows: Cell[][] };

/** Decisions signed in the year and in force at its end, by attribute. */
export function decisionsTable(year: number, a: AnnualFigures): FiguresTable {
  const attrs: Attribute[] = ['proactive', 'partial', 'on-request', 'withheld'];
  return {
    title: `${year}年度公开属性认定（按审签决定）`,
    header: ['公开属性', '本年签发决定（件）', '年末现行（件）'],
    rows: attrs.map((k) => [attribute(k).label, a.decisions.signedByAttribute[k], a.decisions.inForceByAttribute[k]]),
  };
}

/** The annual-report blocks (条例第五十条): decisions, withheld 公文 by ground (not a template table), request handling. */
export function annualTables(year: number, a: AnnualFigures): FiguresTable[] {
  return [
    decisionsTable(year, a),
    {
      title: annualTemplateMessages.withheldDocuments.title,
      header: [...annualTemplateMessages.withheldDocuments.header],
      rows: a.withheldByRow.map((r) => [r.label, r.count]),
    },
    {
      title: '政府信息公开申请办理情况',
      header: ['项目', ...applicantTypes.map((t) => applicantLabels[t]), '总计'],
      rows: [
        ['本年新收申请数量', ...applicantTypes.map((t) => a.requests.received[t]), a.requests.received.total],
        ['上年结转申请数量', ...applicantTypes.map(() => ''), a.requests.carriedIn],
        ...a.requests.outcomes.map((o): Cell[] => [o.label, ...applicantTypes.map((t) => o.byApplicant[t]), o.total]),
        ['本年办结总计', ...applicantTypes.map(() => ''), a.requests.answered],
        ['其中逾期答复', ...applicantTypes.map(() => ''), a.requests.answeredLate],
        ['结转下年度继续办理', ...applicantTypes.map(() => ''), a.requests.carriedOut],
      ],
    },
    ...(a.returns ? [returnsTable(year, a.returns)] : []),
  ];
}

/** 退文 by ground; a return on several grounds counts under each, so the rows may add up to more than the total. */
export function returnsTable(year: number, r: ReturnFigures): FiguresTable {
  return {
    title: channelMessages.returnsTableTitle(year),
    header: [...channelMessages.returnsHeader],
    rows: [...r.byGround.map((g): Cell[] => [returnGroundLabels[g.ground], g.count]), [channelMessages.returnsTotalRow, r.total]],
  };
}
