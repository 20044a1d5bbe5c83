import type { IntakeLimits } from './types.ts';

/** The unit people set the size limits in. */
export const MB = 1024 * 1024;

/** What intake enforces until an admin sets other limits. */
export const defaultIntakeLimits: Readonly<IntakeLimits> = {
  maxBytes: 100 * MB,
  maxExpandedBytes: 200 * MB,
  timeoutMs: 30_000,
};

/**
 * Plain text over this size is not scanned or loaded, whatever the general size limit: the scanner reads every
 * character, and a 60 MB text took over a minute and gigabytes of memory. Split longer texts into files.
 * Reading alone (no scan) is not limited by it.
 */
export const plainTextMaxBytes = 10 * MB;

/** What an admin may set each limit to: the settings form offers this range and core refuses anything outside it. */
export const intakeLimitRanges: Readonly<Record<keyof IntakeLimits, { min: number; max: number }>> = {
  maxBytes: { min: 1024, max: 2 ** 31 },
  maxExpandedBytes: { min: 1024, max: 2 ** 32 },
  timeoutMs: { min: 1000, max: 600_000 },
};
