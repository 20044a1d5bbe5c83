const DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十 = 10, 十九 = 19, 二十 = 20, 三十一 = 31. */
function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && s in DIGITS ? DIGITS[s]! : null;
  const tens = ten === 0 ? 1 : DIGITS[s.slice(0, ten)];
  const unitsText = s.slice(ten + 1);
  const units = unitsText === '' ? 0 : DIGITS[unitsText];
  if (tens === undefined || units === undefined || ten > 1 || unitsText.length > 1) return null;
  return tens * 10 + units;
}

function chineseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (s.length !== 4) return null;
  let year = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined) return null;
    year = year * 10 + d;
  }
  return year;
}

/** "2018年10月19日" or "二〇一八年十月十九日" as an ISO date; null when it is not a real calendar date. */
export function parseChineseDate(text: string): string | null {
  const m = /^(\S{4})年(\S{1,3})月(\S{1,3})日$/.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  const year = chineseYear(m[1]!);
  const month = chineseNumber(m[2]!);
  const day = chineseNumber(m[3]!);
  if (year === null || month === null || day === null || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
