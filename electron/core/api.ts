import path from 'node:path';
import os from 'node:os';
import type { Api } from '../../shared/ipc.ts';
import type { AppInfo } from '../../shared/ipc/app.ts';
import type { IntakeLimits } from '../../shared/types.ts';

export type Shell = AppInfo['shell'] | 'cli';

export interface CoreOptions {
  dataDir: string;
  /** Overrides `${dataDir}/disclosure-desk.sqlite`. */
  dbPath?: string;
  /** Overrides the shipped `resources/lexicon`. */
  lexiconDir?: string;
  limits?: Partial<IntakeLimits>;
  /** file: URL of the bundled intake worker; from source the intake module finds its own. */
  intakeWorkerUrl?: string;
  shell: Shell;
  version: string;
}

/** Channels answered by the Electron glue, not by core. */
export type MainOnlyChannel = 'chooseFiles' | 'chooseSavePath';
export type CoreApi = Omit<Api, MainOnlyChannel>;

export interface Core {
  api: CoreApi;
  close(): void;
}

export function defaultDataDir(): string {
  if (process.env.DISCLOSURE_DESK_DATA) return process.env.DISCLOSURE_DESK_DATA;
  const base = process.platform === 'win32' ? (process.env.APPDATA ?? os.homedir()) : (process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'));
  return path.join(base, 'disclosure-desk');
}

export function createCore(options: CoreOptions): Core {
  const appInfo: AppInfo = {
    name: '公开属性审查台',
    version: options.version,
    dataDir: options.dataDir,
    shell: options.shell === 'electron' ? 'electron' : 'browser-twin',
  };
  const api: CoreApi = {
    getAppInfo: async () => appInfo,
  };
  return {
    api,
    close() {},
  };
}
