import { builtinModules } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const importPattern = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])import\s+['"]([^'"]+)['"]|(?:^|[^\w.])require\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (spec) found.push(spec);
  }
  return found;
}

/**
 * Inner layers of core: intake reads files and stores nothing, the scanner reads text and stores nothing; the CLI stays above core's handlers.
 * intake ↛ scanner and scanner ↛ intake are not here: parse workers load the scanner, and the scanner reads 公文 metadata with intake's parser.
 */
const innerRules: { from: string; to: string[] }[] = [
  { from: 'electron/core/intake/', to: ['db', 'ledger', 'register', 'workflow', 'accounts', 'exports'] },
  { from: 'electron/core/scanner/', to: ['db'] },
  // The CLI is a face like the app: it calls the core handlers, never the database under them.
  { from: 'electron/cli/', to: ['db'] },
];

/** Layer rules after VS Code's: shared is pure, renderer is browser-only, core and CLI never touch Electron. */
export function checkFile(root: string, file: string, source: string): Violation[] {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const violations: Violation[] = [];
  for (const specifier of importsOf(source)) {
    const target = specifier.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/') : null;
    const isBuiltin = builtins.has(specifier) || specifier.startsWith('node:');
    if (rel.startsWith('shared/')) {
      if (target !== null && !target.startsWith('shared/')) violations.push({ file: rel, specifier, rule: 'shared/ imports only from shared/' });
      if (target === null && specifier !== 'zod') violations.push({ file: rel, specifier, rule: 'shared/ is pure: no packages but zod, no Node, no DOM' });
    } else if (rel.startsWith('renderer/')) {
      if (target !== null && target.startsWith('electron/')) violations.push({ file: rel, specifier, rule: 'renderer/ never imports electron/' });
      if (isBuiltin || specifier === 'electron') violations.push({ file: rel, specifier, rule: 'renderer/ never imports Node built-ins or electron' });
    } else if (rel.startsWith('electron/core/') || rel.startsWith('electron/cli/')) {
      if (specifier === 'electron' || specifier.startsWith('electron/')) violations.push({ file: rel, specifier, rule: 'electron/core and electron/cli never import electron' });
      if (target !== null && (target.startsWith('electron/main/') || target.startsWith('electron/preload/') || target.startsWith('renderer/'))) {
        violations.push({ file: rel, specifier, rule: 'electron/core and electron/cli never import the Electron glue or the renderer' });
      }
      for (const { from, to } of innerRules) {
        if (!rel.startsWith(from) || target === null) continue;
        const reached = to.find((inner) => target.startsWith(`electron/core/${inner}/`));
        if (reached) violations.push({ file: rel, specifier, rule: `${from.slice(0, -1)} never imports electron/core/${reached}` });
      }
    }
  }
  return violations;
}

export async function checkTree(root: string): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const top of ['shared', 'renderer', 'electron']) {
    let entries: string[];
    try {
      entries = await readdir(path.join(root, top), { recursive: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!/\.(m?ts|tsx|m?js)$/.test(entry)) continue;
      const file = path.join(root, top, entry);
      violations.push(...checkFile(root, file, await readFile(file, 'utf8')));
    }
  }
  return violations;
}
