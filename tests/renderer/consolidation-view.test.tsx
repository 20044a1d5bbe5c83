import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BundleCheck, ConsolidatedView } from '../../shared/ipc/inspection.ts';
import { ConsolidationView } from '../../renderer/src/views/ConsolidationView.tsx';
import { useSession } from '../../renderer/src/stores/session.ts';

afterEach(cleanup);

const empty: ConsolidatedView = {
  year: 2025,
  units: [],
  totals: { units: 0, items: 0, done: 0, withheld: 0, partial: 0, onRequest: 0, kept: 0, toProactive: 0, toPartial: 0, requestsReceived: 0, requestsAnsweredLate: 0 },
};

const base: BundleCheck = { ok: false, problem: null, message: '', file: '/in/北区.json', unitName: '北区教育局', installationId: 'inst-1', year: 2025, keyFingerprint: 'f'.repeat(64), sha256: 'a'.repeat(64) };
const keyChanged: BundleCheck = { ...base, problem: 'pinned-key-mismatch', message: '签名公钥与此前登记的公钥不同，不予采信' };
const tampered: BundleCheck = { ...base, file: '/in/改过.json', problem: 'bad-signature', message: '签名与内容不符' };

function stubApi(importBundles: (arg: { paths: string[]; trustNewKey?: boolean }) => Promise<BundleCheck[]>) {
  const api = {
    consolidatedView: vi.fn(async () => empty),
    chooseFiles: vi.fn(async () => ['/in/北区.json', '/in/改过.json']),
    importBundles: vi.fn(importBundles),
  };
  Object.assign(window, { api });
  return api;
}

beforeEach(() => {
  useSession.setState({ user: { id: 1, name: 'office', displayName: '办公室', roles: ['reviewer'], keyFingerprint: 'b'.repeat(64) } });
});

describe('ConsolidationView', () => {
  it('offers to trust a new key only for a bundle refused because the unit changed its key, and re-imports it with trustNewKey after the confirmation', async () => {
    const api = stubApi(async ({ trustNewKey }) => (trustNewKey ? [{ ...keyChanged, ok: true, problem: null, message: '已导入北区教育局2025年度自查结果。' }] : [keyChanged, tampered]));
    render(<ConsolidationView />);
    fireEvent.click(await screen.findByRole('button', { name: '导入签名包' }));
    const checks = await screen.findByRole('region', { name: '核验结果' });
    const items = within(checks).getAllByRole('listitem');
    expect(within(items[0]!).getByRole('button', { name: '核实后信任新密钥' })).toBeTruthy();
    expect(within(items[1]!).queryByRole('button', { name: '核实后信任新密钥' })).toBeNull();

    fireEvent.click(within(items[0]!).getByRole('button', { name: '核实后信任新密钥' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('该单位签名密钥已更换：请先通过电话或公文核实后再信任新密钥');
    expect(dialog.textContent).toContain('北区教育局');
    expect(api.importBundles).toHaveBeenCalledTimes(1);

    fireEvent.click(within(dialog).getByRole('button', { name: '已核实，信任并导入' }));
    await waitFor(() => expect(api.importBundles).toHaveBeenLastCalledWith({ paths: ['/in/北区.json'], trustNewKey: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(screen.getByRole('region', { name: '核验结果' })).getAllByRole('listitem')[0]!.textContent).toContain('已采信');
  });

  it('does not re-import when the confirmation is cancelled', async () => {
    const api = stubApi(async () => [keyChanged]);
    render(<ConsolidationView />);
    fireEvent.click(await screen.findByRole('button', { name: '导入签名包' }));
    fireEvent.click(await screen.findByRole('button', { name: '核实后信任新密钥' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.importBundles).toHaveBeenCalledTimes(1);
  });
});
