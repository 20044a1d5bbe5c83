import { z } from 'zod';
import { channel } from './channel.ts';

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  /** Where the app runs: the real Electron shell or the browser test twin. */
  shell: 'electron' | 'browser-twin';
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const appChannels = {
  getAppInfo: channel(z.tuple([]))<AppInfo>(),
  /** Native open dialog; returns absolute paths, empty when cancelled. */
  chooseFiles: channel(z.tuple([z.object({ folders: z.boolean().optional() }).strict()]), 'main')<string[]>(),
  /**
   * Native save dialog; returns the chosen path or null when cancelled. The path may then be written, and
   * nothing else: `companion: 'checkpoint'` tells the person that a same-stem `.checkpoint.json` goes beside it.
   */
  chooseSavePath: channel(
    z.tuple([
      z
        .object({
          defaultName: z.string().max(255),
          filters: z.array(z.object({ name: z.string().max(100), extensions: z.array(z.string().max(10)).max(10) })).max(10),
          companion: z.literal('checkpoint').optional(),
        })
        .strict(),
    ]),
    'main',
  )<string | null>(),
};
