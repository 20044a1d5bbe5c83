import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeInspection, inspectionStatus, openInspection, proposeOutcomes, worklist } from '../../electron/core/inspection/lifecycle.ts';
import { secrecyEnds } from '../../electron/core/inspection/rules.ts';
import { writeInspectionConfig } from '../../electron/core/inspection/config.ts';
import type { WorklistItem } from '../../shared/ipc/inspection.ts';
import { openUnit, request, seedNovember, signThrough, type Unit } from './seed.ts';

let unit: Unit;
let ids: Record<string, number>;

beforeEach(() => {
  unit = openUnit();
  ({ ids } = seedNovember(unit));
});
afterEach(() => unit.ctx.store.close());

const listed = (items: WorklistItem[]) => Object.fromEntries(items.map((i) => [i.documentId, i]));
const keyOf = (documentId: number) => Object.entries(ids).find(([, id]) => id === documentId)![0];

describe('the 2025 worklist', () => {
  it('lists withheld, partial, often requested, lapsed-secrecy and finished-process items and nothing else', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    const page = worklist(unit.ctx, { year: 2025, limit: 100 });
    expect(page.items.map((i) => keyOf(i.documentId)).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'H']);
    const byKey = (k: string) => listed(page.items)[ids[k]!]!;
    expect(byKey('A').rules).toEqual(['withheld']);
    expect(byKey('B').rules).toEqual(['withheld', 'secrecy-lapsed']);
    expect(byKey('C').rules).toEqual(['withheld']);
    expect(byKey('E').rules).toEqual(['partial']);
    expect(byKey('F').rules).toEqual(['often-requested']);
    expect(byKey('F').requestCount).toBe(3);
    expect(byKey('H').rules).toEqual(['process-over']);
    expect(page.progress).toEqual({ total: 7, pending: 7, proposed: 0, done: 0 });
  });

  it('proposes the outcome each rule calls for, with the reason', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    const items = listed(worklist(unit.ctx, { year: 2025 }).items);
    const suggested = Object.fromEntries(Object.values(items).map((i) => [keyOf(i.documentId), i.suggested]));
    expect(suggested).toEqual({ A: 'keep', B: 'proactive', C: 'keep', D: 'partial', E: 'keep', F: 'proactive', H: 'proactive' });
    expect(items[ids.B!]!.secrecyEnds).toBe('2024-05-31');
    expect(items[ids.B!]!.suggestionReason).toContain('2024-05-31');
    expect(items[ids.F!]!.suggestionReason).toContain('第四十四条');
  });

  it('leaves out an on-request document asked for less often than the threshold, and lists it once the threshold is lowered', () => {
    writeInspectionConfig(unit.ctx, unit.team.admin, { minRequests: 1 });
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    const keys = worklist(unit.ctx, { year: 2025 }).items.map((i) => keyOf(i.documentId));
    expect(keys).toContain('G');
    expect(keys).not.toContain('J');
  });

  it('adds a document that reaches the threshold while the inspection is open', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    request(unit, ids.G!, '2025-11-17');
    unit.at('2025-11-18');
    const status = inspectionStatus(unit.ctx, 2025);
    expect(status.summary!.progress.total).toBe(8);
    expect(worklist(unit.ctx, { year: 2025, rule: 'often-requested' }).items.map((i) => keyOf(i.documentId)).sort()).toEqual(['F', 'G']);
  });

  it('filters by rule, attribute, progress and title', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    expect(worklist(unit.ctx, { year: 2025, rule: 'secrecy-lapsed' }).items.map((i) => keyOf(i.documentId))).toEqual(['B']);
    expect(worklist(unit.ctx, { year: 2025, attribute: 'withheld' }).total).toBe(4);
    expect(worklist(unit.ctx, { year: 2025, query: '停车' }).items.map((i) => keyOf(i.documentId))).toEqual(['F']);
    expect(worklist(unit.ctx, { year: 2025, progress: 'done' }).total).toBe(0);
  });
});

describe('secrecy periods', () => {
  it('counts the marked period from 成文日期 and the statutory default when none is marked', () => {
    expect(secrecyEnds('秘密', '1年', '2023-06-01')).toBe('2024-05-31');
    expect(secrecyEnds('机密', '6个月', '2025-01-31')).toBe('2025-07-30');
    expect(secrecyEnds('秘密', '五年', '2020-03-01')).toBe('2025-02-28');
    expect(secrecyEnds('秘密', null, '2010-01-01')).toBe('2019-12-31');
    expect(secrecyEnds('绝密', '长期', '2000-01-01')).toBeNull();
    expect(secrecyEnds('秘密', '1年', null)).toBeNull();
  });
});

describe('recording the outcomes', () => {
  it('turns each outcome into a new decision that supersedes the one in force and runs through review and sign-off', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    const all = worklist(unit.ctx, { year: 2025 }).items.map((i) => i.documentId);
    const result = proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: all, justification: '经自查核实', sameJustification: true });
    expect(result.skipped).toEqual([]);
    expect(result.proposed).toHaveLength(7);
    for (const { documentId, decisionId } of result.proposed) {
      const d = unit.ctx.store.decisions.get(decisionId)!;
      const previous = unit.ctx.store.decisions.get(d.supersedesId!)!;
      expect(previous.documentId).toBe(documentId);
      expect(previous.state).toBe('signed');
      expect(d.justification).toContain('2025年度自查');
    }
    const byKey = Object.fromEntries(result.proposed.map((p) => [keyOf(p.documentId), unit.ctx.store.decisions.get(p.decisionId)!]));
    expect(byKey.B!.attribute).toBe('proactive');
    expect(byKey.A!.attribute).toBe('withheld');
    expect(byKey.A!.state).toBe('submitted');
    // The withheld ID number becomes a redaction span for the partial release.
    expect(byKey.D!.attribute).toBe('partial');
    expect(byKey.D!.redactions).toHaveLength(1);
    expect(worklist(unit.ctx, { year: 2025 }).progress).toEqual({ total: 7, pending: 0, proposed: 7, done: 0 });

    for (const p of result.proposed) signThrough(unit, p.decisionId);
    const status = inspectionStatus(unit.ctx, 2025);
    expect(status.summary!.progress.done).toBe(7);
    expect(status.summary!.converted).toEqual({ toProactive: 3, toPartial: 1 });
    expect(unit.ctx.store.documents.get(ids.B!)!.signedAttribute).toBe('proactive');
  });

  it('skips a document with a decision still in the workflow, with the reason', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: [ids.A!], outcome: 'keep', justification: '理由仍成立' });
    const again = proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: [ids.A!, ids.J!], justification: '再次' });
    expect(again.proposed).toEqual([]);
    expect(again.skipped.map((s) => s.documentId)).toEqual([ids.A, ids.J]);
    expect(again.skipped[1]!.message).toContain('不在本年度自查清单');
  });

  it('refuses to close while items are open, then closes and locks the figures', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    expect(() => closeInspection(unit.ctx, unit.team.reviewer, 2025)).toThrow(/还有7项未办结/);
    const all = worklist(unit.ctx, { year: 2025 }).items.map((i) => i.documentId);
    const result = proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: all, justification: '经自查核实', sameJustification: true });
    for (const p of result.proposed) signThrough(unit, p.decisionId);
    const closed = closeInspection(unit.ctx, unit.team.reviewer, 2025);
    expect(closed.state).toBe('closed');
    expect(closed.closeSeq).toBeGreaterThan(0);

    // Later requests change the live register but not the frozen inspection.
    request(unit, ids.A!, '2025-11-20');
    request(unit, ids.A!, '2025-11-21');
    expect(inspectionStatus(unit.ctx, 2025).summary).toEqual(closed.summary);
    expect(() => proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: [ids.A!], justification: 'x' })).toThrow(/已于结束时锁定/);
    expect(() => unit.ctx.store.connection.prepare("UPDATE inspections SET summary = '{}' WHERE year = 2025").run()).toThrow(/locked/);
    expect(() => unit.ctx.store.connection.prepare('UPDATE inspection_items SET requestCount = 99 WHERE year = 2025').run()).toThrow(/locked/);
    const entries = unit.ctx.store.audit.list({ action: 'inspection.close', limit: 10 }).rows;
    expect(entries).toHaveLength(1);
  });

  it('lets only the disclosure office open and close, and only a drafter propose', () => {
    expect(() => openInspection(unit.ctx, unit.team.drafter, 2025)).toThrow(/没有/);
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    expect(() => proposeOutcomes(unit.ctx, unit.team.reviewer, { year: 2025, documentIds: [ids.A!], justification: 'x' })).toThrow();
  });
});
