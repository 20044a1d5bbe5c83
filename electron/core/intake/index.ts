import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { IntakeLimits, IntakeResult } from '../../../shared/types.ts';
import { IntakeFailure, openFailure } from './failure.ts';
import { failed } from './errors.ts';
import { ParsePool } from './pool.ts';

export { parseMetadata } from './metadata.ts';

const MB = 1024 * 1024;

export const defaultLimits: IntakeLimits = {
  maxBytes: 100 * MB,
  maxExpandedBytes: 200 * MB,
  timeoutMs: 30_000,
};

const pool = new ParsePool(new URL('./parse-worker.ts', import.meta.url));

/** The bundled app points this at its own build of parse-worker.ts. */
export function setIntakeWorkerUrl(url: URL): void {
  pool.setWorkerUrl(url);
}

/** Terminates the pooled parse workers; later calls start new ones. */
export function closeIntake(): Promise<void> {
  return pool.close();
}

const withDefaults = (limits?: Partial<IntakeLimits>): IntakeLimits => ({ ...defaultLimits, ...limits });

/** Reads a file off the calling thread. Never rejects for bad input: failures come back as `{ ok: false }`. */
export async function extractFile(filePath: string, limits?: Partial<IntakeLimits>): Promise<IntakeResult> {
  const effective = withDefaults(limits);
  const fileName = path.basename(filePath);
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return failed(new IntakeFailure('corrupt', 'unreadable'), fileName, effective);
    size = info.size;
  } catch (error) {
    return failed(openFailure(error), fileName, effective);
  }
  if (size === 0) return failed(new IntakeFailure('empty'), fileName, effective);
  if (size > effective.maxBytes) return failed(new IntakeFailure('too-large'), fileName, effective, size);
  return pool.run({ source: { path: path.resolve(filePath) }, fileName, limits: effective });
}

/** Same as extractFile for bytes already in memory; the caller's buffer is copied, not taken. */
export async function extractBytes(bytes: Uint8Array, fileName: string, limits?: Partial<IntakeLimits>): Promise<IntakeResult> {
  const effective = withDefaults(limits);
  if (bytes.length === 0) return failed(new IntakeFailure('empty'), fileName, effective);
  if (bytes.length > effective.maxBytes) return failed(new IntakeFailure('too-large'), fileName, effective, bytes.length);
  const copy = bytes.slice();
  return pool.run({ source: { bytes: copy }, fileName, limits: effective }, [copy.buffer]);
}
