import { pageAt, type DocxBody } from './docx-body.ts';
import type { Block } from './blocks.ts';

/** Longest piece of a paragraph looked up whole; enough to be unique, short enough to stay cheap. */
const KEY_LENGTH = 160;
/** A paragraph found only by its first characters must lie this close to where the previous one ended. */
const PREFIX_LENGTH = 6;
const PREFIX_WINDOW = 4000;

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
    let advance = Math.min(key.length, KEY_LENGTH);
    if (at < 0) {
      const prefix = key.slice(0, PREFIX_LENGTH);
      const near = stream.indexOf(prefix, cursor);
      if (near >= 0 && near - cursor <= PREFIX_WINDOW) {
        at = near;
        advance = prefix.length;
      }
    }
    if (at < 0) return { ...block, page: last };
    last = pageAt(body, at);
    cursor = at + advance;
    return { ...block, page: last };
  });
  return { blocks: placed, pageCount: body.pageCount };
}
