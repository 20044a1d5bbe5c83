import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedDocument, IntakeLimits, IntakeResult, ScanResult } from '../../../shared/types.ts';
import { defaultIntakeLimits, plainTextMaxBytes } from '../../../shared/intake-limits.ts';
import { IntakeFailure, openFailure } from './failure.ts';
import { failed } from './errors.ts';
import { ParsePool, type JobOutcome } from './pool.ts';
import type { ScanSetup } from './parse.ts';

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

export type Analysis = IntakeFailed | { ok: true; document: ExtractedDocument; scan: ScanResult };

/** Reading (and, with a scanning worker, scanning) files in a pool of workers that this intake owns. */
interface Intake {
  /** Reads a file off the calling thread. Never rejects for bad input: failures come back as `{ ok: false }`. */
  extractFile(filePath: string, limits?: Partial<IntakeLimits>): Promise<IntakeResult>;
  /** Same as extractFile for bytes already in memory; the caller's buffer is copied, not taken. */
  extractBytes(bytes: Uint8Array, fileName: string, limits?: Partial<IntakeLimits>): Promise<IntakeResult>;
  /**
   * Reads and scans a file in a worker, the scan under the same time limit as the reading, so a document that
   * would keep the scanner busy for minutes ends in a per-file `timeout` and the calling thread stays free.
   * Rejects only when the scanner itself fails (a bug, a missing lexicon, or a worker that reads only).
   */
  analyzeFile(filePath: string, scan: ScanSetup, limits?: Partial<IntakeLimits>): Promise<Analysis>;
  /** Terminates the pooled workers; later calls start new ones. */
  close(): Promise<void>;
}

/** Reads only; a host that scans passes its own entry (electron/core/host/intake-worker.ts, or its build). */
const readingWorker = new URL('./parse-worker.ts', import.meta.url);

/** An intake whose workers start from `workerUrl`; no worker starts before the first file. */
export function createIntake(workerUrl: URL = readingWorker): Intake {
  const pool = new ParsePool(workerUrl);
  const fromPath = async (filePath: string, limits: Partial<IntakeLimits> | undefined, scan?: ScanSetup): Promise<JobOutcome> => {
    const effective = withDefaults(limits);
    const fileName = path.basename(filePath);
    const refused = await refusal(filePath, fileName, effective);
    if (refused) return { result: refused };
    // The worker refuses it too, by its content; by its name it need not be read at all.
    if (scan && path.extname(fileName).toLowerCase() === '.txt') {
      const { size } = await stat(filePath);
      if (size > plainTextMaxBytes) return { result: failed(new IntakeFailure('too-large', 'plain-text'), fileName, effective, size) };
    }
    return pool.run({ source: { path: path.resolve(filePath) }, fileName, limits: effective, scan });
  };
  return {
    extractFile: async (filePath, limits) => (await fromPath(filePath, limits)).result,
    async extractBytes(bytes, fileName, limits) {
      const effective = withDefaults(limits);
      if (bytes.length === 0) return failed(new IntakeFailure('empty'), fileName, effective);
      if (bytes.length > effective.maxBytes) return failed(new IntakeFailure('too-large'), fileName, effective, bytes.length);
      const copy = bytes.slice();
      return (await pool.run({ source: { bytes: copy }, fileName, limits: effective }, [copy.buffer])).result;
    },
    async analyzeFile(filePath, scan, limits) {
      const outcome = await fromPath(filePath, limits, scan);
      if (!outcome.result.ok) return outcome.result;
      if (outcome.scanError) throw Object.assign(new Error(outcome.scanError.message), { code: outcome.scanError.code });
      if (!outcome.scan) throw Object.assign(new Error('the intake worker read the file but did not scan it'), { code: 'internal' });
      return { ok: true, document: outcome.result.document, scan: outcome.scan };
    },
    close: () => pool.close(),
  };
}
