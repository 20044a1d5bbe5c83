import { basisOptions } from './basis.ts';
import type { Attribute } from './types.ts';
import type { RequestChannel, RequestOutcome } from './inspection-terms.ts';
import { addCalendarDays, workingDaysBetween, type WorkdayCalendar } from './workdays.ts';

/**
 * The rules of the on-request register that the UI shows and core enforces (seed 004 第四十九条, 第五十一条;
 * 条例第三十六条).
 */

/**
 * Articles that ground the handling of a request rather than the withholding of a 公文: 补正, the 答复 forms, no duty
 * to compile (第三十八条), petitions made as requests (第三十九条), fees. The decision pick list leaves 38 and 39 out.
 */
const requestArticles = ['条例第三十条', '条例第三十六条', '条例第三十八条', '条例第三十九条', '条例第四十二条'] as const;

/** The pick list an answer's basis comes from: the decision articles (with the unit's local rules) and the request articles. */
export function answerBasisChoices(localBasis: readonly string[]): string[] {
  return [...new Set([...basisOptions(localBasis).map((b) => b.label), ...requestArticles])];
}

/** 条例第三十六条: every answer short of full release gives its basis and reasons. */
export const answerNeedsReason = (outcome: RequestOutcome): boolean => outcome !== 'granted';

/**
 * 第五十一条 review before supplying information: an answer releasing (all or part of) a 公文 whose signed
 * decision withholds all or part of it goes out only with a reviewer's approval and its justification.
 */
export function answerNeedsReview(outcome: RequestOutcome, signedAttribute: Attribute | null): boolean {
  return (outcome === 'granted' || outcome === 'partial') && (signedAttribute === 'withheld' || signedAttribute === 'partial');
}

/** Working days a request handed in (not online) may wait before it is entered in the register (seed 004 第四十九条). */
const recordWithinWorkingDays = 2;
/** Calendar days within which a 复议/诉讼 is registered once filed. */
const appealRecordWithinDays = 7;

export function recordedLate(channel: RequestChannel, receivedOn: string, recordedOn: string, calendar: WorkdayCalendar): boolean {
  return channel !== 'online' && workingDaysBetween(receivedOn, recordedOn, calendar) > recordWithinWorkingDays;
}

export const appealRecordedLate = (filedOn: string, recordedOn: string): boolean => recordedOn > addCalendarDays(filedOn, appealRecordWithinDays);
