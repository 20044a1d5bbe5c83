// The thread that owns the pg client: the calling thread blocks on `signal` while this one does the asynchronous work.
import { workerData } from 'node:worker_threads';
import pg from 'pg';
import type { Reply, Request, WorkerData, WorkerFailure } from './protocol.ts';

const { options, port, signal } = workerData as WorkerData;
const flag = new Int32Array(signal);

// int8 (counts, identity keys) and numeric come back as numbers, as SQLite gives them; an integer beyond 2^53 as an exact BigInt.
const int8 = (text: string): number | bigint => {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
};
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === 20) return int8;
    if (oid === 1700) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as typeof pg.types.getTypeParser,
};

let client: pg.Client | null = null;
let broken = false;
// A connection lost inside BEGIN … COMMIT leaves nothing to continue: every statement but ROLLBACK is refused until then.
let transactionLost = false;
let inTransaction = false;

const lostCodes = new Set(['57P01', '57P02', '57P03', 'ECONNRESET', 'EPIPE', '08006', '08003', '08000']);

function failure(error: unknown, whileConnecting: boolean): WorkerFailure {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = String(e.message ?? error);
  const lost = whileConnecting || broken || lostCodes.has(code) || /Connection terminated|not queryable|connection error/i.test(message);
  return { code: code || (lost ? 'ECONNRESET' : 'UNKNOWN'), message, lost };
}

async function connect(): Promise<pg.Client> {
  if (client && !broken) return client;
  if (client) void client.end().catch(() => {});
  client = null;
  broken = false;
  const tls = options.ca ? { ca: options.ca, rejectUnauthorized: true } : options.tls ? { rejectUnauthorized: true } : false;
  const fresh = new pg.Client({
    host: options.host,
    port: options.port ?? 5432,
    database: options.database,
    user: options.user,
    password: options.password,
    ssl: tls,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    application_name: 'disclosure-desk',
    types,
  });
  fresh.on('error', () => {
    broken = true;
  });
  fresh.on('end', () => {
    broken = true;
  });
  try {
    await fresh.connect();
  } catch (error) {
    void fresh.end().catch(() => {});
    throw error;
  }
  client = fresh;
  return fresh;
}

const done = (rows: Record<string, unknown>[] = [], fields: string[] = [], changes = 0): Reply => ({ ok: true, rows, fields, changes });

async function handle(request: Request): Promise<Reply> {
  if (request.op === 'close') {
    const open = client;
    client = null;
    if (open) await open.end().catch(() => {});
    return done();
  }
  if (transactionLost) {
    if (request.op === 'rollback') {
      transactionLost = false;
      inTransaction = false;
      return done();
    }
    return { ok: false, failure: { code: 'ECONNRESET', message: 'connection lost inside a transaction', lost: true } };
  }
  let connecting = !client || broken;
  try {
    if (connecting && inTransaction) throw Object.assign(new Error('connection lost inside a transaction'), { code: 'ECONNRESET' });
    const db = await connect();
    connecting = false;
    switch (request.op) {
      case 'connect':
        return done();
      case 'exec':
        await db.query(request.sql);
        return done();
      case 'begin':
        // READ COMMITTED: a statement after the chain lock sees the head its previous holder committed.
        await db.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        inTransaction = true;
        return done();
      case 'commit':
      case 'rollback':
        inTransaction = false;
        await db.query(request.op === 'commit' ? 'COMMIT' : 'ROLLBACK');
        return done();
      case 'query': {
        const result = await db.query({ name: request.name, text: request.text, values: request.values });
        return done(result.rows, result.fields.map((f) => f.name), result.rowCount ?? 0);
      }
    }
  } catch (error) {
    const f = failure(error, connecting);
    if (f.lost && inTransaction) transactionLost = true;
    if (f.lost) broken = true;
    return { ok: false, failure: f };
  }
}

port.on('message', (request: Request) => {
  void handle(request).then((reply) => {
    port.postMessage(reply);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
});
