import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueItem, Queues } from '../../shared/ipc/records.ts';
import { useQueues } from '../../renderer/src/stores/queues.ts';
import { useRoute } from '../../renderer/src/stores/route.ts';
import { nextInRun, runPosition, startRun } from '../../renderer/src/workspace/queue-run.ts';
import { QueueNav } from '../../renderer/src/workspace/QueueNav.tsx';

const item = (documentId: number): QueueItem => ({
  decisionId: documentId * 10,
  documentId,
  documentSha256: 'a'.repeat(64),
  fileName: `${documentId}.docx`,
  docNumber: null,
  title: `公文${documentId}`,
  attribute: 'proactive',
  state: 'submitted',
  draftedBy: 'zhangni',
  updatedAt: '2024-05-06T08:00:00.000Z',
  returnReason: null,
  returnGrounds: null,
});

function awaitingReview(...ids: number[]): Queues {
  return { myDrafts: [], returnedToMe: [], awaitingReview: ids.map(item), awaitingSignature: [], counts: { myDrafts: 0, returnedToMe: 0, awaitingReview: ids.length, awaitingSignature: 0 }, people: { zhangni: '张拟稿' } };
}

describe('queue run', () => {
  it('numbers documents by the queue as it was opened', () => {
    const run = startRun([4, 7, 9]);
    expect(runPosition(run, 7)).toEqual({ index: 2, total: 3 });
    expect(runPosition(run, 5)).toBeNull();
  });

  it('goes to the next document after the current one that is still waiting', () => {
    const run = startRun([4, 7, 9, 12]);
    expect(nextInRun(run, 4, [7, 9, 12])).toBe(7);
    expect(nextInRun(run, 7, [4, 12])).toBe(12);
  });

  it('comes back to documents skipped earlier once the end is reached, and stops when none are left', () => {
    const run = startRun([4, 7, 9]);
    expect(nextInRun(run, 9, [4, 9])).toBe(4);
    expect(nextInRun(run, 9, [9])).toBeNull();
    expect(nextInRun(run, 9, [])).toBeNull();
  });
});

describe('QueueNav', () => {
  beforeEach(() => {
    useRoute.setState({ route: { view: 'register' }, previous: { view: 'register' }, run: null });
    useRoute.getState().openFromQueue('awaitingReview', 4, [4, 7, 9]);
  });
  afterEach(cleanup);

  it('shows the place in the queue and opens the next document with 下一件', () => {
    useQueues.setState({ queues: awaitingReview(4, 7, 9) });
    render(<QueueNav queue="awaitingReview" documentId={4} />);
    expect(screen.getByText('待我审查 · 第 1 / 3 件')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /下一件/ }));
    expect(useRoute.getState().route).toEqual({ view: 'document', documentId: 7, queue: 'awaitingReview' });
  });

  it('moves on with Alt+→ and leaves J, K and plain arrows to the workspace', () => {
    useQueues.setState({ queues: awaitingReview(4, 7, 9) });
    render(<QueueNav queue="awaitingReview" documentId={4} />);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'j' });
    expect(useRoute.getState().route).toMatchObject({ documentId: 4 });
    fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true });
    expect(useRoute.getState().route).toMatchObject({ documentId: 7 });
  });

  it('marks a decided document as done and puts focus on 下一件 so Enter continues', () => {
    useQueues.setState({ queues: awaitingReview(4, 7, 9) });
    render(<QueueNav queue="awaitingReview" documentId={4} />);
    act(() => useQueues.setState({ queues: awaitingReview(7, 9) }));
    expect(screen.getByText('本件已办理。')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /下一件/ }));
  });

  it('returns to the queue when every document in it has been decided', () => {
    useQueues.setState({ queues: awaitingReview() });
    render(<QueueNav queue="awaitingReview" documentId={4} />);
    const button = screen.getByRole('button', { name: '返回待我审查' });
    fireEvent.click(button);
    expect(useRoute.getState().route).toEqual({ view: 'queue', queue: 'awaitingReview' });
  });
});
