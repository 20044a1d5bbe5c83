import { describe, expect, it } from 'vitest';
import { defaultIntakeLimits, intakeLimitRanges } from '../../shared/intake-limits.ts';
import { limitsSchema } from '../../shared/ipc/records.ts';
import { readSettings } from '../../electron/core/workflow/settings.ts';
import { openTestRecords } from '../records/helpers.ts';

describe('intake limits have one home', () => {
  it('are what a new record enforces before an admin changes them', () => {
    expect(readSettings(openTestRecords().store).limits).toEqual(defaultIntakeLimits);
  });

  it('are accepted by core exactly within the range the settings form offers', () => {
    for (const key of Object.keys(intakeLimitRanges) as (keyof typeof intakeLimitRanges)[]) {
      const { min, max } = intakeLimitRanges[key];
      const withLimit = (value: number) => limitsSchema.safeParse({ ...defaultIntakeLimits, [key]: value }).success;
      expect([withLimit(min - 1), withLimit(min), withLimit(defaultIntakeLimits[key]), withLimit(max), withLimit(max + 1)], key).toEqual([false, true, true, true, false]);
    }
  });
});
