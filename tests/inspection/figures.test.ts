import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annualFiguresFor } from '../../electron/core/inspection/annual.ts';
import { withheldGroundOf } from '../../electron/core/inspection/report-rows.ts';
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
    expect(rows(f)).toEqual({ 'state-secret': 2, 'third-party': 1, 'internal-affairs': 1 });
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
    expect(rows(f)).toEqual({ 'state-secret': 2, 'third-party': 1, 'internal-affairs': 1 });
  });
});

describe('the grounds of a withheld 公文 (categories confirmed, articles cited)', () => {
  const ground = (categories: number[], basis: string[], classified = false, caseFile = false) =>
    withheldGroundOf({ categories: categories as never, basis, classified, caseFile });

  it('never defaults to 国家秘密: 第十四条 with no confirmed finding is flagged, not a state secret', () => {
    expect(ground([], ['条例第十四条'])).toBe('article-14-unconfirmed');
    expect(ground([], ['条例第十四条'], true)).toBe('state-secret');
    expect(ground([1], ['条例第十四条'])).toBe('state-secret');
    expect(ground([1], ['条例第十五条'])).toBe('third-party');
    expect(ground([1], ['条例第十四条', '条例第十五条'])).toBe('third-party');
    expect(ground([1], ['条例第十四条', '条例第十五条'], true)).toBe('state-secret');
    expect(ground([1], [])).toBe('third-party');
    expect(ground([], ['保守国家秘密法第十三条'])).toBe('state-secret');
    expect(ground([7], ['保守国家秘密法第六十四条'])).toBe('work-secret');
  });

  it('takes 第十四条 with category 8 as 三安全一稳定 and with category 9 as 法律禁止, even beside a privacy finding', () => {
    expect(ground([8], ['条例第十四条'])).toBe('security-stability');
    expect(ground([9], ['条例第十四条'])).toBe('law-prohibited');
    expect(ground([1, 8], ['条例第十四条', '条例第十五条'])).toBe('security-stability');
    expect(ground([1, 9], ['条例第十四条', '条例第十五条'])).toBe('law-prohibited');
  });

  it('tells an enforcement case file from process information under 第十六条第二款', () => {
    expect(ground([], ['条例第十六条第二款'], false, true)).toBe('enforcement-file');
    expect(ground([2], ['条例第十六条第二款'], false, true)).toBe('process');
    expect(ground([], ['条例第十六条第二款'])).toBe('process');
    expect(ground([3], ['条例第十六条第一款'])).toBe('internal-affairs');
    expect(ground([], ['条例第三十六条第（七）项'])).toBe('administrative-query');
    expect(ground([6], ['档案法第二十七条'])).toBe('archives');
  });

  it('does not take request-handling grounds (categories 4, 5) as grounds for withholding a 公文', () => {
    expect(ground([4], [])).toBe('request-grounds-only');
    expect(ground([5], [])).toBe('request-grounds-only');
    expect(ground([5], ['条例第十五条'])).toBe('third-party');
    expect(ground([], [])).toBe('unmarked');
  });
});
