import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { CoreError } from '../../errors.ts';
import { storeMessages as m } from '../../../../shared/messages/store.ts';
import { toPostgres } from './dialect.ts';
import { addressOf, storeError } from './errors.ts';
import type { PostgresOptions, Reply, Request, WorkerData } from './protocol.ts';

export type { PostgresOptions } from './protocol.ts';

type Params = Record<string, unknown> | readonly unknown[] | string | number | bigint | boolean | null;
type Row = Record<string, unknown>;

/** A prepared statement with the calls db/ repositories make on better-sqlite3's. */
interface PostgresStatement {
  run(params?: Params): { changes: number };
  get(params?: Params): unknown;
  all(params?: Params): unknown[];
  /** The same statement answering with the first column's value instead of the row. */
  pluck(): PostgresStatement;
}

/** A synchronous connection to the office's server, as better-sqlite3's Database is to the file. */
export interface PostgresConnection {
  exec(sql: string): void;
  prepare(sql: string): PostgresStatement;
  /** Runs `fn` between BEGIN and COMMIT; a throw (or a dropped connection) rolls everything back. */
  transaction<T>(fn: () => T): T;
  readonly inTransaction: boolean;
  close(): void;
}

const defaultWorker = new URL('./worker.ts', import.meta.url);
// Beyond the server's own limits: the worker itself hung (it never should); the wait still ends.
const WAIT_MARGIN_MS = 5_000;

interface Channel {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

/**
 * Connects to PostgreSQL and returns a connection whose every call blocks until the server has answered, so the
 * synchronous core runs on it as it runs on SQLite. A worker thread owns the pg client; after a dropped connection the
 * next call outside a transaction connects again.
 */
export function connectPostgres(options: PostgresOptions, workerUrl: URL = defaultWorker): PostgresConnection {
  const connectMs = options.connectTimeoutMs ?? 10_000;
  const statementMs = options.statementTimeoutMs ?? 30_000;
  let channel: Channel | null = null;
  let closed = false;
  let inTransaction = false;
  // A worker ended mid-transaction took the transaction with it: nothing may run on a fresh one until the rollback.
  let abandoned = false;
  const statementNames = new Map<string, string>();

  const open = (): Channel => {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const data: WorkerData = { options, port: port2, signal };
    const worker = new Worker(workerUrl, { workerData: data, transferList: [port2] });
    worker.unref();
    port1.unref();
    return { worker, port: port1, flag: new Int32Array(signal) };
  };

  const call = (request: Request): Extract<Reply, { ok: true }> => {
    if (closed) throw new CoreError('store-closed', m.notConnected);
    if (abandoned) {
      if (request.op !== 'rollback') throw new CoreError('store-connection-lost', m.connectionLost(addressOf(options)));
      abandoned = false;
      return { ok: true, rows: [], fields: [], changes: 0 };
    }
    channel ??= open();
    const { port, flag } = channel;
    Atomics.store(flag, 0, 0);
    port.postMessage(request);
    const waited = Atomics.wait(flag, 0, 0, connectMs + statementMs + WAIT_MARGIN_MS);
    const message = receiveMessageOnPort(port);
    if (waited === 'timed-out' || !message) {
      void channel.worker.terminate();
      channel = null;
      abandoned = inTransaction;
      throw new CoreError('store-timeout', m.timeout(Math.ceil((connectMs + statementMs) / 1000)));
    }
    const reply = message.message as Reply;
    if (!reply.ok) throw storeError(reply.failure, options);
    return reply;
  };

  const query = (sql: string, pluck: boolean): PostgresStatement => {
    const { text, names, positional } = toPostgres(sql);
    let name = statementNames.get(text);
    if (!name) {
      name = `s${statementNames.size + 1}`;
      statementNames.set(text, name);
    }
    const values = (params: Params | undefined): unknown[] => {
      if (names.length > 0) {
        const given = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
        return names.map((n) => {
          if (!(n in given)) throw new RangeError(`missing named parameter "${n}"`);
          return given[n];
        });
      }
      const list = Array.isArray(params) ? params : params === undefined ? [] : [params];
      if (list.length !== positional) throw new RangeError(`expected ${positional} parameters, got ${list.length}`);
      return list;
    };
    const rows = (params: Params | undefined) => {
      const reply = call({ op: 'query', name: name!, text, values: values(params) });
      return { reply, first: reply.fields[0] };
    };
    const shape = (row: Row | undefined, first: string | undefined) => (row === undefined ? undefined : pluck ? row[first!] : row);
    return {
      run: (params) => ({ changes: rows(params).reply.changes }),
      get: (params) => {
        const { reply, first } = rows(params);
        return shape(reply.rows[0], first);
      },
      all: (params) => {
        const { reply, first } = rows(params);
        return reply.rows.map((row) => shape(row, first));
      },
      pluck: () => query(sql, true),
    };
  };

  const connection: PostgresConnection = {
    exec: (sql) => void call({ op: 'exec', sql: toPostgres(sql).text }),
    prepare: (sql) => query(sql, false),
    transaction<T>(fn: () => T): T {
      if (inTransaction) throw new CoreError('store-nested-transaction', m.nestedTransaction);
      call({ op: 'begin' });
      inTransaction = true;
      try {
        const result = fn();
        inTransaction = false;
        call({ op: 'commit' });
        return result;
      } catch (error) {
        if (inTransaction) {
          inTransaction = false;
          try {
            call({ op: 'rollback' });
          } catch {
            // The server rolls back on its own when the connection is gone; the first error is the one to report.
          }
        }
        throw error;
      }
    },
    get inTransaction() {
      return inTransaction;
    },
    close() {
      if (closed) return;
      if (channel) {
        try {
          call({ op: 'close' });
        } finally {
          void channel?.worker.terminate();
          channel = null;
          closed = true;
        }
      }
      closed = true;
    },
  };
  try {
    call({ op: 'connect' });
  } catch (error) {
    connection.close();
    throw error;
  }
  return connection;
}
