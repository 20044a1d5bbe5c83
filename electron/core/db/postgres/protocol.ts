import type { MessagePort } from 'node:worker_threads';

/** How to reach the office's server; the password is handed over in memory, never written anywhere. */
export interface PostgresOptions {
  host: string;
  port?: number;
  database: string;
  user: string;
  password: string;
  /** The office's CA certificate (PEM); when given, the connection is TLS and the server must present a certificate it signed. */
  ca?: string;
  /** Require TLS even without a CA of the office's own (the system's trusted roots apply). */
  tls?: boolean;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

export type Request =
  | { op: 'connect' }
  | { op: 'exec'; sql: string }
  | { op: 'query'; name: string; text: string; values: unknown[] }
  | { op: 'begin' | 'commit' | 'rollback' }
  | { op: 'close' };

/** What went wrong, as plain data: `code` is the SQLSTATE or Node's error code. */
export interface WorkerFailure {
  code: string;
  message: string;
  /** The connection dropped (or could not be made): the caller may not retry a write blindly. */
  lost: boolean;
}

export type Reply = { ok: true; rows: Record<string, unknown>[]; fields: string[]; changes: number } | { ok: false; failure: WorkerFailure };

export interface WorkerData {
  options: PostgresOptions;
  port: MessagePort;
  /** Int32 slot the worker sets to 1 after posting each reply; the caller waits on it. */
  signal: SharedArrayBuffer;
}
