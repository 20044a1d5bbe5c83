import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRequest, answerRequest, extendRequest, listRequests } from '../../electron/core/requests/register.ts';
import { writeHolidays, readHolidays } from '../../electron/core/inspection/config.ts';
import { requestsHandlers } from '../../electron/core/requests/handlers.ts';
import { loadSeed, openUnit, type Unit } from './seed.ts';

let unit: Unit;
let documentId: number;
beforeEach(() => {
  unit = openUnit();
  unit.at('2025-09-01');
  documentId = loadSeed(unit, { key: 'R', title: '关于城区停车收费标准的批复', text: '关于城区停车收费标准的批复\n标准如下。', date: '2025-01-15' }).documentId;
});
afterEach(() => unit.ctx.store.close());

const add = (receivedOn: string, doc: number | null = documentId) =>
  addRequest(unit.ctx, unit.team.reviewer, { documentId: doc, subject: '申请公开停车收费标准', applicantType: 'natural-person', channel: 'mail', receivedOn });

describe('the on-request register', () => {
  it('shows the 20-working-day deadline across the National Day holiday and flags overdue requests', () => {
    unit.at('2025-10-30');
    const r = add('2025-09-25');
    expect(r.deadline).toMatchObject({ due: '2025-10-29', finalDue: '2025-10-29', status: 'overdue' });
    const page = listRequests(unit.ctx, {});
    expect(page.counts).toMatchObject({ overdue: 1, open: 0 });
    expect(page.today).toBe('2025-10-30');
  });

  it('allows one extension of up to 20 working days, by the disclosure office, with a reason', () => {
    unit.at('2025-10-20');
    const r = add('2025-09-25');
    expect(() => extendRequest(unit.ctx, unit.team.drafter, { requestId: r.id, extensionDays: 20, reason: '需征求第三方意见' })).toThrow(/没有/);
    const extended = extendRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, extensionDays: 20, reason: '需征求第三方意见' });
    expect(extended.deadline.finalDue).toBe('2025-11-26');
    expect(() => extendRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, extensionDays: 5, reason: '再次' })).toThrow(/只允许延长一次/);
  });

  it('records the answer once, marks it late when past the final day, and writes both to the audit log', () => {
    const r = add('2025-09-25');
    unit.at('2025-11-03');
    const answered = answerRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, outcome: 'granted', answeredOn: '2025-11-03' });
    expect(answered.deadline.status).toBe('answered-late');
    expect(() => answerRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, outcome: 'partial', answeredOn: '2025-11-04' })).toThrow(/已答复/);
    const entry = unit.ctx.store.audit.list({ action: 'request.answer', limit: 1 }).rows[0]!;
    expect(JSON.parse(entry.payload)).toMatchObject({ requestId: r.id, outcome: 'granted', late: true, finalDue: '2025-10-29' });
    expect(() => answerRequest(unit.ctx, unit.team.reviewer, { requestId: add('2025-10-10').id, outcome: 'granted', answeredOn: '2025-10-09' })).toThrow(/早于/);
  });

  it('lists overdue first and filters by status, document and year; a request may name no registered document', () => {
    unit.at('2025-10-30');
    add('2025-09-25');
    add('2025-10-27');
    add('2025-10-01', null);
    const all = listRequests(unit.ctx, {});
    expect(all.rows.map((r) => r.deadline.status)).toEqual(['overdue', 'due-soon', 'open']);
    expect(listRequests(unit.ctx, { status: 'overdue' }).total).toBe(1);
    expect(listRequests(unit.ctx, { documentId }).total).toBe(2);
    expect(listRequests(unit.ctx, { year: 2024 }).total).toBe(0);
  });

  it('refuses an unknown document with a Chinese message naming it', () => {
    expect(() => add('2025-09-01', 9999)).toThrow('未找到文件（编号9999）。');
  });

  it('uses the holiday list the office maintains', () => {
    unit.at('2028-01-05');
    const before = add('2027-12-31');
    expect(before.deadline.calendarIncomplete).toBe(true);
    const current = readHolidays(unit.ctx);
    writeHolidays(unit.ctx, unit.team.admin, { holidays: [...current.holidays, '2027-10-01', '2028-01-03'], workingWeekends: current.workingWeekends });
    const after = listRequests(unit.ctx, {}).rows.find((r) => r.id === before.id)!;
    // Monday 2028-01-03 off: one day later than weekends alone would give.
    expect(before.deadline.due).toBe('2028-01-28');
    expect(after.deadline.due).toBe('2028-01-31');
    expect(after.deadline.calendarIncomplete).toBe(false);
  });

  it('counts requests per document for a year in one call, most requested first, leaving out requests without a document', () => {
    const other = loadSeed(unit, { key: 'S', title: '关于公园开放时间的批复', text: '关于公园开放时间的批复\n时间如下。', date: '2025-02-01' }).documentId;
    unit.at('2025-09-30');
    add('2025-03-03');
    add('2025-04-01');
    add('2024-12-31');
    add('2025-05-05', other);
    add('2025-06-06', null);
    const api = requestsHandlers({ signedIn: () => ({ ctx: unit.ctx, actor: unit.team.reviewer }) });
    expect(api.requestCounts({ year: 2025 })).toEqual([
      { documentId, docNumber: expect.any(String), title: '关于城区停车收费标准的批复', count: 2 },
      { documentId: other, docNumber: expect.any(String), title: '关于公园开放时间的批复', count: 1 },
    ]);
    expect(api.requestCounts({ year: 2024 })).toEqual([expect.objectContaining({ documentId, count: 1 })]);
    expect(api.requestCounts({})).toEqual([expect.objectContaining({ documentId, count: 3 }), expect.objectContaining({ documentId: other, count: 1 })]);
  });
});
