import type { Connection } from './connection.ts';

export type Statement = ReturnType<Connection['prepare']>;

/** Prepares each distinct SQL text once per connection: filtered queries are built per call but repeat. */
export function preparedCache(db: Connection): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
}
