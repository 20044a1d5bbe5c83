import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeInspection, inspectionStatus, openInspection, proposeOutcomes, worklist } from '../../electron/core/inspection/lifecycle.ts';
import { readInspectionConfig, setUnitName, writeInspectionConfig } from '../../electron/core/inspection/config.ts';
import { exportInspection } from '../../electron/core/inspection/export/write.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { inspectionYears } from '../../shared/inspection-years.ts';
import { openUnit, password, seedNovember, signThrough, type Unit } from './seed.ts';
import { tempDir } from '../records/helpers.ts';

let unit: Unit;
let ids: Record<string, number>;

beforeEach(() => {
  unit = openUnit();
  ({ ids } = seedNovember(unit));
});
afterEach(() => unit.ctx.store.close());

const entries = (action: string) => unit.ctx.store.audit.list({ action, limit: 1000 }).total;

describe('the inspection year', () => {
  it('refuses 1999, 2007 and next year with the year and the allowed range, and opens nothing', () => {
    // seedNovember leaves the clock at 2025-11-14.
    for (const year of [1999, 2007, 2026]) {
      expect(() => openInspection(unit.ctx, unit.team.reviewer, year)).toThrow(new RegExp(`${year}年度.*2008年.*2025年`));
      expect(inspectionStatus(unit.ctx, year).state).toBe('none');
    }
    expect(entries('inspection.open')).toBe(0);
  });

  it('opens 2008, the first year of the regulations, and the current year', () => {
    expect(openInspection(unit.ctx, unit.team.reviewer, 2008).state).toBe('open');
    expect(openInspection(unit.ctx, unit.team.reviewer, 2025).state).toBe('open');
    expect(entries('inspection.open')).toBe(2);
  });

  it('offers the pickers exactly the years core accepts, newest first', () => {
    const years = inspectionYears(2025);
    expect(years[0]).toBe(2025);
    expect(years.at(-1)).toBe(2008);
    expect(years).toHaveLength(18);
  });
});

describe('one justification over several items', () => {
  it('refuses items with different proposed outcomes and says how many of which, proposing none of them', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    const all = worklist(unit.ctx, { year: 2025 }).items.map((i) => i.documentId);
    let message = '';
    try {
      proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: all, justification: '经自查核实' });
    } catch (error) {
      expect((error as { code: string }).code).toBe('mixed-outcomes');
      message = (error as Error).message;
    }
    // Suggestions of the November fixture: keep A, C, E; proactive B, F, H; partial D.
    expect(message).toContain('所选7项');
    expect(message).toContain('维持原属性3项');
    expect(message).toContain('转为主动公开3项');
    expect(message).toContain('转为部分公开1项');
    expect(message).toContain('--same-justification');
    expect(worklist(unit.ctx, { year: 2025 }).progress.pending).toBe(7);
    expect(entries('inspection.propose')).toBe(0);
  });

  it('proposes them when the proposer confirms the justification fits all, or when the outcomes agree', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    const keeps = [ids.A!, ids.C!, ids.E!];
    expect(proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: keeps, justification: '理由仍成立' }).proposed).toHaveLength(3);
    const rest = [ids.B!, ids.D!, ids.F!, ids.H!];
    expect(proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: rest, outcome: 'keep', justification: '一律维持' }).skipped).toEqual([]);
  });

  it('takes a mixed batch with sameJustification', () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    const all = worklist(unit.ctx, { year: 2025 }).items.map((i) => i.documentId);
    const result = proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: all, justification: '经自查核实', sameJustification: true });
    expect(result.proposed).toHaveLength(7);
  });
});

describe('the unit name', () => {
  it('is changed by an admin only, and the change is an audit entry that verify replays', () => {
    expect(() => setUnitName(unit.ctx, unit.team.reviewer, '测试市教育局')).toThrow(/需要|角色|admin|管理员/);
    expect(() => writeInspectionConfig(unit.ctx, unit.team.reviewer, { unitName: '测试市教育局' })).toThrow(/只有管理员/);
    // A reviewer still sets the worklist thresholds, sending the name unchanged as the dialog does.
    writeInspectionConfig(unit.ctx, unit.team.reviewer, { ...readInspectionConfig(unit.ctx), minRequests: 3 });
    expect(readInspectionConfig(unit.ctx).unitName).toBe('本单位');

    expect(() => setUnitName(unit.ctx, unit.team.admin, '   ')).toThrow(/不能为空/);
    const before = entries('inspection.config');
    expect(setUnitName(unit.ctx, unit.team.admin, ' 测试市教育局 ').unitName).toBe('测试市教育局');
    const entry = unit.ctx.store.audit.list({ action: 'inspection.config', limit: 1 }).rows[0]!;
    expect(entries('inspection.config')).toBe(before + 1);
    expect(entry.user).toBe('admin');
    expect(JSON.parse(entry.payload)).toMatchObject({ unitName: '测试市教育局', minRequests: 3 });
    expect(verifyRecord(unit.ctx.store).intact).toBe(true);
    // A name written without its entry is caught: verify derives the setting from the chain.
    unit.ctx.store.settings.set('inspection.config', { ...readInspectionConfig(unit.ctx), unitName: '北区教育局' });
    expect(verifyRecord(unit.ctx.store).intact).toBe(false);
  });

  it('must be set before a bundle is exported, so no bundle reaches the office as 本单位', async () => {
    openInspection(unit.ctx, unit.team.reviewer, 2025);
    const all = worklist(unit.ctx, { year: 2025 }).items.map((i) => i.documentId);
    for (const p of proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: all, justification: '经自查核实', sameJustification: true }).proposed) signThrough(unit, p.decisionId);
    unit.at('2025-11-28');
    closeInspection(unit.ctx, unit.team.reviewer, 2025);
    const file = path.join(tempDir(), 'bundle.json');
    await expect(exportInspection(unit.ctx, unit.team.signer, 2025, 'bundle', file, password)).rejects.toThrow(/尚未设置单位名称/);
    setUnitName(unit.ctx, unit.team.admin, '测试市教育局');
    const written = await exportInspection(unit.ctx, unit.team.signer, 2025, 'bundle', file, password);
    expect(JSON.parse(fs.readFileSync(written.path, 'utf8')).unit.name).toBe('测试市教育局');
  });
});
