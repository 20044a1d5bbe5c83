import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Files whose verdicts rest on time (growth ladders, per-file time limits, worker stalls) run last and alone, one
 * file at a time; everything else shares both cores.
 */
const timed = [
  'tests/scanner/redos.test.ts',
  'tests/scanner/redos-scanner.test.ts',
  'tests/intake/scan-worker.test.ts',
  'tests/intake/batch-import.test.ts',
  'tests/intake/fuzz.test.ts',
  'tests/intake/hostile-*.test.ts',
  'tests/records/import-no-stall.test.ts',
];

export default defineConfig({
  plugins: [react()],
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CLI processes the tests start hash passwords at 2^10 (as tests/records/helpers.ts) instead of 2^17 (honoured only under NODE_ENV=test).
    env: { DISCLOSURE_DESK_TEST_SCRYPT_LOG2: '10' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/renderer/**', 'tests/e2e/**', 'tests/electron/**', ...timed],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'timed',
          environment: 'node',
          include: timed,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
