import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingList, type FindingListProps } from '../../renderer/src/workspace/FindingList.tsx';
import { idCard, mention, mobile, name } from './fixtures.ts';

afterEach(cleanup);

function setup(over: Partial<FindingListProps> = {}) {
  const props: FindingListProps = {
    findings: [idCard, mobile, name, mention],
    dispositions: {},
    redactedIds: new Set(),
    selectedId: null,
    dismissingId: null,
    readOnly: false,
    highScoreThreshold: 0.8,
    onSelect: vi.fn(),
    onConfirm: vi.fn(),
    onRequestDismiss: vi.fn(),
    onDismiss: vi.fn(),
    onCancelDismiss: vi.fn(),
    onUndo: vi.fn(),
    ...over,
  };
  render(<FindingList {...props} />);
  return props;
}

describe('FindingList', () => {
  it('groups findings under their category with the explanation and basis', () => {
    setup();
    const group = screen.getByRole('region', { name: /1 国家秘密、商业秘密、个人隐私/ });
    expect(within(group).getByText('110105199003071234')).toBeTruthy();
    expect(within(group).getByText('居民身份证号码（校验位正确），属个人隐私')).toBeTruthy();
    expect(within(group).getAllByText('依据：条例第十五条').length).toBe(4);
    expect(screen.queryByRole('region', { name: /2 过程性信息/ })).toBeNull();
  });

  it('marks a normative mention as such and offers no confirm or dismiss for it', () => {
    setup({ findings: [mention] });
    const item = document.querySelector(`[data-finding-id="${mention.id}"]`)!;
    expect(within(item as HTMLElement).getByText('规范性表述')).toBeTruthy();
    expect(within(item as HTMLElement).queryByRole('button', { name: '确认' })).toBeNull();
    expect(screen.getByText('0 处需处理 · 1 处规范性表述')).toBeTruthy();
  });

  it('confirms and asks to dismiss through the callbacks, and selects on click', () => {
    const props = setup();
    const item = document.querySelector(`[data-finding-id="${mobile.id}"]`) as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: '确认' }));
    expect(props.onConfirm).toHaveBeenCalledWith(mobile.id);
    fireEvent.click(within(item).getByRole('button', { name: '排除' }));
    expect(props.onRequestDismiss).toHaveBeenCalledWith(mobile.id);
    fireEvent.click(within(item).getByRole('button', { name: /13812345678/ }));
    expect(props.onSelect).toHaveBeenCalledWith(mobile.id);
  });

  it('will not dismiss a high-score finding without a reason', () => {
    const props = setup({ dismissingId: idCard.id });
    expect(screen.getByText(/该发现得分较高，排除前请简述理由/)).toBeTruthy();
    const form = document.querySelector('.dismiss-form') as HTMLElement;
    fireEvent.click(within(form).getByRole('button', { name: '排除' }));
    expect(props.onDismiss).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('请填写理由。');
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: '公务人员职务信息' } });
    fireEvent.click(within(form).getByRole('button', { name: '排除' }));
    expect(props.onDismiss).toHaveBeenCalledWith(idCard.id, '公务人员职务信息');
  });

  it('offers the stock reason for a low-score dismissal, to be confirmed with one key', () => {
    const props = setup({ dismissingId: name.id });
    const form = document.querySelector('.dismiss-form') as HTMLElement;
    expect((within(form).getByRole('textbox') as HTMLInputElement).value).toBe('得分较低，经核对为误报');
    fireEvent.submit(form);
    expect(props.onDismiss).toHaveBeenCalledWith(name.id, '得分较低，经核对为误报');
  });

  it('shows each disposition and lets it be undone', () => {
    const props = setup({ dispositions: { [idCard.id]: { findingId: idCard.id, action: 'dismiss', reason: '识别有误' }, [mobile.id]: { findingId: mobile.id, action: 'confirm', reason: '' } }, redactedIds: new Set([name.id]) });
    const dismissed = document.querySelector(`[data-finding-id="${idCard.id}"]`) as HTMLElement;
    expect(within(dismissed).getByText('已排除')).toBeTruthy();
    expect(within(dismissed).getByText('排除理由：识别有误')).toBeTruthy();
    expect(within(document.querySelector(`[data-finding-id="${mobile.id}"]`) as HTMLElement).getByText('已确认')).toBeTruthy();
    expect(within(document.querySelector(`[data-finding-id="${name.id}"]`) as HTMLElement).getByText('删除范围')).toBeTruthy();
    fireEvent.click(within(dismissed).getByRole('button', { name: '撤销' }));
    expect(props.onUndo).toHaveBeenCalledWith(idCard.id);
  });

  it('hands every keystroke of a dismissal reason to the owner and starts from the draft it is given', () => {
    const onDraftDismiss = vi.fn();
    setup({ dismissingId: idCard.id, onDraftDismiss, dismissDrafts: { [idCard.id]: '公务人员' } });
    const box = within(document.querySelector('.dismiss-form') as HTMLElement).getByRole('textbox') as HTMLInputElement;
    expect(box.value).toBe('公务人员');
    fireEvent.change(box, { target: { value: '公务人员职务信息' } });
    expect(onDraftDismiss).toHaveBeenCalledWith(idCard.id, '公务人员职务信息');
  });

  it('offers no actions when read-only', () => {
    setup({ readOnly: true });
    expect(screen.queryByRole('button', { name: '确认' })).toBeNull();
    expect(screen.queryByRole('button', { name: '排除' })).toBeNull();
  });
});
