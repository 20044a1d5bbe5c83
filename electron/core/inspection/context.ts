import type { Context } from '../kernel/context.ts';
import type { InspectionRow } from '../db/inspection.ts';
import { localDay } from './figures.ts';
import type { AnnualFigures, InspectionConfig, InspectionSummary } from '../../../shared/ipc/inspection.ts';

/** A yearly inspection with the config, summary and figures it froze read back from their JSON. */
export interface InspectionRecord extends Omit<InspectionRow, 'config' | 'summary' | 'annual'> {
  config: InspectionConfig;
  summary: InspectionSummary | null;
  annual: AnnualFigures | null;
}

export function inspectionOf(ctx: Context, year: number): InspectionRecord | null {
  const r = ctx.store.inspection.get(year);
  return r
    ? {
        ...r,
        config: JSON.parse(r.config) as InspectionConfig,
        summary: r.summary ? (JSON.parse(r.summary) as InspectionSummary) : null,
        annual: r.annual ? (JSON.parse(r.annual) as AnnualFigures) : null,
      }
    : null;
}

export { actingRole } from '../kernel/context.ts';

export const today = (ctx: Context): string => localDay(ctx.now());
