import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/store.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { derivedTables, isDerivedTable, nonEvidentialColumns } from '../../electron/core/ledger/evidence.ts';
import { rekeyUser, setRoles } from '../../electron/core/accounts/users.ts';
import { returnDecision, saveDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { writeSettings } from '../../electron/core/workflow/settings.ts';
import { appendEntry } from '../../electron/core/ledger/chain.ts';
import { writeHolidays } from '../../electron/core/inspection/config.ts';
import { addAppeal, answerRequest, extendRequest, recordAppealResult } from '../../electron/core/requests/register.ts';
import { exportInspection } from '../../electron/core/inspection/export/write.ts';
import { importBundles } from '../../electron/core/inspection/consolidate.ts';
import { linkInterpretation, publish, setDocumentKind } from '../../electron/core/publication/publication.ts';
import { closedNovember, decide, loadSeed, openUnit, request, type Unit } from '../inspection/seed.ts';
import { password, tempDir } from './helpers.ts';

/**
 * The record an attacker with write access to the file starts from: every table filled, every workflow state
 * present. Each test copies it, drops every trigger, edits one column of one row, puts the triggers back exactly
 * as they were, and asks `audit verify`. Columns that may change unseen are declared, with why, in evidence.ts.
 */
let fixture: string;
let unit: Unit;

async function buildFixture(): Promise<string> {
  const dir = tempDir();
  unit = openUnit(dir);
  const { ctx, team } = unit;
  const { ids } = closedNovember(unit);
  unit.at('2025-12-01');
  publish(ctx, team.reviewer, { documentId: ids.J!, publishedOn: '2025-07-08', channel: 'website', location: 'https://www.example.gov.cn/zwgk/j.html' });
  setDocumentKind(ctx, team.drafter, { documentId: ids.J!, kind: 'policy', reason: '放假安排属于政策措施' });
  linkInterpretation(ctx, team.drafter, { documentId: ids.J!, interpretationId: ids.F! });
  writeHolidays(ctx, team.admin, { holidays: ['2025-12-24'], workingWeekends: ['2025-12-27'] });
  ctx.store.write(() => {
    const changes = writeSettings(ctx.store, { highScoreThreshold: 0.7, reviewPolicy: 'all' });
    appendEntry(ctx.store, { user: team.admin.name, role: 'admin', action: 'settings.change', payload: changes }, ctx.now());
  });
  const returned = loadSeed(unit, { key: 'R', title: '关于退回事项的请示', text: '关于退回事项的请示\n请示事项，联系人赵六，身份证号110101199003071234。', date: '2025-12-01', concern: { term: '110101199003071234', category: 1, basis: '条例第十五条', pii: true } });
  const r = decide(unit, returned.documentId, 'partial', returned.findings, ['条例第十五条'], { sign: false });
  submitDecision(ctx, team.drafter, r);
  returnDecision(ctx, team.reviewer, r, { grounds: ['reason-or-basis-missing', 'other'], reason: '理由不充分' });
  saveDecision(ctx, team.drafter, { documentId: returned.documentId, attribute: 'withheld', reason: '个人隐私', basis: ['条例第十五条'], basisText: '', justification: '当事人未同意公开', dispositions: [{ findingId: returned.findings[0]!.id, action: 'confirm', reason: '核实' }], redactions: [] });
  const open = request(unit, returned.documentId, '2025-12-01');
  extendRequest(ctx, team.reviewer, { requestId: open, extensionDays: 10, reason: '需征求第三方意见' });
  const appealed = addAppeal(ctx, team.reviewer, { requestId: open, kind: 'litigation', filedOn: '2025-12-01', body: '测试区人民法院', afterReconsideration: true }).appeals[0]!;
  recordAppealResult(ctx, team.reviewer, { requestId: open, appealId: appealed.id, result: 'upheld', decidedOn: '2025-12-01' });
  addAppeal(ctx, team.drafter, { requestId: open, kind: 'reconsideration', filedOn: '2025-12-01', body: '测试市人民政府' });
  answerRequest(ctx, team.drafter, { requestId: request(unit, ids.J!, '2025-12-01'), outcome: 'partial', answeredOn: '2025-12-01', basis: '条例第三十七条', reason: '区分处理', fee: 12.5, feeWaived: true });
  setRoles(ctx, { actor: team.admin, password }, 'all', ['drafter', 'reviewer']);
  rekeyUser(ctx, { actor: team.admin, password }, 'reviewer', password);
  const north = openUnit(tempDir());
  closedNovember(north, '北区教育局');
  const bundle = await exportInspection(north.ctx, north.team.signer, 2025, 'bundle', path.join(tempDir(), 'north.json'), password);
  north.ctx.store.close();
  expect(importBundles(ctx, team.reviewer, [bundle.path], { confirmedFingerprints: [north.team.signer.keyFingerprint] })[0]).toMatchObject({ ok: true });
  ctx.store.close();
  return unit.file;
}

beforeAll(async () => {
  fixture = await buildFixture();
}, 120_000);

function verify(file: string) {
  const store = openStore(file, { readonly: true });
  try {
    return verifyRecord(store);
  } finally {
    store.close();
  }
}

/** A small deterministic generator, so a failure names a row that the next run edits again. */
function seeded(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** A different value of the same storage type: numbers move by one, JSON changes one member, text gains a character. */
function mutate(value: unknown, declared: string): unknown {
  if (value === null) return ['INTEGER', 'REAL'].includes(declared.toUpperCase()) ? 1 : 'x';
  if (typeof value === 'number') return value === 1 ? 0 : value + 1;
  if (typeof value === 'bigint') return value + 1n;
  const text = String(value);
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      if (Array.isArray(parsed)) return JSON.stringify(parsed.length > 0 ? parsed.slice(1) : ['x']);
      const keys = Object.keys(parsed);
      return JSON.stringify(keys.length > 0 ? { ...parsed, [keys[0]!]: 'x' } : { x: 1 });
    }
    if (typeof parsed === 'string') return JSON.stringify(`${parsed}x`);
    if (typeof parsed === 'number' || typeof parsed === 'boolean') return JSON.stringify(typeof parsed === 'number' ? parsed + 1 : !parsed);
  } catch {
    // not JSON: plain text
  }
  return /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.replace(/\d(?=Z$|\.\d+Z$)/, (d) => String((Number(d) + 1) % 10)) : `${text}x`;
}

interface Column {
  table: string;
  column: string;
  type: string;
}

function evidentialColumns(file: string): Column[] {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return tables
      .filter((t) => !isDerivedTable(t))
      .flatMap((table) =>
        (db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as { name: string; type: string }[])
          .filter((c) => !nonEvidentialColumns[table]?.[c.name])
          .map((c) => ({ table, column: c.name, type: c.type })),
      );
  } finally {
    db.close();
  }
}

function tamper(file: string, { table, column, type }: Column, rowPick: number): { before: unknown; after: unknown } | null {
  const db = new Database(file);
  try {
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    db.pragma('ignore_check_constraints = ON');
    db.pragma('foreign_keys = OFF');
    // Rows are named by their primary key, so tables without rowid are edited the same way.
    const pk = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').pluck().all(table) as string[]);
    const keyColumns = pk.length > 0 ? pk : ['rowid'];
    const keys = db.prepare(`SELECT ${keyColumns.map((k) => `"${k}"`).join(', ')} FROM "${table}"`).raw().all() as unknown[][];
    if (keys.length === 0) return null;
    const key = keys[Math.floor(rowPick * keys.length)]!;
    const where = keyColumns.map((k) => `"${k}" = ?`).join(' AND ');
    const before = db.prepare(`SELECT "${column}" FROM "${table}" WHERE ${where}`).pluck().get(...key);
    let after = mutate(before, type);
    try {
      db.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE ${where}`).run(after, ...key);
    } catch (error) {
      // The edit collided with a unique key: an attacker would pick a value nobody holds.
      if (!String((error as Error).message).includes('UNIQUE')) throw error;
      after = typeof before === 'number' ? before + 100_000 : `${String(after)}-unique`;
      db.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE ${where}`).run(after, ...key);
    }
    for (const t of triggers) db.exec(t.sql);
    return { before, after };
  } finally {
    db.close();
  }
}

describe('tamper fuzzer: every evidential column of every table', () => {
  it('starts from a record that verifies intact, with rows in every table it fuzzes', () => {
    const report = verify(fixture);
    expect(report.firstBroken?.message ?? null).toBeNull();
    expect(report.intact).toBe(true);
    const db = new Database(fixture, { readonly: true });
    for (const table of new Set(evidentialColumns(fixture).map((c) => c.table))) {
      expect(db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get(), table).toBeGreaterThan(0);
    }
    db.close();
  });

  it('gives a reason for every column and table it leaves out', () => {
    for (const [table, columns] of Object.entries(nonEvidentialColumns)) for (const [column, why] of Object.entries(columns)) expect(why.length, `${table}.${column}`).toBeGreaterThan(40);
    for (const [table, why] of Object.entries(derivedTables)) expect(why.length, table).toBeGreaterThan(40);
  });

  const columns = (() => {
    // Known at collection time from a throw-away record of the current schema.
    const dir = tempDir();
    const probe = openUnit(dir);
    probe.ctx.store.close();
    return evidentialColumns(probe.file);
  })();

  for (const col of columns) {
    it(`notices an edit of ${col.table}.${col.column}`, () => {
      const random = seeded(hashOf(`${col.table}.${col.column}`));
      for (let attempt = 0; attempt < 3; attempt++) {
        const copy = path.join(tempDir(), 'tampered.sqlite');
        fs.copyFileSync(fixture, copy);
        const edit = tamper(copy, col, random());
        expect(edit, `${col.table} has no rows in the fixture`).not.toBeNull();
        const report = verify(copy);
        expect(report.intact, `${col.table}.${col.column}: ${String(edit!.before)} → ${String(edit!.after)}`).toBe(false);
      }
    });
  }
});
