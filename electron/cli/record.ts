import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { appInfoOf, defaultDataDir, resolveDbPath } from '../core/api.ts';
import { coreApi, type CoreApi } from '../core/handlers.ts';
import { knownHeadsOf, openRecords } from '../core/ledger/open.ts';
import { authenticate, refreshActor } from '../core/accounts/users.ts';
import type { Actor, Context } from '../core/kernel/context.ts';
import { sessionStatusOf, type Desk } from '../core/kernel/desk.ts';
import { sha256Hex, type ScryptCost } from '../core/ledger/crypto.ts';
import { verifyRecordInSlices } from '../core/ledger/verify.ts';
import { createAnalyzer, type WorkerAnalyzer } from '../core/register/analyzer.ts';
import type { LexiconOptions } from '../core/lexicon/service.ts';
import { importJobs, type ImportJobs } from '../core/register/import-jobs.ts';
import { fail, isCoreError } from '../core/errors.ts';
import { required, usageError, type ParsedArgs } from './args.ts';
import { recordsCliMessages as m, recordsMessages } from '../../shared/messages/records.ts';

/** `--db FILE`, else DISCLOSURE_DESK_DB, else the data folder's record. */
export const dbFile = (args: ParsedArgs) => resolveDbPath(defaultDataDir(), args.values.db);

/**
 * The test runner (NODE_ENV=test) may lower the password-hashing cost of the processes it starts, so a suite of
 * CLI runs does not spend minutes in scrypt; nothing else can.
 */
function testCost(): ScryptCost | undefined {
  const log2 = Number(process.env.DISCLOSURE_DESK_TEST_SCRYPT_LOG2);
  return process.env.NODE_ENV === 'test' && Number.isInteger(log2) && log2 >= 10 && log2 <= 17 ? { N: 2 ** log2, r: 8, p: 1 } : undefined;
}

/** The password from the environment variable, else asked on the terminal without echo, else the first line of stdin. */
export async function readPassword(prompt: string, envVar = 'DISCLOSURE_DESK_PASSWORD'): Promise<string> {
  const fromEnv = process.env[envVar];
  if (fromEnv) return fromEnv;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true });
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  try {
    const line = await new Promise<string | null>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(null));
    });
    if (process.stdin.isTTY) process.stderr.write('\n');
    if (!line) throw usageError(m.noPassword(envVar));
    return line;
  } finally {
    rl.close();
  }
}

/** One CLI run's hold on the record: the same core API the app serves, and the person `--as` names. */
export interface RecordRun {
  api: CoreApi;
  /** The open record, for finding what a command names (a document by number or hash) and for reports read without signing in. */
  readonly ctx: Context;
  /** False when the record would not open (only `backup restore` asks for that). */
  readonly isOpen: boolean;
  /** Signs in the person named by `--as`, asking for the password once; every command that writes the record names its person this way. */
  signIn(): Promise<{ actor: Actor; password: string }>;
  /** Where `restoreBackup` moved the file it replaced. */
  readonly replacedBy: string | null;
}

interface RecordOptions {
  /** Runs even when the record will not open, so a broken record can be restored. */
  evenIfBroken?: boolean;
}

/** The CLI's face on core: the same Desk the app gives its handlers, held for one run and signed in as 'cli'. */
function cliDesk(file: string, ctx: Context | null, problem: { code: string; message: string } | null) {
  const userLexiconDir = path.join(defaultDataDir(), 'lexicon');
  let session: Actor | null = null;
  let analyzer: WorkerAnalyzer | null = null;
  let jobs: ImportJobs | null = null;
  let replacedBy: string | null = null;
  const record = (): Context => ctx ?? fail(problem?.code ?? 'db-unavailable', problem?.message ?? recordsMessages.dbMissing(file));
  const desk: Desk = {
    get appInfo() {
      const { version } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      return appInfoOf({ dataDir: defaultDataDir(), version, shell: 'cli' });
    },
    record,
    isOpen: () => ctx !== null,
    signedIn: () => {
      const c = record();
      if (!session) fail('not-signed-in', recordsMessages.notSignedIn);
      session = refreshActor(c, session);
      return { ctx: c, actor: session };
    },
    user: () => session,
    signIn: (name, password) => (session = authenticate(record(), name, password, 'cli')),
    signOut: () => {
      session = null;
    },
    status: () => sessionStatusOf(ctx, session, { path: file, problem }, null),
    verifyWholeChain: (c) => verifyRecordInSlices(c.store, () => ctx !== c, { headFiles: knownHeadsOf(c.store) }),
    replaceRecord: (replace) => {
      close();
      session = null;
      replacedBy = replace(file).replacedBy;
    },
    get analyzer() {
      return (analyzer ??= createAnalyzer({ userLexiconDir }));
    },
    jobs: () => (jobs ??= importJobs(record(), desk.analyzer)),
  };
  const close = () => {
    const c = ctx;
    ctx = null;
    c?.store.close();
  };
  // A lexicon edit in this run makes later scans in it use the new lexicon, as in the app.
  const lexicon: LexiconOptions = { userLexiconDir, onChange: () => analyzer?.lexiconChanged() };
  return { desk, lexicon, record, close, closeAnalyzer: async () => analyzer?.close(), replacedBy: () => replacedBy };
}

/**
 * Opens the record, runs one command against the core API, and always closes the record and any intake workers.
 * Every record command goes through here, so it meets the same handlers, rules and argument checks as the app.
 */
export async function withRecord(args: ParsedArgs, usage: string, run: (record: RecordRun) => Promise<number>, options: RecordOptions = {}): Promise<number> {
  const file = dbFile(args);
  let ctx: Context | null = null;
  let problem: { code: string; message: string } | null = null;
  try {
    ctx = openRecords(file, { cost: testCost() });
  } catch (error) {
    if (!options.evenIfBroken || !isCoreError(error)) throw error;
    problem = { code: error.code, message: error.message };
  }
  const held = cliDesk(file, ctx, problem);
  const api = coreApi(held.desk, held.lexicon);
  let signedIn: { actor: Actor; password: string } | null = null;
  const face: RecordRun = {
    api,
    get ctx() {
      return held.record();
    },
    get isOpen() {
      return held.desk.isOpen();
    },
    async signIn() {
      if (signedIn) return signedIn;
      const name = required(args, 'as', usage);
      const password = await readPassword(m.passwordPrompt(name));
      signedIn = { actor: held.desk.signIn(name, password), password };
      return signedIn;
    },
    get replacedBy() {
      return held.replacedBy();
    },
  };
  try {
    return await run(face);
  } finally {
    held.close();
    await held.closeAnalyzer();
  }
}

/** A document named by register number, by SHA-256 (or a prefix of at least 8 hex digits), or by the file itself. */
export function resolveDocument(ctx: Context, ref: string | undefined, usage: string): number {
  if (!ref) throw usageError(m.missingDocument, usage);
  const { store } = ctx;
  if (/^\d+$/.test(ref) && store.documents.row(Number(ref))) return Number(ref);
  let sha: string | null = null;
  if (fs.existsSync(ref) && fs.statSync(ref).isFile()) sha = sha256Hex(fs.readFileSync(ref));
  else if (/^[0-9a-f]{8,64}$/i.test(ref)) {
    const matches = store.documents.idsByShaPrefix(ref.toLowerCase());
    if (matches.length > 1) fail('ambiguous', m.ambiguousDocument(ref));
    if (matches.length === 1) return matches[0]!;
  }
  const id = sha ? store.documents.idBySha(sha) : null;
  if (id === null) fail('no-document', m.unknownDocument(ref));
  return id;
}

/** The id of the decision a workflow command acts on: the document's latest. */
export function latestDecision(ctx: Context, documentId: number): number {
  return ctx.store.decisions.latestForDocument(documentId)?.id ?? fail('no-decision', m.noDecisionYet(documentId));
}

export const print = (line: string) => process.stdout.write(line + '\n');
