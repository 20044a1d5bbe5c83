import type { DocumentKind, PublicationChannel, PublicationStatus } from '../publication-rules.ts';
import type { InterpretationStatus } from '../ipc/publication.ts';
import { channelLabels } from './channels.ts';

export const publicationChannelLabels: Record<PublicationChannel, string> = channelLabels;

export const documentKindLabels: Record<DocumentKind, string> = {
  normative: '规范性文件',
  policy: '政策文件',
  other: '其他公文',
};

export const publicationStatusLabels: Record<PublicationStatus, string> = {
  due: '待发布',
  overdue: '已逾期',
  published: '已发布',
};

export const interpretationStatusLabels: Record<InterpretationStatus, string> = {
  'not-needed': '无需解读',
  missing: '缺少解读',
  waiting: '待政策文件发布',
  due: '解读待发布',
  overdue: '解读已逾期',
  published: '解读已发布',
};

/** Marks a release made after its deadline. */
export const lateMark = '（逾期）';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export const publicationMessages = {
  percent,
  notSignedPublic: (documentId: number) => `登记号 ${documentId} 的文件没有已签发的主动公开或部分公开认定，不能登记发布。`,
  beforeSignOff: (publishedOn: string, signedOn: string) => `发布日期 ${publishedOn} 早于公开属性签发日 ${signedOn}：应当先审查、后公开。`,
  inFuture: (publishedOn: string, today: string) => `发布日期 ${publishedOn} 晚于今天（${today}），只能登记已经发生的发布。`,
  invalidDate: (value: string) => `“${value}”不是有效日期，应写作 YYYY-MM-DD。`,
  documentNotFound: (documentId: number) => `找不到登记号 ${documentId} 的文件。`,
  selfInterpretation: '解读材料不能是政策文件本身。',
  noInterpretationNeeded: (kind: string) => `这份文件被认定为“${kind}”，不需要关联解读；如认定有误，请先更正文件类别。`,
  kindUnchanged: '文件类别与现有认定相同，未作修改。',
  cli: {
    publishSummary: '登记已签发公文的一次发布（日期、渠道、网址或公报期号），计算发布时限',
    publishUsage: [
      '用法：',
      '  disclosure-desk publish 文件 --as 用户 --date YYYY-MM-DD --channel website|gazette|new-media|board|other [--where 网址或公报期号] [--json]',
      '时限：自成文日期与签发日中较晚者起 N 个工作日（设置 publicationWorkingDays，默认 20；行政处罚、行政许可决定 7 个工作日）。',
      '通用参数：--db 文件（或环境变量 DISCLOSURE_DESK_DB）；口令取自 DISCLOSURE_DESK_PASSWORD 或提示输入。',
    ].join('\n'),
    publicationsSummary: '待发布清单：待发布、已逾期、已发布，以及每年按时发布率',
    publicationsUsage: [
      '用法：',
      '  disclosure-desk publications [--year YYYY] [--status due|overdue|published] [--json]',
      '通用参数：--db 文件（或环境变量 DISCLOSURE_DESK_DB）。',
    ].join('\n'),
    linkSummary: '政策文件的解读：关联登记簿中的解读材料，或记录无需解读的理由；也可更正文件类别',
    linkUsage: [
      '用法：',
      '  disclosure-desk link-interpretation 文件 --as 用户 --to 解读文件',
      '  disclosure-desk link-interpretation 文件 --as 用户 --none --reason 无需解读的理由',
      '  disclosure-desk link-interpretation 文件 --as 用户 --kind normative|policy|other|auto --kind-reason 理由   （更正文件类别；auto 恢复自动识别）',
      '通用参数：--db 文件（或环境变量 DISCLOSURE_DESK_DB）；口令取自 DISCLOSURE_DESK_PASSWORD 或提示输入。',
    ].join('\n'),
    badChoice: (option: string, value: string, choices: readonly string[]) => `${option} 的取值“${value}”无效，可选：${choices.join('、')}。`,
    nothingToDo: '请给出 --to、--none 或 --kind 中的至少一项。',
    toAndNone: '--to 与 --none 只能选一项。',
    published: (title: string, publishedOn: string, channel: string, due: string, onTime: boolean | null) =>
      `已登记发布：${title}，${publishedOn} 经${channel}；时限 ${due}，${onTime === false ? '逾期发布' : '按时发布'}。`,
    queueLine: (status: string, due: string, title: string, kind: string, extra: string) => `${status}\t时限 ${due}\t${title}\t${kind}${extra ? `\t${extra}` : ''}`,
    interpretationNote: (status: string, due: string | null) => `解读：${status}${due ? `（时限 ${due}）` : ''}`,
    counts: (due: number, overdue: number, published: number) => `待发布 ${due} 件，已逾期 ${overdue} 件，已发布 ${published} 件。`,
    yearLine: (year: number, onTime: number, settled: number, rate: number | null) => `${year} 年：按时发布 ${onTime}/${settled}，按时发布率 ${percent(rate)}`,
    linked: (title: string, to: string) => `已关联解读：${title} ← ${to}`,
    reasoned: (title: string, reason: string) => `已记录无需解读：${title}（${reason}）`,
    kindSet: (title: string, kind: string) => `文件类别已认定为：${title} → ${kind}`,
    calendarWarning: '注意：时限跨入节假日安排未录入的年份，只扣除了周末和法定节日。',
  },
};
