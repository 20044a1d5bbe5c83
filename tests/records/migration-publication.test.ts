import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/store.ts';
import { schemaVersion } from '../../electron/core/db/migrations.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { loadSample, makeTeam, openTestRecords, password, privacyDecision } from './helpers.ts';

describe('migration 5: releases, kinds and 解读 links', () => {
  it('adds the tables and their triggers to a version-4 record, which still verifies and takes releases', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const { outcome, findings } = loadSample(ctx, team.drafter);
    const d = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id, 'partial'));
    submitDecision(ctx, team.drafter, d.id);
    signDecision(ctx, team.signer, d.id, password);
    const file = ctx.store.file;
    ctx.store.close();
    const old = new Database(file);
    old.exec('DROP TABLE publications; DROP TABLE publication_profiles;');
    old.pragma('user_version = 4');
    old.close();

    const store = openStore(file);
    const db = store.connection;
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'publication%' ORDER BY name").pluck().all()).toEqual(['publication_profiles', 'publications']);
    expect(verifyRecord(store)).toMatchObject({ intact: true, firstBroken: null, triggersIntact: true });
    expect(store.publications.releasable().map((r) => r.documentId)).toEqual([outcome.documentId]);
    db.prepare("INSERT INTO publications (documentId, decisionId, publishedOn, channel, location, recordedBy, recordedAt) VALUES (?, ?, '2026-01-05', 'website', '', 'drafter', 'x')").run(outcome.documentId, d.id);
    expect(() => db.prepare("UPDATE publications SET publishedOn = '2026-01-04'").run()).toThrow(/final/);
    expect(() => db.prepare('DELETE FROM publications').run()).toThrow(/never deleted/);
    store.close();
  });
});
