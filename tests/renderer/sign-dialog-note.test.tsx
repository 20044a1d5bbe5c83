import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SignDialog } from '../../renderer/src/workspace/dialogs.tsx';
import { noteNeed } from '../../shared/decision-rules.ts';
import type { SignStatement } from '../../shared/ipc/records.ts';

afterEach(cleanup);

const statement: SignStatement = {
  statement: 'disclosure-desk/sign-off/v1',
  decisionId: 1,
  documentSha256: 'ab'.repeat(32),
  docNumber: '测政办发〔2025〕3号',
  title: '关于调整内部值班安排的通知',
  attribute: 'withheld',
  reason: '内部事务信息',
  basis: ['条例第十六条'],
  basisText: '',
  justification: '原稿附注有误，签发后改写',
  redactions: [],
  categories: [],
  supersedes: null,
  contentSha256: 'cd'.repeat(32),
  draftedBy: 'chen',
  reviewedBy: 'li',
  signer: 'zhao',
  keyFingerprint: 'ef'.repeat(16),
  seq: 9,
  chainHead: '00'.repeat(32),
  time: '2025-06-10T08:00:00.000Z',
};

describe('the sign dialog and a contradicting 附注', () => {
  it('names the 附注 line and what it says, beside the justification', () => {
    const conflict = noteNeed('withheld', { metadata: { note: '（此件公开发布）' }, text: null });
    render(<SignDialog statement={statement} people={{}} busy={false} noteConflict={conflict} onSign={async () => null} onClose={() => {}} />);
    expect(screen.getByRole('note').textContent).toBe('原文附注“（此件公开发布）”表明主动公开，与所选属性“不予公开”矛盾');
    expect(screen.getByText('原稿附注有误，签发后改写')).toBeTruthy();
  });

  it('says nothing of the 附注 when it agrees', () => {
    const conflict = noteNeed('withheld', { metadata: { note: '（此件不予公开）' }, text: null });
    render(<SignDialog statement={statement} people={{}} busy={false} noteConflict={conflict} onSign={async () => null} onClose={() => {}} />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
