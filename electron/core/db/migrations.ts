import type BetterSqlite3 from 'better-sqlite3';
import { schema001 } from './schema-001.ts';
import { schema002Inspection } from './schema-002-inspection.ts';
import { schema003ShortTerms } from './short-terms.ts';
import { fail } from '../errors.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

/** Numbered migrations: index i holds migration i + 1; `user_version` records how many were applied. */
const migrations: readonly (string | ((db: BetterSqlite3.Database) => void))[] = [schema001, schema002Inspection, schema003ShortTerms];

export const schemaVersion = migrations.length;

export function migrate(db: BetterSqlite3.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > schemaVersion) fail('db-too-new', m.dbTooNew(file, current, schemaVersion));
  if (current === schemaVersion) return;
  db.transaction(() => {
    for (let v = current; v < schemaVersion; v++) {
      const step = migrations[v]!;
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.pragma(`user_version = ${schemaVersion}`);
  }).immediate();
}
