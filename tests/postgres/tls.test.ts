import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres } from '../../electron/core/db/postgres/client.ts';
import { requirePostgres, startTestServer, type TestServer } from '../helpers/postgres.ts';

const bin = requirePostgres();

describe.skipIf(!bin)('TLS to the office server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(bin!, { tls: true });
  });
  afterAll(() => server?.remove());

  it('connects encrypted when the server presents a certificate of the office CA', () => {
    const db = connectPostgres({ ...server.options(), ca: server.certificates!.ca });
    try {
      expect(db.prepare('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()').pluck().get()).toBe(true);
    } finally {
      db.close();
    }
  });

  it('refuses a server whose certificate another CA signed, with the certificate message', () => {
    expect(() => connectPostgres({ ...server.options(), ca: server.certificates!.otherCa })).toThrow(
      expect.objectContaining({ code: 'store-certificate', message: expect.stringMatching(/^数据库服务器 127\.0\.0\.1:\d+ 的证书与本单位的 CA 证书不符/) }),
    );
  });
});
