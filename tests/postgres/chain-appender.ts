// One PC appending to a hash chain: run as a child process by chain-lock.test.ts, several at once against one server.
import { createHash } from 'node:crypto';
import { connectPostgres } from '../../electron/core/db/postgres/client.ts';
import { withChainLock } from '../../electron/core/db/postgres/schema.ts';

const { options, writer, count, startAt } = JSON.parse(process.env.CHAIN_APPENDER!) as { options: Parameters<typeof connectPostgres>[0]; writer: string; count: number; startAt: number };
const db = connectPostgres(options);
const head = db.prepare('SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1');
const append = db.prepare('INSERT INTO chain (seq, prev, hash, writer) VALUES (@seq, @prev, @hash, @writer)');
// Start together, so the appends of both writers interleave.
while (Date.now() < startAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
for (let i = 0; i < count; i++) {
  withChainLock(db, () => {
    const last = (head.get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: '' };
    const hash = createHash('sha256').update(`${last.hash}|${writer}|${i}`).digest('hex');
    append.run({ seq: last.seq + 1, prev: last.hash, hash, writer });
  });
}
db.close();
