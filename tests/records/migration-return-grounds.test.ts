import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/store.ts';
import { schemaVersion } from '../../electron/core/db/migrations.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { saveDecision, signDecision, submitDecision, approveDecision } from '../../electron/core/workflow/decisions.ts';
import { loadSample, makeTeam, openTestRecords, password, privacyDecision } from './helpers.ts';

const added = ['channels', 'channelText', 'returnGrounds'];

/** A record as schema version 4 held it: decisions without 公开方式 or 退文 grounds. */
function versionFourRecord(): string {
  const ctx = openTestRecords();
  const team = makeTeam(ctx);
  const { outcome, findings } = loadSample(ctx, team.drafter);
  const d = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id, 'withheld', '整体涉及个人隐私'));
  submitDecision(ctx, team.drafter, d.id);
  approveDecision(ctx, team.reviewer, d.id, null);
  signDecision(ctx, team.signer, d.id, password);
  const file = ctx.store.file;
  ctx.store.close();
  const db = new Database(file);
  for (const column of added) db.exec(`ALTER TABLE decisions DROP COLUMN ${column}`);
  // Slot 5 is taken by a migration made on another branch; a version-4 record runs it and this one.
  db.pragma('user_version = 4');
  db.close();
  return file;
}

describe('migration 6: decisions record 公开方式 and 退文 grounds', () => {
  it('adds the columns with the values the chain replays for older entries, and the record still verifies', () => {
    const store = openStore(versionFourRecord());
    const db = store.connection;
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(schemaVersion).toBeGreaterThanOrEqual(6);
    expect(db.prepare('SELECT channels, channelText, returnGrounds FROM decisions').all()).toEqual([{ channels: '[]', channelText: '', returnGrounds: null }]);
    expect(verifyRecord(store)).toMatchObject({ intact: true, firstBroken: null, triggersIntact: true });
    store.close();
  });

  it('meets its own result without harm when a record is re-marked at an older version', () => {
    const file = versionFourRecord();
    openStore(file).close();
    const db = new Database(file);
    db.pragma('user_version = 5');
    db.close();
    const store = openStore(file);
    expect((store.connection.prepare("SELECT name FROM pragma_table_info('decisions')").pluck().all() as string[]).filter((c) => added.includes(c))).toEqual(added);
    store.close();
  });
});
