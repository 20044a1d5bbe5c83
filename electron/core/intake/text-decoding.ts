type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

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

/**
 * Decodes plain text by the bytes, not the file name: a BOM decides; otherwise strict UTF-8,
 * then strict GB18030 (a superset of GBK and GB2312). Returns null for binary or undecodable bytes.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  let decoded: DecodedText | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(bytes, 'utf-8');
    decoded = text === null ? null : { text, encoding: 'utf-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode(bytes, 'utf-16le');
    decoded = text === null ? null : { text, encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode(bytes, 'utf-16be');
    decoded = text === null ? null : { text, encoding: 'utf-16be' };
  } else {
    for (const encoding of ['utf-8', 'gb18030'] as const) {
      const text = tryDecode(bytes, encoding);
      if (text !== null) {
        decoded = { text, encoding };
        break;
      }
    }
  }
  if (!decoded || !looksLikeText(decoded.text)) return null;
  return decoded;
}
