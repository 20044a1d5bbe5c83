import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `bytes` to `target` through a temporary file beside it and a rename, so a reader never sees half a
 * file. The temporary file carries the target's own name plus a random suffix (`X.xlsx.3f9a….tmp`) and is
 * created exclusively, so no file or link already lying there is written through; the rename replaces a link
 * at the target itself instead of following it. Returns the SHA-256 of what was written.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array): string {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Whether opening a user's path failed because nothing is there, as opposed to a file that is there but cannot be read. */
export const isMissing = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};
