import { intakeMessages as m } from '../../../shared/messages/intake.ts';
import type { DecodedText } from './text-decoding.ts';
import type { FormatReading } from './blocks.ts';

/** Plain text: each non-blank line is a paragraph. */
export function readTxt(decoded: DecodedText): FormatReading {
  const blocks = decoded.text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r|\u2028|\u2029|\f/)
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line.length > 0)
    .map((text) => ({ text, page: null, kind: 'paragraph' as const }));
  return { blocks, pageCount: null, warnings: decoded.replaced > 0 ? [m.txtReplacedBytes(decoded.replaced, decoded.encoding)] : [] };
}
