import { addCalendarDays } from '../../../shared/workdays.ts';
import type { Attribute, CategoryId, ClassificationLevel } from '../../../shared/types.ts';
import type { InspectionConfig, InspectionOutcome, WorklistRule } from '../../../shared/ipc/inspection.ts';
import { inspectionMessages as m } from '../../../shared/messages/inspection.ts';

/** A document whose signed decision is not proactive, with what the rules need to know about it. */
export interface Candidate {
  documentId: number;
  docDate: string | null;
  classification: ClassificationLevel | null;
  classificationPeriod: string | null;
  decisionId: number;
  attribute: Attribute;
  basis: string[];
  categories: CategoryId[];
  signedAt: string | null;
  requestCount: number;
}

export interface Listing {
  rules: WorklistRule[];
  secrecyEnds: string | null;
  suggested: InspectionOutcome;
  suggestionReason: string;
}

// 国家秘密保密期限的规定: a marking without a period lasts 30 / 20 / 10 years by level.
const defaultSecrecyYears: Record<ClassificationLevel, number> = { 绝密: 30, 机密: 20, 秘密: 10 };

const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function parseCount(raw: string): number | null {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(raw);
  if (m) return (m[1] ? chineseDigits[m[1]]! : 1) * 10 + (m[2] ? chineseDigits[m[2]]! : 0);
  return raw.length === 1 ? (chineseDigits[raw] ?? null) : null;
}

function addMonths(date: string, months: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (mo - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * The last day of secrecy, counted from 成文日期; null when it never lapses (长期) or cannot be known.
 * Periods come as `5年`, `6个月`, `十年`; a marking without one takes the statutory default for its level.
 */
export function secrecyEnds(level: ClassificationLevel | null, period: string | null, docDate: string | null): string | null {
  if (!level || !docDate) return null;
  if (period && /长期|永久/.test(period)) return null;
  let months: number | null = null;
  if (period) {
    const years = /(?<![0-9一二两三四五六七八九十])([0-9一二两三四五六七八九十]+)\s*年/.exec(period);
    const monthsMatch = /(?<![0-9一二两三四五六七八九十])([0-9一二两三四五六七八九十]+)\s*个?月/.exec(period);
    if (years) months = (parseCount(years[1]!) ?? 0) * 12;
    else if (monthsMatch) months = parseCount(monthsMatch[1]!);
  }
  if (months === null || months === 0) months = defaultSecrecyYears[level] * 12;
  return addCalendarDays(addMonths(docDate, months), -1);
}

const isProcessInformation = (c: Candidate) => c.categories.includes(2) || c.basis.some((b) => b.includes('第十六条第二款'));

/** Third-party rights only (trade secrets, privacy): removable parts, so 区分处理 is usually possible. */
const thirdPartyOnly = (c: Candidate) =>
  c.classification === null && c.categories.length > 0 && c.categories.every((k) => k === 1) && c.basis.some((b) => b.includes('第十五条')) && !c.basis.some((b) => b.includes('第十四条'));

/**
 * Which worklist rules list `c` for an inspection measured on `asOf`, and the outcome to propose.
 * Null when no rule lists it. Requests are those received during the inspection year.
 */
export function listCandidate(c: Candidate, config: Pick<InspectionConfig, 'minRequests' | 'processMonths'>, asOf: string): Listing | null {
  const rules: WorklistRule[] = [];
  if (c.attribute === 'withheld') rules.push('withheld');
  if (c.attribute === 'partial') rules.push('partial');
  if (c.attribute === 'on-request' && c.requestCount >= config.minRequests) rules.push('often-requested');
  const ends = c.attribute === 'withheld' || c.attribute === 'partial' ? secrecyEnds(c.classification, c.classificationPeriod, c.docDate) : null;
  if (ends !== null && ends < asOf) rules.push('secrecy-lapsed');
  const processStart = c.docDate ?? c.signedAt?.slice(0, 10) ?? null;
  if (c.attribute !== 'proactive' && isProcessInformation(c) && processStart !== null && addMonths(processStart, config.processMonths) <= asOf) rules.push('process-over');
  if (rules.length === 0) return null;

  let suggested: InspectionOutcome = 'keep';
  let suggestionReason: string;
  if (rules.includes('secrecy-lapsed')) [suggested, suggestionReason] = ['proactive', m.suggestSecrecyLapsed(ends!)];
  else if (rules.includes('process-over')) [suggested, suggestionReason] = ['proactive', m.suggestProcessOver(config.processMonths)];
  else if (rules.includes('often-requested')) [suggested, suggestionReason] = ['proactive', m.suggestOftenRequested(c.requestCount)];
  else if (c.attribute === 'withheld' && thirdPartyOnly(c)) [suggested, suggestionReason] = ['partial', m.suggestPartialPersonal];
  else suggestionReason = c.attribute === 'withheld' ? m.suggestKeepWithheld : c.attribute === 'partial' ? m.suggestKeepPartial : m.suggestKeepOnRequest;
  return { rules, secrecyEnds: ends, suggested, suggestionReason };
}
