import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { channelNames, contract } from '../../shared/ipc.ts';
import { createCore } from '../../electron/core/api.ts';
import { dispatch, validateCall } from '../../electron/core/host/dispatch.ts';

describe('the IPC contract', () => {
  it('rejects an unknown channel with code "unknown-channel"', () => {
    const result = validateCall('executeJavaScript', []);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown-channel');
  });

  it('rejects prototype keys as channels', () => {
    expect(validateCall('__proto__', []).ok).toBe(false);
    expect(validateCall('constructor', []).ok).toBe(false);
  });

  it('rejects extra or ill-typed arguments with a Chinese message', () => {
    const extra = validateCall('getAppInfo', ['x']);
    expect(extra.ok).toBe(false);
    const wrong = validateCall('chooseFiles', [{ folders: 'yes' }]);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toMatch(/参数不合法/);
    const unknownKey = validateCall('chooseFiles', [{ folders: true, shell: 'rm -rf' }]);
    expect(unknownKey.ok).toBe(false);
  });

  it('every core channel is implemented by createCore and every main channel is not', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'contract-'));
    const core = createCore({ dataDir, shell: 'cli', version: 'test' });
    try {
      for (const name of channelNames) {
        const implemented = typeof (core.api as Record<string, unknown>)[name] === 'function';
        expect(implemented, name).toBe(contract[name].host === 'core');
      }
      const envelope = await dispatch(core.api, 'getAppInfo', []);
      expect(envelope).toMatchObject({ ok: true, value: { dataDir } });
      // The dispatcher no longer parses: core's own check is the one every renderer argument meets.
      expect(await dispatch(core.api, 'login', [{ name: 'a', password: 'b', extra: 1 }])).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringContaining('参数不合法') } });
      expect(await dispatch(core.api, 'login', 'not-an-array')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
      expect(await dispatch(core.api, 'chooseFiles', [{}])).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    } finally {
      core.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('the preload exposes only contract functions, never ipcRenderer or process', async () => {
    const preload = await readFile(path.resolve(import.meta.dirname, '../../electron/preload/index.ts'), 'utf8');
    const exposed = [...preload.matchAll(/exposeInMainWorld\('(\w+)'/g)].map((m) => m[1]);
    expect(exposed).toEqual(['api', 'files']);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/process\./);
  });
});
