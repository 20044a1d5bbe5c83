import path from 'node:path';
import type { AppInfo } from '../../shared/ipc/app.ts';
import type { IntakeLimits } from '../../shared/types.ts';
import { fail, isCoreError } from './errors.ts';
import { defaultDbPath } from './db/open.ts';
import { knownHeadsOf, openRecords } from './ledger/open.ts';
import type { Actor, Context } from './kernel/context.ts';
import { sessionStatusOf, type Desk } from './kernel/desk.ts';
import type { ScryptCost } from './ledger/crypto.ts';
import { createAnalyzer } from './register/analyzer.ts';
import { importJobs, type ImportJobs } from './register/import-jobs.ts';
import { authenticate, refreshActor } from './accounts/users.ts';
import { verifyRecordInSlices } from './ledger/verify.ts';
import { coreApi, type CoreApi } from './handlers.ts';
import type { AuditVerifyReport, SessionStatus, StartupAudit } from '../../shared/ipc/records.ts';
import { recordsMessages as m } from '../../shared/messages/records.ts';

type Shell = AppInfo['shell'] | 'cli';

export interface CoreOptions {
  dataDir: string;
  /** Overrides `${dataDir}/disclosure-desk.sqlite`. */
  dbPath?: string;
  /** Overrides the shipped `resources/lexicon`. */
  lexiconDir?: string;
  limits?: Partial<IntakeLimits>;
  /** file: URL of the bundled intake worker (host/intake-worker.ts built); from source the analyzer finds the .ts. */
  intakeWorkerUrl?: string;
  shell: Shell;
  version: string;
  /** Password-hashing cost; the browser-twin tests lower it, the app keeps the default. */
  cost?: ScryptCost;
}

export type { CoreApi } from './handlers.ts';

export interface Core {
  api: CoreApi;
  close(): void;
}

export { defaultDataDir } from './data-dir.ts';

export function resolveDbPath(dataDir: string, dbPath?: string): string {
  return dbPath ?? process.env.DISCLOSURE_DESK_DB ?? defaultDbPath(dataDir);
}

export function appInfoOf(options: Pick<CoreOptions, 'dataDir' | 'version' | 'shell'>): AppInfo {
  return { name: '公开属性审查台', version: options.version, dataDir: options.dataDir, shell: options.shell === 'electron' ? 'electron' : 'browser-twin' };
}

export function createCore(options: CoreOptions): Core {
  const appInfo = appInfoOf(options);
  const dbFile = resolveDbPath(options.dataDir, options.dbPath);
  const userLexiconDir = path.join(options.dataDir, 'lexicon');
  const analyzer = createAnalyzer({ lexiconDir: options.lexiconDir, userLexiconDir, limits: options.limits, intakeWorkerUrl: options.intakeWorkerUrl });
  let ctx: Context | null = null;
  let jobs: ImportJobs | null = null;
  let problem: { code: string; message: string } | null = null;
  let startupAudit: StartupAudit | null = null;
  let session: Actor | null = null;
  /** The whole-chain verification in progress, if any: a second request waits for it instead of walking again. */
  let verifying: Promise<AuditVerifyReport | null> | null = null;

  /** Verifies in slices so sign-in and everything else is served meanwhile; the result lands in sessionStatus().audit. */
  const verifyWholeChain = (c: Context): Promise<AuditVerifyReport | null> => {
    if (verifying) return verifying;
    startupAudit = { state: 'checking' };
    const run = verifyRecordInSlices(c.store, () => ctx !== c, { headFiles: knownHeadsOf(c.store) })
      .then((report) => {
        if (report && ctx === c) startupAudit = { state: 'done', report };
        return report;
      })
      .catch((error: unknown) => {
        if (ctx === c) startupAudit = { state: 'failed', message: m.auditCheckFailed(String((error as Error)?.message ?? error)) };
        throw error;
      })
      .finally(() => {
        if (verifying === run) verifying = null;
      });
    verifying = run;
    return run;
  };

  const open = () => {
    try {
      ctx = openRecords(dbFile, { cost: options.cost });
      jobs = importJobs(ctx, analyzer);
      problem = null;
      verifying = null;
      verifyWholeChain(ctx).catch(() => undefined);
    } catch (error) {
      if (!isCoreError(error)) throw error;
      ctx = null;
      problem = { code: error.code, message: error.message };
    }
  };
  open();

  const record = (): Context => ctx ?? fail(problem?.code ?? 'db-unavailable', problem?.message ?? m.dbMissing(dbFile));
  const signedIn = (): { ctx: Context; actor: Actor } => {
    const c = record();
    if (!session) fail('not-signed-in', m.notSignedIn);
    session = refreshActor(c, session);
    return { ctx: c, actor: session };
  };
  const status = (): SessionStatus => sessionStatusOf(ctx, session, { path: dbFile, problem }, startupAudit);

  const desk: Desk = {
    appInfo,
    record,
    isOpen: () => ctx !== null,
    signedIn,
    user: () => session,
    signIn: (name, password) => (session = authenticate(record(), name, password, 'app')),
    signOut: () => {
      session = null;
    },
    status,
    verifyWholeChain,
    replaceRecord: (replace) => {
      ctx?.store.close();
      session = null;
      ctx = null;
      try {
        replace(dbFile);
      } finally {
        open();
      }
    },
    analyzer,
    jobs: () => {
      record();
      return jobs!;
    },
  };
  const api = coreApi(desk, { lexiconDir: options.lexiconDir, userLexiconDir, onChange: () => analyzer.lexiconChanged() });

  return {
    api,
    close() {
      ctx?.store.close();
      ctx = null;
      void analyzer.close();
    },
  };
}
