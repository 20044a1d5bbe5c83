import type { IntakeErrorCode } from '../../../shared/types.ts';
import type { FileTypeKey } from '../../../shared/messages/intake.ts';

/** `plain-text`: over the plain-text limit for scanning (shared/intake-limits.ts). `scan`: the limit was reached while scanning what had been read, not while reading it. */
type FailureReason = 'plain-text' | 'expanded' | 'page-glyphs' | 'undecodable-text' | 'unreadable' | 'out-of-memory' | 'crashed' | 'legacy' | 'scan';

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

/** Why a user's path could not be opened: nothing there (`not-found`), or there but not readable as a file. */
export function openFailure(error: unknown): IntakeFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? new IntakeFailure('not-found') : new IntakeFailure('corrupt', 'unreadable');
}
