import { createIntake } from '../intake/index.ts';
import { defaultLexiconDir, type ScannerOptions } from '../scanner/index.ts';
import type { Analyzer } from './import-jobs.ts';
import type { IntakeLimits } from '../../../shared/types.ts';

interface AnalyzerOptions extends ScannerOptions {
  /** Overrides the admin's limits (the app's own options win over settings). */
  limits?: Partial<IntakeLimits>;
  /** file: URL of the bundled intake worker (out/main/intake-worker.js); from source, host/intake-worker.ts. */
  intakeWorkerUrl?: string;
}

/** Run from source, Node starts the host's worker entry as TypeScript. */
const sourceWorker = new URL('../host/intake-worker.ts', import.meta.url);

/** An analyzer that owns its intake workers: told of lexicon edits, and closed with whatever holds it. */
export interface WorkerAnalyzer extends Analyzer {
  /** The next scans load the lexicon afresh. */
  lexiconChanged(): void;
  /** Terminates the intake workers; later calls start new ones. */
  close(): Promise<void>;
}

/** The real intake and scanner, both in intake workers; a worker loads the lexicon on its first scan. */
export function createAnalyzer(options: AnalyzerOptions = {}): WorkerAnalyzer {
  const intake = createIntake(options.intakeWorkerUrl ? new URL(options.intakeWorkerUrl) : sourceWorker);
  let scan = { lexiconDir: options.lexiconDir ?? defaultLexiconDir(), userLexiconDir: options.userLexiconDir, generation: 0 };
  return {
    extract: (file, limits) => intake.extractFile(file, { ...limits, ...options.limits }),
    analyze: (file, limits) => intake.analyzeFile(file, scan, { ...limits, ...options.limits }),
    lexiconChanged: () => {
      scan = { ...scan, generation: scan.generation + 1 };
    },
    close: () => intake.close(),
  };
}
