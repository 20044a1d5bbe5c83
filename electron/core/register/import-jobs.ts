import path from 'node:path';
import crypto from 'node:crypto';
import { loadDocument, loadKnownDocument, recordRejected } from './documents.ts';
import { readSettings } from '../workflow/settings.ts';
import { requireRole, type Actor, type Context } from '../kernel/context.ts';
import { fail } from '../errors.ts';
import type { IntakeLimits, IntakeResult } from '../../../shared/types.ts';
import { fileSha256, type Analysis } from '../intake/index.ts';
import { documentFiles } from '../intake/walk.ts';
import type { ImportStatus, LoadOutcome } from '../../../shared/ipc/records.ts';
import { recordsMessages as m } from '../../../shared/messages/records.ts';

/** Intake and scanner as the records layer needs them; core wires the real ones, tests may pass their own. */
export interface Analyzer {
  extract(file: string, limits: IntakeLimits): Promise<IntakeResult>;
  /** Reads and scans one file off the core thread, the scan under the intake time limit too. */
  analyze(file: string, limits: IntakeLimits): Promise<Analysis>;
}

/**
 * Intake, scan and store one file; a refused or failing file yields an error, never an exception.
 * Content the register already holds is recognised by its SHA-256 before any parsing: reading and scanning it
 * again would only be thrown away.
 */
export async function importFile(ctx: Context, actor: Actor, analyzer: Analyzer, file: string): Promise<{ ok: true; outcome: LoadOutcome } | { ok: false; code: string; message: string }> {
  const failedWith = (error: unknown) => {
    const e = error as { code?: string; message?: string };
    return { ok: false as const, code: e.code ?? 'internal', message: m.importFailed(path.basename(file), e.message ?? String(error)) };
  };
  const limits = readSettings(ctx.store).limits;
  let analysis: Analysis;
  try {
    const sha256 = await fileSha256(file, limits);
    const known = sha256 === null ? null : loadKnownDocument(ctx, actor, sha256, path.basename(file));
    if (known) return { ok: true, outcome: known };
    analysis = await analyzer.analyze(file, limits);
  } catch (error) {
    return failedWith(error);
  }
  if (!analysis.ok) {
    recordRejected(ctx, actor, analysis.fileName, analysis.error);
    return { ok: false, code: analysis.error.code, message: analysis.error.message };
  }
  try {
    return { ok: true, outcome: loadDocument(ctx, actor, analysis.document, analysis.scan) };
  } catch (error) {
    return failedWith(error);
  }
}

interface Job {
  status: ImportStatus;
  owner: number;
  cancel: boolean;
}

const keptJobs = 20;

export function importJobs(ctx: Context, analyzer: Analyzer) {
  const jobs = new Map<string, Job>();

  async function run(job: Job, actor: Actor, files: string[]): Promise<void> {
    const s = job.status;
    for (const file of files) {
      if (job.cancel) break;
      s.current = path.basename(file);
      const result = await importFile(ctx, actor, analyzer, file);
      if (result.ok) s.documentIds.push(result.outcome.documentId);
      else s.errors.push({ file: path.basename(file), code: result.code, message: result.message });
      s.done++;
      // Lets status and cancel calls through between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    s.current = null;
    s.cancelled = job.cancel;
    s.finished = true;
  }

  const find = (actor: Actor, jobId: string) => {
    const job = jobs.get(jobId);
    if (!job || job.owner !== actor.id) fail('no-job', m.noImportJob(jobId));
    return job;
  };

  return {
    start(actor: Actor, paths: readonly string[]): { jobId: string } {
      requireRole(actor, 'drafter');
      const { files } = documentFiles(paths.map((p) => path.resolve(p)));
      const jobId = crypto.randomUUID();
      const job: Job = { owner: actor.id, cancel: false, status: { jobId, total: files.length, done: 0, current: null, errors: [], finished: false, cancelled: false, documentIds: [] } };
      jobs.set(jobId, job);
      for (const [id, old] of jobs) if (jobs.size > keptJobs && old.status.finished) jobs.delete(id);
      void run(job, actor, files).catch((error: unknown) => {
        job.status.errors.push({ file: job.status.current ?? '', code: 'internal', message: String((error as Error).message ?? error) });
        job.status.finished = true;
      });
      return { jobId };
    },
    status: (actor: Actor, jobId: string): ImportStatus => structuredClone(find(actor, jobId).status),
    cancel(actor: Actor, jobId: string): ImportStatus {
      const job = find(actor, jobId);
      job.cancel = true;
      return structuredClone(job.status);
    },
  };
}

export type ImportJobs = ReturnType<typeof importJobs>;
