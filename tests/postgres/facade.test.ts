import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type PostgresConnection } from '../../electron/core/db/postgres/client.ts';
import { toPostgres } from '../../electron/core/db/postgres/dialect.ts';
import { storeMessages } from '../../shared/messages/store.ts';
import { requirePostgres, startTestServer, type TestServer } from '../helpers/postgres.ts';

const bin = requirePostgres();

describe('SQL in SQLite spelling becomes PostgreSQL', () => {
  it('quotes camelCase names and user, numbers named parameters once each, leaves literals alone', () => {
    const sql = "SELECT documentSha256, user FROM audit_log WHERE user = @user AND action = 'user.add' AND decisionId = @id OR seq = @id -- signStatement\n";
    expect(toPostgres(sql)).toEqual({
      text: `SELECT "documentSha256", "user" FROM audit_log WHERE "user" = $1 AND action = 'user.add' AND "decisionId" = $2 OR seq = $2 -- signStatement\n`,
      names: ['user', 'id'],
      positional: 0,
    });
    expect(toPostgres('SELECT * FROM t WHERE a = ? AND "keepMe" = ? AND b = $$x?y$$').text).toBe('SELECT * FROM t WHERE a = $1 AND "keepMe" = $2 AND b = $$x?y$$');
  });
});

describe('a server that never answers', () => {
  // The connect timeout ends it (store-unreachable), not the outer wait that ends a hung worker (store-timeout).
  it('turns the connect timeout into the unreachable message instead of blocking', async () => {
    // Accepts the TCP connection (the kernel does, even while this thread waits) and never says a word.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      expect(() => connectPostgres({ host: '127.0.0.1', port, database: 'record', user: 'desk', password: 'x', connectTimeoutMs: 500 })).toThrow(
        expect.objectContaining({ code: 'store-unreachable', message: expect.stringContaining(`无法连接数据库服务器 127.0.0.1:${port}`) }),
      );
    } finally {
      silent.close();
    }
  });
});

describe('a connection worker that hangs', () => {
  it('ends the wait with the timeout message, and nothing more runs in the transaction it took with it', () => {
    const hung = connectPostgres({ host: '127.0.0.1', database: 'record', user: 'desk', password: 'x', connectTimeoutMs: 100, statementTimeoutMs: 100 }, new URL('./hung-worker.ts', import.meta.url));
    const timedOut = (() => {
      try {
        return hung.transaction(() => {
          expect(() => hung.prepare('SELECT 1').get()).toThrow(expect.objectContaining({ code: 'store-timeout' }));
          // Carrying on would run on a fresh connection outside the transaction.
          hung.prepare('INSERT INTO notes (title) VALUES (?)').run(['孤立']);
        });
      } catch (error) {
        return error;
      }
    })();
    expect(timedOut).toEqual(expect.objectContaining({ code: 'store-connection-lost' }));
    hung.close();
  });
});

describe.skipIf(!bin)('the synchronous PostgreSQL facade', () => {
  let server: TestServer;
  let db: PostgresConnection;

  beforeAll(async () => {
    server = await startTestServer(bin!);
    server.createDatabase('facade');
    db = connectPostgres(server.options('facade'));
    db.exec('CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text, count integer, big bigint, flag boolean, fee double precision)');
  });
  afterAll(() => {
    db?.close();
    server?.remove();
  });

  it('round-trips CJK text, integers, null, booleans and big integers', () => {
    const insert = db.prepare('INSERT INTO notes (title, count, big, flag, fee) VALUES (@title, @count, @big, @flag, @fee)');
    expect(insert.run({ title: '关于印发《政府信息公开工作要点》的通知 𠀀', count: 42, big: 9_007_199_254_740_993n, flag: true, fee: 12.5 })).toEqual({ changes: 1 });
    expect(insert.run({ title: null, count: null, big: 7, flag: false, fee: null })).toEqual({ changes: 1 });
    const rows = db.prepare('SELECT id, title, count, big, flag, fee FROM notes ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, title: '关于印发《政府信息公开工作要点》的通知 𠀀', count: 42, big: 9_007_199_254_740_993n, flag: true, fee: 12.5 },
      { id: 2, title: null, count: null, big: 7, flag: false, fee: null },
    ]);
    // Counts are bigint in PostgreSQL and come back as numbers, as SQLite's do.
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 2 });
  });

  it('binds named parameters by name wherever they repeat, and positional ones in order', () => {
    const same = db.prepare('SELECT @a::int + @b::int AS sum, @a::int * 10 AS tenfold').get({ b: 2, a: 5 });
    expect(same).toEqual({ sum: 7, tenfold: 50 });
    expect(db.prepare('SELECT ?::text || ?::text AS joined').get(['公开', '属性'])).toEqual({ joined: '公开属性' });
    expect(db.prepare('SELECT title FROM notes WHERE id = ?').pluck().get(1)).toBe('关于印发《政府信息公开工作要点》的通知 𠀀');
    expect(db.prepare('SELECT id FROM notes ORDER BY id').pluck().all()).toEqual([1, 2]);
    expect(db.prepare('SELECT id FROM notes WHERE id = -1').get()).toBeUndefined();
    expect(() => db.prepare('SELECT @a::int AS a').get({})).toThrow(/missing named parameter "a"/);
  });

  it('rolls back a transaction whose body throws, leaving nothing', () => {
    const before = db.prepare('SELECT count(*) FROM notes').pluck().get();
    expect(() =>
      db.transaction(() => {
        db.prepare('INSERT INTO notes (title) VALUES (?)').run(['半途']);
        expect(db.inTransaction).toBe(true);
        throw new Error('abandoned');
      }),
    ).toThrow('abandoned');
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(before);
    expect(db.prepare("SELECT count(*) FROM notes WHERE title = '半途'").pluck().get()).toBe(0);
    expect(db.transaction(() => db.prepare('INSERT INTO notes (title) VALUES (?)').run(['留下']).changes)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM notes WHERE title = '留下'").pluck().get()).toBe(1);
  });

  it('reports a refused statement with its SQLSTATE', () => {
    expect(() => db.prepare('INSERT INTO notes (id) VALUES (1)').run()).toThrow(expect.objectContaining({ code: '428C9' }));
  });

  it('turns a server-side statement timeout into a Chinese error instead of blocking', () => {
    const quick = connectPostgres({ ...server.options('facade'), statementTimeoutMs: 300 });
    try {
      expect(() => quick.prepare('SELECT pg_sleep(5)').get()).toThrow(expect.objectContaining({ code: 'store-timeout', message: storeMessages.timeout(1) }));
      expect(quick.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    } finally {
      quick.close();
    }
  });

  it('refuses a wrong password with the Chinese wrong-password message', () => {
    expect(() => connectPostgres(server.options('facade', 'not-the-password'))).toThrow(
      expect.objectContaining({ code: 'store-wrong-password', message: storeMessages.wrongPassword('desk_test') }),
    );
  });

  it('names a database that does not exist', () => {
    expect(() => connectPostgres(server.options('no_such_db'))).toThrow(expect.objectContaining({ code: 'store-no-database', message: storeMessages.noDatabase('no_such_db') }));
  });

  it('says the server has no encrypted connections when TLS is required of it', () => {
    expect(() => connectPostgres({ ...server.options('facade'), tls: true })).toThrow(expect.objectContaining({ code: 'store-no-tls', message: storeMessages.noTls(`127.0.0.1:${server.options().port}`) }));
  });

  it('says the server is unreachable or the connection was lost while it is stopped, and reconnects once it is back', () => {
    db.prepare('SELECT 1').get();
    server.stop();
    try {
      const failure = (() => {
        try {
          db.prepare('SELECT count(*) FROM notes').pluck().get();
        } catch (error) {
          return error as { code: string; message: string };
        }
        return null;
      })();
      expect(['store-connection-lost', 'store-unreachable']).toContain(failure?.code);
      expect(failure?.message).toMatch(/数据库服务器 127\.0\.0\.1:\d+/);
      // Still down: a fresh connection attempt cannot get through.
      expect(() => db.prepare('SELECT 1').get()).toThrow(expect.objectContaining({ code: 'store-unreachable' }));
    } finally {
      server.start();
    }
    expect(db.prepare("SELECT count(*) FROM notes WHERE title = '留下'").pluck().get()).toBe(1);
  });

  it('leaves nothing of a transaction whose connection drops midway, and refuses to go on inside it', () => {
    expect(() =>
      db.transaction(() => {
        db.prepare('INSERT INTO notes (title) VALUES (?)').run(['断线']);
        server.stop();
        server.start();
        db.prepare('INSERT INTO notes (title) VALUES (?)').run(['断线后']);
      }),
    ).toThrow(expect.objectContaining({ code: 'store-connection-lost' }));
    expect(db.prepare("SELECT count(*) FROM notes WHERE title LIKE '断线%'").pluck().get()).toBe(0);
  });
});
