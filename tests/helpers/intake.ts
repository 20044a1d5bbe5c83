import { createIntake } from '../../electron/core/intake/index.ts';
import { createAnalyzer, type WorkerAnalyzer } from '../../electron/core/register/analyzer.ts';

const reading = createIntake();
const analyzers: WorkerAnalyzer[] = [];

/** A reading-only intake shared by a test file's parses. */
export const { extractFile, extractBytes } = reading;

/** The real analyzer, reading and scanning in the host's intake workers; closeIntake ends them too. */
export function testAnalyzer(options?: Parameters<typeof createAnalyzer>[0]): WorkerAnalyzer {
  const analyzer = createAnalyzer(options);
  analyzers.push(analyzer);
  return analyzer;
}

/** Ends every intake worker the test file started; call it in afterAll. */
export async function closeIntake(): Promise<void> {
  await Promise.all([reading.close(), ...analyzers.map((a) => a.close())]);
}

/** The worker entry the app and the CLI start: it reads and scans. */
export const scanningWorker = new URL('../../electron/core/host/intake-worker.ts', import.meta.url);
