import type { Connection } from './connection.ts';
import type { Role } from '../../../shared/types.ts';
import { where, type WhereClause } from './where.ts';
import { preparedCache } from './prepared.ts';

/** One audit row as stored, `payload` the canonical JSON text that was hashed. */
export interface AuditRow {
  seq: number;
  time: string;
  user: string | null;
  role: Role | null;
  action: string;
  documentSha256: string | null;
  decisionId: number | null;
  payload: string;
  signature: string | null;
  hash: string;
}

/** Which entries to list: all conditions must hold; `to` as a bare date includes that day. */
interface AuditQuery {
  documentSha256?: string;
  user?: string;
  action?: string;
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

const auditWhere = (filter: AuditQuery): WhereClause =>
  where((and) => {
    if (filter.documentSha256) and('documentSha256 = @documentSha256', { documentSha256: filter.documentSha256 });
    if (filter.user) and('user = @user', { user: filter.user });
    if (filter.action) and('action = @action', { action: filter.action });
    if (filter.from) and('time >= @from', { from: filter.from });
    // A bare date includes that whole day.
    if (filter.to) and('time < @to', { to: filter.to.length === 10 ? `${filter.to}T99` : filter.to });
  });

export function auditRepository(db: Connection) {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, time, user, role, action, documentSha256, decisionId, payload, signature, hash) VALUES (@seq, @time, @user, @role, @action, @documentSha256, @decisionId, @payload, @signature, @hash)',
  );
  const bySeq = db.prepare('SELECT * FROM audit_log WHERE seq = ?');
  const firstOf = db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq LIMIT 1');
  const accountEntries = db.prepare("SELECT * FROM audit_log WHERE action IN ('user.add', 'user.roles', 'user.rekey') AND seq < ? ORDER BY seq");
  const forDocument = db.prepare('SELECT * FROM audit_log WHERE documentSha256 = ? ORDER BY seq');
  const range = db.prepare('SELECT seq, time, user, role, action, documentSha256, decisionId, payload, signature, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').raw();
  const cached = preparedCache(db);
  const ofYear = db.prepare(`SELECT * FROM audit_log WHERE action LIKE ? || '.%' AND json_extract(payload, '$.year') = ? ORDER BY seq`);
  // Locked-out attempts are left out, so hammering a locked name does not keep it locked for ever.
  const recentLogins = db.prepare(`SELECT action, time FROM (
      SELECT seq, action, time FROM (SELECT seq, action, time FROM audit_log WHERE action = 'login' AND user = @name ORDER BY seq DESC LIMIT @limit)
      UNION ALL
      SELECT seq, action, time FROM (SELECT seq, action, time FROM audit_log WHERE action = 'login.failed' AND json_extract(payload, '$.name') = @name
        AND json_extract(payload, '$.locked') IS NULL ORDER BY seq DESC LIMIT @limit)
    ) ORDER BY seq DESC LIMIT @limit`);

  return {
    head: () => (head.get() as { seq: number; hash: string } | undefined) ?? null,
    insert: (row: AuditRow) => void insert.run(row),
    get: (seq: number) => (bySeq.get(seq) as AuditRow | undefined) ?? null,
    firstOf: (action: string) => (firstOf.get(action) as AuditRow | undefined) ?? null,
    /** The account entries (users, roles, keys) before `seq`, in chain order. */
    accountEntries: (beforeSeq: number) => accountEntries.all(beforeSeq) as AuditRow[],
    forDocument: (sha256: string) => forDocument.all(sha256) as AuditRow[],
    /** The entries of one area (`inspection` for `inspection.*`) whose payload names `year`, in chain order. */
    areaEntriesOfYear: (area: string, year: number) => ofYear.all(area, year) as AuditRow[],
    /** The entries with any of `actions`, in chain order, read one at a time. */
    withActions: (actions: readonly string[]) =>
      cached(`SELECT seq, time, action, documentSha256, payload FROM audit_log WHERE action IN (${actions.map(() => '?').join(', ')}) ORDER BY seq`).iterate([...actions]) as IterableIterator<
        Pick<AuditRow, 'seq' | 'time' | 'action' | 'documentSha256' | 'payload'>
      >,
    /** The latest `limit` logins and counted failed logins of a name, newest first. */
    recentLogins: (name: string, limit: number) => recentLogins.all({ name, limit }) as { action: 'login' | 'login.failed'; time: string }[],
    /**
     * Up to `limit` rows after `afterSeq` in chain order, as arrays in AuditRow column order: the fast path for
     * verification, read in slices so a long walk can pause between them and let the connection serve others.
     */
    rawAfter: (afterSeq: number, limit: number) => range.all(afterSeq, limit) as [number, string, string | null, string | null, string, string | null, number | null, string, string | null, string][],
    list(filter: AuditQuery): { rows: AuditRow[]; total: number } {
      const clause = auditWhere(filter);
      const rows = cached(`SELECT * FROM audit_log ${clause.sql} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all({
        ...clause.params,
        limit: filter.limit ?? 100,
        offset: filter.offset ?? 0,
      }) as AuditRow[];
      const total = cached(`SELECT count(*) AS n FROM audit_log ${clause.sql}`).get(clause.params) as { n: number };
      return { rows, total: total.n };
    },
  };
}

