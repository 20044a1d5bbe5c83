import { Worker } from 'node:worker_threads';
import type { Envelope } from '../../../shared/ipc/channel.ts';
import { hostMessages as m } from '../../../shared/messages/host.ts';
import type { CoreOptions } from '../api.ts';
import type { CoreReply, CoreRequest } from './protocol.ts';

interface Pending {
  resolve: (envelope: Envelope<unknown>) => void;
}

/** Talks to the core worker; restarts it if it dies so one crash never takes the app down. */
export class CoreClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly workerUrl: URL;
  private readonly options: CoreOptions;

  constructor(workerUrl: URL, options: CoreOptions) {
    this.workerUrl = workerUrl;
    this.options = options;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl, { workerData: this.options });
    worker.on('message', (reply: CoreReply) => {
      if (reply.type !== 'reply') return;
      this.pending.get(reply.id)?.resolve(reply.envelope);
      this.pending.delete(reply.id);
    });
    worker.on('error', (error) => process.stderr.write(`core worker error: ${error.stack ?? error}\n`));
    worker.on('exit', () => {
      this.worker = null;
      for (const p of this.pending.values()) p.resolve({ ok: false, error: { code: 'core-stopped', message: m.coreStopped } });
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  call(channel: string, args: unknown[]): Promise<Envelope<unknown>> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      worker.postMessage({ type: 'call', id, channel, args } satisfies CoreRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
      worker.on('message', (reply: CoreReply) => {
        if (reply.type === 'closed') {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve());
        }
      });
      worker.postMessage({ type: 'close' } satisfies CoreRequest);
    });
    this.worker = null;
  }
}
