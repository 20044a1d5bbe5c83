import type { Channel } from '../channels.ts';
import type { ReturnGround } from '../return-grounds.ts';

/** 公开方式 as the form, the sign statement and the CLI name them. */
export const channelLabels: Record<Channel, string> = {
  website: '政府网站',
  gazette: '政府公报',
  'new-media': '政务新媒体',
  board: '公开栏',
  other: '其他',
};

/** 退文 grounds as the return dialog, the audit history and the annual figures name them. */
export const returnGroundLabels: Record<ReturnGround, string> = {
  'no-attribute-proposal': '请示未提出公开属性建议（报请以政府名义印发）',
  'reason-or-basis-missing': '未说明理由或依据',
  'basis-does-not-fit': '依据与公开属性不符',
  'interpretation-missing': '解读材料缺失',
  'note-contradicts': '附注与公开属性不符',
  other: '其他',
};

export const channelMessages = {
  channelsLegend: '公开方式',
  channelTextLabel: '其他公开方式',
  channelTextPlaceholder: '写明公开方式，如：新闻发布会、政务服务中心',
  missingChannels: (attribute: string) => `${attribute}须选择公开方式（政府网站、政府公报、政务新媒体、公开栏或其他）`,
  missingChannelText: '选择“其他”公开方式时须写明具体方式',
  channelsNotPublished: (attribute: string) => `${attribute}不对外发布，不应选择公开方式`,
  channelList: (list: readonly Channel[], text: string) => list.map((c) => (c === 'other' && text ? `${channelLabels.other}（${text}）` : channelLabels[c])).join('、'),
  unknownChannel: (value: string) => `未知的公开方式“${value}”，可选：website、gazette、new-media、board、other。`,
  unknownGround: (value: string) => `未知的退文理由“${value}”，可选：no-attribute-proposal、reason-or-basis-missing、basis-does-not-fit、interpretation-missing、note-contradicts、other。`,
  returnNeedsGround: '退文须至少选择一项退文理由。',
  otherGroundNeedsReason: '退文理由选择“其他”时须写明具体理由。',
  groundsLegend: '退文理由',
  suggested: '（建议）',
  returnsByGround: '退文（按理由）',
  returnsTotal: (n: number) => `本年退文 ${n} 次`,
  returnsTableTitle: (year: number) => `${year}年度退文情况（按退文理由）`,
  returnsHeader: ['退文理由', '次数'] as const,
  returnsTotalRow: '退文总次数',
  returnsSentence: (total: number, parts: readonly (readonly [string, number])[]) =>
    `本年度政务公开工作机构审查退文${total}次${parts.length > 0 ? `，按退文理由：${parts.map(([label, n]) => `${label}${n}次`).join('，')}` : ''}。`,
};
