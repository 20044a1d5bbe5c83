/** WinAnsi code points in 0x80–0x9F that differ from Latin-1, mapped back to their byte. */
const WIN_ANSI: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

const gbk = new TextDecoder('gbk', { fatal: true });
const IDEOGRAPH = /[\u4e00-\u9fff]/;
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g;

/**
 * A PDF font that declares WinAnsi but whose strings are really GBK shows Chinese as Latin-1
 * mojibake ("È«ÊÀ½ç"). When a string is such bytes and they decode cleanly as mostly Chinese,
 * returns the Chinese text; otherwise null, so real Western text is never touched.
 */
export function repairGbkMojibake(text: string): string | null {
  const bytes = new Uint8Array(text.length);
  let high = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const byte = c < 0x100 ? c : WIN_ANSI[c];
    if (byte === undefined) return null;
    bytes[i] = byte;
    if (byte >= 0x80) high++;
    if (byte > 0x20) visible++;
  }
  if (high < 2 || high < 0.6 * visible) return null;
  let decoded: string;
  try {
    decoded = gbk.decode(bytes);
  } catch {
    return null;
  }
  const cjk = decoded.match(CJK)?.length ?? 0;
  return IDEOGRAPH.test(decoded) && cjk * 4 >= high ? decoded : null;
}
