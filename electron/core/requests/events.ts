import type { ApplicantType, RequestChannel, RequestOutcome } from '../../../shared/ipc/inspection.ts';

/**
 * Audit actions of the on-request register; the annual figures are folded from these entries. `answer` is
 * written only for a final answer (given at once, or a prepared one confirmed by a reviewer), so the figures
 * never count an answer still under review.
 */
export const requestActions = {
  add: 'request.add',
  answer: 'request.answer',
  extend: 'request.extend',
  prepare: 'request.answer.prepare',
  giveBack: 'request.answer.return',
  appeal: 'request.appeal',
  appealResult: 'request.appeal.result',
} as const;

export interface RequestAddedPayload {
  requestId: number;
  subject: string;
  /** Entries written before the template's columns say citizen, legal-person or other: read through `applicantOf`. */
  applicantType: ApplicantType;
  channel: RequestChannel;
  receivedOn: string;
  note: string;
}

/** The answer's content, as prepared and as confirmed. */
interface AnswerContent {
  outcome: RequestOutcome;
  answeredOn: string;
  /** 条例 article and reasons; null and '' for a full release. */
  basis: string | null;
  reason: string;
  fee: number | null;
  feeWaived: boolean;
  reviewRequired: boolean;
  note: string;
}

export interface RequestAnsweredPayload {
  requestId: number;
  outcome: RequestOutcome;
  answeredOn: string;
  /** The final day as the calendar of that moment gave it, and whether the answer came after it. */
  finalDue: string;
  late: boolean;
  note: string;
  // Absent on entries written before answers were reviewed.
  basis?: string | null;
  reason?: string;
  fee?: number | null;
  feeWaived?: boolean;
  reviewRequired?: boolean;
  /** Set when a reviewer confirmed a prepared answer: the justification (or null where none was needed). */
  review?: { justification: string | null } | null;
}

export type RequestPreparedPayload = { requestId: number } & AnswerContent;

export interface RequestReturnedPayload {
  requestId: number;
  reason: string;
}

export interface RequestExtendedPayload {
  requestId: number;
  extensionDays: number;
  reason: string;
  finalDue: string;
}

export interface RequestAppealPayload {
  requestId: number;
  appealId: number;
  kind: 'reconsideration' | 'litigation';
  filedOn: string;
  body: string;
  afterReconsideration: boolean;
}

export interface RequestAppealResultPayload {
  requestId: number;
  appealId: number;
  result: 'upheld' | 'corrected' | 'other';
  decidedOn: string;
}
