import type { Context } from '../kernel/context.ts';
import { annualFigures, figureActions } from './figures.ts';
import { annualTemplate, templateActions, type TracedReport } from './template.ts';
import type { AnnualFigures, AnnualReport } from '../../../shared/ipc/inspection.ts';

/** The year's 条例第五十条 figures from this record's audit log. */
export function annualFiguresFor(ctx: Context, year: number): AnnualFigures {
  return annualFigures(year, ctx.store.audit.withActions(figureActions));
}

/** Tables 二, 三 and 四 of the national template with the entries behind each cell. */
export function tracedReportFor(ctx: Context, year: number): TracedReport {
  return annualTemplate(year, ctx.store.audit.withActions(templateActions));
}

export const annualReportFor = (ctx: Context, year: number): AnnualReport => tracedReportFor(ctx, year).report;
