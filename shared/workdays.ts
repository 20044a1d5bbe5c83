/**
 * Working-day arithmetic for the answer deadline of 条例第三十三条. Dates are ISO `YYYY-MM-DD` strings
 * interpreted as calendar days (no time zone): the deadline is a day, not an instant.
 */

export interface HolidayCalendar {
  /** Official days off that fall on weekdays or weekends (法定节假日及调休放假日). */
  holidays: string[];
  /** Weekend days that are working days by 调休 (调休上班日). */
  workingWeekends: string[];
}

/** Working days the applicant is owed an answer within, and the most one extension may add. */
const answerWorkingDays = 20;
const maxExtensionWorkingDays = 20;
/** An open request is flagged "due soon" when this many working days or fewer remain. */
const dueSoonWorkingDays = 3;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = isoPattern.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toUtc(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

const fromUtc = (d: Date): string => d.toISOString().slice(0, 10);

export function addCalendarDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

/**
 * The 国务院办公厅 holiday schedules as published (2026: published 2025-11-04). Each December the office adds
 * the next year from the new notice (by hand or from a small file, parseSchedule); until then the fixed
 * statutory days of a missing year still count as holidays and the deadline says the calendar is incomplete.
 */
const shippedSchedules: Readonly<Record<number, HolidayCalendar>> = {
  2024: {
    holidays: [
      ...range('2024-01-01', '2024-01-01'),
      ...range('2024-02-10', '2024-02-17'),
      ...range('2024-04-04', '2024-04-06'),
      ...range('2024-05-01', '2024-05-05'),
      ...range('2024-06-10', '2024-06-10'),
      ...range('2024-09-15', '2024-09-17'),
      ...range('2024-10-01', '2024-10-07'),
    ],
    workingWeekends: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    holidays: [
      ...range('2025-01-01', '2025-01-01'),
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    workingWeekends: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const unionOf = (schedules: readonly HolidayCalendar[]): HolidayCalendar => ({
  holidays: schedules.flatMap((s) => s.holidays).sort(),
  workingWeekends: schedules.flatMap((s) => s.workingWeekends).sort(),
});

export const defaultCalendar: HolidayCalendar = unionOf(Object.values(shippedSchedules));

/** What the first version shipped (2024 and 2025): the base its holiday edits were recorded against. */
export const firstVersionCalendar: HolidayCalendar = unionOf([shippedSchedules[2024]!, shippedSchedules[2025]!]);

const yearsOf = (c: HolidayCalendar) => new Set([...c.holidays, ...c.workingWeekends].map((d) => Number(d.slice(0, 4))));

/** The office's own calendar with every shipped year it has no dates for added: an old edit never hides a newer schedule. */
export function withShippedYears(calendar: HolidayCalendar): HolidayCalendar {
  const have = yearsOf(calendar);
  const missing = Object.entries(shippedSchedules).filter(([year]) => !have.has(Number(year))).map(([, s]) => s);
  return missing.length === 0 ? calendar : unionOf([calendar, ...missing]);
}

/** Days off by law in any year (元旦, 劳动节, 国庆节 1–3 October), counted even when a year's schedule is missing. */
const statutoryDays = ['01-01', '05-01', '10-01', '10-02', '10-03'];

/**
 * A year's schedule as an office types it from the notice, one line each: `休 2027-01-01..2027-01-03` for days
 * off, `班 2027-02-07` for a weekend worked (放假/上班 also read; several dates or ranges on a line; # starts a
 * comment). Returns the dates, and the lines it could not read.
 */
export function parseSchedule(text: string): { calendar: HolidayCalendar; bad: string[] } {
  const holidays = new Set<string>();
  const working = new Set<string>();
  const bad: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const kind = /^(休|放假)/.test(line) ? holidays : /^(班|上班)/.test(line) ? working : null;
    const dates = kind ? parseDates(line.replace(/^(休|放假|班|上班)[:：]?/, '')) : null;
    if (!kind || !dates || dates.bad.length > 0 || dates.days.length === 0) {
      bad.push(raw.trim());
      continue;
    }
    for (const d of dates.days) kind.add(d);
  }
  return { calendar: { holidays: [...holidays].sort(), workingWeekends: [...working].sort() }, bad };
}

/** Dates separated by spaces, commas or new lines, `from..to` for a run of days; the days and the pieces that are not dates. */
export function parseDates(text: string): { days: string[]; bad: string[] } {
  const days = new Set<string>();
  const bad: string[] = [];
  for (const raw of text.split(/[\n,，、\s]+/)) {
    const piece = raw.trim();
    if (!piece) continue;
    const [from, to] = piece.split('..');
    if (!from || !isIsoDate(from) || (to !== undefined && (!isIsoDate(to) || to < from))) {
      bad.push(piece);
      continue;
    }
    for (let d = from; d <= (to ?? from); d = addCalendarDays(d, 1)) days.add(d);
  }
  return { days: [...days].sort(), bad };
}

/** Runs of consecutive days written back as `from..to`, so a year's schedule stays a dozen lines. */
export function formatDates(days: readonly string[]): string {
  const sorted = [...new Set(days)].sort();
  const lines: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === addCalendarDays(sorted[j]!, 1)) j++;
    lines.push(i === j ? sorted[i]! : `${sorted[i]}..${sorted[j]}`);
    i = j + 1;
  }
  return lines.join('\n');
}

/** A calendar prepared for repeated look-ups. */
export interface WorkdayCalendar {
  isWorkingDay(date: string): boolean;
  /** Years (from the holiday list) the calendar has official dates for. */
  coveredYears: ReadonlySet<number>;
}

export function workdayCalendar(calendar: HolidayCalendar): WorkdayCalendar {
  const holidays = new Set(calendar.holidays);
  const working = new Set(calendar.workingWeekends);
  const coveredYears = yearsOf(calendar);
  return {
    coveredYears,
    isWorkingDay(date) {
      if (working.has(date)) return true;
      if (holidays.has(date)) return false;
      if (!coveredYears.has(Number(date.slice(0, 4))) && statutoryDays.includes(date.slice(5))) return false;
      const weekday = toUtc(date).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

/** The date `n` working days after `date`; the start day itself is never counted (期间开始之日不计入). */
export function addWorkingDays(date: string, n: number, calendar: WorkdayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer: ${n}`);
  let d = date;
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, 1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkdayCalendar): number {
  if (to === from) return 0;
  const [a, b, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) if (calendar.isWorkingDay(d)) count++;
  return sign * count;
}

export type DeadlineStatus = 'open' | 'due-soon' | 'overdue' | 'answered' | 'answered-late';

interface DeadlineInput {
  /** 收到申请之日 (or the day a corrected application arrived, which restarts the period, 第三十条). */
  receivedOn: string;
  /** Working days added by the one extension 第三十三条 allows (0–20). */
  extensionDays: number;
  answeredOn: string | null;
}

export interface Deadline {
  /** Last day of the original 20 working days. */
  due: string;
  /** Last day including the extension; equals `due` without one. */
  finalDue: string;
  status: DeadlineStatus;
  /** Working days left until `finalDue` counted from `today`; negative when overdue; null once answered. */
  workingDaysLeft: number | null;
  /** True when the period runs into a year the holiday list does not cover, so only weekends were excluded. */
  calendarIncomplete: boolean;
}

export function answerDeadline(input: DeadlineInput, today: string, calendar: WorkdayCalendar): Deadline {
  const extension = Math.max(0, Math.min(maxExtensionWorkingDays, Math.trunc(input.extensionDays)));
  const due = addWorkingDays(input.receivedOn, answerWorkingDays, calendar);
  const finalDue = addWorkingDays(due, extension, calendar);
  const years = new Set([Number(input.receivedOn.slice(0, 4)), Number(finalDue.slice(0, 4))]);
  const calendarIncomplete = [...years].some((y) => !calendar.coveredYears.has(y));
  if (input.answeredOn !== null) {
    return { due, finalDue, status: input.answeredOn > finalDue ? 'answered-late' : 'answered', workingDaysLeft: null, calendarIncomplete };
  }
  const left = workingDaysBetween(today, finalDue, calendar);
  const status: DeadlineStatus = today > finalDue ? 'overdue' : left <= dueSoonWorkingDays ? 'due-soon' : 'open';
  return { due, finalDue, status, workingDaysLeft: today > finalDue ? -workingDaysBetween(finalDue, today, calendar) : left, calendarIncomplete };
}
