import type { Attribute } from './types.ts';
import { noteLine } from './publicity-note.ts';

interface AttributeInfo {
  key: Attribute;
  label: string;
  /** 附注 mark that a 公文 with this attribute usually carries. */
  noteMark: string;
  reasonRequired: boolean;
  anchor: string;
  /** Higher is more open; used to tell when a decision is less open than the suggestion. */
  openness: number;
}

export const attributes: readonly AttributeInfo[] = [
  { key: 'proactive', label: '主动公开', noteMark: noteLine('proactive'), reasonRequired: false, anchor: '条例第十三条', openness: 3 },
  { key: 'partial', label: '部分公开', noteMark: noteLine('partial'), reasonRequired: true, anchor: '条例第三十七条', openness: 2 },
  { key: 'on-request', label: '依申请公开', noteMark: noteLine('on-request'), reasonRequired: true, anchor: '条例第三章', openness: 1 },
  { key: 'withheld', label: '不予公开', noteMark: noteLine('withheld'), reasonRequired: true, anchor: '条例第十四、十五、十六条', openness: 0 },
];

export function attribute(key: Attribute): AttributeInfo {
  const info = attributes.find((a) => a.key === key);
  if (!info) throw new Error(`unknown attribute ${key}`);
  return info;
}
