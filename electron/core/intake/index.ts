import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedDocument, IntakeLimits, IntakeResult, ScanResult } from '../../../shared/types.ts';
import { defaultIntakeLimits } from '../../../shared/intake-limits.ts';
import { IntakeFailure, openFailure } from './failure.ts';
import { failed } from './errors.ts';
import { ParsePool } from './pool.ts';
import type { ScanSetup } from './parse.ts';

export type { ScanSetup } from './parse.ts';


const pool = new ParsePool(new URL('./parse-worker.ts', import.meta.url));

/** The bundled app points this at its own build of parse-worker.ts. */
export function setIntakeWorkerUrl(url: URL): void {
  pool.setWorkerUrl(url);
}

/** Terminates the pooled parse workers; later calls start new ones. */
export function closeIntake(): Promise<void> {
  return pool.close();
}

type IntakeFailed = Extract<IntakeResult, { ok: false }>;

const withDefaults = (limits?: Partial<IntakeLimits>): IntakeLimits => ({ ...defaultIntakeLimits, ...limits });

/** Size checks that need no worker; null when the file may be read. */
async function refusal(filePath: string, fileName: string, limits: IntakeLimits): Promise<IntakeFailed | null> {
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return failed(new IntakeFailure('corrupt', 'unreadable'), fileName, limits);
    size = info.size;
  } catch (error) {
    return failed(openFailure(error), fileName, limits);
  }
  if (size === 0) return failed(new IntakeFailure('empty'), fileName, limits);
  if (size > limits.maxBytes) return failed(new IntakeFailure('too-large'), fileName, limits, size);
  return null;
}

/**
 * The SHA-256 of a file's bytes, which identifies a document in the register, without parsing anything;
 * null when intake would refuse the file unread (missing, empty, over the size limit) or it cannot be read.
 */
export async function fileSha256(filePath: string, limits?: Partial<IntakeLimits>): Promise<string | null> {
  if (await refusal(filePath, path.basename(filePath), withDefaults(limits))) return null;
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

/** Reads a file off the calling thread. Never rejects for bad input: failures come back as `{ ok: false }`. */
export async function extractFile(filePath: string, limits?: Partial<IntakeLimits>): Promise<IntakeResult> {
  const effective = withDefaults(limits);
  const fileName = path.basename(filePath);
  const refused = await refusal(filePath, fileName, effective);
  if (refused) return refused;
  return (await pool.run({ source: { path: path.resolve(filePath) }, fileName, limits: effective })).result;
}

export type Analysis = IntakeFailed | { ok: true; document: ExtractedDocument; scan: ScanResult };

/**
 * Reads and scans a file in an intake worker, the scan under the same time limit as the reading, so a document
 * that would keep the scanner busy for minutes ends in a per-file `timeout` and the calling thread stays free.
 * Rejects only when the scanner itself fails (a bug or a missing lexicon), with that error's code and message.
 */
export async function analyzeFile(filePath: string, scan: ScanSetup, limits?: Partial<IntakeLimits>): Promise<Analysis> {
  const effective = withDefaults(limits);
  const fileName = path.basename(filePath);
  const refused = await refusal(filePath, fileName, effective);
  if (refused) return refused;
  const outcome = await pool.run({ source: { path: path.resolve(filePath) }, fileName, limits: effective, scan });
  if (!outcome.result.ok) return outcome.result;
  if (outcome.scanError) throw Object.assign(new Error(outcome.scanError.message), { code: outcome.scanError.code });
  return { ok: true, document: outcome.result.document, scan: outcome.scan! };
}

/** Same as extractFile for bytes already in memory; the caller's buffer is copied, not taken. */
export async function extractBytes(bytes: Uint8Array, fileName: string, limits?: Partial<IntakeLimits>): Promise<IntakeResult> {
  const effective = withDefaults(limits);
  if (bytes.length === 0) return failed(new IntakeFailure('empty'), fileName, effective);
  if (bytes.length > effective.maxBytes) return failed(new IntakeFailure('too-large'), fileName, effective, bytes.length);
  const copy = bytes.slice();
  return (await pool.run({ source: { bytes: copy }, fileName, limits: effective }, [copy.buffer])).result;
}
