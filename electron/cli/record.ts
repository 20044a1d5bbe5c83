import fs from 'node:fs';
import readline from 'node:readline';
import { defaultDataDir, resolveDbPath } from '../core/api.ts';
import { openRecords } from '../core/ledger/open.ts';
import { authenticate } from '../core/accounts/users.ts';
import type { Actor, Context } from '../core/kernel/context.ts';
import { sha256Hex, type ScryptCost } from '../core/ledger/crypto.ts';
import type { DecisionRecord } from '../core/db/decisions.ts';
import { fail } from '../core/errors.ts';
import { required, usageError, type ParsedArgs } from './args.ts';
import { recordsCliMessages as m } from '../../shared/messages/records.ts';

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

export const openCliRecords = (args: ParsedArgs): Context => openRecords(dbFile(args), { cost: testCost() });

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

/** Signs in the user named by `--as`; every command that writes the record names its person this way. */
export async function signIn(ctx: Context, args: ParsedArgs, usage: string): Promise<{ actor: Actor; password: string }> {
  const name = required(args, 'as', usage);
  const password = await readPassword(m.passwordPrompt(name));
  return { actor: authenticate(ctx, name, password, 'cli'), password };
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

/** The decision a workflow command acts on: the document's latest. */
export function latestDecision(ctx: Context, documentId: number): DecisionRecord {
  return ctx.store.decisions.latestForDocument(documentId) ?? fail('no-decision', m.noDecisionYet(documentId));
}

export const print = (line: string) => process.stdout.write(line + '\n');
