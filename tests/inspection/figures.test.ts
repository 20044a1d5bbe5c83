import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annualFiguresFor } from '../../electron/core/inspection/annual.ts';
import { withheldRowOf } from '../../electron/core/inspection/report-rows.ts';
import type { AnnualFigures } from '../../shared/ipc/inspection.ts';
import { closedNovember, openUnit, seedNovember, type Unit } from './seed.ts';

let unit: Unit;
beforeEach(() => {
  unit = openUnit();
});
afterEach(() => unit.ctx.store.close());

const rows = (f: AnnualFigures) => Object.fromEntries(f.withheldByRow.filter((r) => r.count > 0).map((r) => [r.row, r.count]));
const outcomes = (f: AnnualFigures) => Object.fromEntries(f.requests.outcomes.filter((o) => o.total > 0).map((o) => [o.outcome, o.byApplicant]));

describe('annual-report figures (条例第五十条) from the audit log', () => {
  it('matches the hand count of the November fixture for 2025', () => {
    seedNovember(unit);
    const f = annualFiguresFor(unit.ctx, 2025);
    // Signed 2025-07-01: A B C D withheld, E partial, F G H I on-request, J proactive; K never signed.
    expect(f.decisions.signedByAttribute).toEqual({ proactive: 1, partial: 1, 'on-request': 4, withheld: 4 });
    expect(f.decisions.inForceByAttribute).toEqual({ proactive: 1, partial: 1, 'on-request': 4, withheld: 4 });
    expect(f.decisions.madeMoreOpen).toBe(0);
    // B and C are classified (state secret); D is privacy under 第十五条; A is internal affairs.
    expect(rows(f)).toEqual({ '不予公开-1': 2, '不予公开-4': 1, '不予公开-5': 1 });
    // Received in 2025: G once, F three times, J twice; two 2024 requests on G still open.
    expect(f.requests.received).toEqual({ 'natural-person': 4, commercial: 1, research: 0, 'public-interest': 0, 'legal-service': 0, 'other-org': 1, total: 6 });
    expect(f.requests.carriedIn).toBe(2);
    expect(f.requests.answered).toBe(2);
    // F's 2025-03-10 request was due 2025-04-08 (清明 4/4 off) and answered on 04-30.
    expect(f.requests.answeredLate).toBe(1);
    expect(f.requests.carriedOut).toBe(6);
    expect(outcomes(f)).toEqual({ granted: { 'natural-person': 1, commercial: 1, research: 0, 'public-interest': 0, 'legal-service': 0, 'other-org': 0 } });
  });

  it('counts 2024 on its own: the two requests received then and nothing signed', () => {
    seedNovember(unit);
    const f = annualFiguresFor(unit.ctx, 2024);
    expect(f.decisions.signedByAttribute).toEqual({ proactive: 0, partial: 0, 'on-request': 0, withheld: 0 });
    expect(f.requests.received).toEqual({ 'natural-person': 1, commercial: 1, research: 0, 'public-interest': 0, 'legal-service': 0, 'other-org': 0, total: 2 });
    expect(f.requests.carriedIn).toBe(0);
    expect(f.requests.carriedOut).toBe(2);
  });

  it('counts the November conversions as decisions made more open', () => {
    closedNovember(unit);
    const f = annualFiguresFor(unit.ctx, 2025);
    // Seven new decisions: keep A C (withheld), E (partial); B F H to proactive; D to partial.
    expect(f.decisions.signedByAttribute).toEqual({ proactive: 4, partial: 3, 'on-request': 4, withheld: 6 });
    expect(f.decisions.inForceByAttribute).toEqual({ proactive: 4, partial: 2, 'on-request': 2, withheld: 2 });
    expect(f.decisions.madeMoreOpen).toBe(4);
    // A and C were re-signed as withheld in November: each is still one item in its row.
    expect(rows(f)).toEqual({ '不予公开-1': 2, '不予公开-4': 1, '不予公开-5': 1 });
  });
});

describe('the category → article → row map', () => {
  it('puts each category in its national table row and a decision in its first row only', () => {
    expect(withheldRowOf([1], ['条例第十五条'], false)).toBe('不予公开-4');
    expect(withheldRowOf([1], ['条例第十五条'], true)).toBe('不予公开-1');
    expect(withheldRowOf([2], [], false)).toBe('不予公开-6');
    expect(withheldRowOf([3], [], false)).toBe('不予公开-5');
    expect(withheldRowOf([8], [], false)).toBe('不予公开-3');
    expect(withheldRowOf([9], [], false)).toBe('不予公开-2');
    expect(withheldRowOf([4], [], false)).toBe('无法提供-2');
    expect(withheldRowOf([5], [], false)).toBe('不予处理-1');
    expect(withheldRowOf([7], [], false)).toBe('其他');
    expect(withheldRowOf([3, 2, 9], [], false)).toBe('不予公开-2');
    expect(withheldRowOf([], [], false)).toBe('未标明');
  });
});
