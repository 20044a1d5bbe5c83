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

/** The stages that hold the record (and the kernel and host above them): nothing that reads files or text reaches up into them. */
const recordStages = ['db', 'kernel', 'host', 'ledger', 'register', 'workflow', 'accounts', 'exports', 'requests', 'inspection', 'lexicon'];

/**
 * Inner layers of core: metadata reads a 公文's text; intake reads files and, through metadata, their metadata; the
 * scanner reads text; none of them stores anything. Intake knows no scanner: the host's worker entry brings one.
 */
const innerRules: { from: string; to: string[] }[] = [
  { from: 'electron/core/metadata/', to: ['intake', 'scanner', ...recordStages] },
  { from: 'electron/core/intake/', to: ['scanner', ...recordStages] },
  { from: 'electron/core/scanner/', to: ['intake', ...recordStages] },
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
      if (specifier === 'better-sqlite3' && !rel.startsWith('electron/core/db/')) violations.push({ file: rel, specifier, rule: 'only electron/core/db opens SQLite' });
      if ((specifier === 'pg' || specifier.startsWith('pg/')) && !rel.startsWith('electron/core/db/')) violations.push({ file: rel, specifier, rule: 'only electron/core/db talks to PostgreSQL' });
      if (rel.startsWith('electron/core/db/') && target !== null && (target === 'shared/ipc.ts' || target.startsWith('shared/ipc/'))) {
        violations.push({ file: rel, specifier, rule: 'electron/core/db returns its own rows, never the IPC wire types of shared/ipc' });
      }
    }
  }
  if ((rel.startsWith('electron/core/') || rel.startsWith('electron/cli/')) && !rel.startsWith('electron/core/db/') && /\bstore\.connection\b/.test(source)) {
    violations.push({ file: rel, specifier: 'store.connection', rule: 'only electron/core/db uses the connection; the rest goes through the Store' });
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

/**
 * Import cycles among the modules under `dir` (type-only imports included: they tie the modules as tightly for a
 * reader), each as the chain of files that closes on its first. The database module must read top to bottom:
 * open → migrations → each numbered migration, never back.
 */
export async function importCycles(root: string, dir: string): Promise<string[][]> {
  const base = path.join(root, dir);
  const files = (await readdir(base, { recursive: true })).filter((e) => /\.(m?ts|tsx|m?js)$/.test(e)).map((e) => path.join(base, e));
  const inside = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(await readFile(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => path.resolve(path.dirname(file), s))
      .filter((t) => inside.has(t));
    edges.set(file, targets);
  }
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, stack: string[]): void => {
    const at = stack.indexOf(file);
    if (at >= 0) {
      cycles.push([...stack.slice(at), file].map(rel));
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    for (const next of edges.get(file) ?? []) visit(next, stack);
    stack.pop();
    done.add(file);
  };
  for (const file of [...files].sort()) visit(file, []);
  return cycles;
}
