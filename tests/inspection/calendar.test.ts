import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importHolidays, readHolidays, writeHolidays } from '../../electron/core/inspection/config.ts';
import { genesisHash, leafText, linkHash } from '../../electron/core/ledger/chain.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { openStore } from '../../electron/core/db/store.ts';
import type { AuditRow } from '../../electron/core/db/audit.ts';
import { canonicalJson } from '../../shared/canonical.ts';
import { firstVersionCalendar } from '../../shared/workdays.ts';
import { openUnit } from './seed.ts';
import { tempDir } from '../records/helpers.ts';

describe('the holiday calendar an office keeps', () => {
  it('imports a year from a schedule file, replacing only that year, and the record still verifies', () => {
    const unit = openUnit();
    const file = path.join(tempDir(), '2027年节假日.txt');
    fs.writeFileSync(file, '休 2027-01-01..2027-01-03\n休 2027-02-06..2027-02-12\n班 2027-02-14\n');
    const calendar = importHolidays(unit.ctx, unit.team.reviewer, file);
    expect(calendar.holidays.filter((d) => d.startsWith('2027'))).toHaveLength(10);
    expect(calendar.holidays).toContain('2026-02-16');
    fs.writeFileSync(file, '休 2027-01-01\n');
    expect(importHolidays(unit.ctx, unit.team.reviewer, file).holidays.filter((d) => d.startsWith('2027'))).toEqual(['2027-01-01']);
    expect(() => importHolidays(unit.ctx, unit.team.reviewer, path.join(tempDir(), 'none.txt'))).toThrow(expect.objectContaining({ code: 'not-found' }));
    fs.writeFileSync(file, '2027-01-01\n');
    expect(() => importHolidays(unit.ctx, unit.team.reviewer, file)).toThrow(expect.objectContaining({ code: 'invalid', message: expect.stringContaining('2027-01-01') }));
    expect(() => importHolidays(unit.ctx, unit.team.drafter, file)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(verifyRecord(unit.ctx.store).intact).toBe(true);
  });

  it('verifies a record whose holiday edits the first version wrote as changes against its 2024–2025 list', () => {
    const unit = openUnit();
    writeHolidays(unit.ctx, unit.team.admin, { holidays: [...firstVersionCalendar.holidays, '2025-12-24'], workingWeekends: firstVersionCalendar.workingWeekends });
    unit.ctx.store.close();
    const db = new Database(unit.file);
    for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`);
    const row = db.prepare("SELECT * FROM audit_log WHERE action = 'holidays.set'").get() as AuditRow;
    const { holidays: _h, ...legacy } = JSON.parse(row.payload) as Record<string, unknown>;
    db.prepare('UPDATE audit_log SET payload = ? WHERE seq = ?').run(canonicalJson({ ...legacy, added: ['2025-12-24'], removed: [] }), row.seq);
    let previous = genesisHash;
    for (const { hash: _x, ...r } of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]) {
      previous = linkHash(previous, leafText(r));
      db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run(previous, r.seq);
    }
    db.close();
    fs.rmSync(`${unit.file}.head.json`, { force: true });
    const store = openStore(unit.file, { readonly: true });
    expect(verifyRecord(store).firstBroken).toBeNull();
    store.close();
  });

  it('reads an office calendar saved before 2026 was shipped with 2026 added', () => {
    const unit = openUnit();
    writeHolidays(unit.ctx, unit.team.admin, { holidays: firstVersionCalendar.holidays, workingWeekends: firstVersionCalendar.workingWeekends });
    expect(readHolidays(unit.ctx).holidays).toContain('2026-10-07');
  });
});
