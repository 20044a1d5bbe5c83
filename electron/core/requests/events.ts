import type { ApplicantType, RequestChannel, RequestOutcome } from '../../../shared/ipc/inspection.ts';

/** Audit actions of the on-request register; the annual figures are folded from these entries. */
export const requestActions = { add: 'request.add', answer: 'request.answer', extend: 'request.extend' } as const;

export interface RequestAddedPayload {
  requestId: number;
  subject: string;
  applicantType: ApplicantType;
  channel: RequestChannel;
  receivedOn: string;
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
}

export interface RequestExtendedPayload {
  requestId: number;
  extensionDays: number;
  reason: string;
  finalDue: string;
}
