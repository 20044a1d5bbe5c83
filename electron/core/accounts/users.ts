import type crypto from 'node:crypto';
import { appendEntry } from '../ledger/chain.ts';
import { costOf, generateKeyPair, hashPassword, resealPrivateKey, unlockPrivateKey, verifyPassword } from '../ledger/crypto.ts';
import { requireRole, type Actor, type Context } from '../kernel/context.ts';
import { signAdminStatement, type AccountAction, type AccountSubject } from '../ledger/trust.ts';
import type { UserRecord } from '../db/users.ts';
import { fail } from '../errors.ts';
import type { SessionUser, UserView } from '../../../shared/ipc/records.ts';
import type { Role } from '../../../shared/types.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

const toSessionUser = (u: UserRecord): SessionUser => ({ id: u.id, name: u.name, displayName: u.displayName, roles: u.roles, keyFingerprint: u.keyFingerprint });
const toView = (u: UserRecord): UserView => ({ ...toSessionUser(u), active: u.active, createdAt: u.createdAt });

interface NewAccount {
  name: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** An admin acting on accounts, with the password that opens the admin's signing key for this one change. */
interface AdminAuth {
  actor: Actor;
  password: string;
}

/**
 * Appends an account change as a statement signed by `key`, whose holder `signer` the chain must already trust as
 * admin (or, for the root, the key being introduced). Runs inside the caller's write transaction.
 */
function appendAccountEntry(ctx: Context, action: AccountAction, subject: AccountSubject, signer: { name: string; fingerprint: string; key: crypto.KeyObject }, root: boolean, time = ctx.now()): void {
  appendEntry(ctx.store, { user: signer.name, role: 'admin', action }, time, (seq, chainHead) =>
    signAdminStatement({ action, subject, root, signer: signer.name, keyFingerprint: signer.fingerprint, seq, chainHead, time }, signer.key),
  );
}

function adminSigner(ctx: Context, by: AdminAuth): { name: string; fingerprint: string; key: crypto.KeyObject } {
  requireRole(by.actor, 'admin');
  const key = unlockKey(ctx, by.actor, by.password);
  return { name: by.actor.name, fingerprint: ctx.store.users.findById(by.actor.id)!.keyFingerprint, key };
}

/**
 * Creates an account with its own Ed25519 key pair, sealed under the account's password. Every account gets one,
 * so an admin can later grant the signer role without knowing anyone's password. `by` null is the first-run admin,
 * whose key becomes the installation's root and signs its own introduction.
 */
export function addUser(ctx: Context, by: AdminAuth | null, account: NewAccount): UserView {
  const { store } = ctx;
  const roles = [...new Set(account.roles)];
  if (!by && !roles.includes('admin')) fail('forbidden', m.firstUserMustBeAdmin);
  if (roles.length === 0) fail('invalid', m.noRoles(account.name));
  const signer = by ? adminSigner(ctx, by) : null;
  const keys = generateKeyPair(account.password, ctx.cost);
  const passwordHash = hashPassword(account.password, ctx.cost);
  const id = store.write(() => {
    if (!by && store.users.count() > 0) fail('already-set-up', m.alreadySetUp);
    if (store.users.findByName(account.name)) fail('user-exists', m.userExists(account.name));
    const now = ctx.now();
    const id = store.users.insert({
      name: account.name,
      displayName: account.displayName,
      passwordHash,
      publicKey: keys.publicKey,
      keyFingerprint: keys.keyFingerprint,
      encryptedPrivateKey: keys.encryptedPrivateKey,
      createdAt: now,
      roles,
    });
    const subject: AccountSubject = { name: account.name, displayName: account.displayName, roles, publicKey: keys.publicKey, keyFingerprint: keys.keyFingerprint };
    appendAccountEntry(ctx, 'user.add', subject, signer ?? { name: account.name, fingerprint: keys.keyFingerprint, key: keys.privateKey }, signer === null, now);
    return id;
  });
  return toView(store.users.findById(id)!);
}

export function listUsers(ctx: Context, by: Actor): UserView[] {
  requireRole(by, 'admin');
  return ctx.store.users.list().map(toView);
}

export function setRoles(ctx: Context, by: AdminAuth, name: string, roles: Role[]): UserView {
  const { store } = ctx;
  const unique = [...new Set(roles)];
  if (unique.length === 0) fail('invalid', m.noRoles(name));
  const user = store.users.findByName(name) ?? fail('no-user', m.noUser(name));
  const signer = adminSigner(ctx, by);
  store.write(() => {
    if (user.roles.includes('admin') && !unique.includes('admin') && store.users.list().filter((u) => u.active && u.roles.includes('admin')).length === 1) {
      fail('last-admin', m.lastAdmin(name));
    }
    store.users.setRoles(user.id, unique);
    appendAccountEntry(ctx, 'user.roles', { name, roles: unique }, signer, false);
  });
  return toView(store.users.findByName(name)!);
}

/**
 * Gives an account a new key pair (a key that may have leaked, a person who forgot the password): the new public
 * key enters the chain in an admin-signed entry; signatures made with the old key stay valid for their time.
 */
export function rekeyUser(ctx: Context, by: AdminAuth, name: string, newPassword: string): UserView {
  const { store } = ctx;
  const user = store.users.findByName(name) ?? fail('no-user', m.noUser(name));
  const signer = adminSigner(ctx, by);
  const keys = generateKeyPair(newPassword, ctx.cost);
  const passwordHash = hashPassword(newPassword, ctx.cost);
  store.write(() => {
    store.users.replaceKey(user.id, { passwordHash, publicKey: keys.publicKey, keyFingerprint: keys.keyFingerprint, encryptedPrivateKey: keys.encryptedPrivateKey });
    appendAccountEntry(ctx, 'user.rekey', { name, publicKey: keys.publicKey, keyFingerprint: keys.keyFingerprint }, signer, false);
  });
  return toView(store.users.findByName(name)!);
}

/**
 * Vouches, with an admin's key, for the accounts of a record begun before account changes were signed: the
 * accounts, keys and roles as the chain has them become the trusted starting point, and the admin's key its root.
 */
export function anchorAccounts(ctx: Context, by: AdminAuth): void {
  const signer = adminSigner(ctx, by);
  const accounts = ctx.store.users.list().map((u) => ({ name: u.name, keyFingerprint: u.keyFingerprint, roles: [...u.roles].sort() })).sort((a, b) => (a.name < b.name ? -1 : 1));
  ctx.store.write(() => appendAccountEntry(ctx, 'trust.anchor', { name: signer.name, accounts }, signer, false));
}

/** Consecutive failures that lock a name, and for how long after the last one. */
export const loginThrottle = { failures: 5, lockMinutes: 15 };

function lockedUntil(ctx: Context, name: string): string | null {
  const recent = ctx.store.audit.recentLogins(name, loginThrottle.failures);
  if (recent.length < loginThrottle.failures || recent.some((r) => r.action === 'login')) return null;
  const until = new Date(Date.parse(recent[0]!.time) + loginThrottle.lockMinutes * 60_000).toISOString();
  return until > ctx.now() ? until : null;
}

/**
 * Checks the password and records the login (or the failed attempt) in the audit log. Unknown names and wrong
 * passwords get the same answer; a name with too many failures in a row is locked for a while, and says so.
 */
export function authenticate(ctx: Context, name: string, password: string, via: 'app' | 'cli'): Actor {
  const { store } = ctx;
  const locked = lockedUntil(ctx, name);
  if (locked) {
    store.write(() => appendEntry(store, { user: null, role: null, action: 'login.failed', payload: { name, via, locked: true } }, ctx.now()));
    fail('locked', m.loginLocked(loginThrottle.lockMinutes));
  }
  const user = store.users.findByName(name);
  const ok = user !== null && user.active && verifyPassword(password, user.passwordHash);
  store.write(() => {
    if (ok) appendEntry(store, { user: name, role: null, action: 'login', payload: { via, roles: user.roles } }, ctx.now());
    else {
      appendEntry(store, { user: null, role: null, action: 'login.failed', payload: { name, via } }, ctx.now());
      if (lockedUntil(ctx, name)) appendEntry(store, { user: null, role: null, action: 'login.locked', payload: { name, minutes: loginThrottle.lockMinutes } }, ctx.now());
    }
  });
  if (!ok) fail('wrong-password', m.wrongCredentials);
  if (costOf(user.passwordHash).N < ctx.cost.N) upgradeSeal(ctx, user, password);
  return toSessionUser(user);
}

/** Re-hashes and re-seals under the current cost a password that was stored with a cheaper one. */
function upgradeSeal(ctx: Context, user: UserRecord, password: string): void {
  const key = unlockPrivateKey(user.encryptedPrivateKey, password, user.keyFingerprint);
  if (!key) return;
  const passwordHash = hashPassword(password, ctx.cost);
  const sealed = resealPrivateKey(key, password, user.keyFingerprint, ctx.cost);
  ctx.store.write(() => {
    ctx.store.users.updatePassword(user.id, passwordHash, sealed);
    appendEntry(ctx.store, { user: user.name, role: null, action: 'user.reseal', payload: { name: user.name, N: ctx.cost.N } }, ctx.now());
  });
}

export function logout(ctx: Context, actor: Actor): void {
  ctx.store.write(() => appendEntry(ctx.store, { user: actor.name, role: null, action: 'logout', payload: {} }, ctx.now()));
}

/** The actor's private signing key, opened with the password they just typed. */
export function unlockKey(ctx: Context, actor: Actor, password: string): crypto.KeyObject {
  const user = ctx.store.users.findById(actor.id) ?? fail('no-user', m.noUser(actor.name));
  const key = verifyPassword(password, user.passwordHash) ? unlockPrivateKey(user.encryptedPrivateKey, password, user.keyFingerprint) : null;
  if (!key) fail('wrong-password', m.wrongPassword(actor.name));
  return key;
}

export function changePassword(ctx: Context, actor: Actor, oldPassword: string, newPassword: string): void {
  const key = unlockKey(ctx, actor, oldPassword);
  const user = ctx.store.users.findById(actor.id)!;
  const passwordHash = hashPassword(newPassword, ctx.cost);
  const sealed = resealPrivateKey(key, newPassword, user.keyFingerprint, ctx.cost);
  ctx.store.write(() => {
    ctx.store.users.updatePassword(actor.id, passwordHash, sealed);
    appendEntry(ctx.store, { user: actor.name, role: null, action: 'user.password', payload: { name: actor.name } }, ctx.now());
  });
}

/** Re-reads the account so a session sees role changes made since it signed in. */
export function refreshActor(ctx: Context, actor: Actor): Actor {
  const user = ctx.store.users.findById(actor.id);
  if (!user || !user.active) fail('not-signed-in', m.notSignedIn);
  return toSessionUser(user);
}
