import type { Context } from '../../kernel/context.ts';
import { inspectionOf, today } from '../context.ts';
import { readInspectionConfig } from '../config.ts';
import { annualFiguresFor } from '../annual.ts';
import { summarise, toWorklistItem, withProgress } from '../lifecycle.ts';
import { localDay } from '../figures.ts';
import { fail } from '../../errors.ts';
import { rootFingerprintOf } from '../../ledger/verify.ts';
import type { AnnualFigures, InspectionConfig, InspectionSummary, WorklistItem } from '../../../../shared/ipc/inspection.ts';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';

/** Everything an export shows, gathered once: the writers are pure functions of it. */
export interface InspectionReport {
  year: number;
  state: 'open' | 'closed';
  config: InspectionConfig;
  openedAt: string;
  closedAt: string | null;
  items: WorklistItem[];
  summary: InspectionSummary;
  annual: AnnualFigures;
  /** 成文日期 of the report: the closing day, or today while the inspection is open. */
  reportDate: string;
  /** The unit record's root key, so the office can tie the report to the bundle and the record it came from. */
  rootFingerprint: string | null;
}

export function inspectionReport(ctx: Context, year: number): InspectionReport {
  const rec = inspectionOf(ctx, year) ?? fail('no-inspection', m.noInspection(year));
  const records = ctx.store.inspection.allItems(year);
  // The unit name and addressee may be corrected after closing; the figures may not.
  const config = { ...rec.config, unitName: readInspectionConfig(ctx).unitName, reportTo: readInspectionConfig(ctx).reportTo };
  return {
    year,
    state: rec.state,
    config,
    openedAt: rec.openedAt,
    closedAt: rec.closedAt,
    items: records.map(toWorklistItem),
    summary: rec.summary ?? summarise(withProgress(records)),
    annual: rec.annual ?? annualFiguresFor(ctx, year),
    reportDate: rec.closedAt ? localDay(rec.closedAt) : today(ctx),
    rootFingerprint: rootFingerprintOf(ctx.store),
  };
}
