import path from 'node:path';

/**
 * Paths the user handed to the app through a native dialog or a drop. A granted folder covers what is
 * inside it (an import walks it); a granted file covers only itself.
 */
export class PathGrants {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  grantFile(file: string): void {
    this.files.add(normalise(file));
  }

  grantFolder(folder: string): void {
    this.folders.add(normalise(folder));
  }

  allows(candidate: string): boolean {
    if (!path.isAbsolute(candidate)) return false;
    const target = normalise(candidate);
    if (this.files.has(target) || this.folders.has(target)) return true;
    for (const folder of this.folders) if (target.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) return true;
    return false;
  }
}

// Windows paths compare case-insensitively; resolve() removes `..` so a grant cannot be escaped.
const normalise = (p: string) => {
  const resolved = path.resolve(p);
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
};
