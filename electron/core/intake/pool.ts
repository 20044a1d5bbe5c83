import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IntakeResult } from '../../../shared/types.ts';
import { IntakeFailure, type FailureReason } from './failure.ts';
import { failed } from './errors.ts';
import type { ParseJob } from './parse.ts';

/** Heap cap for one parse: mammoth on a 300-page draft peaks well below it (see bench/intake.bench.ts). */
const WORKER_HEAP_MB = 1024;

interface Pending {
  id: number;
  job: ParseJob;
  transfer: ArrayBuffer[];
  resolve: (result: IntakeResult) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  pending: Pending | null;
}

/**
 * A few long-lived parse workers. A job that runs past its time limit, exhausts the heap cap or
 * crashes its worker gets a per-file error and that worker is replaced; the queue carries on.
 */
export class ParsePool {
  private readonly size: number;
  private workerUrl: URL;
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;

  constructor(workerUrl: URL, size = Math.max(1, Math.min(2, os.availableParallelism()))) {
    this.workerUrl = workerUrl;
    this.size = size;
  }

  setWorkerUrl(url: URL): void {
    this.workerUrl = url;
    void this.close();
  }

  run(job: ParseJob, transfer: ArrayBuffer[] = []): Promise<IntakeResult> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, transfer, resolve });
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
      pending.timer = setTimeout(() => this.abandon(slot, new IntakeFailure('timeout')), pending.job.limits.timeoutMs);
      slot.worker.postMessage({ id: pending.id, job: pending.job }, pending.transfer);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, pending: null };
    worker.on('message', (message: { id: number; result: IntakeResult }) => {
      const pending = slot.pending;
      if (!pending || pending.id !== message.id) return;
      clearTimeout(pending.timer);
      slot.pending = null;
      worker.unref();
      pending.resolve(message.result);
      this.pump();
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      const reason: FailureReason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'crashed';
      this.abandon(slot, new IntakeFailure(reason === 'out-of-memory' ? 'too-large' : 'corrupt', reason));
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
      pending.resolve(failed(failure, pending.job.fileName, pending.job.limits));
    }
    this.pump();
  }
}
