/**
 * Character classes of Chinese text, one home for each, so intake and the scanner read text alike.
 * Pure: no Node, no DOM.
 */

/**
 * A CJK character: radicals, punctuation (U+3000–303F), kana, ideographs (U+2E80–9FFF), compatibility
 * ideographs (U+F900–FAFF) and full-width forms (U+FF00–FFEF). A line break or a gap between two such
 * characters is no word space.
 */
export const cjkChar = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Where a sentence ends, for the span a finding is read in: 。！？, the ；that closes a 公文's list items, and a line break. */
export const sentenceEnd = /[。！？；!?;\n]/;
