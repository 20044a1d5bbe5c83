import Database from 'better-sqlite3';
import type { Connection } from './connection.ts';
import { migrate } from './migrations.ts';

/** A table row exactly as stored, column name to value. */
export type RawRow = Record<string, unknown>;

const primaryKeys: Record<string, string> = {
  meta: 'key',
  settings: 'key',
  users: 'id',
  user_roles: 'userId, role',
  documents: 'id',
  document_content: 'documentId',
  document_categories: 'documentId, category',
  decisions: 'id',
  audit_log: 'seq',
  info_requests: 'id',
  request_appeals: 'id',
  inspections: 'year',
  inspection_items: 'year, documentId',
  unit_keys: 'installationId',
  bundles: 'id',
  publications: 'id',
  publication_profiles: 'documentId',
};

let schemaTriggerSql: Map<string, string> | null = null;
const normaliseSql = (sql: string) => sql.replace(/\s+/g, ' ').replace(/;$/, '').trim();

/** Every trigger the numbered migrations create, by name, as an empty record of this version would hold them. */
export function schemaTriggers(): Map<string, string> {
  if (!schemaTriggerSql) {
    const db = new Database(':memory:');
    try {
      migrate(db, ':memory:');
      schemaTriggerSql = new Map((db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[]).map((t) => [t.name, normaliseSql(t.sql)]));
    } finally {
      db.close();
    }
  }
  return schemaTriggerSql;
}

/** Read access to whole tables as stored, for the comparison of the record with what its audit chain implies. */
export function evidenceRepository(db: Connection) {
  return {
    /** Every table of the record, virtual tables and their shadow tables included, by name. */
    tables: () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[],
    columns: (table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]),
    rows(table: string): IterableIterator<RawRow> {
      const key = primaryKeys[table];
      if (!key) throw new Error(`no evidence reader for table ${table}`);
      return db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).iterate() as IterableIterator<RawRow>;
    },
    row(table: 'documents' | 'document_content', id: number): RawRow | null {
      const key = table === 'documents' ? 'id' : 'documentId';
      return (db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).get(id) as RawRow | undefined) ?? null;
    },
    /** Triggers as they stand, by name, whitespace normalised. */
    triggers: () => new Map((db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[]).map((t) => [t.name, normaliseSql(t.sql)])),
  };
}

