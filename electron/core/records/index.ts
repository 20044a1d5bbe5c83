import crypto from 'node:crypto';
import { openStore } from '../db/store.ts';
import { schemaVersion } from '../db/migrations.ts';
import { appendEntry } from './chain.ts';
import { defaultScryptCost, type ScryptCost } from './crypto.ts';
import type { Context } from './context.ts';

export interface RecordsOptions {
  /** Password-hashing cost; tests lower it, the app keeps the default. */
  cost?: ScryptCost;
  now?: () => string;
}

/** Opens (creating if need be) the record; a new record gets its installation id as the chain's first entry. */
export function openRecords(file: string, options: RecordsOptions = {}): Context {
  const store = openStore(file);
  const now = options.now ?? (() => new Date().toISOString());
  try {
    store.write(() => {
      if (store.meta.get('installationId') !== undefined) return;
      const installationId = crypto.randomUUID();
      store.meta.set('installationId', installationId);
      appendEntry(store, { user: null, role: null, action: 'install.created', payload: { installationId, schemaVersion } }, now());
    });
  } catch (error) {
    store.close();
    throw error;
  }
  return { store, cost: options.cost ?? defaultScryptCost, now };
}
