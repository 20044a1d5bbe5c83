import { parentPort } from 'node:worker_threads';
import type { ExtractedDocument, ScanResult } from '../../../shared/types.ts';
import { parseJob, type ParseJob, type ScanSetup } from './parse.ts';
import type { WorkerReply } from './pool.ts';

/** A scan of what the worker read, for one lexicon setup. */
type Scan = (document: ExtractedDocument) => ScanResult;

/** Builds the scan for a setup; intake knows no scanner, so the worker's entry brings one. */
type LoadScan = (setup: ScanSetup) => Promise<Scan>;

/**
 * Answers a pool's jobs one at a time with what the worker read and, when a job asks and the entry brought
 * `loadScan`, what the scan found. One scan per lexicon edit: a new setup is loaded afresh.
 */
export function serve(loadScan?: LoadScan): void {
  const port = parentPort;
  if (!port) throw new Error('an intake worker must run in a worker thread');
  let current: { key: string; scan: Scan } | null = null;
  const scanFor = async (setup: ScanSetup): Promise<Scan> => {
    if (!loadScan) throw Object.assign(new Error('this intake worker reads only; start the host intake worker to scan'), { code: 'internal' });
    const key = JSON.stringify([setup.lexiconDir, setup.userLexiconDir ?? null, setup.generation]);
    if (current?.key !== key) current = { key, scan: await loadScan(setup) };
    return current.scan;
  };
  const post = (reply: WorkerReply) => port.postMessage(reply);

  const answer = async (id: number, job: ParseJob): Promise<void> => {
    const result = await parseJob(job);
    if (!result.ok || !job.scan) return post({ id, result });
    // Loading the lexicon is not the document's doing: the pool stops the clock until the scan itself begins.
    post({ id, phase: 'preparing' });
    try {
      const scan = await scanFor(job.scan);
      post({ id, phase: 'scanning' });
      post({ id, result, scan: scan(result.document) });
    } catch (error) {
      const e = error as { code?: string; message?: string };
      post({ id, result, scanError: { code: e.code ?? 'internal', message: e.message ?? String(error) } });
    }
  };

  port.on('message', (message: { id: number; job: ParseJob }) => void answer(message.id, message.job));
}
