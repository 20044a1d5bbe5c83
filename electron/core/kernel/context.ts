import type { Store } from '../db/store.ts';
import type { ScryptCost } from '../ledger/crypto.ts';
import type { SessionUser } from '../../../shared/ipc/records.ts';
import type { Role } from '../../../shared/types.ts';
import { fail } from '../errors.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

/** An authenticated person: every write names one. */
export type Actor = SessionUser;

export interface Context {
  store: Store;
  cost: ScryptCost;
  now: () => string;
}

export function requireRole(actor: Actor, role: Role): void {
  actingRole(actor, [role]);
}

/** The first of `allowed` the actor holds, which the audit entry records; refused when the actor holds none. */
export function actingRole(actor: Actor, allowed: readonly Role[]): Role {
  const role = allowed.find((r) => actor.roles.includes(r));
  if (!role) fail('forbidden', m.needsRole(actor.name, allowed));
  return role;
}
