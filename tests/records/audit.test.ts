import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { approveDecision, saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { genesisHash, leafText, linkHash, signOffDomain } from '../../electron/core/ledger/chain.ts';
import { signText } from '../../electron/core/ledger/crypto.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { writeCheckpoint } from '../../electron/core/ledger/checkpoint.ts';
import { authenticate } from '../../electron/core/accounts/users.ts';
import { openStore } from '../../electron/core/db/store.ts';
import type { AuditRow } from '../../electron/core/db/audit.ts';
import { canonicalJson } from '../../shared/canonical.ts';
import { loadSample, makeTeam, openTestRecords, password, privacyDecision, tempDir } from './helpers.ts';

/** A record with a signed decision and a checkpoint, closed, ready to be tampered with. */
function signedRecord() {
  const dir = tempDir();
  const file = path.join(dir, 'record.sqlite');
  const ctx = openTestRecords(file);
  const team = makeTeam(ctx);
  const { outcome, findings } = loadSample(ctx, team.drafter);
  const d = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id, 'withheld', '当事人为未成年人'));
  submitDecision(ctx, team.drafter, d.id);
  approveDecision(ctx, team.reviewer, d.id, null);
  const signOff = signDecision(ctx, team.signer, d.id, password);
  authenticate(ctx, 'reviewer', password, 'cli');
  authenticate(ctx, 'signer', password, 'cli');
  const checkpointFile = path.join(dir, 'checkpoint.json');
  const checkpoint = writeCheckpoint(ctx, team.admin, checkpointFile, password);
  authenticate(ctx, 'drafter', password, 'cli');
  ctx.store.close();
  return { dir, file, checkpointFile, checkpoint, signSeq: signOff.seq, decisionId: d.id };
}

/** What an attacker with file access does first: removes the append-only triggers. */
function raw(file: string) {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return db;
}

/** Recomputes every link hash, as someone rewriting history would. */
function rechain(db: Database.Database) {
  let previous = genesisHash;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  const update = db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?');
  for (const { hash: _old, ...row } of rows) {
    previous = linkHash(previous, leafText(row));
    update.run(previous, row.seq);
  }
}

function verify(file: string, checkpointFile?: string) {
  const store = openStore(file, { readonly: true });
  try {
    return verifyRecord(store, { checkpointFile });
  } finally {
    store.close();
  }
}

describe('audit chain', () => {
  it('verifies an untouched record, its signatures and its checkpoint', () => {
    const { file, checkpointFile, checkpoint } = signedRecord();
    const report = verify(file, checkpointFile);
    expect(report).toMatchObject({ intact: true, firstBroken: null, signatures: 1, triggersIntact: true, checkpoint: { ok: true, seq: checkpoint.seq } });
    expect(report.entries).toBeGreaterThan(checkpoint.seq);
  });

  it('hashes the canonical JSON of each entry (the fast encoder equals the general one)', () => {
    const row = { seq: 7, time: '2025-01-01T00:00:00.000Z', user: '张三', role: 'drafter' as const, action: 'decision.save', documentSha256: 'ab'.repeat(32), decisionId: 3, payload: canonicalJson({ z: 1, a: ['“引号”', null] }), signature: null };
    expect(leafText(row)).toBe(canonicalJson({ ...row, payload: JSON.parse(row.payload) }));
  });

  it('blocks UPDATE and DELETE on the log, and refuses to open a record whose triggers are gone', () => {
    const { file } = signedRecord();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE audit_log SET payload = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    db.close();
    raw(file).close();
    expect(() => openStore(file)).toThrow(expect.objectContaining({ code: 'audit-unprotected' }));
    expect(verify(file).triggersIntact).toBe(false);
  });

  it('detects an edited payload at that entry', () => {
    const { file } = signedRecord();
    const db = raw(file);
    db.prepare("UPDATE audit_log SET payload = json_set(payload, '$.fileName', 'other.txt') WHERE action = 'document.load'").run();
    const seq = db.prepare("SELECT seq FROM audit_log WHERE action = 'document.load'").pluck().get() as number;
    db.close();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { seq, code: 'hash' } });
  });

  it('detects a deleted row as a gap in the sequence', () => {
    const { file } = signedRecord();
    const db = raw(file);
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    db.close();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { seq: 4, code: 'sequence' } });
  });

  it('detects two entries swapped in order', () => {
    const { file } = signedRecord();
    const db = raw(file);
    const a = db.prepare('SELECT * FROM audit_log WHERE seq = 5').get() as AuditRow;
    const b = db.prepare('SELECT * FROM audit_log WHERE seq = 6').get() as AuditRow;
    const put = db.prepare('UPDATE audit_log SET time = @time, user = @user, role = @role, action = @action, documentSha256 = @documentSha256, decisionId = @decisionId, payload = @payload, signature = @signature, hash = @hash WHERE seq = @target');
    put.run({ ...b, target: 5 });
    put.run({ ...a, target: 6 });
    db.close();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { seq: 5, code: 'hash' } });
  });

  it('detects truncation through the checkpoint even though the shorter chain is consistent', () => {
    const { file, checkpointFile, checkpoint } = signedRecord();
    const db = raw(file);
    db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(checkpoint.seq - 1);
    db.close();
    expect(verify(file).firstBroken).toBeNull();
    expect(verify(file, checkpointFile)).toMatchObject({ intact: false, checkpoint: { ok: false, problem: 'truncated' } });
  });

  it('detects a swapped database file through the checkpoint', () => {
    const { file, checkpointFile } = signedRecord();
    const other = signedRecord();
    fs.copyFileSync(other.file, file);
    expect(verify(file, checkpointFile)).toMatchObject({ intact: false, checkpoint: { ok: false, problem: 'other-installation' } });
  });

  it('detects a rewritten history with recomputed hashes: the checkpoint and the sign-off no longer match', () => {
    const { file, checkpointFile, signSeq } = signedRecord();
    const db = raw(file);
    db.prepare("UPDATE audit_log SET payload = json_set(payload, '$.fileName', 'forged.txt') WHERE action = 'document.load'").run();
    rechain(db);
    db.close();
    const report = verify(file, checkpointFile);
    expect(report.firstBroken).toMatchObject({ seq: signSeq, code: 'statement' });
    expect(report.checkpoint).toMatchObject({ ok: false, problem: 'replaced' });
  });

  it('rejects a sign-off re-signed with a key that is not the signer’s', () => {
    const { file, signSeq } = signedRecord();
    const db = raw(file);
    db.exec('DROP TRIGGER decisions_signed_final');
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(signSeq) as AuditRow;
    const forged = canonicalJson({ ...JSON.parse(row.payload), attribute: 'proactive' });
    const wrongKey = crypto.generateKeyPairSync('ed25519').privateKey;
    const signature = signText(signOffDomain, forged, wrongKey);
    db.prepare('UPDATE audit_log SET payload = ?, signature = ? WHERE seq = ?').run(forged, signature, signSeq);
    db.prepare('UPDATE decisions SET signStatement = ?, signature = ? WHERE signSeq = ?').run(forged, signature, signSeq);
    rechain(db);
    db.close();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { seq: signSeq, code: 'signature' } });
  });

  it('detects a signed decision edited in the decisions table', () => {
    const { file, decisionId, signSeq } = signedRecord();
    const db = new Database(file);
    db.exec('DROP TRIGGER decisions_signed_final');
    db.prepare("UPDATE decisions SET signStatement = json_set(signStatement, '$.attribute', 'proactive') WHERE id = ?").run(decisionId);
    db.close();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { seq: signSeq, code: 'record-mismatch' } });
  });

  it('rejects a checkpoint whose contents were edited', () => {
    const { file, checkpointFile } = signedRecord();
    const checkpoint = JSON.parse(fs.readFileSync(checkpointFile, 'utf8'));
    fs.writeFileSync(checkpointFile, JSON.stringify({ ...checkpoint, seq: checkpoint.seq - 1 }));
    expect(verify(file, checkpointFile).checkpoint).toMatchObject({ ok: false, problem: 'bad-signature' });
  });
});
