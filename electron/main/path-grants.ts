import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { collectUserPaths } from '../../shared/ipc/paths.ts';

/**
 * Paths the user handed to the app. Reading: a file from an open dialog covers itself, a folder from an open
 * dialog or a drop covers what is inside it (an import walks it). Writing: only the exact path a save dialog
 * returned, while its folder is still the folder the user saw (not swapped for a link) and the path is not
 * itself a link, so page script cannot steer a write elsewhere.
 */
export class PathGrants {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();
  /** Save target → the real path of its folder when the dialog returned it. */
  private readonly saves = new Map<string, string>();

  grantFile(file: string): void {
    this.files.add(normalise(file));
  }

  grantFolder(folder: string): void {
    this.folders.add(normalise(folder));
  }

  grantSave(file: string): void {
    const folder = realFolder(file);
    if (folder !== null) this.saves.set(normalise(file), folder);
  }

  /** The first path argument of a call that was not granted for its use, if any. */
  refusal(schema: z.ZodType, args: unknown[]): string | undefined {
    return collectUserPaths(schema, args).find((p) => !(p.save ? this.allowsWrite(p.path) : this.allowsRead(p.path)))?.path;
  }

  private allowsRead(candidate: string): boolean {
    if (!path.isAbsolute(candidate)) return false;
    const target = normalise(candidate);
    if (this.files.has(target) || this.folders.has(target) || this.saves.has(target)) return true;
    for (const folder of this.folders) if (target.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) return true;
    return false;
  }

  private allowsWrite(candidate: string): boolean {
    if (!path.isAbsolute(candidate)) return false;
    const granted = this.saves.get(normalise(candidate));
    return granted !== undefined && realFolder(candidate) === granted && !isLink(candidate);
  }
}

// Windows paths compare case-insensitively; resolve() removes `..` so a grant cannot be escaped.
const normalise = (p: string) => {
  const resolved = path.resolve(p);
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
};

function realFolder(file: string): string | null {
  try {
    return normalise(fs.realpathSync.native(path.dirname(path.resolve(file))));
  } catch {
    return null;
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
