import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkTree, importCycles, importsOf } from './check.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('runtime layers', () => {
  it('the real tree has no layer violations', async () => {
    expect(await checkTree(root)).toEqual([]);
  });

  it('finds static, dynamic, side-effect and require imports', () => {
    const source = `import a from 'node:fs';\nimport type { B } from "../x.ts";\nexport { c } from './c.ts';\nconst d = await import('electron');\nimport './side.css';\nconst e = require('path');`;
    expect(importsOf(source)).toEqual(['node:fs', '../x.ts', './c.ts', 'electron', './side.css', 'path']);
  });

  describe('catches a planted violation in a copy of the tree', () => {
    const plants: [string, string, RegExp][] = [
      ['renderer/src/planted.ts', "import { readFileSync } from 'node:fs';\n", /renderer\/ never imports Node/],
      ['renderer/src/planted2.ts', "import { createCore } from '../../electron/core/api.ts';\n", /renderer\/ never imports electron\//],
      ['shared/planted.ts', "import { createCore } from '../electron/core/api.ts';\n", /shared\/ imports only from shared/],
      ['shared/planted3.ts', "import path from 'node:path';\n", /shared\/ is pure/],
      ['electron/core/planted.ts', "import { app } from 'electron';\n", /never import electron/],
      ['electron/cli/planted.ts', "const { BrowserWindow } = require('electron');\n", /never import electron/],
      ['electron/core/intake/planted-dynamic.ts', "const db = await import('../db/open.ts');\n", /electron\/core\/intake never imports electron\/core\/db$/],
      ['electron/core/intake/planted-worker.ts', "const { createScanner } = await import('../scanner/index.ts');\n", /electron\/core\/intake never imports electron\/core\/scanner$/],
      ['electron/core/scanner/planted-metadata.ts', "import { parseMetadata } from '../intake/index.ts';\n", /electron\/core\/scanner never imports electron\/core\/intake$/],
      ['electron/core/metadata/planted.ts', "import { parseJob } from '../intake/parse.ts';\n", /electron\/core\/metadata never imports electron\/core\/intake$/],
      ['electron/core/scanner/planted.ts', "import type { Store } from '../db/store.ts';\n", /electron\/core\/scanner never imports electron\/core\/db$/],
      ['electron/core/ledger/planted.ts', "import Database from 'better-sqlite3';\n", /only electron\/core\/db opens SQLite/],
      ['electron/core/accounts/planted-pg.ts', "import pg from 'pg';\n", /only electron\/core\/db talks to PostgreSQL/],
      ['electron/core/requests/planted.ts', "export const planted = (ctx) => ctx.store.connection.prepare('SELECT 1').get();\n", /only electron\/core\/db uses the connection/],
      ['electron/core/db/planted.ts', "import type { DocumentRow } from '../../../shared/ipc/records.ts';\n", /db returns its own rows/],
      ['electron/core/db/migrations/planted.ts', "import type { Contract } from '../../../../shared/ipc.ts';\n", /db returns its own rows/],
      ['electron/cli/commands/planted.ts', "import type { Store } from '../../core/db/store.ts';\n", /electron\/cli never imports electron\/core\/db$/],
    ];
    for (const [file, source, rule] of plants) {
      it(`flags ${file}`, async () => {
        const copy = await mkdtemp(path.join(os.tmpdir(), 'layers-'));
        try {
          for (const top of ['shared', 'renderer', 'electron']) await cp(path.join(root, top), path.join(copy, top), { recursive: true });
          await writeFile(path.join(copy, file), source);
          const violations = await checkTree(copy);
          expect(violations).toHaveLength(1);
          expect(violations[0]!.file).toBe(file);
          expect(violations[0]!.rule).toMatch(rule);
        } finally {
          await rm(copy, { recursive: true, force: true });
        }
      });
    }
  });

  describe('catches every stage the reading stages must not reach, in one copy per stage', () => {
    const recordStages = ['db', 'kernel', 'host', 'ledger', 'register', 'workflow', 'accounts', 'exports', 'requests', 'inspection', 'lexicon'];
    const forbidden: Record<string, string[]> = {
      metadata: ['intake', 'scanner', ...recordStages],
      intake: ['scanner', ...recordStages],
      scanner: ['intake', ...recordStages],
    };
    for (const [stage, targets] of Object.entries(forbidden)) {
      it(`flags electron/core/${stage} reaching ${targets.join(', ')}`, async () => {
        const copy = await mkdtemp(path.join(os.tmpdir(), 'layers-'));
        try {
          for (const top of ['shared', 'renderer', 'electron']) await cp(path.join(root, top), path.join(copy, top), { recursive: true });
          for (const target of targets) await writeFile(path.join(copy, `electron/core/${stage}/planted-${target}.ts`), `import * as reached from '../${target}/planted-target.ts';\n`);
          const violations = await checkTree(copy);
          expect(violations.map((v) => [v.file, v.rule]).sort()).toEqual(
            targets.map((target) => [`electron/core/${stage}/planted-${target}.ts`, `electron/core/${stage} never imports electron/core/${target}`]).sort(),
          );
        } finally {
          await rm(copy, { recursive: true, force: true });
        }
      });
    }
  });

  describe('the database module has no import cycle', () => {
    it('in the real tree', async () => {
      expect(await importCycles(root, 'electron/core/db')).toEqual([]);
    });

    it('catches a planted cycle through a type-only import', async () => {
      const copy = await mkdtemp(path.join(os.tmpdir(), 'layers-'));
      try {
        await cp(path.join(root, 'electron/core/db'), path.join(copy, 'electron/core/db'), { recursive: true });
        await writeFile(path.join(copy, 'electron/core/db/migrations/005-planted.ts'), "import type { Store } from '../store.ts';\nexport type Planted = Store;\n");
        const migrations = path.join(copy, 'electron/core/db/migrations.ts');
        await writeFile(migrations, `import type { Planted } from './migrations/005-planted.ts';\n${await readFile(migrations, 'utf8')}`);
        const cycles = await importCycles(copy, 'electron/core/db');
        expect(cycles.length).toBeGreaterThan(0);
        for (const cycle of cycles) expect(cycle).toContain('electron/core/db/migrations/005-planted.ts');
        expect(cycles).toContainEqual([
          'electron/core/db/migrations.ts',
          'electron/core/db/migrations/005-planted.ts',
          'electron/core/db/store.ts',
          'electron/core/db/open.ts',
          'electron/core/db/migrations.ts',
        ]);
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    });
  });
});
