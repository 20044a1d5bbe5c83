import { describe, expect, it } from 'vitest';
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
        expect(collectUserPaths(schema, [arg]), field).toContain(sample);
      }
    }
    // startImport, verifyAudit, writeCheckpoint, backupNow, restoreBackup, exportRedacted, exportInspection,
    // verifyBundle, importBundles, exportConsolidated, importLexicon, exportLexicon at least.
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('finds the paths of an import, a save and an optional checkpoint, and nothing else', () => {
    expect(collectUserPaths(contract.startImport.args, [{ paths: ['/a/1.docx', '/b'] }])).toEqual(['/a/1.docx', '/b']);
    expect(collectUserPaths(contract.exportRedacted.args, [{ decisionId: 3, path: '/out/公开版.docx', format: 'docx' }])).toEqual(['/out/公开版.docx']);
    expect(collectUserPaths(contract.verifyAudit.args, [{}])).toEqual([]);
    expect(collectUserPaths(contract.getAppInfo.args, [])).toEqual([]);
  });
});

describe('path grants', () => {
  const root = path.resolve('/work/公文');

  it('allows a granted file and nothing beside it', () => {
    const grants = new PathGrants();
    grants.grantFile(path.join(root, '通知.docx'));
    expect(grants.allows(path.join(root, '通知.docx'))).toBe(true);
    expect(grants.allows(path.join(root, '其他.docx'))).toBe(false);
    expect(grants.allows(path.join(root, '通知.docx', '..', '..', 'etc', 'passwd'))).toBe(false);
  });

  it('allows what lies inside a granted folder, but not a sibling that shares its prefix or an escape with ..', () => {
    const grants = new PathGrants();
    grants.grantFolder(root);
    expect(grants.allows(path.join(root, '2024', '批复.pdf'))).toBe(true);
    expect(grants.allows(root + '备份')).toBe(false);
    expect(grants.allows(path.join(root, '..', 'secret.txt'))).toBe(false);
  });

  it('refuses relative paths', () => {
    const grants = new PathGrants();
    grants.grantFolder(process.cwd());
    expect(grants.allows('package.json')).toBe(false);
  });
});
