import fs from 'node:fs';
import path from 'node:path';

const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function isUnder(real: string, rootReal: string): boolean {
  const relative = path.relative(rootReal, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * A folder's files in name order, skipping hidden and Office lock (`~$`) files. Entries are taken as
 * they are on disk, never through a link (Dirent types come from lstat, not stat): a symbolic link or junction,
 * to a file or a folder, is not followed, so `x -> .` cannot loop and a link cannot bring in files from
 * elsewhere; pipes, sockets and devices are not documents either. Each folder entered must still resolve
 * (realpath) inside the folder that was named, and is entered once.
 */
function walk(dir: string, rootReal: string, entered: Set<string>, files: string[]): void {
  const real = fs.realpathSync(dir);
  if (!isUnder(real, rootReal) || entered.has(real)) return;
  entered.add(real);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, rootReal, entered, files);
    // Every file gets a line: one the app cannot read is reported with the reason, never skipped.
    else if (entry.isFile()) files.push(full);
  }
}

/**
 * The files an import or a scan of these paths covers: a file named directly is always tried (intake says why one
 * is refused, including one that does not exist); a folder named contributes every file in it, at any depth.
 */
export function documentFiles(paths: readonly string[]): { files: string[]; walked: boolean } {
  const files: string[] = [];
  let walked = false;
  for (const p of paths) {
    let isFolder = false;
    try {
      isFolder = fs.statSync(p).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) {
      files.push(p);
      continue;
    }
    walked = true;
    walk(p, fs.realpathSync(p), new Set(), files);
  }
  return { files, walked };
}
