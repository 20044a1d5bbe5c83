import path from 'node:path';
import { contract, type Api, type ChannelName } from '../../shared/ipc.ts';
import type { AppInfo } from '../../shared/ipc/app.ts';
import type { IntakeLimits } from '../../shared/types.ts';
import { closeIntake } from './intake/index.ts';
import { CoreError, fail, isCoreError } from './errors.ts';
import { defaultDbPath } from './db/open.ts';
import { knownHeadsOf, openRecords } from './ledger/open.ts';
import type { Actor, Context } from './kernel/context.ts';
import type { ScryptCost } from './ledger/crypto.ts';
import { createAnalyzer } from './register/analyzer.ts';
import { importJobs, type Analyzer, type ImportJobs } from './register/import-jobs.ts';
import { addUser, anchorAccounts, authenticate, changePassword, listUsers, logout, refreshActor, rekeyUser, setRoles } from './accounts/users.ts';
import { auditPage, documentDetail, listDocuments, queues } from './register/documents.ts';
import { approveDecision, returnDecision, saveDecision, signDecision, signPreview, submitDecision } from './workflow/decisions.ts';
import { readSettings, writeSettings } from './workflow/settings.ts';
import { rootFingerprintOf, verifyRecordInSlices } from './ledger/verify.ts';
import { writeCheckpoint } from './ledger/checkpoint.ts';
import { backupTo, restoreFrom } from './ledger/backup.ts';
import { exportRedacted } from './exports/redaction-export.ts';
import { appendEntry } from './ledger/chain.ts';
import { requireRole } from './kernel/context.ts';
import { inspectionHandlers } from './inspection/handlers.ts';
import { lexiconHandlers } from './lexicon/handlers.ts';
import { basisOptions } from '../../shared/basis.ts';
import type { AuditVerifyReport, SessionStatus, StartupAudit } from '../../shared/ipc/records.ts';
import { recordsMessages as m } from '../../shared/messages/records.ts';

export type Shell = AppInfo['shell'] | 'cli';

export interface CoreOptions {
  dataDir: string;
  /** Overrides `${dataDir}/disclosure-desk.sqlite`. */
  dbPath?: string;
  /** Overrides the shipped `resources/lexicon`. */
  lexiconDir?: string;
  limits?: Partial<IntakeLimits>;
  /** file: URL of the bundled intake worker; from source the intake module finds its own. */
  intakeWorkerUrl?: string;
  shell: Shell;
  version: string;
  /** Password-hashing cost; the browser-twin tests lower it, the app keeps the default. */
  cost?: ScryptCost;
}

/** Channels answered by the Electron glue, not by core. */
export type MainOnlyChannel = 'chooseFiles' | 'chooseSavePath';
export type CoreApi = Omit<Api, MainOnlyChannel>;

export interface Core {
  api: CoreApi;
  close(): void;
}

export { defaultDataDir } from './data-dir.ts';

export function resolveDbPath(dataDir: string, dbPath?: string): string {
  return dbPath ?? process.env.DISCLOSURE_DESK_DB ?? defaultDbPath(dataDir);
}

/** Core never trusts its caller: every handler parses its arguments against the channel's schema first. */
function parseArgs<K extends ChannelName>(name: K, args: unknown[]): Parameters<Api[K]> {
  const parsed = contract[name].args.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CoreError('invalid-arguments', m.invalidArguments(name, issue ? `${issue.path.join('.')} ${issue.message}` : ''));
  }
  return parsed.data as Parameters<Api[K]>;
}

export function createCore(options: CoreOptions): Core {
  const appInfo: AppInfo = {
    name: '公开属性审查台',
    version: options.version,
    dataDir: options.dataDir,
    shell: options.shell === 'electron' ? 'electron' : 'browser-twin',
  };
  const dbFile = resolveDbPath(options.dataDir, options.dbPath);
  const userLexiconDir = path.join(options.dataDir, 'lexicon');
  const makeAnalyzer = () => createAnalyzer({ lexiconDir: options.lexiconDir, userLexiconDir, limits: options.limits, intakeWorkerUrl: options.intakeWorkerUrl });
  // Rebuilt after each lexicon edit; import jobs hold this forwarder, so new scans use the new lexicon.
  let currentAnalyzer = makeAnalyzer();
  const analyzer: Analyzer = { extract: (file, limits) => currentAnalyzer.extract(file, limits), analyze: (file, limits) => currentAnalyzer.analyze(file, limits) };
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
  const status = (): SessionStatus => {
    const c = ctx as Context | null;
    return {
      firstRun: c !== null && c.store.users.count() === 0,
      user: session,
      accounts: c ? c.store.users.list().filter((u) => u.active).map((u) => ({ name: u.name, displayName: u.displayName })) : [],
      database: { path: dbFile, problem },
      audit: startupAudit,
      rootFingerprint: c ? rootFingerprintOf(c.store) : null,
    };
  };

  const handlers: { [K in keyof CoreApi]: (...args: Parameters<CoreApi[K]>) => ReturnType<CoreApi[K]> | Awaited<ReturnType<CoreApi[K]>> } = {
    getAppInfo: () => appInfo,
    ...inspectionHandlers(signedIn),
    ...lexiconHandlers(signedIn, { lexiconDir: options.lexiconDir, userLexiconDir, onChange: () => (currentAnalyzer = makeAnalyzer()) }),
    sessionStatus: () => status(),
    setupAdmin: ({ name, displayName, password }) => {
      const c = record();
      addUser(c, null, { name, displayName, password, roles: ['admin'] });
      session = authenticate(c, name, password, 'app');
      return session;
    },
    login: ({ name, password }) => {
      session = authenticate(record(), name, password, 'app');
      return session;
    },
    logout: () => {
      if (session && ctx) logout(ctx, session);
      session = null;
    },
    changePassword: ({ oldPassword, newPassword }) => {
      const { ctx: c, actor } = signedIn();
      changePassword(c, actor, oldPassword, newPassword);
    },
    listUsers: () => {
      const { ctx: c, actor } = signedIn();
      return listUsers(c, actor);
    },
    addUser: ({ adminPassword, ...account }) => {
      const { ctx: c, actor } = signedIn();
      return addUser(c, { actor, password: adminPassword }, account);
    },
    anchorAccounts: ({ adminPassword }) => {
      const { ctx: c, actor } = signedIn();
      anchorAccounts(c, { actor, password: adminPassword });
      verifyWholeChain(c).catch(() => undefined);
      return status();
    },
    rekeyUser: ({ name, newPassword, adminPassword }) => {
      const { ctx: c, actor } = signedIn();
      return rekeyUser(c, { actor, password: adminPassword }, name, newPassword);
    },
    setUserRoles: ({ name, roles, adminPassword }) => {
      const { ctx: c, actor } = signedIn();
      return setRoles(c, { actor, password: adminPassword }, name, roles);
    },
    listDocuments: (filter) => listDocuments(signedIn().ctx, filter),
    getDocument: ({ documentId }) => {
      const { ctx: c, actor } = signedIn();
      return documentDetail(c, actor, documentId);
    },
    startImport: ({ paths }) => {
      const { actor } = signedIn();
      return jobs!.start(actor, paths);
    },
    importStatus: ({ jobId }) => jobs!.status(signedIn().actor, jobId),
    cancelImport: ({ jobId }) => jobs!.cancel(signedIn().actor, jobId),
    basisOptions: () => basisOptions(readSettings(signedIn().ctx.store).localBasis),
    saveDecision: (input) => {
      const { ctx: c, actor } = signedIn();
      return saveDecision(c, actor, input);
    },
    submitDecision: ({ decisionId }) => {
      const { ctx: c, actor } = signedIn();
      return submitDecision(c, actor, decisionId);
    },
    approveDecision: ({ decisionId, comment }) => {
      const { ctx: c, actor } = signedIn();
      return approveDecision(c, actor, decisionId, comment ?? null);
    },
    returnDecision: ({ decisionId, reason }) => {
      const { ctx: c, actor } = signedIn();
      return returnDecision(c, actor, decisionId, reason);
    },
    signPreview: ({ decisionId }) => {
      const { ctx: c, actor } = signedIn();
      return signPreview(c, actor, decisionId);
    },
    signDecision: ({ decisionId, password }) => {
      const { ctx: c, actor } = signedIn();
      return signDecision(c, actor, decisionId, password);
    },
    queues: ({ limit }) => {
      const { ctx: c, actor } = signedIn();
      return queues(c, actor, limit ?? 200);
    },
    listAudit: (filter) => auditPage(signedIn().ctx, filter),
    verifyAudit: async ({ checkpointPath }) => {
      const c = signedIn().ctx;
      const report = checkpointPath ? await verifyRecordInSlices(c.store, () => ctx !== c, { checkpointFile: checkpointPath, headFiles: knownHeadsOf(c.store) }) : await verifyWholeChain(c);
      return report ?? fail('verify-interrupted', m.auditCheckInterrupted);
    },
    writeCheckpoint: ({ path: file, password }) => {
      const { ctx: c, actor } = signedIn();
      return writeCheckpoint(c, actor, file, password);
    },
    getSettings: () => readSettings(signedIn().ctx.store),
    updateSettings: (patch) => {
      const { ctx: c, actor } = signedIn();
      requireRole(actor, 'admin');
      c.store.write(() => {
        const changes = writeSettings(c.store, patch);
        if (Object.keys(changes).length > 0) appendEntry(c.store, { user: actor.name, role: 'admin', action: 'settings.change', payload: changes }, c.now());
      });
      return readSettings(c.store);
    },
    backupNow: ({ path: file }) => {
      const { ctx: c, actor } = signedIn();
      return backupTo(c, actor, file);
    },
    restoreBackup: ({ path: file }) => {
      // With a healthy record only an admin may replace it; a record that will not open can be restored by whoever is at the desk.
      let by: string | null = null;
      if (ctx) {
        const { actor } = signedIn();
        requireRole(actor, 'admin');
        by = actor.name;
        ctx.store.close();
      }
      session = null;
      ctx = null;
      try {
        restoreFrom(dbFile, file, by, () => new Date().toISOString());
      } finally {
        open();
      }
      return status();
    },
    exportRedacted: ({ decisionId, path: file, format }) => {
      const { ctx: c, actor } = signedIn();
      return exportRedacted(c, actor, decisionId, file, format, (f) => analyzer.extract(f, readSettings(c.store).limits));
    },
  };

  const api = Object.fromEntries(
    Object.entries(handlers).map(([name, fn]) => [name, async (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...parseArgs(name as ChannelName, args))]),
  ) as unknown as CoreApi;

  return {
    api,
    close() {
      ctx?.store.close();
      ctx = null;
      void closeIntake();
    },
  };
}
