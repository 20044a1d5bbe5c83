import type { Connection } from '../connection.ts';

const columns: readonly [name: string, definition: string][] = [
  ['channels', "TEXT NOT NULL DEFAULT '[]'"],
  ['channelText', "TEXT NOT NULL DEFAULT ''"],
  ['returnGrounds', 'TEXT'],
];

/**
 * Migration 6: a decision records its 公开方式 (part of the content the signer signs) and the grounds of its
 * last 退文. Decisions drafted before keep no channels; returns made before keep no grounds (NULL), which the
 * chain replays the same way. Like the others it may meet its own result (a record re-marked at an older
 * version), so it adds only what is missing.
 */
export function schema006ReturnGrounds(db: Connection): void {
  const present = new Set((db.prepare("SELECT name FROM pragma_table_info('decisions')").pluck().all() as string[]));
  for (const [name, definition] of columns) if (!present.has(name)) db.exec(`ALTER TABLE decisions ADD COLUMN ${name} ${definition}`);
}
