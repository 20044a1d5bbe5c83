import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnualFigures, AnnualReport } from '../../shared/ipc/inspection.ts';
import { applicantTypes } from '../../shared/ipc/inspection.ts';
import { cellKeys } from '../../shared/annual-template.ts';
import { AnnualView } from '../../renderer/src/views/AnnualView.tsx';
import { useSession } from '../../renderer/src/stores/session.ts';

afterEach(cleanup);

const zeroApplicants = Object.fromEntries(applicantTypes.map((t) => [t, 0])) as AnnualFigures['requests']['received'];
const figures: AnnualFigures = {
  year: 2025,
  source: { entries: 3, lastSeq: 3 },
  decisions: { signedByAttribute: { proactive: 1, partial: 0, 'on-request': 0, withheld: 1 }, inForceByAttribute: { proactive: 1, partial: 0, 'on-request': 0, withheld: 1 }, madeMoreOpen: 0 },
  withheldByRow: [{ row: 'security-stability', label: '危及国家安全、公共安全、经济安全和社会稳定（第十四条）', count: 1 }],
  requests: { received: { ...zeroApplicants, total: 0 }, carriedIn: 0, answered: 0, carriedOut: 0, answeredLate: 0, outcomes: [] },
};
const report: AnnualReport = {
  year: 2025,
  source: { entries: 3, lastSeq: 3 },
  cells: { [cellKeys.document('normative', 'made')]: 7, [cellKeys.fee()]: null, [cellKeys.appeal('reconsideration', 'upheld')]: 1 },
  balanced: true,
};

function stubApi() {
  const api = {
    annualFigures: vi.fn(async () => figures),
    annualReport: vi.fn(async () => report),
    chooseSavePath: vi.fn(async (_options: { filters: { extensions: string[] }[] }) => '/out/年报.docx'),
    exportAnnualReport: vi.fn(async () => ({ format: 'docx' as const, path: '/out/年报.docx', bytes: 10, sha256: 'a'.repeat(64) })),
  };
  Object.assign(window, { api });
  return api;
}

beforeEach(() => {
  useSession.setState({ user: { id: 1, name: 'office', displayName: '办公室', roles: ['reviewer'], keyFingerprint: 'b'.repeat(64) } });
});

describe('AnnualView', () => {
  it('shows tables 二, 三 and 四 as the template prints them, each value cell naming its explain key', async () => {
    stubApi();
    render(<AnnualView />);
    const t2 = await screen.findByRole('region', { name: '年报统计表 2' });
    const normative = within(t2).getByText('行政规范性文件').closest('tr')!;
    expect(normative.textContent).toContain('7');
    expect(within(normative).getByText('7').getAttribute('title')).toContain('二-规范性文件-制发');
    expect(within(t2).getByText('行政事业性收费').closest('tr')!.textContent).toContain('未记录');
    expect(screen.getByRole('region', { name: '年报统计表 3' }).textContent).toContain('7.属于行政执法案卷');
    expect(screen.getByRole('region', { name: '年报统计表 4' }).textContent).toContain('复议后起诉');
    // The withheld-公文 table is named as not part of the template.
    expect(screen.getByText(/非年报表格内容/)).toBeTruthy();
  });

  it('exports the tables as Word through the save dialog', async () => {
    const api = stubApi();
    render(<AnnualView />);
    await screen.findByRole('region', { name: '年报统计表 2' });
    fireEvent.click(screen.getByRole('button', { name: '导出 Word' }));
    await waitFor(() => expect(api.exportAnnualReport).toHaveBeenCalledWith({ year: expect.any(Number), format: 'docx', path: '/out/年报.docx' }));
    expect(api.chooseSavePath.mock.calls[0]![0]).toMatchObject({ filters: [{ extensions: ['docx'] }] });
  });
});
