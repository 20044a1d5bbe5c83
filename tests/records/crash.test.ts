import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/store.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { makeTeam, openTestRecords, tempDir } from './helpers.ts';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');

describe('crash safety', () => {
  it('leaves a record that passes quick_check and verify, with every committed decision intact, after SIGKILL mid-batch', async () => {
    const file = path.join(tempDir(), 'crash.sqlite');
    const ctx = openTestRecords(file);
    makeTeam(ctx);
    ctx.store.close();

    const committed: number[] = [];
    const proc = spawn(process.execPath, [child, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      proc.on('exit', () => resolve());
      proc.on('error', reject);
      proc.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) committed.push(Number(line.split(' ')[1]));
        if (committed.length >= 40 && !proc.killed) proc.kill('SIGKILL');
      });
    });
    expect(stderr).toBe('');
    expect(proc.signalCode).toBe('SIGKILL');
    expect(committed.length).toBeGreaterThanOrEqual(40);

    const store = openStore(file);
    const report = verifyRecord(store);
    expect(report.intact).toBe(true);
    for (const id of committed) expect(store.decisions.get(id)?.state, `decision ${id}`).toBe('submitted');
    store.close();
  });
});
