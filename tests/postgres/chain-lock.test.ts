import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type PostgresConnection } from '../../electron/core/db/postgres/client.ts';
import { requirePostgres, startTestServer, type TestServer } from '../helpers/postgres.ts';

const bin = requirePostgres();
const appender = path.join(import.meta.dirname, 'chain-appender.ts');

function runAppender(env: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [appender], { env: { ...process.env, CHAIN_APPENDER: env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.skipIf(!bin)('appends from several PCs under the chain lock', () => {
  let server: TestServer;
  let db: PostgresConnection;

  beforeAll(async () => {
    server = await startTestServer(bin!);
    server.createDatabase('chain');
    db = connectPostgres(server.options('chain'));
    // No key on seq or prev: a fork must show up in the rows, not as a refused insert.
    db.exec('CREATE TABLE chain (seq bigint NOT NULL, prev text NOT NULL, hash text NOT NULL, writer text NOT NULL)');
  });
  afterAll(() => {
    db?.close();
    server?.remove();
  });

  it('two processes appending 200 entries each never fork the chain', async () => {
    const startAt = Date.now() + 4_000;
    const results = await Promise.all(
      ['甲机', '乙机'].map((writer) => runAppender(JSON.stringify({ options: server.options('chain'), writer, count: 200, startAt }))),
    );
    for (const r of results) expect(r).toEqual({ code: 0, stderr: '' });
    const rows = db.prepare('SELECT seq, prev, hash, writer FROM chain ORDER BY seq, hash').all() as { seq: number; prev: string; hash: string; writer: string }[];
    expect(rows).toHaveLength(400);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    rows.forEach((row, i) => expect(row.prev).toBe(i === 0 ? '' : rows[i - 1]!.hash));
    // Both writers really ran at once: their entries interleave rather than one block after the other.
    const switches = rows.filter((row, i) => i > 0 && row.writer !== rows[i - 1]!.writer).length;
    expect(switches).toBeGreaterThan(1);
  });
});
