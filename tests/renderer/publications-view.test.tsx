import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicationItem, PublicationProfile, PublicationQueue, PublishInput } from '../../shared/ipc/publication.ts';
import { PublicationsView } from '../../renderer/src/views/PublicationsView.tsx';
import { useSession } from '../../renderer/src/stores/session.ts';
import { usePublications } from '../../renderer/src/stores/publications.ts';

afterEach(cleanup);

const overdue: PublicationItem = {
  documentId: 3,
  documentSha256: 'a'.repeat(64),
  docNumber: '测政发〔2026〕3号',
  title: '关于王五行政处罚的决定',
  decisionId: 4,
  attribute: 'partial',
  docDate: '2026-09-17',
  signedOn: '2026-09-18',
  kind: 'other',
  recognisedKind: 'other',
  deadline: { from: '2026-09-18', workingDays: 7, enforcement: true, due: '2026-09-29' },
  status: 'overdue',
  onTime: null,
  firstPublishedOn: null,
  releases: 0,
  workingDaysLeft: -2,
  interpretation: { status: 'not-needed', linked: null, reason: null, due: null, publishedOn: null, onTime: null },
  calendarIncomplete: false,
};

const queue: PublicationQueue = {
  rows: [overdue],
  counts: { due: 2, overdue: 1, published: 3 },
  years: [{ year: 2026, published: 3, onTime: 2, late: 1, overdue: 1, due: 2, onTimeRate: 0.5 }],
  interpretationsOverdue: 1,
  today: '2026-10-01',
};

function stubApi(publish: (input: PublishInput) => Promise<PublicationProfile>) {
  const api = { listPublications: vi.fn(async () => queue), publish: vi.fn(publish) };
  Object.assign(window, { api });
  return api;
}

beforeEach(() => {
  useSession.setState({ user: { id: 1, name: 'office', displayName: '办公室', roles: ['reviewer'], keyFingerprint: 'b'.repeat(64) } });
  usePublications.setState({ filter: {}, queue: null, waiting: 0 });
});

describe('待发布 page', () => {
  it('shows the counts, the overdue row with its 7-day deadline, the on-time rate and the late 解读', async () => {
    stubApi(async () => ({}) as PublicationProfile);
    render(<PublicationsView />);
    const table = await screen.findByRole('table', { name: '待发布公文' });
    const row = within(table).getByText('关于王五行政处罚的决定').closest('tr')!;
    expect(row.textContent).toContain('2026-09-29');
    expect(row.textContent).toContain('已逾期 2 个工作日');
    expect(row.textContent).toContain('行政处罚/许可 7 日');
    expect(screen.getByRole('button', { name: '已逾期 1' })).toBeTruthy();
    expect(screen.getByText('2026 年：按时 2 / 应发布 4，50.0%')).toBeTruthy();
    expect(screen.getByText('1 份政策文件的解读已过 3 个工作日仍未发布。')).toBeTruthy();
    expect(usePublications.getState().waiting).toBe(3);
  });

  it('records a release through the dialog and shows a refusal in it', async () => {
    const api = stubApi(async () => {
      throw { code: 'before-sign-off', message: '发布日期早于公开属性签发日：应当先审查、后公开。' };
    });
    render(<PublicationsView />);
    fireEvent.click(await screen.findByRole('button', { name: '登记发布' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('发布日期'), { target: { value: '2026-09-10' } });
    fireEvent.change(within(dialog).getByLabelText('公开方式'), { target: { value: 'gazette' } });
    fireEvent.change(within(dialog).getByLabelText('发布位置'), { target: { value: '2026年第20期' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '登记发布' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('先审查、后公开'));
    expect(api.publish).toHaveBeenCalledWith({ documentId: 3, publishedOn: '2026-09-10', channel: 'gazette', location: '2026年第20期' });
  });
});
