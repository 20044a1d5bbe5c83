import type { Connection } from './connection.ts';

/** The two small key/value tables: `meta` (installation facts) and `settings` (admin choices), values as JSON. */
export function keyValueRepository(db: Connection, table: 'meta' | 'settings') {
  const get = db.prepare(`SELECT value FROM ${table} WHERE key = ?`).pluck();
  const all = db.prepare(`SELECT key, value FROM ${table}`);
  const put = db.prepare(`INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  return {
    get(key: string): unknown {
      const value = get.get(key) as string | undefined;
      return value === undefined ? undefined : (JSON.parse(value) as unknown);
    },
    all(): Record<string, unknown> {
      return Object.fromEntries((all.all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown]));
    },
    set(key: string, value: unknown): void {
      put.run(key, JSON.stringify(value));
    },
  };
}

