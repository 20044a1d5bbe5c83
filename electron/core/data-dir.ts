import os from 'node:os';
import path from 'node:path';

/** Where the app keeps its database and user lexicon; `DISCLOSURE_DESK_DATA` overrides it. Kept apart from api.ts so the scan CLI starts fast. */
export function defaultDataDir(): string {
  if (process.env.DISCLOSURE_DESK_DATA) return process.env.DISCLOSURE_DESK_DATA;
  const base = process.platform === 'win32' ? (process.env.APPDATA ?? os.homedir()) : (process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'));
  return path.join(base, 'disclosure-desk');
}
