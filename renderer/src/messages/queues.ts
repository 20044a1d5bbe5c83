import type { QueueCounts } from '../../../shared/ipc/records.ts';

export const queueTitles: Record<keyof QueueCounts, string> = {
  myDrafts: '我的草稿',
  returnedToMe: '退回给我',
  awaitingReview: '待我审查',
  awaitingSignature: '待我签发',
};

export const queues = {
  empty: '这里没有待办文档。',
  drafter: '拟稿人',
  returnReason: '退文理由',
  updated: '最后变动',
};
