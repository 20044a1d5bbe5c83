import type { Paragraph } from '../../../shared/types.ts';

/** One paragraph as a reader produced it, before offsets and zones are known. */
export interface Block {
  text: string;
  page: number | null;
  kind: Paragraph['kind'];
  /** A footnote or endnote, named as the reference that places it ("footnote-3"). */
  note?: string;
  /** Text of a page header or footer, put ahead of or after the body and kept out of 公文 metadata. */
  furniture?: 'header' | 'footer';
}

export interface FormatReading {
  blocks: Block[];
  pageCount: number | null;
  warnings: string[];
}
