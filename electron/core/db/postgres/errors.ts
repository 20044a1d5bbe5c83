import { CoreError } from '../../errors.ts';
import { storeMessages as m } from '../../../../shared/messages/store.ts';
import type { PostgresOptions, WorkerFailure } from './protocol.ts';

/** A statement the server refused (a constraint, a trigger, bad SQL): `code` is the SQLSTATE, as SqliteError carries SQLite's. */
class PostgresError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'PostgresError';
  }
}

const unreachableCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENOENT']);
const certificateCodes = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|EPROTO/;

export const addressOf = (options: PostgresOptions) => `${options.host}:${options.port ?? 5432}`;

/** The failure as the app reports it: connection problems as CoreErrors in plain Chinese, everything else as the server said it. */
export function storeError(failure: WorkerFailure, options: PostgresOptions): Error {
  const address = addressOf(options);
  const { code, message } = failure;
  if (code === '28P01' || code === '28000') return new CoreError('store-wrong-password', m.wrongPassword(options.user));
  if (code === '3D000') return new CoreError('store-no-database', m.noDatabase(options.database));
  if (code === '57014') return new CoreError('store-timeout', m.timeout(Math.ceil((options.statementTimeoutMs ?? 30_000) / 1000)));
  if (/does not support SSL/i.test(message)) return new CoreError('store-no-tls', m.noTls(address));
  if (certificateCodes.test(code) || /certificate|self[- ]signed|altnames/i.test(message)) return new CoreError('store-certificate', m.certificateMismatch(address, message));
  if (unreachableCodes.has(code) || /connection timeout|timeout expired/i.test(message)) return new CoreError('store-unreachable', m.unreachable(address, code || message));
  if (failure.lost) return new CoreError('store-connection-lost', m.connectionLost(address));
  return new PostgresError(code, message);
}
