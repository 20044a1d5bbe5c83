import type { Connection } from './connection.ts';
import { schema001 } from './migrations/001-records.ts';
import { schema002Inspection } from './migrations/002-inspection.ts';
import { schema003ShortTerms } from './migrations/003-short-terms.ts';
import { schema004Xlsx } from './migrations/004-xlsx.ts';
import { schema005Publication } from './migrations/005-publication.ts';
import { schema006ReturnGrounds } from './migrations/006-return-grounds.ts';
import { schema007RequestReview } from './migrations/007-request-review.ts';
import { fail } from '../errors.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

/** The numbered migrations in migrations/, in order: index i holds migration i + 1; `user_version` records how many were applied. */
const migrations: readonly (string | ((db: Connection) => void))[] = [schema001, schema002Inspection, schema003ShortTerms, schema004Xlsx, schema005Publication, schema006ReturnGrounds, schema007RequestReview];

export const schemaVersion = migrations.length;

export function migrate(db: Connection, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > schemaVersion) fail('db-too-new', m.dbTooNew(file, current, schemaVersion));
  if (current === schemaVersion) return;
  // A step may rebuild a table others refer to, which SQLite allows only with foreign keys off (they cannot be
  // switched inside a transaction); every reference is checked before the migration commits instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (let v = current; v < schemaVersion; v++) {
        const step = migrations[v]!;
        if (typeof step === 'string') db.exec(step);
        else step(db);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`migration left ${broken.length} broken references`);
      db.pragma(`user_version = ${schemaVersion}`);
    }).immediate();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}
