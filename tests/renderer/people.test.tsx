import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../shared/ipc/records.ts';
import { personLabel } from '../../renderer/src/lib/people.ts';
import { HistoryPanel } from '../../renderer/src/workspace/HistoryPanel.tsx';

afterEach(cleanup);

const entry = (seq: number, user: string | null, role: AuditEntryView['role'], action: string): AuditEntryView => ({
  seq,
  time: '2024-05-06T08:00:00.000Z',
  user,
  role,
  action,
  documentSha256: 'a'.repeat(64),
  decisionId: 1,
  payload: {},
  signature: null,
  hash: 'b'.repeat(64),
});

describe('people by name', () => {
  it('writes 姓名（登录名）, and the login name alone when no account holds it or the names are the same', () => {
    const people = { zhangni: '张拟稿', admin: 'admin', constructor: '赵签发' };
    expect(personLabel('zhangni', people)).toBe('张拟稿（zhangni）');
    expect(personLabel('admin', people)).toBe('admin');
    expect(personLabel('constructor', people)).toBe('赵签发（constructor）');
    expect(personLabel('toString', people)).toBe('toString');
  });

  it('shows who acted in the history panel by name, login name and role', () => {
    render(<HistoryPanel history={[entry(1, 'zhangni', 'drafter', 'decision.submit'), entry(2, 'lishen', 'reviewer', 'decision.return')]} people={{ zhangni: '张拟稿', lishen: '李审查' }} />);
    expect(screen.getByText('张拟稿（zhangni） · 拟稿人')).toBeTruthy();
    expect(screen.getByText('李审查（lishen） · 公开审查')).toBeTruthy();
  });
});
