import { serve } from '../intake/worker-loop.ts';

/**
 * Worker entry of the app and the CLI: intake reads each file and, when asked, the scanner scans it in the same
 * worker under the same time limit. The scanner module (and jieba) loads only when a worker first scans.
 */
serve(async ({ lexiconDir, userLexiconDir }) => {
  const { createScanner } = await import('../scanner/index.ts');
  const scanner = createScanner({ lexiconDir, userLexiconDir });
  return (document) => scanner.scan(document);
});
