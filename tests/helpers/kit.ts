// The kit beside the repository (../shared, not the product's shared/): real samples, seed documents and published
// documents that stay outside the repository.
import fs from 'node:fs';
import path from 'node:path';

export type KitFolder = 'samples' | 'seeds' | 'real-docs';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Where a kit folder is, whether or not it exists. DISCLOSURE_KIT_DIR moves the whole kit. */
export function kitPath(folder: KitFolder): string {
  const kit = process.env.DISCLOSURE_KIT_DIR ? path.resolve(process.env.DISCLOSURE_KIT_DIR) : path.resolve(repoRoot, '..', 'shared');
  return path.join(kit, folder);
}

const inCi = (): boolean => {
  const ci = process.env.CI;
  return !!ci && ci !== 'false' && ci !== '0';
};

const hasEntries = (dir: string): boolean => {
  try {
    return fs.readdirSync(dir).some((entry) => !entry.startsWith('.'));
  } catch {
    return false;
  }
};

/**
 * The kit folder a test reads, or null when it is missing or empty and the tests that read it skip, with the reason printed.
 * Under CI a missing folder throws instead, so the test file fails rather than passing with nothing run.
 */
export function requireKit(folder: KitFolder): string | null {
  const dir = kitPath(folder);
  if (hasEntries(dir)) return dir;
  if (inCi()) throw new Error(`CI is set but the kit folder ${dir} is missing or empty: the tests that read it cannot run`);
  console.warn(`skipping the tests that read ${dir}: the kit folder is missing or empty (with CI=true this fails)`);
  return null;
}
