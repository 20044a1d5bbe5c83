import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIntake, extractFile } from '../helpers/intake.ts';
import { exportInspection, exportInspectionFiles } from '../../electron/core/inspection/export/write.ts';
import { exportConsolidated } from '../../electron/core/inspection/consolidate.ts';
import { openInspection } from '../../electron/core/inspection/lifecycle.ts';
import { writeCheckpoint } from '../../electron/core/ledger/checkpoint.ts';
import { backupTo } from '../../electron/core/ledger/backup.ts';
import { exportRedacted } from '../../electron/core/exports/redaction-export.ts';
import { approveDecision, saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import type { Context } from '../../electron/core/kernel/context.ts';
import { closedNovember, openUnit, seedNovember, type Unit } from '../inspection/seed.ts';
import { loadSample, password, privacyDecision, tempDir } from './helpers.ts';

/**
 * Every path that writes a file out of the record checks who asks (and everything else that can refuse) before it
 * writes: a refused call leaves the folder as it was and adds nothing to the audit log.
 */
async function expectNothingWritten(ctx: Context, dir: string, code: string, call: () => Promise<unknown>) {
  const before = fs.readdirSync(dir);
  const head = ctx.store.audit.head();
  await expect(call()).rejects.toMatchObject({ code });
  expect(fs.readdirSync(dir)).toEqual(before);
  expect(ctx.store.audit.head()).toEqual(head);
}

let closed: Unit;
let open: Unit;
let out: string;

beforeAll(() => {
  closed = openUnit();
  closedNovember(closed);
  open = openUnit();
  seedNovember(open);
  openInspection(open.ctx, open.team.reviewer, 2025);
  out = tempDir();
});
afterAll(async () => {
  closed.ctx.store.close();
  open.ctx.store.close();
  await closeIntake();
});

describe('inspection exports', () => {
  it('refuses all four files to an admin at once (no signer role for the bundle), writing none of them', async () => {
    const files = { xlsx: path.join(out, 'a.xlsx'), docx: path.join(out, 'a.docx'), csv: path.join(out, 'a.csv'), bundle: path.join(out, 'a.json') };
    await expectNothingWritten(closed.ctx, out, 'forbidden', () => exportInspectionFiles(closed.ctx, closed.team.admin, 2025, files, password));
    const written = await exportInspectionFiles(closed.ctx, closed.team.signer, 2025, files, password);
    expect(written.map((f) => f.format).sort()).toEqual(['bundle', 'csv', 'docx', 'xlsx']);
    expect(fs.readdirSync(out).sort()).toEqual(['a.checkpoint.json', 'a.csv', 'a.docx', 'a.json', 'a.xlsx']);
  });

  it('refuses the bundle to a reviewer, of an open inspection, and with a wrong password, writing neither bundle nor checkpoint', async () => {
    const dir = tempDir();
    const bundle = path.join(dir, 'b.json');
    await expectNothingWritten(closed.ctx, dir, 'forbidden', () => exportInspection(closed.ctx, closed.team.reviewer, 2025, 'bundle', bundle, password));
    await expectNothingWritten(open.ctx, dir, 'not-closed', () => exportInspection(open.ctx, open.team.signer, 2025, 'bundle', bundle, password));
    await expectNothingWritten(closed.ctx, dir, 'wrong-password', () => exportInspection(closed.ctx, closed.team.signer, 2025, 'bundle', bundle, 'not the password'));
  });

  it('refuses a ledger of a year never opened, writing nothing', async () => {
    const dir = tempDir();
    await expectNothingWritten(closed.ctx, dir, 'no-inspection', () => exportInspection(closed.ctx, closed.team.reviewer, 2019, 'xlsx', path.join(dir, 'x.xlsx')));
  });

  it('refuses the consolidated table to a signer, writing nothing', async () => {
    const dir = tempDir();
    await expectNothingWritten(closed.ctx, dir, 'forbidden', () => exportConsolidated(closed.ctx, closed.team.signer, 2025, 'xlsx', path.join(dir, 'c.xlsx')));
  });
});

describe('record exports', () => {
  it('refuses a checkpoint with a wrong password, writing nothing', async () => {
    const dir = tempDir();
    await expectNothingWritten(closed.ctx, dir, 'wrong-password', async () => writeCheckpoint(closed.ctx, closed.team.signer, path.join(dir, 'cp.json'), 'not the password'));
  });

  it('refuses a backup to anyone but an admin: it holds every withheld text', async () => {
    const dir = tempDir();
    await expectNothingWritten(closed.ctx, dir, 'forbidden', () => backupTo(closed.ctx, closed.team.all, path.join(dir, 'copy.sqlite')));
    await expect(backupTo(closed.ctx, closed.team.admin, path.join(dir, 'copy.sqlite'))).resolves.toMatchObject({ entries: expect.any(Number) });
  });

  it('refuses a public copy to an admin who holds no role in the document flow, writing nothing', async () => {
    const { ctx, team } = closed;
    const { outcome, findings } = loadSample(ctx, team.drafter);
    const d = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id));
    submitDecision(ctx, team.drafter, d.id);
    approveDecision(ctx, team.reviewer, d.id, null);
    signDecision(ctx, team.signer, d.id, password);
    const dir = tempDir();
    await expectNothingWritten(ctx, dir, 'forbidden', () => exportRedacted(ctx, team.admin, d.id, path.join(dir, 'public.txt'), 'txt', (f) => extractFile(f)));
    await expect(exportRedacted(ctx, team.drafter, d.id, path.join(dir, 'public.txt'), 'txt', (f) => extractFile(f))).resolves.toMatchObject({ verified: true });
  });
});
