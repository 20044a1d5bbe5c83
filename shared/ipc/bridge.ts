/** Local (non-IPC) helpers the preload exposes beside `window.api`. */
export interface FilesBridge {
  /** Absolute path of a dropped file; null where the shell cannot tell (e.g. a browser). */
  pathForFile(file: { name: string }): string | null;
}

/** Internal preload → main message that grants a dropped file's path; not part of window.api. */
export const DROPPED_PATH_CHANNEL = 'files:dropped-path';
