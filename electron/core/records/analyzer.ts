import { extractFile, setIntakeWorkerUrl } from '../intake/index.ts';
import { createScanner, type Scanner, type ScannerOptions } from '../scanner/index.ts';
import type { Analyzer } from './import-jobs.ts';
import type { IntakeLimits } from '../../../shared/types.ts';

export interface AnalyzerOptions extends ScannerOptions {
  /** Overrides the admin's limits (the app's own options win over settings). */
  limits?: Partial<IntakeLimits>;
  intakeWorkerUrl?: string;
}

/** The real intake and scanner; the scanner loads its lexicon on first use, so opening a record stays quick. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  if (options.intakeWorkerUrl) setIntakeWorkerUrl(new URL(options.intakeWorkerUrl));
  let scanner: Scanner | null = null;
  return {
    extract: (file, limits) => extractFile(file, { ...limits, ...options.limits }),
    scan: (doc) => (scanner ??= createScanner({ lexiconDir: options.lexiconDir, userLexiconDir: options.userLexiconDir })).scan(doc),
  };
}
