import type { AppInfo } from '../../../shared/ipc/app.ts';
import type { AuditVerifyReport, SessionStatus } from '../../../shared/ipc/records.ts';
import type { Analyzer, ImportJobs } from '../register/import-jobs.ts';
import { rootFingerprintOf } from '../ledger/verify.ts';
import type { Actor, Context } from './context.ts';

/**
 * What a face (the app's core, one CLI run) gives the handlers: the record, who is signed in, and the few
 * things only the face can do. The handlers hold every rule, so the app and the CLI cannot drift apart.
 */
export interface Desk {
  appInfo: AppInfo;
  /** The open record; fails with the reason it is not open. */
  record(): Context;
  /** False while the record is missing or will not open. */
  isOpen(): boolean;
  /** The record and the signed-in person, refreshed from the record; fails 'not-signed-in'. */
  signedIn(): { ctx: Context; actor: Actor };
  /** Who is signed in, as of sign-in; null when nobody is. */
  user(): Actor | null;
  /** Checks the password and makes `name` this face's signed-in person; the audit entry names the face. */
  signIn(name: string, password: string): Actor;
  signOut(): void;
  status(): SessionStatus;
  /** The whole chain checked; the app does it in slices while it serves other calls. */
  verifyWholeChain(ctx: Context): Promise<AuditVerifyReport | null>;
  /** Closes the record and signs out, then lets `replace` swap its file; the app opens whatever is there afterwards. */
  replaceRecord(replace: (dbFile: string) => { replacedBy: string | null }): void;
  analyzer: Analyzer;
  jobs(): ImportJobs;
}

/** A handler may answer synchronously or with a promise; the API wrapper makes every channel async. */
export type Handlers<A> = { [K in keyof A]: A[K] extends (...args: infer P) => infer R ? (...args: P) => R | Awaited<R> : never };

/** The session status every face reports alike; only the app checks the whole chain at start-up. */
export function sessionStatusOf(ctx: Context | null, user: Actor | null, database: SessionStatus['database'], audit: SessionStatus['audit']): SessionStatus {
  return {
    firstRun: ctx !== null && ctx.store.users.count() === 0,
    user,
    accounts: ctx ? ctx.store.users.list().filter((u) => u.active).map((u) => ({ name: u.name, displayName: u.displayName })) : [],
    database,
    audit,
    rootFingerprint: ctx ? rootFingerprintOf(ctx.store) : null,
  };
}
