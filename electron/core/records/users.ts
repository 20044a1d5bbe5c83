import type crypto from 'node:crypto';
import { appendEntry } from './chain.ts';
import { generateKeyPair, hashPassword, resealPrivateKey, unlockPrivateKey, verifyPassword } from './crypto.ts';
import { requireRole, type Actor, type Context } from './context.ts';
import type { UserRecord } from '../db/users.ts';
import { fail } from '../errors.ts';
import type { SessionUser, UserView } from '../../../shared/ipc/records.ts';
import type { Role } from '../../../shared/types.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

const toSessionUser = (u: UserRecord): SessionUser => ({ id: u.id, name: u.name, displayName: u.displayName, roles: u.roles, keyFingerprint: u.keyFingerprint });
const toView = (u: UserRecord): UserView => ({ ...toSessionUser(u), active: u.active, createdAt: u.createdAt });

export interface NewAccount {
  name: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/**
 * Creates an account with its own Ed25519 key pair, sealed under the account's password. Every account gets one,
 * so an admin can later grant the signer role without knowing anyone's password. `by` null is the first-run admin.
 */
export function addUser(ctx: Context, by: Actor | null, account: NewAccount): UserView {
  const { store } = ctx;
  const roles = [...new Set(account.roles)];
  if (by) requireRole(by, 'admin');
  else if (!roles.includes('admin')) fail('forbidden', m.firstUserMustBeAdmin);
  if (roles.length === 0) fail('invalid', m.noRoles(account.name));
  const keys = generateKeyPair(account.password, ctx.cost);
  const passwordHash = hashPassword(account.password, ctx.cost);
  const id = store.write(() => {
    if (!by && store.users.count() > 0) fail('already-set-up', m.alreadySetUp);
    if (store.users.findByName(account.name)) fail('user-exists', m.userExists(account.name));
    const now = ctx.now();
    const id = store.users.insert({ name: account.name, displayName: account.displayName, passwordHash, ...keys, createdAt: now, roles });
    appendEntry(
      store,
      {
        user: by?.name ?? account.name,
        role: 'admin',
        action: 'user.add',
        payload: { name: account.name, displayName: account.displayName, roles, publicKey: keys.publicKey, keyFingerprint: keys.keyFingerprint, firstRun: !by },
      },
      now,
    );
    return id;
  });
  return toView(store.users.findById(id)!);
}

export function listUsers(ctx: Context, by: Actor): UserView[] {
  requireRole(by, 'admin');
  return ctx.store.users.list().map(toView);
}

export function setRoles(ctx: Context, by: Actor, name: string, roles: Role[]): UserView {
  requireRole(by, 'admin');
  const { store } = ctx;
  const unique = [...new Set(roles)];
  store.write(() => {
    const user = store.users.findByName(name) ?? fail('no-user', m.noUser(name));
    if (user.roles.includes('admin') && !unique.includes('admin') && store.users.list().filter((u) => u.active && u.roles.includes('admin')).length === 1) {
      fail('last-admin', m.lastAdmin(name));
    }
    store.users.setRoles(user.id, unique);
    appendEntry(store, { user: by.name, role: 'admin', action: 'user.roles', payload: { name, from: user.roles, to: unique } }, ctx.now());
  });
  return toView(store.users.findByName(name)!);
}

/** Checks the password and records the login (or the failed attempt) in the audit log. */
export function authenticate(ctx: Context, name: string, password: string, via: 'app' | 'cli'): Actor {
  const { store } = ctx;
  const user = store.users.findByName(name);
  const ok = user !== null && user.active && verifyPassword(password, user.passwordHash);
  store.write(() => {
    if (ok) appendEntry(store, { user: name, role: null, action: 'login', payload: { via, roles: user.roles } }, ctx.now());
    else appendEntry(store, { user: null, role: null, action: 'login.failed', payload: { name, via } }, ctx.now());
  });
  if (!ok) fail('wrong-password', user ? m.wrongPassword(name) : m.noUser(name));
  return toSessionUser(user);
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
