type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Byte sequences that were not valid in the encoding and were read as U+FFFD. */
  replaced: number;
}

/** A text file, or why the bytes are not one. */
type TextDecoding = DecodedText | 'binary' | 'undecodable';

const REPLACEMENT = 0xfffd;
/** A UTF-8 file with at most one bad sequence per this many good non-ASCII characters is read as UTF-8, not as GB18030 mojibake. */
const UTF8_DAMAGE_RATIO = 20;

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, newline, form feed and carriage return mean binary content. */
function looksLikeText(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) control++;
  }
  return control <= text.length / 1000;
}

function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  for (const b of bytes) if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control++;
  return control > bytes.length / 1000;
}

/** UTF-8 with a few broken sequences (a line pasted from a GBK file, a damaged byte): read it as UTF-8 and count the damage. */
function damagedUtf8(bytes: Uint8Array): DecodedText | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === REPLACEMENT) replaced++;
    else if (c >= 0x80) good++;
  }
  return replaced > 0 && good >= UTF8_DAMAGE_RATIO * replaced ? { text, encoding: 'utf-8', replaced } : null;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText | null {
  // A file cut off mid-character keeps every whole character before the cut.
  const dangling = bytes.length % 2;
  const text = tryDecode(bytes.subarray(0, bytes.length - dangling), encoding);
  return text === null ? null : { text, encoding, replaced: dangling };
}

function decode(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', replaced: 0 };
  const damaged = damagedUtf8(bytes);
  if (damaged) return damaged;
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const gb = hasBom ? null : tryDecode(bytes, 'gb18030');
  return gb === null ? null : { text: gb, encoding: 'gb18030', replaced: 0 };
}

/**
 * Decodes plain text by the bytes, not the file name: a UTF-16 BOM decides; otherwise strict UTF-8,
 * UTF-8 with a few damaged sequences, then strict GB18030 (a superset of GBK and GB2312).
 */
export function decodeText(bytes: Uint8Array): TextDecoding {
  const decoded = decode(bytes);
  if (decoded) return looksLikeText(decoded.text) ? decoded : 'binary';
  return looksBinary(bytes) ? 'binary' : 'undecodable';
}
