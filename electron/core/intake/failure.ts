import type { IntakeErrorCode } from '../../../shared/types.ts';
import type { FileTypeKey } from '../../../shared/messages/intake.ts';

export type FailureReason = 'expanded' | 'page-glyphs' | 'undecodable-text' | 'unreadable' | 'out-of-memory' | 'crashed' | 'legacy';

/** Thrown by the readers; turned into an IntakeError with a Chinese message at the edge. */
export class IntakeFailure extends Error {
  readonly code: IntakeErrorCode;
  readonly reason: FailureReason | null;
  readonly actualType: FileTypeKey | null;
  constructor(code: IntakeErrorCode, reason: FailureReason | null = null, actualType: FileTypeKey | null = null) {
    super(code);
    this.code = code;
    this.reason = reason;
    this.actualType = actualType;
  }
}
