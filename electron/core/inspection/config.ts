import { appendEntry } from '../records/chain.ts';
import type { Actor, Context } from '../records/context.ts';
import { actingRole } from './context.ts';
import { fail } from '../errors.ts';
import { defaultCalendar, isIsoDate, workdayCalendar, type HolidayCalendar, type WorkdayCalendar } from '../../../shared/workdays.ts';
import type { InspectionConfig, InspectionConfigPatch } from '../../../shared/ipc/inspection.ts';
import { inspectionMessages as m } from '../../../shared/messages/inspection.ts';

const holidaysKey = 'inspection.holidays';
const configKey = 'inspection.config';

export const defaultInspectionConfig: InspectionConfig = { unitName: '本单位', reportTo: '本级人民政府办公室', minRequests: 2, processMonths: 12 };

export function readHolidays(ctx: Context): HolidayCalendar {
  return (ctx.store.settings.get(holidaysKey) as HolidayCalendar | undefined) ?? defaultCalendar;
}

export const readCalendar = (ctx: Context): WorkdayCalendar => workdayCalendar(readHolidays(ctx));

export function writeHolidays(ctx: Context, actor: Actor, calendar: HolidayCalendar): HolidayCalendar {
  const role = actingRole(actor, ['admin', 'reviewer']);
  for (const d of [...calendar.holidays, ...calendar.workingWeekends]) if (!isIsoDate(d)) fail('invalid', m.invalidDate(d));
  const next: HolidayCalendar = { holidays: [...new Set(calendar.holidays)].sort(), workingWeekends: [...new Set(calendar.workingWeekends)].sort() };
  const before = readHolidays(ctx);
  ctx.store.write(() => {
    ctx.store.settings.set(holidaysKey, next);
    const added = next.holidays.filter((d) => !before.holidays.includes(d));
    const removed = before.holidays.filter((d) => !next.holidays.includes(d));
    appendEntry(ctx.store, { user: actor.name, role, action: 'holidays.set', payload: { added, removed, workingWeekends: next.workingWeekends } }, ctx.now());
  });
  return next;
}

export function readInspectionConfig(ctx: Context): InspectionConfig {
  return { ...defaultInspectionConfig, ...((ctx.store.settings.get(configKey) as Partial<InspectionConfig> | undefined) ?? {}) };
}

export function writeInspectionConfig(ctx: Context, actor: Actor, patch: InspectionConfigPatch): InspectionConfig {
  const role = actingRole(actor, ['admin', 'reviewer']);
  const next: InspectionConfig = { ...readInspectionConfig(ctx) };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
  ctx.store.write(() => {
    ctx.store.settings.set(configKey, next);
    appendEntry(ctx.store, { user: actor.name, role, action: 'inspection.config', payload: next }, ctx.now());
  });
  return next;
}
