import { describe, expect, it } from 'vitest';
import { addWorkingDays, answerDeadline, defaultCalendar, parseSchedule, withShippedYears, workdayCalendar, workingDaysBetween } from '../../shared/workdays.ts';

const weekendsOnly = workdayCalendar({ holidays: [], workingWeekends: [] });
const official = workdayCalendar(defaultCalendar);

describe('working days', () => {
  it('skips weekends and does not count the day the request arrived', () => {
    // 2023-03-03 is a Friday: the next working day is Monday 03-06.
    expect(addWorkingDays('2023-03-03', 1, weekendsOnly)).toBe('2023-03-06');
    expect(addWorkingDays('2023-03-03', 5, weekendsOnly)).toBe('2023-03-10');
    expect(addWorkingDays('2023-03-04', 1, weekendsOnly)).toBe('2023-03-06');
  });

  it('gives four calendar weeks for 20 working days when no holiday intervenes', () => {
    expect(addWorkingDays('2025-03-03', 20, official)).toBe('2025-03-31');
  });

  it('skips the 2025 National Day week and counts the 调休 Saturday 10-11 as a working day', () => {
    // From Thursday 09-25: 09-26 (1), 09-28 Sunday worked (2), 09-29 (3), 09-30 (4), holidays 10-01..10-08,
    // 10-09 (5), 10-10 (6), Saturday 10-11 worked (7), then weekdays from 10-13 (8) to 10-29 (20).
    expect(addWorkingDays('2025-09-25', 7, official)).toBe('2025-10-11');
    expect(addWorkingDays('2025-09-25', 20, official)).toBe('2025-10-29');
    // With no schedule for the year, the statutory 10-01..10-03 still count as days off (but no 调休 is known).
    expect(addWorkingDays('2025-09-25', 20, weekendsOnly)).toBe('2025-10-28');
  });

  it('skips the Spring Festival holiday of 2025', () => {
    // 2025-01-27 Monday; 01-28..02-04 off; Saturday 02-08 worked.
    expect(addWorkingDays('2025-01-24', 1, official)).toBe('2025-01-26');
    expect(addWorkingDays('2025-01-27', 1, official)).toBe('2025-02-05');
    expect(addWorkingDays('2025-02-07', 1, official)).toBe('2025-02-08');
  });

  it('counts working days between two dates in either direction', () => {
    expect(workingDaysBetween('2025-09-25', '2025-10-29', official)).toBe(20);
    expect(workingDaysBetween('2025-10-29', '2025-09-25', official)).toBe(-20);
    expect(workingDaysBetween('2025-03-07', '2025-03-07', official)).toBe(0);
  });

  it('refuses negative or fractional working days', () => {
    expect(() => addWorkingDays('2025-01-01', -1, official)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-01-01', 1.5, official)).toThrow(RangeError);
  });
});

describe('answer deadline (条例第三十三条)', () => {
  const request = { receivedOn: '2025-09-25', extensionDays: 0, answeredOn: null };

  it('is open, then due soon, then overdue as days pass', () => {
    expect(answerDeadline(request, '2025-10-09', official)).toMatchObject({ due: '2025-10-29', status: 'open', workingDaysLeft: 15 });
    expect(answerDeadline(request, '2025-10-24', official)).toMatchObject({ status: 'due-soon', workingDaysLeft: 3 });
    expect(answerDeadline(request, '2025-10-29', official)).toMatchObject({ status: 'due-soon', workingDaysLeft: 0 });
    expect(answerDeadline(request, '2025-10-31', official)).toMatchObject({ status: 'overdue', workingDaysLeft: -2 });
  });

  it('adds one extension of at most 20 working days', () => {
    const extended = answerDeadline({ ...request, extensionDays: 20 }, '2025-10-30', official);
    expect(extended.finalDue).toBe('2025-11-26');
    expect(extended.status).toBe('open');
    expect(answerDeadline({ ...request, extensionDays: 45 }, '2025-10-30', official).finalDue).toBe('2025-11-26');
  });

  it('marks an answer given after the final day as late', () => {
    expect(answerDeadline({ ...request, answeredOn: '2025-10-29' }, '2025-12-01', official).status).toBe('answered');
    expect(answerDeadline({ ...request, answeredOn: '2025-10-30' }, '2025-12-01', official).status).toBe('answered-late');
  });

  it('says when the holiday list does not cover the period', () => {
    expect(answerDeadline(request, '2025-10-01', official).calendarIncomplete).toBe(false);
    expect(answerDeadline({ ...request, receivedOn: '2027-03-01' }, '2027-03-02', official).calendarIncomplete).toBe(true);
  });
});

describe('the calendar of 2026 and beyond', () => {
  it('answers a request received 2026-09-21 by 2026-10-26, across 中秋 and the National Day week with both 调休 days', () => {
    const r = answerDeadline({ receivedOn: '2026-09-21', extensionDays: 0, answeredOn: null }, '2026-09-21', official);
    expect(r).toMatchObject({ finalDue: '2026-10-26', calendarIncomplete: false });
  });

  it('answers a request received 2026-12-04 by 2027-01-04: New Year’s Day is off even before the 2027 schedule is known, and says the calendar is incomplete', () => {
    const r = answerDeadline({ receivedOn: '2026-12-04', extensionDays: 0, answeredOn: null }, '2026-12-04', official);
    expect(r).toMatchObject({ finalDue: '2027-01-04', calendarIncomplete: true });
    expect(addWorkingDays('2027-04-30', 1, official)).toBe('2027-05-03');
    expect(addWorkingDays('2027-09-30', 1, official)).toBe('2027-10-04');
  });

  it('matches the published 2026 schedule day by day: 春节 2-15..2-23 off, 2-14 and 2-28 worked, 1-4 worked', () => {
    for (const d of ['2026-01-02', '2026-02-16', '2026-02-23', '2026-06-19', '2026-09-25', '2026-10-07']) expect(official.isWorkingDay(d), d).toBe(false);
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) expect(official.isWorkingDay(d), d).toBe(true);
  });

  it('adds the shipped years an office’s own older calendar lacks, without touching the years it edited', () => {
    const mine = { holidays: ['2025-12-24'], workingWeekends: [] };
    const merged = withShippedYears(mine);
    expect(merged.holidays).toContain('2025-12-24');
    expect(merged.holidays).not.toContain('2025-01-01');
    expect(merged.holidays).toContain('2026-02-16');
  });

  it('reads a year’s schedule typed from the notice, and names the lines it cannot read', () => {
    const { calendar, bad } = parseSchedule('# 2027 年\n休 2027-01-01..2027-01-03\n放假：2027-02-06..2027-02-12\n班 2027-02-14，2027-02-20\n上班 2027-13-01\n明天放假\n');
    expect(calendar.holidays).toHaveLength(10);
    expect(calendar.workingWeekends).toEqual(['2027-02-14', '2027-02-20']);
    expect(bad).toEqual(['上班 2027-13-01', '明天放假']);
  });
});
