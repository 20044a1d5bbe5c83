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
export const answerWorkingDays = 20;
export const maxExtensionWorkingDays = 20;
/** An open request is flagged "due soon" when this many working days or fewer remain. */
export const dueSoonWorkingDays = 3;

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
 * The 国务院办公厅 holiday schedules for 2024 and 2025 as published; later years must be entered by the
 * user each December when the new schedule is announced (the UI warns when a year is missing).
 */
export const defaultCalendar: HolidayCalendar = {
  holidays: [
    ...range('2024-01-01', '2024-01-01'),
    ...range('2024-02-10', '2024-02-17'),
    ...range('2024-04-04', '2024-04-06'),
    ...range('2024-05-01', '2024-05-05'),
    ...range('2024-06-10', '2024-06-10'),
    ...range('2024-09-15', '2024-09-17'),
    ...range('2024-10-01', '2024-10-07'),
    ...range('2025-01-01', '2025-01-01'),
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
  ],
  workingWeekends: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12', '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

/** A calendar prepared for repeated look-ups. */
export interface WorkdayCalendar {
  isWorkingDay(date: string): boolean;
  /** Years (from the holiday list) the calendar has official dates for. */
  coveredYears: ReadonlySet<number>;
}

export function workdayCalendar(calendar: HolidayCalendar): WorkdayCalendar {
  const holidays = new Set(calendar.holidays);
  const working = new Set(calendar.workingWeekends);
  const coveredYears = new Set([...calendar.holidays, ...calendar.workingWeekends].map((d) => Number(d.slice(0, 4))));
  return {
    coveredYears,
    isWorkingDay(date) {
      if (working.has(date)) return true;
      if (holidays.has(date)) return false;
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

export interface DeadlineInput {
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
