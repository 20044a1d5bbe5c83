import { inspectionStore, type InspectionStore } from './store.ts';
import type { Actor, Context } from '../records/context.ts';
import { fail } from '../errors.ts';
import type { Role } from '../../../shared/types.ts';
import { roleLabels } from '../../../shared/messages/records.ts';
import { inspectionMessages as m } from '../../../shared/messages/inspection.ts';
import { localDay } from './figures.ts';

const stores = new WeakMap<Context['store'], InspectionStore>();

/** The inspection area's prepared statements for this record, made once per connection. */
export function inspectionDb(ctx: Context): InspectionStore {
  let s = stores.get(ctx.store);
  if (!s) {
    s = inspectionStore(ctx.store.connection);
    stores.set(ctx.store, s);
  }
  return s;
}

/** The first of `allowed` the actor holds: the role the audit entry records. */
export function actingRole(actor: Actor, allowed: readonly Role[]): Role {
  const role = allowed.find((r) => actor.roles.includes(r));
  if (!role) fail('forbidden', m.needsRole(actor.name, allowed.map((r) => roleLabels[r]).join('或')));
  return role;
}

export const today = (ctx: Context): string => localDay(ctx.now());
