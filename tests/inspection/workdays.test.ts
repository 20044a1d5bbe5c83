import { describe, expect, it } from 'vitest';
import { addWorkingDays, answerDeadline, defaultCalendar, workdayCalendar, workingDaysBetween } from '../../shared/workdays.ts';

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
    expect(addWorkingDays('2025-09-25', 20, weekendsOnly)).toBe('2025-10-23');
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
