// A connection worker that hangs on statements: it connects and opens transactions, then never answers a query
// (facade.test.ts points connectPostgres at it).
import { workerData } from 'node:worker_threads';
import type { Reply, Request, WorkerData } from '../../electron/core/db/postgres/protocol.ts';

const { port, signal } = workerData as WorkerData;
const flag = new Int32Array(signal);
port.on('message', (request: Request) => {
  if (request.op === 'query' || request.op === 'exec') return;
  port.postMessage({ ok: true, rows: [], fields: [], changes: 0 } satisfies Reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
