import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BundleCheck, ConsolidatedView } from '../../shared/ipc/inspection.ts';
import type { ImportStatus } from '../../shared/ipc/records.ts';
import { ConsolidationView } from '../../renderer/src/views/ConsolidationView.tsx';
import { importBusy, useImports } from '../../renderer/src/stores/imports.ts';
import { useNotices } from '../../renderer/src/stores/notices.ts';
import { useSession } from '../../renderer/src/stores/session.ts';

afterEach(cleanup);

beforeEach(() => {
  useNotices.getState().clear();
  useSession.setState({ user: { id: 1, name: 'office', displayName: '办公室', roles: ['reviewer'], keyFingerprint: 'b'.repeat(64) } });
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const emptyView: ConsolidatedView = {
  year: 2025,
  units: [],
  totals: { units: 0, items: 0, done: 0, withheld: 0, partial: 0, onRequest: 0, kept: 0, toProactive: 0, toPartial: 0, requestsReceived: 0, requestsAnsweredLate: 0 },
};

describe('busy states', () => {
  it('disables the bundle buttons and labels the running import until the core answers', async () => {
    const answer = deferred<BundleCheck[]>();
    Object.assign(window, { api: { consolidatedView: vi.fn(async () => emptyView), chooseFiles: vi.fn(async () => ['/in/北区.json']), importBundles: vi.fn(() => answer.promise) } });
    render(<ConsolidationView />);
    fireEvent.click(await screen.findByRole('button', { name: '导入签名包' }));
    const running = await screen.findByRole('button', { name: '正在导入……' });
    expect((running as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '仅核验' }) as HTMLButtonElement).disabled).toBe(true);
    answer.resolve([]);
    await waitFor(() => expect((screen.getByRole('button', { name: '导入签名包' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('refuses a second import batch while one runs, in Chinese, and frees the buttons once it finishes', async () => {
    const running: ImportStatus = { jobId: 'j1', total: 2, done: 1, current: 'a.docx', errors: [], finished: false, cancelled: false, documentIds: [] };
    const importStatus = vi.fn(async () => running);
    const startImport = vi.fn(async () => ({ jobId: 'j1' }));
    Object.assign(window, { api: { startImport, importStatus } });
    useImports.setState({ status: null, starting: false, onFinished: null });
    await useImports.getState().start(['/in/a.docx', '/in/b.docx']);
    expect(importBusy(useImports.getState())).toBe(true);

    await useImports.getState().start(['/in/c.docx']);
    expect(startImport).toHaveBeenCalledTimes(1);
    expect(useNotices.getState().notices.at(-1)?.text).toContain('上一批文件还在读入');

    importStatus.mockResolvedValue({ ...running, done: 2, current: null, finished: true, documentIds: [1, 2] });
    await waitFor(() => expect(importBusy(useImports.getState())).toBe(false), { timeout: 2000 });
  });
});
