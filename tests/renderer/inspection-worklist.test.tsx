import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorklistItem } from '../../shared/ipc/inspection.ts';
import { WorklistRow, type WorklistRowProps } from '../../renderer/src/inspection/WorklistRow.tsx';
import { ProposeDialog } from '../../renderer/src/inspection/ProposeDialog.tsx';

afterEach(cleanup);

const withheld: WorklistItem = {
  documentId: 7,
  documentSha256: 'a'.repeat(64),
  fileName: '秘密通知.txt',
  docNumber: '测政发〔2023〕5号',
  title: '关于某项工作的秘密通知',
  date: '2023-06-01',
  classification: '秘密',
  decisionId: 11,
  attribute: 'withheld',
  reason: '属国家秘密',
  basis: ['条例第十四条'],
  categories: [1],
  signedAt: '2025-07-01T04:00:00.000Z',
  rules: ['withheld', 'secrecy-lapsed'],
  requestCount: 3,
  secrecyEnds: '2024-06-01',
  suggested: 'proactive',
  suggestionReason: '保密期限已于2024-06-01届满，解密后应当公开的应予公开',
  outcome: null,
  justification: null,
  newDecisionId: null,
  newDecisionState: null,
  progress: 'pending',
};

function renderRow(over: Partial<WorklistRowProps> & { item?: WorklistItem } = {}) {
  const props: WorklistRowProps = { item: withheld, selected: false, canPropose: true, onToggle: vi.fn(), onPropose: vi.fn(), onOpen: vi.fn(), ...over };
  render(
    <table>
      <tbody>
        <WorklistRow {...props} />
      </tbody>
    </table>,
  );
  return props;
}

describe('WorklistRow', () => {
  it('shows the decision in force with its reason and basis, the request count, the secrecy end, the rules that listed it and the suggestion with its reason', () => {
    renderRow();
    const row = screen.getByRole('row');
    expect(row.textContent).toContain('测政发〔2023〕5号');
    expect(within(row).getByRole('button', { name: '关于某项工作的秘密通知' })).toBeTruthy();
    expect(row.textContent).toContain('不予公开');
    expect(row.textContent).toContain('属国家秘密');
    expect(row.textContent).toContain('条例第十四条');
    expect(row.textContent).toContain('本年申请 3 次');
    expect(row.textContent).toContain('保密期限至 2024-06-01');
    expect(row.textContent).toContain('不予公开信息');
    expect(row.textContent).toContain('保密期限已届满');
    expect(row.querySelector('.wl-suggestion')!.textContent).toContain('转为主动公开');
    expect(row.textContent).toContain('解密后应当公开的应予公开');
  });

  it('starts the outcome choice at the suggestion and sends the chosen outcome', () => {
    const props = renderRow();
    const select = screen.getByRole('combobox', { name: '处理意见：关于某项工作的秘密通知' }) as HTMLSelectElement;
    expect(select.value).toBe('proactive');
    fireEvent.change(select, { target: { value: 'partial' } });
    fireEvent.click(screen.getByRole('button', { name: '提出' }));
    expect(props.onPropose).toHaveBeenCalledWith('partial');
    fireEvent.click(screen.getByRole('checkbox', { name: '选择：关于某项工作的秘密通知' }));
    expect(props.onToggle).toHaveBeenCalledTimes(1);
  });

  it('does not offer converting to the attribute already in force: keeping it is the choice', () => {
    renderRow({ item: { ...withheld, attribute: 'partial', rules: ['partial'], suggested: 'keep' } });
    const select = screen.getByRole('combobox') as HTMLSelectElement;
    const partial = within(select).getByRole('option', { name: '转为部分公开' }) as HTMLOptionElement;
    expect(partial.disabled).toBe(true);
    expect(select.value).toBe('keep');
    expect((within(select).getByRole('option', { name: '维持原属性（建议）' }) as HTMLOptionElement).disabled).toBe(false);
  });

  it('once proposed, shows the outcome, its progress and the new decision instead of the controls', () => {
    const props = renderRow({ item: { ...withheld, outcome: 'proactive', justification: '已解密', newDecisionId: 42, newDecisionState: 'submitted', progress: 'proposed' } });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    const cell = screen.getByRole('row').querySelector('.wl-outcome')!;
    expect(cell.textContent).toContain('转为主动公开');
    expect(cell.textContent).toContain('审签中');
    expect(cell.textContent).toContain('说明：已解密');
    fireEvent.click(within(cell as HTMLElement).getByRole('button', { name: '新决定 #42：已提交' }));
    expect(cell.querySelector('.state.state-submitted')?.textContent).toBe('已提交');
    expect(props.onOpen).toHaveBeenCalled();
  });

  it('leaves a pending item without controls for a user who may not propose', () => {
    renderRow({ canPropose: false });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('row').querySelector('.wl-outcome')!.textContent).toBe('待处理');
  });
});

describe('ProposeDialog', () => {
  const items = [withheld, { ...withheld, documentId: 8, title: '关于停车收费的批复', suggested: 'keep' as const }];

  it('asks for the justification before proposing, and sends it trimmed', async () => {
    const onPropose = vi.fn(async () => ({ proposed: [{ documentId: 7, decisionId: 1 }, { documentId: 8, decisionId: 2 }], skipped: [] }));
    const onClose = vi.fn();
    render(<ProposeDialog items={items} busy={false} onPropose={onPropose} onClose={onClose} />);
    expect(screen.getByRole('dialog', { name: '采纳系统建议' }).textContent).toContain('维持原属性 1 项，转为主动公开 1 项');
    fireEvent.click(screen.getByRole('button', { name: '生成新决定' }));
    expect(screen.getByRole('alert').textContent).toBe('请填写自查说明。');
    expect(onPropose).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('自查说明（记入每项新决定）'), { target: { value: '  经逐项核实  ' } });
    fireEvent.click(screen.getByRole('button', { name: '生成新决定' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onPropose).toHaveBeenCalledWith('经逐项核实', false);
  });

  it('shows the core\'s refusal of mixed outcomes and sends the confirmation once the proposer ticks it', async () => {
    const refusal = '所选2项的处理意见不同（维持原属性1项，转为主动公开1项），不能共用同一条理由。';
    const onPropose = vi.fn(async (_j: string, same: boolean) => (same ? { proposed: [{ documentId: 7, decisionId: 1 }, { documentId: 8, decisionId: 2 }], skipped: [] } : refusal));
    const onClose = vi.fn();
    render(<ProposeDialog items={items} busy={false} onPropose={onPropose} onClose={onClose} />);
    fireEvent.change(screen.getByLabelText('自查说明（记入每项新决定）'), { target: { value: '核实' } });
    fireEvent.click(screen.getByRole('button', { name: '生成新决定' }));
    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
    fireEvent.click(screen.getByLabelText('这条说明适用于以上全部各项（各项处理意见不同）'));
    fireEvent.click(screen.getByRole('button', { name: '生成新决定' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onPropose).toHaveBeenLastCalledWith('核实', true);
  });

  it('offers no such confirmation when every item takes the same outcome', () => {
    render(<ProposeDialog items={[items[1]!]} busy={false} onPropose={vi.fn()} onClose={vi.fn()} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('lists the items the core skipped, each with its reason', async () => {
    const onPropose = vi.fn(async () => ({ proposed: [{ documentId: 7, decisionId: 1 }], skipped: [{ documentId: 8, message: '该文件已有尚未签发的决定（编号9），请先办结该决定。' }] }));
    const onClose = vi.fn();
    render(<ProposeDialog items={items} busy={false} onPropose={onPropose} onClose={onClose} />);
    fireEvent.change(screen.getByLabelText('自查说明（记入每项新决定）'), { target: { value: '核实' } });
    fireEvent.click(screen.getByRole('button', { name: '生成新决定' }));
    await screen.findByText('以下各项未处理');
    expect(screen.getByText('关于停车收费的批复：该文件已有尚未签发的决定（编号9），请先办结该决定。')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
