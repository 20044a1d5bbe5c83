import { describe, expect, it } from 'vitest';
import { where } from '../../electron/core/db/where.ts';
import { openTestRecords } from './helpers.ts';

describe('where', () => {
  it('joins the added conditions with AND and binds their values instead of writing them into the SQL', () => {
    const clause = where((and) => {
      and('user = @user', { user: "o'brien" });
      and('i.outcome IS NULL');
      and('time BETWEEN @from AND @to', { from: '2025-01-01', to: '2025-12-31' });
    });
    expect(clause).toEqual({ sql: 'WHERE user = @user AND i.outcome IS NULL AND time BETWEEN @from AND @to', params: { user: "o'brien", from: '2025-01-01', to: '2025-12-31' } });
  });

  it('is empty when no condition is added', () => {
    expect(where(() => {})).toEqual({ sql: '', params: {} });
  });

  it('filters the audit log by user and a bare end date that includes the whole day', () => {
    const { store } = openTestRecords();
    const start = store.audit.head()?.seq ?? 0;
    const row = (n: number, time: string, user: string) => ({ seq: start + n, time, user, role: null, action: 'test', documentSha256: null, decisionId: null, payload: '{}', signature: null, hash: `h${n}` });
    store.audit.insert(row(1, '2025-03-01T10:00:00Z', 'a'));
    store.audit.insert(row(2, '2025-03-01T23:59:59Z', 'b'));
    store.audit.insert(row(3, '2025-03-02T00:00:00Z', 'a'));
    expect(store.audit.list({ to: '2025-03-01' }).rows.map((r) => r.seq - start)).toEqual([2, 1]);
    expect(store.audit.list({ user: 'a', from: '2025-03-01T12:00:00Z' })).toMatchObject({ rows: [{ seq: start + 3 }], total: 1 });
  });
});
