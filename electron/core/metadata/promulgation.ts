/**
 * How laws, regulations and rules record their making: the adoption and amendment lines under the title
 * ("2020年6月20日 第十三届全国人民代表大会常务委员会第十九次会议修订"), a parenthesised line
 * ("（2017年7月18日上海市人民政府令第55号公布　自2017年9月1日起施行）"), and the 令 that promulgates a
 * regulation ("中华人民共和国国务院令" / "第707号" / "现公布…《…》…" / "总理　李克强" / date / title).
 */
import { parseChineseDate } from './dates.ts';

const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const RECORD_START = /^[（(]?(?:根据)?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;
const ACTION = /(通过|修正|修订|公布|发布|批准|施行|印发|修改|废止)/;
/** The date a text takes effect is not when it was made: "2010年5月1日 施行", "自2017年9月1日起施行". */
const TAKES_EFFECT_AFTER = /^\s*(?:起\s*)?(?:施行|实施|生效)/;
const TAKES_EFFECT_BEFORE = /自\s*$/;
/** A 令 or 公告 number: 中华人民共和国国务院令第681号, 浙江省人民代表大会常务委员会公告第44号. */
const ORDER_NUMBER = /([\u4e00-\u9fa5]{2,40}?(?:令|公告))\s*第\s*(\d{1,5})\s*号/g;
const HAS_ORDER = /(?:令|公告)\s*第\s*\d/;
const ORDER_HEAD = /^([\u4e00-\u9fa5]{2,40}(?:令|公告))$/;
const ORDER_SERIAL = /^第\s*(\d{1,5})\s*号$/;
const ORDER_LINE = /^([\u4e00-\u9fa5]{2,40}(?:令|公告))\s*第\s*(\d{1,5})\s*号$/;
const PROMULGATES = /(公布|发布|施行)/;
const BOOK_TITLE = /《([^《》]{2,80})》/;

interface RecordReading {
  date: string | null;
  dateRaw: string | null;
  docNumber: string | null;
  /** The last line of the record. */
  end: number;
}

const isoOf = (m: RegExpMatchArray) => parseChineseDate(`${m[1]}年${Number(m[2])}月${Number(m[3])}日`);

/**
 * Reads the record lines right after a title: every date on them except one a text takes effect on, the
 * latest of which is when the text in hand was made, and the last 令/公告 number. Null when the lines
 * after the title are not such a record.
 */
export function readRecord(lines: readonly string[], from: number, skip: (i: number) => boolean): RecordReading | null {
  let best: { iso: string; raw: string } | null = null;
  let docNumber: string | null = null;
  let end = -1;
  for (let i = from; i < lines.length && i < from + 12; i++) {
    if (skip(i)) continue;
    const line = lines[i]!;
    if (!RECORD_START.test(line) || !(ACTION.test(line) || HAS_ORDER.test(line))) break;
    end = i;
    for (const m of line.matchAll(DATE)) {
      const after = line.slice(m.index + m[0].length);
      if (TAKES_EFFECT_AFTER.test(after) || TAKES_EFFECT_BEFORE.test(line.slice(0, m.index))) continue;
      const iso = isoOf(m);
      if (iso && (!best || iso >= best.iso)) best = { iso, raw: m[0].replace(/\s+/g, '') };
    }
    for (const m of line.replace(DATE, ' ').matchAll(ORDER_NUMBER)) docNumber = `${m[1]}第${m[2]}号`;
  }
  if (end < 0) return null;
  return { date: best?.iso ?? null, dateRaw: best?.raw ?? null, docNumber, end };
}

interface OrderReading {
  docNumber: string;
  /** The title of what the 令 promulgates, as named in it. */
  promulgated: string | null;
  /** Lines of the 令 itself, from its name to its date. */
  start: number;
  end: number;
  date: string | null;
  dateRaw: string | null;
}

/**
 * A 令 at the top: its name and number (on one line or two), the sentence that promulgates a text
 * named in 《》, the signer and the date. The title of the document is that text.
 */
export function readOrder(lines: readonly string[], from: number, skip: (i: number) => boolean, dateOf: (line: string) => { iso: string; raw: string } | null): OrderReading | null {
  let i = from;
  while (i < lines.length && skip(i)) i++;
  const first = lines[i];
  if (first === undefined) return null;
  let docNumber: string;
  let last = i;
  const whole = ORDER_LINE.exec(first);
  const head = ORDER_HEAD.exec(first);
  const serial = head && i + 1 < lines.length ? ORDER_SERIAL.exec(lines[i + 1]!) : null;
  if (whole) docNumber = `${whole[1]}第${whole[2]}号`;
  else if (head && serial) {
    docNumber = `${head[1]}第${serial[1]}号`;
    last = i + 1;
  } else return null;
  let promulgated: string | null = null;
  for (let k = last + 1; k < lines.length && k <= last + 6; k++) {
    const line = lines[k]!;
    if (!promulgated && PROMULGATES.test(line)) promulgated = BOOK_TITLE.exec(line)?.[1] ?? null;
    const date = dateOf(line);
    if (date) return { docNumber, promulgated, start: i, end: k, date: date.iso, dateRaw: date.raw };
  }
  return promulgated ? { docNumber, promulgated, start: i, end: last + 1, date: null, dateRaw: null } : null;
}
