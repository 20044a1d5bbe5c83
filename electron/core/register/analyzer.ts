import { analyzeFile, extractFile, setIntakeWorkerUrl } from '../intake/index.ts';
import { defaultLexiconDir, type ScannerOptions } from '../scanner/index.ts';
import type { Analyzer } from './import-jobs.ts';
import type { IntakeLimits } from '../../../shared/types.ts';

interface AnalyzerOptions extends ScannerOptions {
  /** Overrides the admin's limits (the app's own options win over settings). */
  limits?: Partial<IntakeLimits>;
  intakeWorkerUrl?: string;
}

/** Counts analyzers made in this process: a new one (after a lexicon edit) makes the workers load the lexicon afresh. */
let generation = 0;

/** The real intake and scanner, both in intake workers; a worker loads the lexicon on its first scan. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  if (options.intakeWorkerUrl) setIntakeWorkerUrl(new URL(options.intakeWorkerUrl));
  const scan = { lexiconDir: options.lexiconDir ?? defaultLexiconDir(), userLexiconDir: options.userLexiconDir, generation: ++generation };
  return {
    extract: (file, limits) => extractFile(file, { ...limits, ...options.limits }),
    analyze: (file, limits) => analyzeFile(file, scan, { ...limits, ...options.limits }),
  };
}
