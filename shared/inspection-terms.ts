// The words of the on-request register and the yearly inspection, as the record stores them and the wire carries them.

// ---- on-request register (依申请登记) ----

/** The columns of table 三 of the 2021 national template: 自然人, then 法人或其他组织 split five ways. */
export const applicantTypes = ['natural-person', 'commercial', 'research', 'public-interest', 'legal-service', 'other-org'] as const;
export type ApplicantType = (typeof applicantTypes)[number];

/** Records and entries made before the template's columns kept three types; each reads as the column it falls in. */
const legacyApplicants: Readonly<Record<string, ApplicantType>> = { citizen: 'natural-person', 'legal-person': 'other-org', other: 'other-org' };

export function applicantOf(stored: string): ApplicantType {
  return (applicantTypes as readonly string[]).includes(stored) ? (stored as ApplicantType) : (legacyApplicants[stored] ?? 'other-org');
}

export const requestChannels = ['in-person', 'mail', 'online', 'fax', 'other'] as const;
export type RequestChannel = (typeof requestChannels)[number];

/**
 * How a request was answered, one key per row of the national annual-report table (table 三, 办理结果).
 * `withheld:*` rows follow the order of the table: 1 国家秘密 … 8 行政查询事项.
 */
export const requestOutcomes = [
  'granted',
  'partial',
  'withheld:state-secret',
  'withheld:law-prohibited',
  'withheld:security-stability',
  'withheld:third-party',
  'withheld:internal-affairs',
  'withheld:process',
  'withheld:enforcement-file',
  'withheld:administrative-query',
  'unavailable:not-held',
  'unavailable:needs-creation',
  'unavailable:unclear',
  'not-handled:petition',
  'not-handled:repeat',
  'not-handled:publication',
  'not-handled:mass-repeat',
  'not-handled:confirmation',
  'other:no-correction',
  'other:no-fee',
  'other:other',
] as const;
export type RequestOutcome = (typeof requestOutcomes)[number];

/**
 * Where an answer stands before it counts: prepared by a drafter (or needing review) it awaits a reviewer,
 * who confirms it (answered) or returns it with a reason.
 */
const answerStates = ['awaiting-review', 'returned', 'answered'] as const;
export type AnswerState = (typeof answerStates)[number];

export const appealKinds = ['reconsideration', 'litigation'] as const;
export type AppealKind = (typeof appealKinds)[number];

export const appealResults = ['upheld', 'corrected', 'other'] as const;
export type AppealResult = (typeof appealResults)[number];

// ---- the November self-inspection (年度自查) ----

export const worklistRules = ['withheld', 'partial', 'often-requested', 'secrecy-lapsed', 'process-over'] as const;
export type WorklistRule = (typeof worklistRules)[number];

export const inspectionOutcomes = ['keep', 'proactive', 'partial'] as const;
export type InspectionOutcome = (typeof inspectionOutcomes)[number];
