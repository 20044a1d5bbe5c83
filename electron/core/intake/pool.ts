import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IntakeResult, ScanResult } from '../../../shared/types.ts';
import { IntakeFailure } from './failure.ts';
import { failed } from './errors.ts';
import type { ParseJob } from './parse.ts';

/** Heap cap for one parse: mammoth on a 300-page draft peaks well below it (see bench/intake.bench.ts). */
const WORKER_HEAP_MB = 1024;
/** Loading the lexicon and jieba takes a second or two; this only stops a worker that never gets there. */
const SCANNER_LOAD_MS = 120_000;

/** A scanner that threw (a bug, or a missing lexicon), as its error said. */
interface ScanError {
  code: string;
  message: string;
}

/** What a job ends with: the reading, and the scan when one was asked for and finished. */
export interface JobOutcome {
  result: IntakeResult;
  scan?: ScanResult;
  scanError?: ScanError;
}

/** Worker to pool: a job moving on to its scan, or its outcome. */
export type WorkerReply = { id: number; phase: 'preparing' | 'scanning' } | ({ id: number } & JobOutcome);

type Phase = 'parse' | 'preparing' | 'scanning';

interface Pending {
  id: number;
  job: ParseJob;
  transfer: ArrayBuffer[];
  resolve: (outcome: JobOutcome) => void;
  phase: Phase;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  pending: Pending | null;
}

/**
 * A few long-lived workers that read files and, when asked, scan what they read. Reading and scanning each
 * have the job's time limit; a job that runs past it, exhausts the heap cap or crashes its worker gets a
 * per-file error and that worker is replaced; the queue carries on.
 */
export class ParsePool {
  private readonly size: number;
  private readonly workerUrl: URL;
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;

  constructor(workerUrl: URL, size = Math.max(1, Math.min(2, os.availableParallelism()))) {
    this.workerUrl = workerUrl;
    this.size = size;
  }

  run(job: ParseJob, transfer: ArrayBuffer[] = []): Promise<JobOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, transfer, resolve, phase: 'parse' });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.pending === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.pending = pending;
      slot.worker.ref();
      this.enter(slot, 'parse');
      slot.worker.postMessage({ id: pending.id, job: pending.job }, pending.transfer);
    }
  }

  /** Starts the clock of a job's phase: the read and the scan each get the job's limit. */
  private enter(slot: Slot, phase: Phase): void {
    const pending = slot.pending!;
    clearTimeout(pending.timer);
    pending.phase = phase;
    const ms = phase === 'preparing' ? Math.max(SCANNER_LOAD_MS, pending.job.limits.timeoutMs) : pending.job.limits.timeoutMs;
    pending.timer = setTimeout(() => this.abandon(slot, new IntakeFailure('timeout', phase === 'parse' ? null : 'scan')), ms);
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, pending: null };
    worker.on('message', (reply: WorkerReply) => {
      const pending = slot.pending;
      if (!pending || pending.id !== reply.id) return;
      if ('phase' in reply) return this.enter(slot, reply.phase);
      clearTimeout(pending.timer);
      slot.pending = null;
      worker.unref();
      pending.resolve({ result: reply.result, scan: reply.scan, scanError: reply.scanError });
      this.pump();
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      const scanning = slot.pending !== null && slot.pending.phase !== 'parse';
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') this.abandon(slot, new IntakeFailure('too-large', scanning ? 'scan' : 'out-of-memory'));
      else this.abandon(slot, new IntakeFailure('corrupt', 'crashed'));
    });
    worker.on('exit', () => this.abandon(slot, new IntakeFailure('corrupt', 'crashed')));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** Ends a job with an error and retires its worker, so the next job starts on a clean one. */
  private abandon(slot: Slot, failure: IntakeFailure): void {
    const wasPooled = this.slots.includes(slot);
    this.slots = this.slots.filter((s) => s !== slot);
    const pending = slot.pending;
    slot.pending = null;
    if (wasPooled) void slot.worker.terminate();
    if (pending) {
      clearTimeout(pending.timer);
      pending.resolve({ result: failed(failure, pending.job.fileName, pending.job.limits) });
    }
    this.pump();
  }
}
