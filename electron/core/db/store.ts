import { openConnection, type OpenOptions } from './open.ts';
import type { Connection } from './connection.ts';
import { usersRepository } from './users.ts';
import { documentsRepository } from './documents.ts';
import { decisionsRepository } from './decisions.ts';
import { auditRepository } from './audit.ts';
import { keyValueRepository } from './keyvalue.ts';
import { evidenceRepository } from './evidence.ts';
import { requestsRepository } from './requests.ts';
import { inspectionRepository } from './inspection.ts';
import { bundlesRepository } from './bundles.ts';
import { publicationsRepository } from './publications.ts';
import { backupConnection } from './backup.ts';

/** The typed face of the database: the only way the rest of the app reads or writes the record. */
export interface Store {
  readonly file: string;
  /** The raw connection, for tests that tamper with the file; everything else goes through the repositories. */
  readonly connection: Connection;
  users: ReturnType<typeof usersRepository>;
  documents: ReturnType<typeof documentsRepository>;
  decisions: ReturnType<typeof decisionsRepository>;
  audit: ReturnType<typeof auditRepository>;
  meta: ReturnType<typeof keyValueRepository>;
  settings: ReturnType<typeof keyValueRepository>;
  evidence: ReturnType<typeof evidenceRepository>;
  requests: ReturnType<typeof requestsRepository>;
  inspection: ReturnType<typeof inspectionRepository>;
  bundles: ReturnType<typeof bundlesRepository>;
  publications: ReturnType<typeof publicationsRepository>;
  /** Runs `fn` in one IMMEDIATE transaction, so the chain head it reads cannot move under it. */
  write<T>(fn: () => T): T;
  /** Whether a write is running: audit entries are appended only inside one. */
  inTransaction(): boolean;
  /** A consistent copy of the record in `file`, a single file without WAL, taken while the app may write. */
  backup(file: string): Promise<void>;
  close(): void;
}

export function openStore(file: string, options: OpenOptions = {}): Store {
  const connection = openConnection(file, options);
  return {
    file,
    connection,
    users: usersRepository(connection),
    documents: documentsRepository(connection),
    decisions: decisionsRepository(connection),
    audit: auditRepository(connection),
    meta: keyValueRepository(connection, 'meta'),
    settings: keyValueRepository(connection, 'settings'),
    evidence: evidenceRepository(connection),
    requests: requestsRepository(connection),
    inspection: inspectionRepository(connection),
    bundles: bundlesRepository(connection),
    publications: publicationsRepository(connection),
    write: <T>(fn: () => T): T => connection.transaction(fn).immediate(),
    inTransaction: () => connection.inTransaction,
    backup: (target) => backupConnection(connection, target),
    close: () => {
      if (connection.open) connection.close();
    },
  };
}
