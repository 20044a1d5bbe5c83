// The trigram index cannot answer terms of one or two characters (姓名 initials, 纪要, a year's 24…), and a
// substring scan of 100,000 texts is far too slow. This side index holds every adjacent pair of characters of
// 发文字号, 标题 and text as one token (a lone character where a pair is cut by whitespace or the end), each
// character spelled as six hex digits so no tokenizer rule can split or fold it: a two-character term is one
// token, a one-character term is a six-digit prefix.

const hexOf = (codePoint: number) => codePoint.toString(16).padStart(6, '0');
const hex = (ch: string) => hexOf(ch.codePointAt(0)!);
/** One past the largest code point. */
const PAIR = 0x110000;
const space = /\s/;

/**
 * Pair tokens of the given fields, space-separated, for documents_short. Each distinct token once: the index
 * keeps no positions or counts (detail=none), so a 60 MB text gives a few thousand tokens, not sixty million.
 */
export function shortTermTokens(fields: readonly (string | null)[]): string {
  // Code points, not hex strings, while collecting: a pair is first * PAIR + second, a lone character -1 - itself.
  const tokens = new Set<number>();
  for (const field of fields) {
    if (!field) continue;
    let previous = -1;
    for (const ch of field) {
      const blank = space.test(ch);
      if (previous >= 0) tokens.add(blank ? -1 - previous : previous * PAIR + ch.codePointAt(0)!);
      previous = blank ? -1 : ch.codePointAt(0)!;
    }
    if (previous >= 0) tokens.add(-1 - previous);
  }
  const words: string[] = [];
  for (const t of tokens) words.push(t < 0 ? hexOf(-1 - t) : hexOf(Math.floor(t / PAIR)) + hexOf(t % PAIR));
  return words.join(' ');
}

/** The documents_short MATCH expression requiring every term (each one or two characters, no whitespace). */
export function shortTermQuery(terms: readonly string[]): string {
  return terms.map((term) => ([...term].length === 1 ? `${hex(term)}*` : [...term].map(hex).join(''))).join(' AND ');
}
