import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReturnDialog, SignDialog } from '../../renderer/src/workspace/dialogs.tsx';
import { payloadSummary } from '../../renderer/src/workspace/HistoryPanel.tsx';

afterEach(cleanup);

const box = (name: string) => screen.getByRole('checkbox', { name: new RegExp(name) }) as HTMLInputElement;

describe('ReturnDialog', () => {
  it('offers every ground with the suggested ones ticked and marked', () => {
    render(<ReturnDialog suggested={['note-contradicts']} busy={false} onReturn={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(6);
    expect(box('附注与公开属性不符').checked).toBe(true);
    expect(box('依据与公开属性不符').checked).toBe(false);
    expect(screen.getByText('附注与公开属性不符').closest('label')!.textContent).toContain('（建议）');
  });

  it('returns on the ticked grounds; asks for a ground, and for the reason when `other` is ticked', () => {
    const onReturn = vi.fn();
    render(<ReturnDialog suggested={[]} busy={false} onReturn={onReturn} onClose={vi.fn()} />);
    const send = () => fireEvent.click(screen.getByRole('button', { name: '退文' }));
    send();
    expect(screen.getByRole('alert').textContent).toBe('退文须至少选择一项退文理由。');
    fireEvent.click(box('其他'));
    send();
    expect(screen.getByRole('alert').textContent).toBe('退文理由选择“其他”时须写明具体理由。');
    fireEvent.click(box('解读材料缺失'));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: ' 请补充政策解读方案 ' } });
    send();
    expect(onReturn).toHaveBeenCalledWith(['interpretation-missing', 'other'], '请补充政策解读方案');
  });
});

describe('history line of a 退文', () => {
  it('names the grounds before what the reviewer wrote, and stands alone without a reason', () => {
    expect(payloadSummary({ from: 'submitted', reason: '请补充', grounds: ['basis-does-not-fit', 'other'] })).toBe('依据与公开属性不符；其他；请补充');
    expect(payloadSummary({ from: 'submitted', reason: '', grounds: ['interpretation-missing'] })).toBe('解读材料缺失');
    expect(payloadSummary({ from: 'submitted', reason: '旧记录的理由' })).toBe('旧记录的理由');
  });
});

describe('SignDialog', () => {
  it('shows the 公开方式 the signature covers', () => {
    const statement = {
      statement: 'disclosure-desk/sign-off/v1', decisionId: 1, documentSha256: 'a'.repeat(64), docNumber: null, title: '通知', attribute: 'proactive', reason: '', basis: [], basisText: '',
      justification: '', redactions: [], channels: ['website', 'other'], channelText: '新闻发布会', categories: [], supersedes: null, draftedBy: 'zhang', reviewedBy: null, signer: 'li',
      keyFingerprint: 'f', seq: 9, chainHead: 'h', time: '2026-01-01T00:00:00.000Z',
    } as const;
    render(<SignDialog statement={{ ...statement, basis: [], redactions: [], channels: [...statement.channels], categories: [] }} people={{}} busy={false} noteConflict={null} onSign={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getByText('政府网站、其他（新闻发布会）')).toBeTruthy();
  });
});
