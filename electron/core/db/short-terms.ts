// The trigram index cannot answer terms of one or two characters (姓名 initials, 纪要, a year's 24…), and a
// substring scan of 100,000 texts is far too slow. This side index holds every adjacent pair of characters of
// 发文字号, 标题 and text as one token (a lone character where a pair is cut by whitespace or the end), each
// character spelled as six hex digits so no tokenizer rule can split or fold it: a two-character term is one
// token, a one-character term is a six-digit prefix.

const hex = (ch: string) => ch.codePointAt(0)!.toString(16).padStart(6, '0');
const space = /\s/;

/** Pair tokens of the given fields, space-separated, for documents_short. */
export function shortTermTokens(fields: readonly (string | null)[]): string {
  const tokens: string[] = [];
  for (const field of fields) {
    if (!field) continue;
    const chars = [...field];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (space.test(ch)) continue;
      const next = chars[i + 1];
      tokens.push(next === undefined || space.test(next) ? hex(ch) : hex(ch) + hex(next));
    }
  }
  return tokens.join(' ');
}

/** The documents_short MATCH expression requiring every term (each one or two characters, no whitespace). */
export function shortTermQuery(terms: readonly string[]): string {
  return terms.map((term) => ([...term].length === 1 ? `${hex(term)}*` : [...term].map(hex).join(''))).join(' AND ');
}
