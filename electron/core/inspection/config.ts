import { appendEntry } from '../ledger/chain.ts';
import type { Actor, Context } from '../kernel/context.ts';
import { actingRole } from './context.ts';
import { requireRole } from '../kernel/context.ts';
import { fail } from '../errors.ts';
import fs from 'node:fs';
import path from 'node:path';
import { isMissing } from '../files.ts';
import { defaultCalendar, isIsoDate, parseSchedule, withShippedYears, workdayCalendar, type HolidayCalendar, type WorkdayCalendar } from '../../../shared/workdays.ts';
import type { InspectionConfig, InspectionConfigPatch } from '../../../shared/ipc/inspection.ts';
import { inspectionGuardMessages as guard, inspectionMessages as m } from '../../../shared/messages/inspection.ts';

const holidaysKey = 'inspection.holidays';
const configKey = 'inspection.config';

const defaultInspectionConfig: InspectionConfig = { unitName: guard.defaultUnitName, reportTo: '本级人民政府办公室', minRequests: 2, processMonths: 12 };

export function readHolidays(ctx: Context): HolidayCalendar {
  return withShippedYears((ctx.store.settings.get(holidaysKey) as HolidayCalendar | undefined) ?? defaultCalendar);
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
    appendEntry(ctx.store, { user: actor.name, role, action: 'holidays.set', payload: { added, removed, holidays: next.holidays, workingWeekends: next.workingWeekends } }, ctx.now());
  });
  return next;
}

/**
 * Adds the years of a schedule file (parseSchedule's format) to the calendar: each year the file has dates for
 * replaces that year's dates; other years stay as they were.
 */
export function importHolidays(ctx: Context, actor: Actor, file: string): HolidayCalendar {
  actingRole(actor, ['admin', 'reviewer']);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    fail(isMissing(error) ? 'not-found' : 'unreadable', m.scheduleUnreadable(path.basename(file)));
  }
  const { calendar, bad } = parseSchedule(text);
  if (bad.length > 0) fail('invalid', m.scheduleBadLines(path.basename(file), bad.slice(0, 5)));
  const years = new Set([...calendar.holidays, ...calendar.workingWeekends].map((d) => d.slice(0, 4)));
  if (years.size === 0) fail('invalid', m.scheduleEmpty(path.basename(file)));
  const current = readHolidays(ctx);
  const keep = (d: string) => !years.has(d.slice(0, 4));
  return writeHolidays(ctx, actor, { holidays: [...current.holidays.filter(keep), ...calendar.holidays], workingWeekends: [...current.workingWeekends.filter(keep), ...calendar.workingWeekends] });
}

export function readInspectionConfig(ctx: Context): InspectionConfig {
  return { ...defaultInspectionConfig, ...((ctx.store.settings.get(configKey) as Partial<InspectionConfig> | undefined) ?? {}) };
}

/** False while the unit still goes by the placeholder: its bundles could not be told from any other unit's. */
export const unitNameIsSet = (config: InspectionConfig): boolean => config.unitName.trim() !== defaultInspectionConfig.unitName;

export function writeInspectionConfig(ctx: Context, actor: Actor, patch: InspectionConfigPatch): InspectionConfig {
  const role = actingRole(actor, ['admin', 'reviewer']);
  const current = readInspectionConfig(ctx);
  const next: InspectionConfig = { ...current };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
  // The name identifies the unit to the office that consolidates its bundles, so only an admin changes it.
  if (next.unitName !== current.unitName && !actor.roles.includes('admin')) fail('forbidden', guard.unitNameNeedsAdmin);
  if (next.unitName === '') fail('invalid', guard.unitNameEmpty);
  ctx.store.write(() => {
    ctx.store.settings.set(configKey, next);
    appendEntry(ctx.store, { user: actor.name, role, action: 'inspection.config', payload: next }, ctx.now());
  });
  return next;
}

/** `settings set unit-name` and the 设置 page: the name the unit's reports and bundles are signed with. */
export function setUnitName(ctx: Context, actor: Actor, name: string): InspectionConfig {
  requireRole(actor, 'admin');
  return writeInspectionConfig(ctx, actor, { unitName: name });
}
