import type { QueueCounts } from '../../../shared/ipc/records.ts';

export const queueTitles: Record<keyof QueueCounts, string> = {
  myDrafts: '我的草稿',
  returnedToMe: '退回给我',
  awaitingReview: '待我审查',
  awaitingSignature: '待我签发',
};

export const queueEmpty: Record<keyof QueueCounts, string> = {
  myDrafts: '暂无草稿。在登记簿中打开公文并开始认定后，未提交的认定会列在这里。',
  returnedToMe: '暂无被退回的公文。',
  awaitingReview: '暂无待审查的公文。',
  awaitingSignature: '暂无待签发的公文。',
};

export const queues = {
  drafter: '拟稿人',
  returnReason: '退文理由',
  updated: '最后变动',
  oneByOne: '一事一审：每件公文须逐件打开、逐件认定，不提供批量审查或签发。',
  oneByOneShort: '逐件办理',
  position: (title: string, index: number, total: number) => `${title} · 第 ${index} / ${total} 件`,
  next: '下一件',
  nextShortcut: 'Alt+→',
  nextHint: '打开本队列中的下一件（Alt+→）。每件须单独认定，不能批量处理。',
  done: '本件已办理。',
  queueFinished: (title: string) => `“${title}”中的公文已全部办理。`,
  backToQueue: (title: string) => `返回${title}`,
};
