import type { Attribute } from './types.ts';
import { addWorkingDays, type WorkdayCalendar } from './workdays.ts';

/**
 * When a signed 公文 must be released and what must go with it. Core enforces these, the queue and the workspace
 * show them, the CLI prints them: one rule for every face.
 */

/** A release is made through one of the decision's 公开方式 (seed 004 第四十六条); the list has one home. */
export { channels as publicationChannels, type Channel as PublicationChannel } from './channels.ts';

/** 规范性文件 and 政策文件 are released with their 解读 (seed 000 第十条, seed 001); other documents need none. */
export const documentKinds = ['normative', 'policy', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Proactive information is released within 20 working days of being formed (seed 000 第二十三条, seed 004 第四十条); a unit may set fewer. */
export const defaultPublicationWorkingDays = 20;
export const publicationWorkingDaysRange = { min: 1, max: 20 } as const;
/** 行政许可、行政处罚 decisions within 7 working days (seed 004 第十八条, “双公示”). */
const enforcementDecisionWorkingDays = 7;
/** The 解读 follows the policy document within 3 working days of its release (seed 001). */
const interpretationWorkingDays = 3;

/** Only what the public gets has a release to track. */
export const mustPublish = (attribute: Attribute | null): boolean => attribute === 'proactive' || attribute === 'partial';

/** What of a document the kind rule reads: its 标题, 发文字号 and the 版头 (发文机关标志 and the lines above the title). */
export interface KindEvidence {
  title: string | null;
  docNumber: string | null;
  header: string | null;
}

// 行政规范性文件 carry a 规 in their 发文字号 (穗府办规〔2021〕7号) or a 统一登记号 in the 版头.
const normativeNumber = /[\p{Script=Han}]规字?\s*[〔[［(（]\s*(?:19|20)\d{2}/u;
const normativeHeader = /规范性文件|统一(?:登记|编)号|登记号/;
// A rule names itself by its last word, bare or as what a notice issues (印发《……管理办法》的通知).
const ruleWord = '(?:规定|办法|细则|规则|规程|准则|章程|守则|条例)(?:[（(](?:试行|暂行|修订)[）)])?';
const normativeTitle = new RegExp(`${ruleWord}$|${ruleWord}》?的(?:通知|决定|公告)$`);
const policyWord = '(?:(?<!处理|审查|审核|评审|征求|答复|反馈)意见|实施方案|工作方案|行动方案|行动计划|规划|纲要|若干措施|政策措施|若干政策|措施)';
const policyTitle = new RegExp(`${policyWord}(?:[（(](?:试行|暂行)[）)])?$|${policyWord}》?的(?:通知|决定)$`);
const enforcementTitle = /行政(?:处罚|许可)[^。；;]{0,6}决定|(?:处罚|许可)决定书|准予[^。；;]{0,12}(?:行政)?许可/;

const plain = (s: string | null) => (s ?? '').replace(/\s+/g, '');

/** 规范性文件 from a 规 number, the 版头 or a rule title; 政策文件 from a policy title; otherwise neither. */
export function recogniseKind(doc: KindEvidence): DocumentKind {
  const title = plain(doc.title).replace(/[（(][^（）()]{0,16}稿[）)]$/, '');
  if (normativeNumber.test(plain(doc.docNumber)) || normativeHeader.test(plain(doc.header)) || normativeTitle.test(title)) return 'normative';
  if (policyTitle.test(title)) return 'policy';
  return 'other';
}

/** A 行政处罚 or 行政许可 decision, released within 7 working days (“双公示”). */
export const isEnforcementDecision = (title: string | null): boolean => enforcementTitle.test(plain(title));

export const needsInterpretation = (kind: DocumentKind): boolean => kind !== 'other';

/** A 解读 linked from the register, or a recorded reason why none is needed. */
export type InterpretationLink = { documentId: number; reason: null } | { documentId: null; reason: string };

/**
 * A 规范性文件 or 政策文件 with no 解读 linked, none sent along as an attachment (同步报送), and no reason recorded why
 * it needs none: a 退文 ground (seed 001). The card, the return dialog and the CLI all ask this one question.
 */
export const lacksInterpretation = (kind: DocumentKind, link: InterpretationLink | null, attachments: readonly string[]): boolean =>
  needsInterpretation(kind) && link === null && !attachments.some((a) => /解读/.test(a));

interface DeadlineBasis {
  /** 成文日期, when the document carries one. */
  docDate: string | null;
  /** The day the attribute was signed off. */
  signedOn: string;
  title: string | null;
  /** The unit's setting (publicationWorkingDays). */
  workingDays: number;
}

export interface PublicationDeadline {
  /** The later of 成文日期 and sign-off: the day the information counts as formed for release. */
  from: string;
  workingDays: number;
  /** A 行政处罚 or 行政许可 decision, held to 7 working days. */
  enforcement: boolean;
  due: string;
}

/** N working days from the 成文日期 or the sign-off, whichever is later; 7 for 行政处罚/行政许可 decisions. */
export function publicationDeadline(basis: DeadlineBasis, calendar: WorkdayCalendar): PublicationDeadline {
  const from = basis.docDate !== null && basis.docDate > basis.signedOn ? basis.docDate : basis.signedOn;
  const enforcement = isEnforcementDecision(basis.title);
  const workingDays = enforcement ? Math.min(enforcementDecisionWorkingDays, basis.workingDays) : basis.workingDays;
  return { from, workingDays, enforcement, due: addWorkingDays(from, workingDays, calendar) };
}

/** The 解读's last day: 3 working days after the policy document's first release. */
export const interpretationDue = (policyPublishedOn: string, calendar: WorkdayCalendar): string => addWorkingDays(policyPublishedOn, interpretationWorkingDays, calendar);

export type PublicationStatus = 'due' | 'overdue' | 'published';

/** Unreleased: due until its last day, overdue after; released: on time when the first release fell on or before it. */
export function publicationStatus(due: string, firstPublishedOn: string | null, today: string): { status: PublicationStatus; onTime: boolean | null } {
  if (firstPublishedOn !== null) return { status: 'published', onTime: firstPublishedOn <= due };
  return { status: today > due ? 'overdue' : 'due', onTime: null };
}

export interface YearTimeliness {
  year: number;
  published: number;
  onTime: number;
  late: number;
  overdue: number;
  due: number;
  /** On time over everything whose deadline has run (published, or unpublished and overdue); null when nothing has. */
  onTimeRate: number | null;
}

/** Per year of the day the information was formed: how much of what had to be released by now was released on time. */
export function timelinessByYear(items: readonly { from: string; status: PublicationStatus; onTime: boolean | null }[]): YearTimeliness[] {
  const years = new Map<number, YearTimeliness>();
  for (const item of items) {
    const year = Number(item.from.slice(0, 4));
    const y = years.get(year) ?? { year, published: 0, onTime: 0, late: 0, overdue: 0, due: 0, onTimeRate: null };
    if (item.status === 'published') {
      y.published++;
      if (item.onTime) y.onTime++;
      else y.late++;
    } else y[item.status]++;
    years.set(year, y);
  }
  for (const y of years.values()) {
    const settled = y.published + y.overdue;
    y.onTimeRate = settled === 0 ? null : y.onTime / settled;
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

/** What table 二 of the annual report counts a public 公文 as (国办公开办函〔2021〕30号, 第二十条). */
export type ReportKind = 'rule' | 'normative' | 'licence' | 'penalty' | 'coercion';

// 规章 are promulgated by 令: 浙江省人民政府令第388号, 第5号令.
const ruleNumber = /令第?\d+号|第\d+号令/;
const licenceTitle = /行政许可[^。；;]{0,6}决定|许可决定书|准予[^。；;]{0,12}(?:行政)?许可/;
const penaltyTitle = /行政处罚[^。；;]{0,6}决定|处罚决定书/;
const coercionTitle = /(?:行政强制|查封|扣押|冻结|强制执行|强制拆除)[^。；;]{0,6}决定/;
const repealTitle = /废止|宣布失效|予以失效/;
const caseFileTitle = /案卷|卷宗/;

/** A document that repeals others (关于废止《……办法》的决定): counted as what it repeals, not as made. */
export const isRepeal = (title: string | null): boolean => repealTitle.test(plain(title));

/** The titles a repeal names in 《》. */
export const repealedTitles = (title: string | null): string[] => [...plain(title).matchAll(/《([^《》]+)》/g)].map((m) => m[1]!);

/** An enforcement case file or decision: what 第十六条第二款 calls 行政执法案卷信息. */
export const isCaseFile = (title: string | null): boolean => caseFileTitle.test(plain(title)) || isEnforcementDecision(title) || coercionTitle.test(plain(title));

/** 规章 by a 令 number; 行政许可、行政处罚、行政强制 decisions by title; 规范性文件 by the officer's kind or the recognised one. */
export function reportKindOf(doc: KindEvidence, override: DocumentKind | null): ReportKind | null {
  const title = plain(doc.title);
  if (ruleNumber.test(plain(doc.docNumber))) return 'rule';
  if (coercionTitle.test(title)) return 'coercion';
  if (penaltyTitle.test(title)) return 'penalty';
  if (licenceTitle.test(title)) return 'licence';
  return (override ?? recogniseKind(doc)) === 'normative' ? 'normative' : null;
}
