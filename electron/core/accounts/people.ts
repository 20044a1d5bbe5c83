import type { Store } from '../db/store.ts';
import type { People } from '../../../shared/ipc/records.ts';

/** Display names for the login names a view mentions, looked up once each; a name no account holds (a mistyped login) is left out. */
export function peopleFor(store: Store, names: Iterable<string | null>): People {
  const found = new Map<string, string>();
  const missing = new Set<string>();
  for (const name of names) {
    if (name === null || found.has(name) || missing.has(name)) continue;
    const user = store.users.findByName(name);
    if (user) found.set(name, user.displayName);
    else missing.add(name);
  }
  // fromEntries defines own properties, so a login name such as "constructor" cannot collide with Object.prototype.
  return Object.fromEntries(found);
}
