import type { Store } from '../db/store.ts';
import type { Settings, SettingsPatch } from '../../../shared/ipc/records.ts';
import { defaultIntakeLimits } from '../../../shared/intake-limits.ts';
import { defaultHighScoreThreshold } from '../../../shared/decision-rules.ts';
import { defaultPublicationWorkingDays } from '../../../shared/publication-rules.ts';

const defaultSettings: Settings = {
  reviewPolicy: 'on-request-withheld',
  classifiedMachineApproved: false,
  highScoreThreshold: defaultHighScoreThreshold,
  limits: defaultIntakeLimits,
  localBasis: [],
  headCopyDir: null,
  publicationWorkingDays: defaultPublicationWorkingDays,
};

export function readSettings(store: Store): Settings {
  const stored = store.settings.all();
  const settings: Settings = structuredClone(defaultSettings);
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    if (stored[key] !== undefined) (settings as unknown as Record<string, unknown>)[key] = stored[key];
  }
  return settings;
}

/** Writes only the keys that change; returns them with their old values, for the audit entry. */
export function writeSettings(store: Store, patch: SettingsPatch): Record<string, { from: unknown; to: unknown }> {
  const current = readSettings(store);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const from = (current as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(from) === JSON.stringify(value)) continue;
    store.settings.set(key, value);
    changes[key] = { from, to: value };
  }
  return changes;
}
