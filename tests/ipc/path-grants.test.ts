import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { contract, channelNames } from '../../shared/ipc.ts';
import { collectUserPaths } from '../../shared/ipc/paths.ts';
import { PathGrants } from '../../electron/main/path-grants.ts';

/** Every string field whose name says it is a path, anywhere in a schema. */
function pathNamedFields(schema: z.ZodType, trail: string, out: string[] = []): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'object') {
    for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      if (/(^|[a-z])(path|paths|file|files|dir|folder)$/i.test(key)) out.push(`${trail}.${key}`);
      pathNamedFields(field, `${trail}.${key}`, out);
    }
  } else if (def.type === 'tuple') (def.items as z.ZodType[]).forEach((item, i) => pathNamedFields(item, `${trail}[${i}]`, out));
  else if (def.type === 'array') pathNamedFields(def.element as z.ZodType, `${trail}[]`, out);
  else if (['optional', 'nullable', 'default', 'readonly'].includes(def.type)) pathNamedFields(def.innerType as z.ZodType, trail, out);
  return out;
}

describe('path arguments in the IPC contract', () => {
  it('every path-named argument of every channel is a userPath the gate checks', () => {
    let checked = 0;
    for (const name of channelNames) {
      const schema = contract[name].args;
      for (const field of pathNamedFields(schema, name)) {
        checked++;
        // Build a call that fills only that field and check the walker reports it.
        const sample = '/tmp/probe-' + field.replace(/\W+/g, '_');
        const keys = field.slice(name.length).split('.').filter(Boolean).map((k) => k.replace(/\[\d*\]$/, ''));
        const isArray = /paths|files$/i.test(keys.at(-1)!);
        const arg: Record<string, unknown> = {};
        let cursor = arg;
        keys.slice(1, -1).forEach((k) => (cursor = (cursor[k] = {}) as Record<string, unknown>));
        cursor[keys.at(-1)!] = isArray ? [sample] : sample;
        expect(collectUserPaths(schema, [arg]).map((p) => p.path), field).toContain(sample);
      }
    }
    // startImport, verifyAudit, writeCheckpoint, backupNow, restoreBackup, exportRedacted, exportInspection,
    // verifyBundle, importBundles, exportConsolidated, importLexicon, exportLexicon at least.
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('finds the paths of an import, a save and an optional checkpoint, and nothing else', () => {
    expect(collectUserPaths(contract.startImport.args, [{ paths: ['/a/1.docx', '/b'] }])).toEqual([{ path: '/a/1.docx', save: false }, { path: '/b', save: false }]);
    expect(collectUserPaths(contract.exportRedacted.args, [{ decisionId: 3, path: '/out/公开版.docx', format: 'docx' }])).toEqual([{ path: '/out/公开版.docx', save: true }]);
    expect(collectUserPaths(contract.verifyAudit.args, [{}])).toEqual([]);
    expect(collectUserPaths(contract.getAppInfo.args, [])).toEqual([]);
  });

  it('marks as save targets exactly the channels that write a file', () => {
    const writers = channelNames.filter((name) => {
      const fields = pathNamedFields(contract[name].args, name);
      return fields.length > 0 && collectUserPaths(contract[name].args, [{ path: '/x', paths: ['/x'], checkpointPath: '/x' }]).some((p) => p.save);
    });
    expect(writers.sort()).toEqual(['backupNow', 'exportAnnualReport', 'exportConsolidated', 'exportInspection', 'exportLexicon', 'exportRedacted', 'exportReviewForm', 'exportStamped', 'writeCheckpoint']);
  });
});

/** Kinds of schema whose parsed value may differ from the value given. */
const changing = new Set(['transform', 'pipe', 'default', 'prefault', 'catch', 'success']);

function valueChangers(schema: z.ZodType, trail: string, out: string[] = []): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (changing.has(def.type)) out.push(`${trail} (${def.type})`);
  const children: z.ZodType[] = [];
  if (def.type === 'object') children.push(...Object.values(def.shape as Record<string, z.ZodType>));
  else if (def.type === 'tuple') children.push(...(def.items as z.ZodType[]), ...(def.rest ? [def.rest as z.ZodType] : []));
  else if (def.type === 'array') children.push(def.element as z.ZodType);
  else if (def.type === 'union') children.push(...(def.options as z.ZodType[]));
  else if (def.type === 'record') children.push(def.keyType as z.ZodType, def.valueType as z.ZodType);
  else if (def.type === 'intersection') children.push(def.left as z.ZodType, def.right as z.ZodType);
  else if (['optional', 'nullable', 'readonly'].includes(def.type)) children.push(def.innerType as z.ZodType);
  for (const child of children) valueChangers(child, trail, out);
  return out;
}

describe('the gate reads paths from the raw arguments', () => {
  it('no channel schema changes a value while parsing, so the paths main checks are the paths core parses', () => {
    expect(channelNames.flatMap((name) => valueChangers(contract[name].args, name))).toEqual([]);
  });

  it('would notice a schema that fills in a value', async () => {
    const { z: zod } = await import('zod');
    expect(valueChangers(zod.tuple([zod.object({ path: zod.string().default('/etc/passwd') })]), 'planted')).toEqual(['planted (default)']);
  });
});

describe('read grants', () => {
  const root = path.resolve('/work/公文');
  const reads = (grants: PathGrants, p: string) => grants.refusal(contract.startImport.args, [{ paths: [p] }]) === undefined;

  it('allows a granted file and nothing beside it', () => {
    const grants = new PathGrants();
    grants.grantFile(path.join(root, '通知.docx'));
    expect(reads(grants, path.join(root, '通知.docx'))).toBe(true);
    expect(reads(grants, path.join(root, '其他.docx'))).toBe(false);
    expect(reads(grants, path.join(root, '通知.docx', '..', '..', 'etc', 'passwd'))).toBe(false);
  });

  it('allows what lies inside a granted folder, but not a sibling that shares its prefix or an escape with ..', () => {
    const grants = new PathGrants();
    grants.grantFolder(root);
    expect(reads(grants, path.join(root, '2024', '批复.pdf'))).toBe(true);
    expect(reads(grants, root + '备份')).toBe(false);
    expect(reads(grants, path.join(root, '..', 'secret.txt'))).toBe(false);
  });

  it('refuses relative paths', () => {
    const grants = new PathGrants();
    grants.grantFolder(process.cwd());
    expect(reads(grants, 'package.json')).toBe(false);
  });
});

describe('write grants', () => {
  const scratch = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'grants-')));
  const exportCall = (file: string) => [{ year: 2025, format: 'xlsx', path: file }];

  it('does not let a folder grant (an import or a drop) cover writes below it, through a link or otherwise', () => {
    const dropped = scratch();
    const elsewhere = scratch();
    fs.symlinkSync(elsewhere, path.join(dropped, 'link'));
    const grants = new PathGrants();
    grants.grantFolder(dropped);
    expect(grants.refusal(contract.startImport.args, [{ paths: [path.join(dropped, 'a.docx')] }])).toBeUndefined();
    expect(grants.refusal(contract.exportInspection.args, exportCall(path.join(dropped, 'link', 'planted.xlsx')))).toBe(path.join(dropped, 'link', 'planted.xlsx'));
    expect(grants.refusal(contract.exportInspection.args, exportCall(path.join(dropped, 'new.xlsx')))).toBe(path.join(dropped, 'new.xlsx'));
  });

  it('lets a save grant cover only the exact path the dialog returned, not a sibling, and not an open-dialog file', () => {
    const dir = scratch();
    const chosen = path.join(dir, '台账.xlsx');
    const grants = new PathGrants();
    grants.grantSave(chosen);
    grants.grantFile(path.join(dir, '读入.docx'));
    expect(grants.refusal(contract.exportInspection.args, exportCall(chosen))).toBeUndefined();
    expect(grants.refusal(contract.exportInspection.args, exportCall(path.join(dir, '台账.checkpoint.json')))).toBeDefined();
    expect(grants.refusal(contract.exportInspection.args, exportCall(path.join(dir, '读入.docx')))).toBeDefined();
    expect(grants.refusal(contract.verifyAudit.args, [{ checkpointPath: chosen }])).toBeUndefined();
  });

  it('refuses a granted save path once its folder has been swapped for a link, or when the file itself is a link', () => {
    const parent = scratch();
    const elsewhere = scratch();
    const dir = path.join(parent, 'out');
    fs.mkdirSync(dir);
    const chosen = path.join(dir, 'backup.sqlite');
    const grants = new PathGrants();
    grants.grantSave(chosen);
    expect(grants.refusal(contract.backupNow.args, [{ path: chosen }])).toBeUndefined();
    fs.rmSync(dir, { recursive: true });
    fs.symlinkSync(elsewhere, dir);
    expect(grants.refusal(contract.backupNow.args, [{ path: chosen }])).toBe(chosen);

    const other = path.join(scratch(), 'copy.sqlite');
    fs.symlinkSync(path.join(elsewhere, 'target'), other);
    grants.grantSave(other);
    expect(grants.refusal(contract.backupNow.args, [{ path: other }])).toBe(other);
  });
});
