import { inspectionStore, type InspectionStore } from './store.ts';
import type { Context } from '../kernel/context.ts';
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

export { actingRole } from '../kernel/context.ts';

export const today = (ctx: Context): string => localDay(ctx.now());
