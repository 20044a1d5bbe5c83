import { parentPort } from 'node:worker_threads';
import { parseJob, type ParseJob, type ScanSetup } from './parse.ts';
import type { WorkerReply } from './pool.ts';
import type { Scanner } from '../scanner/index.ts';

let current: { key: string; scanner: Scanner } | null = null;

/** One scanner per lexicon edit; the scanner module (and jieba) loads only in workers that scan. */
async function scannerFor(setup: ScanSetup): Promise<Scanner> {
  const key = JSON.stringify([setup.lexiconDir, setup.userLexiconDir ?? null, setup.generation]);
  if (current?.key !== key) {
    const { createScanner } = await import('../scanner/index.ts');
    current = { key, scanner: createScanner({ lexiconDir: setup.lexiconDir, userLexiconDir: setup.userLexiconDir }) };
  }
  return current.scanner;
}

const post = (reply: WorkerReply) => parentPort?.postMessage(reply);

async function answer(id: number, job: ParseJob): Promise<void> {
  const result = await parseJob(job);
  if (!result.ok || !job.scan) return post({ id, result });
  // Loading the lexicon is not the document's doing: the pool stops the clock until the scan itself begins.
  post({ id, phase: 'preparing' });
  try {
    const scanner = await scannerFor(job.scan);
    post({ id, phase: 'scanning' });
    post({ id, result, scan: scanner.scan(result.document) });
  } catch (error) {
    const e = error as { code?: string; message?: string };
    post({ id, result, scanError: { code: e.code ?? 'internal', message: e.message ?? String(error) } });
  }
}

/** Worker entry: one job at a time, answered with what it read and, when asked, what the scan found. */
parentPort?.on('message', (message: { id: number; job: ParseJob }) => void answer(message.id, message.job));
