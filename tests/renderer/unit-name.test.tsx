import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InspectionConfig } from '../../shared/ipc/inspection.ts';
import type { Role } from '../../shared/types.ts';
import { SettingsView } from '../../renderer/src/views/SettingsView.tsx';
import { YearPicker } from '../../renderer/src/components/YearPicker.tsx';
import { useSession } from '../../renderer/src/stores/session.ts';

afterEach(cleanup);

const config: InspectionConfig = { unitName: '本单位', reportTo: '本级人民政府办公室', minRequests: 2, processMonths: 12 };

/** Only the channels the unit section uses answer; the rest of the page gets empty answers. */
function stubApi() {
  const known = {
    getInspectionConfig: vi.fn(async () => config),
    setUnitName: vi.fn(async ({ name }: { name: string }) => ({ ...config, unitName: name })),
  };
  const api = new Proxy(known, { get: (target, key: string) => (key in target ? target[key as keyof typeof known] : async () => (key === 'getSettings' ? null : [])) });
  Object.assign(window, { api });
  return known;
}

const signIn = (roles: Role[]) => useSession.setState({ user: { id: 1, name: 'u', displayName: 'u', roles, keyFingerprint: 'b'.repeat(64) } });

describe('the unit name on the 设置 page', () => {
  it('warns while the unit is still 本单位 and lets an admin set its name through setUnitName', async () => {
    const api = stubApi();
    signIn(['admin']);
    render(<SettingsView />);
    const section = await screen.findByRole('form', { name: '单位' });
    expect(section.textContent).toContain('尚未设置单位名称');
    fireEvent.change(within(section).getByLabelText('单位名称'), { target: { value: ' 东区民政局 ' } });
    fireEvent.click(within(section).getByRole('button', { name: '保存单位名称' }));
    await waitFor(() => expect(api.setUnitName).toHaveBeenCalledWith({ name: '东区民政局' }));
    await waitFor(() => expect(section.textContent).not.toContain('尚未设置单位名称'));
  });

  it('shows the name to others without letting them change it', async () => {
    stubApi();
    signIn(['reviewer']);
    render(<SettingsView />);
    const section = await screen.findByRole('form', { name: '单位' });
    expect(within(section).getByLabelText('单位名称').matches(':disabled')).toBe(true);
    expect(within(section).queryByRole('button', { name: '保存单位名称' })).toBeNull();
  });
});

describe('the year picker', () => {
  it('offers the current year back to 2008 and nothing else', () => {
    render(<YearPicker label="年度" year={2025} onChange={() => {}} />);
    const years = screen.getAllByRole('option').map((o) => Number(o.textContent));
    expect(years[0]).toBe(new Date().getFullYear());
    expect(years.at(-1)).toBe(2008);
    expect(years).toHaveLength(new Date().getFullYear() - 2008 + 1);
  });
});
