import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CoreClient } from '../../electron/core/host/client.ts';

const workerUrl = new URL('../../electron/core/host/core-worker.ts', import.meta.url);

describe('the core worker host', () => {
  it('answers calls off the calling thread and returns errors as { code, message } data', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'core-host-'));
    const client = new CoreClient(workerUrl, { dataDir, shell: 'electron', version: '9.9.9' });
    try {
      const info = await client.call('getAppInfo', []);
      expect(info).toEqual({ ok: true, value: expect.objectContaining({ version: '9.9.9', dataDir, shell: 'electron' }) });
      const bad = await client.call('getAppInfo', [1, 2]);
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.code).toBe('invalid-arguments');
      const unknown = await client.call('loadURL', []);
      expect(unknown.ok).toBe(false);
    } finally {
      await client.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
