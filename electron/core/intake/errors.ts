import type { IntakeError, IntakeLimits, IntakeResult } from '../../../shared/types.ts';
import { intakeMessages as m } from '../../../shared/messages/intake.ts';
import type { IntakeFailure } from './failure.ts';
import { plainTextMaxBytes } from '../../../shared/intake-limits.ts';

/** The one place a failure becomes a per-file error with a Chinese message naming the file. */
function describeFailure(failure: IntakeFailure, fileName: string, limits: IntakeLimits, byteSize = 0): IntakeError {
  const { code, reason } = failure;
  switch (code) {
    case 'not-found':
      return { code, message: m.notFound(fileName) };
    case 'empty':
      return { code, message: m.empty(fileName) };
    case 'corrupt':
      if (reason === 'unreadable') return { code, message: m.unreadable(fileName) };
      if (reason === 'undecodable-text') return { code, message: m.undecodableText(fileName) };
      if (reason === 'crashed') return { code, message: m.crashed(fileName) };
      return { code, message: m.corrupt(fileName) };
    case 'encrypted':
      return { code, message: m.encrypted(fileName) };
    case 'no-text-layer':
      return { code, message: m.noTextLayer(fileName) };
    case 'wrong-type':
      return { code, message: m.wrongType(fileName, failure.actualType ?? 'ole') };
    case 'too-large':
      if (reason === 'plain-text') return { code, message: m.plainTextTooLarge(fileName, byteSize, plainTextMaxBytes) };
      if (reason === 'expanded') return { code, message: m.expandedTooLarge(fileName, limits.maxExpandedBytes) };
      if (reason === 'out-of-memory') return { code, message: m.outOfMemory(fileName) };
      if (reason === 'scan') return { code, message: m.scanOutOfMemory(fileName) };
      if (reason === 'page-glyphs') return { code, message: m.pageTooDense(fileName) };
      return { code, message: m.tooLarge(fileName, byteSize, limits.maxBytes) };
    case 'unsupported':
      if (reason === 'legacy' && failure.actualType) return { code, message: m.legacyFormat(fileName, failure.actualType) };
      if (failure.actualType) return { code, message: m.unsupportedType(fileName, failure.actualType) };
      return { code, message: m.unsupported(fileName) };
    case 'timeout':
      if (reason === 'scan') return { code, message: m.scanTimeout(fileName, limits.timeoutMs) };
      return { code, message: m.timeout(fileName, limits.timeoutMs) };
  }
}

export function failed(failure: IntakeFailure, fileName: string, limits: IntakeLimits, byteSize = 0): Extract<IntakeResult, { ok: false }> {
  return { ok: false, fileName, error: describeFailure(failure, fileName, limits, byteSize) };
}
