import type { Context } from '../kernel/context.ts';
import { annualFigures, figureActions } from './figures.ts';
import type { AnnualFigures } from '../../../shared/ipc/inspection.ts';

/** The year's 条例第五十条 figures from this record's audit log. */
export function annualFiguresFor(ctx: Context, year: number): AnnualFigures {
  return annualFigures(year, ctx.store.audit.withActions(figureActions));
}
