import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { genesisHash, leafText, linkHash, signOffDomain } from '../../electron/core/ledger/chain.ts';
import { signText } from '../../electron/core/ledger/crypto.ts';
import { signAdminStatement } from '../../electron/core/ledger/trust.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { knownHeadFile } from '../../electron/core/ledger/head.ts';
import { knownHeadsOf, openRecords } from '../../electron/core/ledger/open.ts';
import { addUser, anchorAccounts, authenticate, loginThrottle, rekeyUser, setRoles, unlockKey } from '../../electron/core/accounts/users.ts';
import { backupTo, restoreFrom } from '../../electron/core/ledger/backup.ts';
import { exportRedacted } from '../../electron/core/exports/redaction-export.ts';
import { openStore } from '../../electron/core/db/store.ts';
import type { AuditRow } from '../../electron/core/db/audit.ts';
import { extractFile } from '../helpers/intake.ts';
import { canonicalJson } from '../../shared/canonical.ts';
import { loadSample, makeTeam, openTestRecords, password, privacyDecision, tempDir, testCost } from './helpers.ts';

/** A record with a signed partial decision (the ID number redacted), closed, ready for an attacker. */
function signedPartial() {
  const dir = tempDir();
  const file = path.join(dir, 'record.sqlite');
  const ctx = openTestRecords(file);
  const team = makeTeam(ctx);
  const { outcome, findings } = loadSample(ctx, team.drafter);
  const d = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id, 'partial'));
  submitDecision(ctx, team.drafter, d.id);
  const signOff = signDecision(ctx, team.signer, d.id, password);
  ctx.store.close();
  return { dir, file, decisionId: d.id, documentId: outcome.documentId, signSeq: signOff.seq };
}

function verify(file: string) {
  const store = openStore(file, { readonly: true });
  try {
    return verifyRecord(store, { headFiles: knownHeadsOf(store) });
  } finally {
    store.close();
  }
}

/** Opens the file as an attacker would: every trigger dropped, CHECK constraints off; `done` puts the triggers back as they were. */
function attacker(file: string) {
  const db = new Database(file);
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  db.pragma('ignore_check_constraints = ON');
  return {
    db,
    done() {
      for (const t of triggers) db.exec(t.sql);
      db.close();
    },
  };
}

/** Appends an entry with a correct hash link, as someone forging history would. */
function forge(db: Database.Database, row: Omit<AuditRow, 'seq' | 'hash'> & { sign?: (seq: number, head: string) => { payload: string; signature: string } }) {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  const seq = head.seq + 1;
  const signed = row.sign?.(seq, head.hash);
  const { sign: _sign, ...fields } = row;
  const full = { ...fields, seq, payload: signed?.payload ?? row.payload, signature: signed?.signature ?? row.signature };
  db.prepare('INSERT INTO audit_log (seq, time, user, role, action, documentSha256, decisionId, payload, signature, hash) VALUES (@seq, @time, @user, @role, @action, @documentSha256, @decisionId, @payload, @signature, @hash)').run({
    ...full,
    hash: linkHash(head.hash, leafText(full)),
  });
  return seq;
}

const exportTo = (file: string, decisionId: number, format: 'txt' | 'docx' = 'txt') => {
  const ctx = openRecords(file, { cost: testCost });
  const admin = authenticate(ctx, 'signer', password, 'cli');
  return exportRedacted(ctx, admin, decisionId, path.join(tempDir(), `公开版.${format}`), format, (f) => extractFile(f)).finally(() => ctx.store.close());
};

describe('signed content is bound to the chain', () => {
  it('notices a signed decision turned from partial to proactive with the triggers dropped and put back, and refuses to export it', async () => {
    const { file, decisionId } = signedPartial();
    const a = attacker(file);
    a.db.prepare("UPDATE decisions SET attribute = 'proactive' WHERE id = ?").run(decisionId);
    a.db.prepare("UPDATE documents SET attribute = 'proactive', signedAttribute = 'proactive'").run();
    a.done();
    const report = verify(file);
    expect(report.intact).toBe(false);
    expect(report.firstBroken).toMatchObject({ code: 'record-mismatch' });
    await expect(exportTo(file, decisionId)).rejects.toMatchObject({ code: 'record-tampered' });
  });

  it('notices emptied redactions and exports nothing that would leak the ID number', async () => {
    const { file, decisionId } = signedPartial();
    const a = attacker(file);
    a.db.prepare("UPDATE decisions SET redactions = '[]' WHERE id = ?").run(decisionId);
    a.done();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { code: 'record-mismatch' } });
    await expect(exportTo(file, decisionId)).rejects.toMatchObject({ code: 'record-tampered' });
  });

  it('notices the register’s signed attribute edited on its own', () => {
    const { file } = signedPartial();
    const a = attacker(file);
    a.db.prepare("UPDATE documents SET signedAttribute = 'proactive'").run();
    a.done();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { code: 'record-mismatch' } });
    expect(verify(file).firstBroken!.message).toContain('documents');
  });

  it('notices the stored text moved under its redactions (the ID number shifted out of the redacted span)', async () => {
    const { file, decisionId } = signedPartial();
    const a = attacker(file);
    a.db.prepare("UPDATE document_content SET text = '  ' || text").run();
    a.done();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { code: 'record-mismatch' } });
    await expect(exportTo(file, decisionId)).rejects.toMatchObject({ code: 'record-tampered' });
  });

  it('still exports the untouched record', async () => {
    const { file, decisionId } = signedPartial();
    expect(verify(file)).toMatchObject({ intact: true, firstBroken: null });
    const result = await exportTo(file, decisionId);
    expect(fs.readFileSync(result.path, 'utf8')).not.toContain('110101199003071234');
  });
});

describe('key custody', () => {
  it('refuses an unsigned user.add that re-keys the signer, and the sign-off forged with the new key', () => {
    const { file, decisionId, documentId } = signedPartial();
    const a = attacker(file);
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    const pub = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const fingerprint = crypto.createHash('sha256').update(Buffer.from(pub, 'base64')).digest('hex');
    const rekey = forge(a.db, { time: new Date().toISOString(), user: 'admin', role: 'admin', action: 'user.add', documentSha256: null, decisionId: null, payload: canonicalJson({ name: 'signer', publicKey: pub, keyFingerprint: fingerprint, roles: ['signer'] }), signature: null });
    const sha = a.db.prepare('SELECT sha256 FROM documents WHERE id = ?').pluck().get(documentId) as string;
    forge(a.db, {
      time: new Date().toISOString(), user: 'signer', role: 'signer', action: 'decision.sign', documentSha256: sha, decisionId, payload: '', signature: null,
      sign: (seq, chainHead) => {
        const payload = canonicalJson({ statement: signOffDomain, decisionId, documentSha256: sha, attribute: 'proactive', signer: 'signer', keyFingerprint: fingerprint, seq, chainHead });
        return { payload, signature: signText(signOffDomain, payload, privateKey) };
      },
    });
    a.done();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { seq: rekey, code: 'unsigned-account' } });
  });

  it('refuses a second user.add for an existing name even when an admin signed it', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    expect(() => addUser(ctx, { actor: team.admin, password }, { name: 'signer', displayName: 'x', password, roles: ['signer'] })).toThrow(expect.objectContaining({ code: 'user-exists' }));
    const adminKey = unlockKey(ctx, team.admin, password);
    const file = ctx.store.file;
    ctx.store.close();
    const a = attacker(file);
    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    const pub = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const fingerprint = crypto.createHash('sha256').update(Buffer.from(pub, 'base64')).digest('hex');
    const time = '2030-01-01T00:00:00.000Z';
    const seq = forge(a.db, {
      time, user: 'admin', role: 'admin', action: 'user.add', documentSha256: null, decisionId: null, payload: '', signature: null,
      sign: (s, chainHead) => {
        const { payloadText, signature } = signAdminStatement({ action: 'user.add', subject: { name: 'signer', displayName: 'signer', roles: ['signer'], publicKey: pub, keyFingerprint: fingerprint }, root: false, signer: 'admin', keyFingerprint: team.admin.keyFingerprint, seq: s, chainHead, time }, adminKey);
        return { payload: payloadText, signature };
      },
    });
    a.done();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { seq, code: 'duplicate-user' } });
  });

  it('refuses an account entry signed by someone who is not an admin', () => {
    const { file } = signedPartial();
    const a = attacker(file);
    const signerRow = a.db.prepare("SELECT publicKey, keyFingerprint FROM users WHERE name = 'signer'").get() as { publicKey: string; keyFingerprint: string };
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const pub = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const seq = forge(a.db, {
      time: '2030-01-01T00:00:00.000Z', user: 'signer', role: 'admin', action: 'user.rekey', documentSha256: null, decisionId: null, payload: '', signature: null,
      sign: (s, chainHead) => {
        const { payloadText, signature } = signAdminStatement({ action: 'user.rekey', subject: { name: 'signer', publicKey: pub, keyFingerprint: crypto.createHash('sha256').update(Buffer.from(pub, 'base64')).digest('hex') }, root: false, signer: 'signer', keyFingerprint: signerRow.keyFingerprint, seq: s, chainHead, time: '2030-01-01T00:00:00.000Z' }, privateKey);
        return { payload: payloadText, signature };
      },
    });
    a.done();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { seq, code: 'role' } });
  });

  it('refuses a sign-off by a person who holds a valid key but not the signer role', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const { outcome, findings } = loadSample(ctx, team.drafter);
    const d = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id, 'partial'));
    submitDecision(ctx, team.drafter, d.id);
    signDecision(ctx, team.signer, d.id, password);
    const file = ctx.store.file;
    ctx.store.close();
    // The signer role is withdrawn by a forged (unsigned) role change: the sign-off would then be unearned.
    const a = attacker(file);
    const signSeq = a.db.prepare("SELECT seq FROM audit_log WHERE action = 'decision.sign'").pluck().get() as number;
    const rows = a.db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(signSeq) as AuditRow[];
    a.db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(signSeq);
    forge(a.db, { time: rows[0]!.time, user: 'admin', role: 'admin', action: 'user.roles', documentSha256: null, decisionId: null, payload: canonicalJson({ name: 'signer', roles: ['drafter'] }), signature: null });
    a.done();
    expect(verify(file).intact).toBe(false);
  });

  it('checks each sign-off against the role its signer held then: later role changes do not undo it', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const { outcome, findings } = loadSample(ctx, team.drafter);
    const d = saveDecision(ctx, team.drafter, privacyDecision(outcome.documentId, findings[0]!.id, 'partial'));
    submitDecision(ctx, team.drafter, d.id);
    signDecision(ctx, team.signer, d.id, password);
    setRoles(ctx, { actor: team.admin, password }, 'signer', ['drafter']);
    rekeyUser(ctx, { actor: team.admin, password }, 'signer', 'new-signer-pass');
    expect(verifyRecord(ctx.store)).toMatchObject({ intact: true, signatures: 1, accountSignatures: 7 });
  });

  it('needs the admin’s own password to change accounts, and records the root fingerprint', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    expect(() => setRoles(ctx, { actor: team.admin, password: 'not-the-password' }, 'signer', ['drafter'])).toThrow(expect.objectContaining({ code: 'wrong-password' }));
    expect(() => setRoles(ctx, { actor: team.drafter, password }, 'signer', ['drafter'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const report = verifyRecord(ctx.store);
    expect(report.rootFingerprint).toBe(team.admin.keyFingerprint);
  });
});

describe('rollback, truncation and replacement without a checkpoint in hand', () => {
  it('notices entries cut from the end through the known head beside the record', () => {
    const { file } = signedPartial();
    const a = attacker(file);
    a.db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)').run();
    a.done();
    const report = verify(file);
    expect(report.intact).toBe(false);
    expect(report.knownHead).toMatchObject({ ok: false, problem: 'older' });
  });

  it('notices last month’s copy swapped in for the record', () => {
    const { file, dir } = signedPartial();
    const old = path.join(dir, 'old.sqlite');
    const ctx = openRecords(file, { cost: testCost });
    ctx.store.connection.exec('VACUUM INTO ' + `'${old}'`);
    authenticate(ctx, 'drafter', password, 'cli');
    ctx.store.close();
    fs.copyFileSync(old, file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    expect(verify(file)).toMatchObject({ intact: false, knownHead: { ok: false, problem: 'older' } });
  });

  it('notices a whole new record built with the same user names and the victim’s installation id', () => {
    const victim = signedPartial();
    const victimStore = openStore(victim.file, { readonly: true });
    const installationId = victimStore.meta.get('installationId') as string;
    const victimRoot = verifyRecord(victimStore).rootFingerprint;
    victimStore.close();
    const forgedFile = path.join(tempDir(), 'forged.sqlite');
    const db = new Database(forgedFile);
    db.close();
    const ctx = openTestRecords(forgedFile);
    makeTeam(ctx);
    ctx.store.close();
    // The forger copies in its own file but cannot carry the victim's root key; the installation id it can copy.
    const a = attacker(forgedFile);
    a.db.prepare("UPDATE meta SET value = ? WHERE key = 'installationId'").run(JSON.stringify(installationId));
    a.db.prepare("UPDATE audit_log SET payload = json_set(payload, '$.installationId', ?) WHERE seq = 1").run(installationId);
    let previous = genesisHash;
    for (const { hash: _h, ...row } of a.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]) {
      previous = linkHash(previous, leafText(row));
      a.db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run(previous, row.seq);
    }
    a.done();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(victim.file + suffix, { force: true });
    fs.copyFileSync(forgedFile, victim.file);
    const report = verify(victim.file);
    expect(report.rootFingerprint).not.toBe(victimRoot);
    expect(report).toMatchObject({ intact: false, knownHead: { ok: false } });
    expect(['root-changed', 'replaced', 'older']).toContain(report.knownHead!.problem);
  });

  it('notices any trigger of the schema dropped, even with every row intact', () => {
    const { file } = signedPartial();
    const db = new Database(file);
    db.exec('DROP TRIGGER decisions_signed_final');
    db.close();
    expect(verify(file)).toMatchObject({ intact: false, triggersIntact: false, firstBroken: null });
  });

  it('restores a backup through the app: the known head moves back to it and the replaced head is recorded', async () => {
    const { file, dir } = signedPartial();
    const ctx = openRecords(file, { cost: testCost });
    const admin = authenticate(ctx, 'admin', password, 'cli');
    const backup = path.join(dir, 'backup.sqlite');
    await backupTo(ctx, admin, backup);
    authenticate(ctx, 'drafter', password, 'cli');
    const before = JSON.parse(fs.readFileSync(knownHeadFile(file), 'utf8')) as { seq: number };
    ctx.store.close();
    restoreFrom(file, backup, 'admin', () => new Date().toISOString());
    expect(verify(file)).toMatchObject({ intact: true, knownHead: { ok: true } });
    const store = openStore(file, { readonly: true });
    const restored = store.audit.list({ action: 'backup.restored', limit: 1 }).rows[0]!;
    store.close();
    expect(JSON.parse(restored.payload).previousHead.seq).toBe(before.seq);
  });

  it('refuses to restore a backup of another installation over a known record', async () => {
    const mine = signedPartial();
    const theirs = signedPartial();
    expect(() => restoreFrom(mine.file, theirs.file, 'admin', () => new Date().toISOString())).toThrow(expect.objectContaining({ code: 'other-installation' }));
  });
});

describe('sign-in', () => {
  it('answers an unknown name and a wrong password alike, and locks a name after repeated failures', () => {
    const ctx = openTestRecords();
    makeTeam(ctx);
    const fail = (name: string, pw: string) => {
      try {
        authenticate(ctx, name, pw, 'app');
      } catch (error) {
        return error as { code: string; message: string };
      }
      return null;
    };
    expect(fail('nobody', 'x')).toMatchObject({ code: 'wrong-password', message: '用户名或口令不正确。' });
    expect(fail('drafter', 'x')).toMatchObject({ code: 'wrong-password', message: '用户名或口令不正确。' });
    for (let i = 1; i < loginThrottle.failures; i++) fail('drafter', 'x');
    expect(fail('drafter', password)).toMatchObject({ code: 'locked' });
    expect(ctx.store.audit.list({ action: 'login.locked', limit: 5 }).total).toBe(1);
    expect(fail('reviewer', password)).toBeNull();
  });

  it('re-seals a password stored at a lower cost on the next sign-in', () => {
    const file = path.join(tempDir(), 'r.sqlite');
    const cheap = openRecords(file, { cost: testCost });
    makeTeam(cheap);
    cheap.store.close();
    const dearer = openRecords(file, { cost: { N: 2 ** 11, r: 8, p: 1 } });
    authenticate(dearer, 'drafter', password, 'app');
    expect(dearer.store.users.findByName('drafter')!.passwordHash.split('$')[1]).toBe(String(2 ** 11));
    expect(dearer.store.audit.list({ action: 'user.reseal', limit: 5 }).total).toBe(1);
    expect(verifyRecord(dearer.store).intact).toBe(true);
  });
});

describe('records begun before account changes were signed', () => {
  /** A record as the earlier version wrote it: unsigned user.add and user.roles entries with their bare facts. */
  function legacyRecord() {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const file = ctx.store.file;
    ctx.store.close();
    const a = attacker(file);
    const rows = a.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
    let previous = genesisHash;
    for (const row of rows) {
      let { payload, signature } = row;
      if (row.action === 'user.add') {
        const s = JSON.parse(row.payload) as { subject: { name: string; displayName: string; roles: string[]; publicKey: string; keyFingerprint: string }; root: boolean };
        payload = canonicalJson({ ...s.subject, firstRun: s.root });
        signature = null;
      }
      const leaf = { ...row, payload, signature };
      previous = linkHash(previous, leafText(leaf));
      a.db.prepare('UPDATE audit_log SET payload = ?, signature = ?, hash = ? WHERE seq = ?').run(payload, signature, previous, row.seq);
    }
    a.done();
    for (const suffix of ['.head.json']) fs.rmSync(file + suffix, { force: true });
    return { file, team };
  }

  it('says the accounts are not yet anchored, then verifies once an admin vouches for them, with that admin as root', () => {
    const { file, team } = legacyRecord();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { code: 'unanchored' } });
    const ctx = openRecords(file, { cost: testCost });
    anchorAccounts(ctx, { actor: authenticate(ctx, 'admin', password, 'cli'), password });
    ctx.store.close();
    expect(verify(file)).toMatchObject({ intact: true, firstBroken: null, rootFingerprint: team.admin.keyFingerprint });
  });

  it('refuses an anchor that vouches for a key the chain never introduced, and unsigned account entries after the anchor', () => {
    const { file } = legacyRecord();
    const a = attacker(file);
    a.db.prepare("UPDATE users SET keyFingerprint = ? WHERE name = 'signer'").run('ab'.repeat(32));
    a.done();
    const ctx = openRecords(file, { cost: testCost });
    anchorAccounts(ctx, { actor: authenticate(ctx, 'admin', password, 'cli'), password });
    ctx.store.close();
    expect(verify(file)).toMatchObject({ intact: false, firstBroken: { code: 'statement' } });
    const clean = legacyRecord();
    const c = openRecords(clean.file, { cost: testCost });
    anchorAccounts(c, { actor: authenticate(c, 'admin', password, 'cli'), password });
    c.store.close();
    const b = attacker(clean.file);
    const seq = forge(b.db, { time: new Date().toISOString(), user: 'admin', role: 'admin', action: 'user.roles', documentSha256: null, decisionId: null, payload: canonicalJson({ name: 'drafter', from: ['drafter'], to: ['drafter', 'signer'] }), signature: null });
    b.done();
    expect(verify(clean.file)).toMatchObject({ intact: false, firstBroken: { seq, code: 'unsigned-account' } });
  });
});
