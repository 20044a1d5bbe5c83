import { pageAt, type DocxBody } from './docx-body.ts';
import type { Block } from './blocks.ts';

/** Longest piece of a paragraph looked up whole; enough to be unique, short enough to stay cheap. */
const KEY_LENGTH = 160;
/** A paragraph found only by a short piece of it must lie this close to where the previous one ended. */
const PIECE_LENGTH = 6;
const PIECE_OFFSETS = [0, 3, 8];
const PIECE_WINDOW = 4000;

/**
 * Gives each of mammoth's paragraphs the page its text starts on in word/document.xml. Paragraphs
 * are matched in order on their text without whitespace, so tables, empty paragraphs and text
 * boxes need no structural mirror; one that cannot be found takes the page of the one before.
 * Notes go on the page of their reference. A body without page information leaves every page null.
 */
export function placeOnPages(blocks: Block[], body: DocxBody): { blocks: Block[]; pageCount: number | null } {
  if (body.breaks === 0) return { blocks, pageCount: null };
  const { stream } = body;
  let cursor = 0;
  let last = 1;
  const placed = blocks.map((block): Block => {
    if (block.note !== undefined) return { ...block, page: body.notePages.get(block.note) ?? (block.note.startsWith('endnote') ? body.pageCount : last) };
    const key = block.text.replace(/\s+/g, '');
    if (!key) return { ...block, page: last };
    let at = stream.indexOf(key.slice(0, KEY_LENGTH), cursor);
    // A short text found far ahead is more likely a later repeat ("一、") than this paragraph.
    if (at - cursor > PIECE_WINDOW && key.length < 2 * PIECE_LENGTH) at = -1;
    let advance = Math.min(key.length, KEY_LENGTH);
    // Not found whole (a symbol or checkbox mammoth renders otherwise): try a few short pieces near the cursor.
    for (const offset of PIECE_OFFSETS) {
      if (at >= 0 || offset + PIECE_LENGTH > key.length) break;
      const near = stream.indexOf(key.slice(offset, offset + PIECE_LENGTH), cursor);
      if (near >= 0 && near - cursor <= PIECE_WINDOW) {
        at = near;
        advance = PIECE_LENGTH;
      }
    }
    if (at < 0) return { ...block, page: last };
    last = pageAt(body, at);
    cursor = at + advance;
    return { ...block, page: last };
  });
  return { blocks: placed, pageCount: body.pageCount };
}
