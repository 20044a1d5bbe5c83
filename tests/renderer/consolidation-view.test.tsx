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

const base: BundleCheck = { ok: false, problem: null, message: '', file: '/in/北区.json', unitName: '北区教育局', installationId: 'inst-1', year: 2025, keyFingerprint: null, sha256: 'a'.repeat(64) };
const firstSeen: BundleCheck = { ...base, problem: 'unconfirmed-key', message: '文件“北区.json”来自尚未登记的单位“北区教育局”。' };
const keyChanged: BundleCheck = { ...base, problem: 'pinned-key-mismatch', message: '签名公钥与此前登记的公钥不同，不予采信' };
const tampered: BundleCheck = { ...base, file: '/in/改过.json', problem: 'bad-signature', message: '签名与内容不符' };
const unitKey = 'c0ffee'.padEnd(64, '7');
const imported: BundleCheck = { ...base, ok: true, problem: null, message: '已导入北区教育局2025年度自查结果。', keyFingerprint: unitKey };

type ImportArg = { paths: string[]; confirmedFingerprints?: string[] };

function stubApi(importBundles: (arg: ImportArg) => Promise<BundleCheck[]>) {
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

async function openConfirmation(label = '输入公钥指纹确认') {
  render(<ConsolidationView />);
  fireEvent.click(await screen.findByRole('button', { name: '导入签名包' }));
  const items = within(await screen.findByRole('region', { name: '核验结果' })).getAllByRole('listitem');
  fireEvent.click(within(items[0]!).getByRole('button', { name: label }));
  return screen.findByRole('dialog', { name: '确认单位的签名公钥' });
}

describe('ConsolidationView', () => {
  it('asks for the fingerprint only for bundles refused for an unconfirmed key, and re-imports with what the office typed', async () => {
    const api = stubApi(async ({ confirmedFingerprints }) => (confirmedFingerprints ? [imported] : [firstSeen, tampered]));
    render(<ConsolidationView />);
    fireEvent.click(await screen.findByRole('button', { name: '导入签名包' }));
    const items = within(await screen.findByRole('region', { name: '核验结果' })).getAllByRole('listitem');
    expect(within(items[1]!).queryByRole('button', { name: '输入公钥指纹确认' })).toBeNull();

    fireEvent.click(within(items[0]!).getByRole('button', { name: '输入公钥指纹确认' }));
    const dialog = await screen.findByRole('dialog', { name: '确认单位的签名公钥' });
    expect(dialog.textContent).toContain('“北区教育局”是首次导入的单位');
    expect(dialog.textContent).toContain('不要从签名包文件中复制指纹');
    const typed = unitKey.toUpperCase().replace(/(.{4})/g, '$1 ');
    fireEvent.change(within(dialog).getByLabelText('单位告知的公钥指纹'), { target: { value: typed } });
    fireEvent.click(within(dialog).getByRole('button', { name: '核对指纹并导入' }));
    await waitFor(() => expect(api.importBundles).toHaveBeenLastCalledWith({ paths: ['/in/北区.json'], confirmedFingerprints: [typed] }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(screen.getByRole('region', { name: '核验结果' })).getAllByRole('listitem')[0]!.textContent).toContain('已采信');
  });

  it('says that the unit changed its key and keeps the dialog open with the reason when the typed fingerprint does not match', async () => {
    const mismatch = { ...keyChanged, message: '所输入的指纹与该文件的签名公钥不符。' };
    const api = stubApi(async ({ confirmedFingerprints }) => [confirmedFingerprints ? mismatch : keyChanged]);
    const dialog = await openConfirmation();
    expect(dialog.textContent).toContain('此次签名所用的公钥与此前登记的不同');
    fireEvent.change(within(dialog).getByLabelText('单位告知的公钥指纹'), { target: { value: 'a'.repeat(64) } });
    fireEvent.click(within(dialog).getByRole('button', { name: '核对指纹并导入' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('不符');
    expect(api.importBundles).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('refuses to send something that is not a fingerprint', async () => {
    const api = stubApi(async () => [firstSeen]);
    const dialog = await openConfirmation();
    fireEvent.change(within(dialog).getByLabelText('单位告知的公钥指纹'), { target: { value: '1234 abcd' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '核对指纹并导入' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('64 位十六进制');
    expect(api.importBundles).toHaveBeenCalledTimes(1);
  });

  it('does not re-import when the confirmation is cancelled', async () => {
    const api = stubApi(async () => [keyChanged]);
    const dialog = await openConfirmation();
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.importBundles).toHaveBeenCalledTimes(1);
  });
});
